"""The eval summary's grounding counts, on hand-made result rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.evaluation import (
    EvalQuestion,
    by_split,
    is_correct,
    is_wrong_figure,
    select_split,
    summarise,
)
from bot.splits import set_is_locked


def _row(answer: str, quotes: list[str], date: str | None = "2024-06-18") -> dict[str, Any]:
    return {
        "id": "q",
        "answered": True,
        "answer": answer,
        "amounts_sek": [],
        "citations": [
            {"n": n, "source": "doc", "title": "Beslut", "date": date, "quote": quote}
            for n, quote in enumerate(quotes, 1)
        ],
        "retrieved": ["doc"],
        "latency_ms": 1.0,
    }


QUESTION = EvalQuestion("q", "?", "amount", ("doc",), None, ())


def counts(row: dict[str, Any]) -> tuple[float, float]:
    summary = summarise([QUESTION], [row])
    return summary["ungrounded_answers"], summary["computed_answers"]


def test_a_quoted_amount_with_its_source_date_is_grounded() -> None:
    row = _row("1,6 miljoner kronor, enligt beslut 18 juni 2024 [1].", ["fördela 1,6 miljoner"])
    assert counts(row) == (0, 0)


def test_a_date_no_cited_source_carries_is_ungrounded() -> None:
    row = _row("1,6 miljoner kronor, enligt beslut 19 juni 2024 [1].", ["fördela 1,6 miljoner"])
    assert counts(row) == (1, 0)


def test_an_amount_in_no_quote_is_ungrounded() -> None:
    row = _row("1,7 miljoner kronor, enligt beslut 18 juni 2024 [1].", ["fördela 1,6 miljoner"])
    assert counts(row) == (1, 0)


def test_a_marked_sum_is_computed_but_its_parts_must_be_quoted() -> None:
    good = "Sammanlagt 730 000 kr (summa beräknad av fou-bot av 350 000 kr [1] + 380 000 kr [2])."
    quotes = ["Vårberg | 350 000 kr", "Sommarlov | 380 000 kr"]
    assert counts(_row(good, quotes)) == (0, 1)
    wrong_part = good.replace("380 000 kr [2]", "390 000 kr [2]")
    assert counts(_row(wrong_part, quotes)) == (1, 0)


def test_a_figure_a_pdf_wrapped_in_its_quote_is_grounded() -> None:
    row = _row(
        "Enligt beslutet [1]:\n> ”fördela 12 045 000 kronor” [1]", ["fördela 12\n045 000 kronor"]
    )
    assert counts(row) == (0, 0)


def test_the_askers_own_threshold_restated_is_grounded() -> None:
    answer = "Dessa belopp över 1 000 000 kr finns i dokumenten:\n• Fyrbåken: 1 200 000 kr [1]"
    row = _row(answer, ["Fyrbåken får 1 200 000 kr"])
    assert counts(row) == (1, 0)
    assert counts({**row, "question": "Vilka fick mer än en miljon kronor?"}) == (0, 0)


def test_a_declined_answer_states_nothing() -> None:
    row = {**_row("Det kan jag inte svara på. 2024", []), "answered": False}
    assert counts(row) == (0, 0)


def _answer(amounts: list[int], answered: bool = True, source: str = "doc") -> dict[str, Any]:
    return {
        "id": "q",
        "answered": answered,
        "answer": "Föreningen Fyrbåken fick 640 000 kronor [1].",
        "amounts_sek": amounts,
        "citations": [{"n": 1, "source": source, "title": "T", "date": None, "quote": "x"}],
        "retrieved": [source],
        "latency_ms": 1.0,
    }


AMOUNT = EvalQuestion("q", "?", "amount", ("doc",), 640_000, ("Fyrbåken",))
NONE = EvalQuestion("u", "?", "unanswerable", (), None, ())


@pytest.mark.parametrize(
    ("question", "row", "correct", "wrong"),
    [
        pytest.param(AMOUNT, _answer([640_000]), True, False, id="gold-amount-cited"),
        pytest.param(AMOUNT, _answer([31_000_000]), False, True, id="another-amount-is-wrong"),
        pytest.param(AMOUNT, _answer([]), False, False, id="evidence-without-amount"),
        pytest.param(AMOUNT, _answer([640_000], source="other"), False, False, id="not-gold-doc"),
        pytest.param(NONE, _answer([], answered=False), True, False, id="declined-unanswerable"),
        pytest.param(NONE, _answer([5]), False, True, id="any-amount-on-unanswerable"),
    ],
)
def test_correct_and_wrong_figure(
    question: EvalQuestion, row: dict[str, Any], correct: bool, wrong: bool
) -> None:
    assert is_correct(question, row) is correct
    assert is_wrong_figure(question, row) is wrong


def test_the_summary_counts_correct_answers_by_kind() -> None:
    summary = summarise([AMOUNT, NONE], [_answer([640_000]), _answer([5])])

    assert summary["correct"] == 0.5
    assert summary["wrong_figure"] == 0.5
    assert summary["correct_by_kind"] == {"amount": "1/1", "unanswerable": "0/1"}


def test_a_split_selects_its_questions_and_a_locked_set_is_locked_whole(tmp_path: Path) -> None:
    questions = [EvalQuestion(f"q{n}", "?", "amount", (f"doc-{n}",), None, ()) for n in range(30)]
    tuning = select_split(questions, "tuning")
    locked = select_split(questions, "locked")

    assert tuning and locked
    assert {q.id for q in tuning}.isdisjoint({q.id for q in locked})
    assert len(tuning) + len(locked) == len(questions)
    assert select_split(questions, "tuning", locked=True) == []
    assert set_is_locked(tmp_path / "locked" / "questions.yaml")
    assert not set_is_locked(tmp_path / "open" / "questions.yaml")
    assert set(by_split(questions, [_answer([]) for _ in questions])) == {"locked", "tuning"}
