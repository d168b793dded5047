"""Which tuning questions two eval runs answer differently (correct or wrong figure)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.evaluation import is_correct, is_wrong_figure, load_questions
from bot.splits import question_split, set_is_locked


def main(questions_path: str, before: str, after: str) -> None:
    """Print each tuning question whose correctness or wrong figure changed."""
    if set_is_locked(Path(questions_path)):
        raise SystemExit("compare: the set is locked; its answers are not for reading")
    questions = {q.id: q for q in load_questions(Path(questions_path))}
    old = {r["id"]: r for r in map(json.loads, Path(before).read_text().splitlines())}
    for row in map(json.loads, Path(after).read_text().splitlines()):
        q = questions[row["id"]]
        if question_split(q.id, q.gold_docs) != "tuning" or q.id not in old:
            continue
        was, now = old[q.id], row
        a = (is_correct(q, was), is_wrong_figure(q, was))
        b = (is_correct(q, now), is_wrong_figure(q, now))
        if a != b:
            print(f"{q.id} [{q.kind}] correct {a[0]}->{b[0]} wrong {a[1]}->{b[1]}: {q.question}")
            print("   now: " + now["answer"][:300].replace("\n", " | "))


if __name__ == "__main__":
    main(*sys.argv[1:])
