"""The eval summary's grounding counts, on hand-made result rows."""

from __future__ import annotations

from typing import Any

from bot.evaluation import EvalQuestion, summarise


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


def test_a_declined_answer_states_nothing() -> None:
    row = {**_row("Det kan jag inte svara på. 2024", []), "answered": False}
    assert counts(row) == (0, 0)
