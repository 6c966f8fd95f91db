#!/usr/bin/env python3
"""`report summary` in its three formats, on a database made with the real commands.

On a database made with `members import`, `credit`, `stations add` and `signin open/close`
(--db) over the shipped catalog:
1. The HTML page is one self-contained document: no script, no link, no source fetched, no
   style import; it parses (Python's html.parser), and text from data (a member named with
   markup and quotes) comes out as text, never as markup.
2. Every table of the page equals, cell for cell, the same section of the CSV file; the three
   charts' bars (`data-label`, `data-value`) equal the tables they draw: coverage by branch,
   hours by form (self-study included), sessions by month.
3. A few figures, worked out by hand below, are what the text, CSV and HTML all say; a
   branch's summary leaves the station's sign-in out (it belongs to no branch).

    python3 Tests/reports/summary_report.py [--binary PATH]

Prints one line per check and, last, exactly `N passed, M failed`; exits 1 when anything
failed.
"""

import csv
import datetime
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from tui_e2e import REPO, run_tests  # noqa: E402

DATA = os.path.join(REPO, "data")
HOSTILE = "<b>甲&乙</b>\"'"
ROSTER = f"""id,name,branch,domain,role,joined,floating,pin
8001,测试书记,测试村党支部,rural,secretary,2003-06-15,否,2468
8002,测试党员,测试村党支部,rural,member,2012-07-01,否,1357
8003,测试教师,实验小学党支部,school,member,2010-09-01,否,1122
8004,测试流动,测试村党支部,private,member,2016-09-01,是,3344
8005,"{HOSTILE.replace('"', '""')}",老干部党支部,retired,member,1975-07-01,否,5566
"""
CREDITS = [("ideals-red-base", "2026-04-03", "8001,8002,8003"),   # 现场教学, 4 h each
           ("ideals-theory", "2026-03-18", "8001,8002,8004"),     # 集中培训, 3 h each
           ("disc-constitution-read", "2026-02-01", "8001")]      # 自学, 4 h
# By hand: 5 members, 4 reached (8005 has nothing), 7 attendances (人次), 3 × 4 + 3 × 3 = 21
# hours that count and 4 of self-study. Sessions held: 2026-03-18 and 2026-04-03 from the
# credits (self-study is no session), and the station's sign-in closed today (nobody signed
# in), when today falls in the 2026 training year. 测试村党支部 alone: 3 members, 3 reached,
# 6 attendances, 3 + 4 + 3 + 4 + 3 = 17 hours, the same two sessions, no sign-in.
SHOWING_TODAY = datetime.date.today().year == 2026


class Page(HTMLParser):
    """The tables (by section: title, header, rows), the bars of each chart, and every tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.charts, self.tags, self.text = [], {}, [], []
        self.section = self.cell = self.row = self.figure = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "section" and attrs.get("class") == "table":
            self.section = {"title": "", "header": [], "rows": [], "in_title": False}
            self.tables.append(self.section)
        elif tag == "h2" and self.section is not None:
            self.section["in_title"] = True
        elif tag == "tr" and self.section is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""
        elif tag == "figure":
            self.figure = attrs.get("id")
            self.charts[self.figure] = []
        elif tag == "rect" and self.figure:
            self.charts[self.figure].append((attrs.get("data-label"), attrs.get("data-value")))

    def handle_endtag(self, tag):
        if tag == "h2" and self.section is not None:
            self.section["in_title"] = False
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if self.section["header"]:
                self.section["rows"].append(self.row)
            else:
                self.section["header"] = self.row
            self.row = None
        elif tag == "section":
            self.section = None
        elif tag == "figure":
            self.figure = None

    def handle_data(self, data):
        self.text.append(data)
        if self.cell is not None:
            self.cell += data
        elif self.section is not None and self.section["in_title"]:
            self.section["title"] += data


def csv_sections(text):
    """The CSV's sections: after an empty row, a title row, then its header and rows."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    sections, current = [], None
    for row in rows:
        if row == [""] or row == []:
            current = None
            continue
        if current is None:
            current = {"title": row[0], "rows": []}
            sections.append(current)
        else:
            current["rows"].append(row)
    return sections


