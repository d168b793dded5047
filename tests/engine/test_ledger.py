"""The ledger as the engine reads it: only rows in kronor are added or compared."""

from __future__ import annotations

from dataclasses import replace

from bot.engine.ledger import Ledger
from funding.models import Grant

ROW = Grant(
    640_000,
    False,
    ("Föreningen Fyrbåken",),
    None,
    None,
    "2025-03-04",
    "decided",
    "d",
    "d",
    "T",
    None,
    0,
    10,
    "Föreningen Fyrbåken får 640 000 kronor.",
)


def test_the_ledger_keeps_only_rows_in_kronor() -> None:
    foreign = replace(ROW, amount_sek=None)  # type: ignore[arg-type]  # a euro row: no SEK

    assert Ledger.of([ROW, foreign], {}).grants == (ROW,)
