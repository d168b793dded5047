"""Print the failed answers of the tuning split of an eval run (locked rows are skipped)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.evaluation import is_correct, is_wrong_figure, load_questions
from bot.splits import question_split, set_is_locked


def main(questions_path: str, results_path: str, kind: str | None = None) -> None:
    """Show each tuning question answered wrongly, with what was answered."""
    if set_is_locked(Path(questions_path)):
        raise SystemExit("failures: the set is locked; its answers are not for reading")
    questions = {q.id: q for q in load_questions(Path(questions_path))}
    for line in Path(results_path).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        q = questions[row["id"]]
        if question_split(q.id, q.gold_docs) != "tuning" or is_correct(q, row):
            continue
        if kind and q.kind != kind:
            continue
        flag = "WRONG-FIGURE " if is_wrong_figure(q, row) else ""
        print(f"=== {q.id} [{q.kind}] {flag}{q.question}")
        print(f"  gold: {q.gold_docs} {q.gold_amount_sek} {q.must_mention}")
        print(f"  answered={row['answered']} amounts={row['amounts_sek']}")
        print("  " + row["answer"][:700].replace("\n", "\n  "))
        print(f"  cited={[c['source'] for c in row['citations']]} top={row['retrieved'][:3]}")


if __name__ == "__main__":
    main(*sys.argv[1:])
