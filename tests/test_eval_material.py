"""The evaluation material kept in eval/ is well formed: it is what every figure is measured on.

Checks format only (ids, gold documents, verbatim evidence), never answers, so it reads the
locked sets' gold as data and tunes nothing on it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.evaluation import load_questions

EVAL = Path(__file__).resolve().parents[1] / "eval"
DEV_DOCS = EVAL.parents[1] / "shared" / "corpus" / "dev" / "docs"
QUESTION_SETS = sorted(EVAL.rglob("questions.yaml"))
LEDGERS = sorted(EVAL.rglob("ledger_gold.yaml"))
KINDS = {
    "amount", "recipients", "why", "who_said", "when", "aggregate", "onboarding", "unanswerable",
}  # fmt: skip


def docs_of(set_file: Path) -> Path:
    """A set's own documents, or the development corpus's for a set that has none."""
    own = set_file.parent / "docs"
    return own if own.is_dir() else DEV_DOCS


def stems(folder: Path) -> set[str]:
    return {p.stem for p in folder.iterdir() if p.is_file()}


def test_every_set_is_found() -> None:
    assert len(QUESTION_SETS) >= 3 and len(LEDGERS) >= 3


@pytest.mark.parametrize("path", QUESTION_SETS, ids=lambda p: str(p.relative_to(EVAL)))
def test_a_question_set_names_real_documents_and_known_kinds(path: Path) -> None:
    if not docs_of(path).is_dir():
        pytest.skip(f"the shared dev corpus is not here ({DEV_DOCS})")
    questions = load_questions(path)
    ids = [q.id for q in questions]
    assert len(ids) == len(set(ids)), "question ids repeat"
    known = stems(docs_of(path))
    for q in questions:
        assert q.kind in KINDS, f"{q.id}: kind {q.kind!r}"
        assert set(q.gold_docs) <= known, f"{q.id}: {set(q.gold_docs) - known}"
        assert q.question.strip(), q.id
        if q.kind == "unanswerable":
            assert q.gold_amount_sek is None, q.id


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.mark.parametrize("path", LEDGERS, ids=lambda p: str(p.relative_to(EVAL)))
def test_a_gold_ledger_quotes_its_documents_verbatim(path: Path) -> None:
    folder = docs_of(path)
    if not folder.is_dir():
        pytest.skip(f"the shared dev corpus is not here ({DEV_DOCS})")
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    files = {p.stem: p for p in folder.iterdir() if p.is_file()}
    texts: dict[str, str] = {}
    for i, row in enumerate(rows):
        doc = row["doc"]
        assert doc in files, f"row {i}: no document {doc}"
        assert row["status"] in {"decided", "proposed", "applied", "refused", "budget", "reported"}
        assert isinstance(row["amount"], int) and row["amount"] >= 0, f"row {i}"
        if files[doc].suffix == ".pdf":
            continue  # its spans quote the text the PDF was rendered from, kept at the source
        if doc not in texts:
            texts[doc] = _squash(files[doc].read_text(encoding="utf-8"))
        assert _squash(row["evidence"]) in texts[doc], f"row {i} ({doc}): {row['evidence']!r}"
