#!/usr/bin/env python3
"""The shipped catalog (data/) plus one online course with 200 questions, for bench/quiz.

    python3 bench/quiz/gen_quiz_catalog.py --out bench/out/quiz-200

The course (id bench-quiz-200, title 基准测验二百题) has three lesson pages and 200 questions
drawn in every attempt (questions_per_attempt = 200): single-choice questions of 4 to 6 CJK
choices, choose-all questions of 4 choices and true/false ones, in turn, with texts long enough
to wrap at 80 columns. attempts_per_day is high so that one day holds every round.
"""

import argparse
import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COURSE_ID = "bench-quiz-200"
TITLE = "基准测验二百题"
QUESTIONS = 200


def question(n):
    text = f"第{n}道基准题：按照课件第{n % 3 + 1}页的内容，下列关于党员教育培训学时制度和考核评估的说法，哪一项是正确的？"
    if n % 3 == 2:
        return f'[[course.question]]\ntext = "基准判断题{n}：党员每年集中学习培训时间一般不少于32学时。"\nanswer = {"true" if n % 2 else "false"}\nexplanation = "见第1页。"\n'
    count = 4 + n % 3 if n % 3 == 0 else 4
    choices = ", ".join(f'"选项{n}-{c}：基层党组织书记和班子成员每年集中学习培训时间不少于{50 + c}学时"'
                        for c in range(count))
    answer = "ABCDEF"[n % count] if n % 3 == 0 else "AC"
    return (f'[[course.question]]\ntext = "{text}"\nchoices = [{choices}]\n'
            f'answer = "{answer}"\nexplanation = "见第{n % 3 + 1}页。"\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    out = parser.parse_args().out
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(os.path.join(ROOT, "data"), out)
    lessons = "\n".join(
        f'[[course.lesson]]\ntitle = "第{p}页"\ntext = "基准课件第{p}页：党员每年集中学习培训时间一般不少于32学时。"\n'
        for p in range(1, 4))
    body = [f'''category = "discipline"

[[course]]
id = "{COURSE_ID}"
title = "{TITLE}"
hours = 1
kind = "elective"
form = "online"
summary = "测验基准：一门有 {QUESTIONS} 道试题的网络培训课程，每次测验全部抽出。"
keywords = ["基准"]

{lessons}
[course.quiz]
pass_percent = 80
questions_per_attempt = {QUESTIONS}
attempts_per_day = 1000
''']
    body += [question(n) for n in range(1, QUESTIONS + 1)]
    with open(os.path.join(out, "courses", "bench-quiz.toml"), "w", encoding="utf-8") as file:
        file.write("\n".join(body))


if __name__ == "__main__":
    main()
