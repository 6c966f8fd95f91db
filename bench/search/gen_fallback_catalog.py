#!/usr/bin/env python3
"""A plain 10,000-course catalog for the search benchmark, used only when
bench/catalog-load/gen_catalog.py (the richer generator shared with the load benchmark) is
absent. Deterministic for a given --seed; titles, keywords and summaries are composed from a
small vocabulary of Party-education and farming topics.

    python3 gen_fallback_catalog.py --courses 10000 --out ../out/search-catalog-10k
"""

from __future__ import annotations

import argparse
import os
import random
import shutil

CATEGORIES = [("ideals", "理想信念"), ("discipline", "党章党规党纪"), ("skills", "专业技能"),
              ("farming", "农业实用技术"), ("policy", "形势政策"), ("law", "法律法规")]
TOPICS = {
    "ideals": ["理想信念教育", "重温入党誓词", "党史学习", "革命传统教育", "先进典型事迹"],
    "discipline": ["学习党章", "三会一课", "廉政警示教育", "民主评议党员", "党费收缴"],
    "skills": ["电子商务", "电脑基础操作", "创业就业技能", "农村会计", "乡村旅游"],
    "farming": ["日光温室蔬菜栽培", "果树修剪", "肉牛养殖", "测土配方施肥", "食用菌栽培"],
    "policy": ["乡村振兴政策", "中央一号文件", "惠农补贴政策", "土地承包政策", "社会保障"],
    "law": ["宪法学习", "民法典", "人民调解法", "防范电信诈骗", "劳动合同法"],
}
SHAPES = ["{t}", "{t}专题培训班", "{t}远程教育专题", "{t}现场教学", "流动课堂：{t}", "{t}（自学）"]
FORMS = ["concentrated", "remote", "onsite", "mobile", "selfstudy"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--courses", type=int, default=10_000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(os.path.join(args.out, "courses"))
    with open(os.path.join(args.out, "catalog.toml"), "w", encoding="utf-8") as out:
        out.write('[catalog]\ntitle = "党员教育培训课程目录"\nissuer = "某县委组织部"\nyear = 2026\n')
        for order, (ident, title) in enumerate(CATEGORIES, 1):
            out.write(f'\n[[category]]\nid = "{ident}"\ntitle = "{title}"\norder = {order}\n')
    with open(os.path.join(args.out, "rules.toml"), "w", encoding="utf-8") as out:
        out.write('[year]\nstart = "01-01"\n\n[[requirement]]\nid = "member-annual"\n'
                  'title = "党员年度集中学习培训"\nmin_hours = 32\n')
    seen: dict[str, int] = {}
    files = {ident: [] for ident, _ in CATEGORIES}
    for number in range(args.courses):
        category, _ = CATEGORIES[number % len(CATEGORIES)]
        topic = rng.choice(TOPICS[category])
        title = rng.choice(SHAPES).format(t=topic)
        seen[title] = seen.get(title, 0) + 1
        if seen[title] > 1:
            title += f"（第{seen[title]}期）"
        keywords = ", ".join(f'"{k}"' for k in rng.sample(TOPICS[category], 2))
        files[category].append(
            f'[[course]]\nid = "{category}-{number:05d}"\ntitle = "{title}"\n'
            f'hours = {rng.choice([1, 2, 3, 4, 8])}\nkind = "{rng.choice(["required", "elective"])}"\n'
            f'form = "{rng.choice(FORMS)}"\nsummary = "围绕{topic}开展学习，结合本地实际讲解要点并组织讨论。"\n'
            f"keywords = [{keywords}]\n")
    for category, entries in files.items():
        with open(os.path.join(args.out, "courses", f"{category}.toml"), "w",
                  encoding="utf-8") as out:
            out.write(f'category = "{category}"\n\n' + "\n".join(entries))
    print(f"{args.out}: {args.courses} courses")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