def unformula(cell):
    """A CSV cell as the page shows it: without the `'` that disarms a formula."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@") else cell


class Records:
    def __init__(self, binary):
        self.binary = binary
        self.directory = tempfile.mkdtemp(prefix="course-menu-summary-")
        self.db = os.path.join(self.directory, "records.sqlite")
        roster = os.path.join(self.directory, "roster.csv")
        with open(roster, "w", encoding="utf-8") as file:
            file.write(ROSTER)
        self.run("members", "import", roster)
        for course, date, members in CREDITS:
            self.run("credit", course, "--date", date, "--members", members)
        self.run("stations", "add", "S01", "--name", "测试站点", "--place", "村党员活动室")
        self.run("signin", "open", "ideals-red-films", "--station", "S01", "--unscheduled")
        self.run("signin", "close", "--station", "S01")

    def run(self, *args):
        command = [self.binary, *args, "--db", self.db]
        if args[0] in ("credit", "report", "signin"):
            command += ["--catalog", DATA]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def remove(self):
        shutil.rmtree(self.directory, ignore_errors=True)


def overview(sections):
    first = next((s for s in sections if s["title"] == "一、总体情况"), {"rows": []})
    return {row[0]: row[1] for row in first["rows"][1:] if len(row) > 1}


def test_summary(binary, results):
    records = Records(binary)
    try:
        html = records.run("report", "summary", "--format", "html")
        sections = csv_sections(records.run("report", "summary", "--format", "csv"))
        text = records.run("report", "summary")
        page = Page()
        page.feed(html)
        page.close()

        tags = {tag for tag, _ in page.tags}
        outside = [(tag, attrs) for tag, attrs in page.tags
                   if {"src", "href", "srcset", "action", "formaction"} & set(attrs)]
        results.check("html: no script, no link, no iframe/img/object, nothing fetched",
                      not tags & {"script", "link", "iframe", "img", "object", "embed", "base"}
                      and not outside and not any(
                          k.startswith("on") for _, attrs in page.tags for k in attrs),
                      f"{sorted(tags)} {outside}")
        results.check("html: no style import or url(), no address but the SVG namespace",
                      "@import" not in html and "url(" not in html
                      and re.findall(r"https?://[^\"' ]+", html)
                      == ["http://www.w3.org/2000/svg"] * 3,
                      str(re.findall(r"https?://[^\"' ]+", html)))
        results.check("html: A4 print CSS and Chinese fonts by family with a fallback",
                      "@page { size: A4" in html and "@media print" in html
                      and '"Noto Sans CJK SC"' in html and "sans-serif" in html)
        results.check("html: a name with markup is text — escaped in the source, whole when parsed",
                      "<b>甲" not in html and "&lt;b&gt;甲&amp;乙&lt;/b&gt;&quot;&#39;" in html
                      and HOSTILE in "".join(page.text), "")

        titled = {s["title"]: s for s in sections}
        mismatches = []
        for table in page.tables:
            section = titled.get(table["title"])
            if section is None:
                mismatches.append(f"no CSV section {table['title']}")
                continue
            expected = [[unformula(c) for c in row] for row in section["rows"]]
            shown = [table["header"]] + table["rows"]
            if expected[:len(shown)] != shown:
                mismatches.append(f"{table['title']}: {shown} != {expected}")
        results.check(f"html: its {len(page.tables)} tables equal the CSV's sections, cell for cell",
                      len(page.tables) == 10 and not mismatches, "; ".join(mismatches)[:800])

        def rows(title):
            return titled[title]["rows"][1:] if title in titled else []
        coverage = [(r[0], r[-1]) for r in rows("二、按支部") if r[0] != "合计"]
        forms = [(r[0], str(float(r[3]) + float(r[4])).removesuffix(".0"))
                 for r in rows("六、按教学形式") if r[0] != "合计" and len(r) == 5]
        months = [(re.sub(r"^\d+ 年 ", "", r[0]), r[1]) for r in rows("八、各月举办期数")]
        results.check("charts: coverage by branch equals the branch table",
                      page.charts.get("chart-coverage") == coverage,
                      f"{page.charts.get('chart-coverage')} {coverage}")
        results.check("charts: hours by form equal the form table (self-study included)",
                      page.charts.get("chart-hours") == forms,
                      f"{page.charts.get('chart-hours')} {forms}")
        results.check("charts: sessions by month equal the month table",
                      page.charts.get("chart-months") == months,
                      f"{page.charts.get('chart-months')} {months}")

        figures = overview(sections)
        sessions = "3" if SHOWING_TODAY else "2"
        expected = {"党员人数": "5", "参训人数（本年度有学时记录）": "4", "举办培训期数": sessions,
                    "培训人次": "7", "学时（不含自学）": "21", "自学学时（单独列出）": "4",
                    "本年度没有学时的党员（人）": "1"}
        results.check("figures worked out by hand (CSV)",
                      {k: figures.get(k) for k in expected} == expected, str(figures))
        results.check("the text report says the same",
                      all(re.search(rf"^  {re.escape(k)}\s+{v}$", text, re.M)
                          for k, v in expected.items()), text[:900])
        without = rows("九、本年度没有学时的党员")
        results.check("members without hours: 8005 alone, named as written",
                      [r[:2] for r in without] == [["8005", HOSTILE]], str(without))
        branch = overview(csv_sections(records.run(
            "report", "summary", "--branch", "测试村党支部", "--format", "csv")))
        mine = {"党员人数": "3", "参训人数（本年度有学时记录）": "3", "举办培训期数": "2",
                "培训人次": "6", "学时（不含自学）": "17", "自学学时（单独列出）": "4"}
        results.check("--branch: that branch's figures, without the station's sign-in",
                      {k: branch.get(k) for k in mine} == mine, str(branch))
    finally:
        records.remove()


if __name__ == "__main__":
    sys.exit(run_tests(__doc__.split("\n")[0], [test_summary]))
