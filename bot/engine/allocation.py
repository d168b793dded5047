"""Whether two statements of money are about one allocation: same recipient, same purpose.

An answer may show an earlier and a later figure "for the same thing"; two grants to
different recipients, or to one recipient for different purposes, are not that.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.candidates import Candidate
from bot.engine.ledger import Ledger
from bot.engine.terms import content_terms, strength, term_set
from funding import Amount, find_receivers


@dataclass(frozen=True)
class _Allocation:
    recipients: frozenset[str]
    purpose: str | None


def same_allocation(
    ledger: Ledger, first: Candidate, first_amount: Amount, second: Candidate, second_amount: Amount
) -> bool:
    """True when both statements name the same recipient and the same purpose."""
    a = _allocation(ledger, first, first_amount)
    b = _allocation(ledger, second, second_amount)
    if a.recipients != b.recipients and not a.recipients & b.recipients:
        return False
    if a.purpose is None or b.purpose is None:
        # Unknown purpose: the caller's own check that the paragraphs share their topic stands.
        return True
    return _same_purpose(a.purpose, b.purpose)


def _allocation(ledger: Ledger, candidate: Candidate, amount: Amount) -> _Allocation:
    """The recipients and purpose the ledger holds for the amount, else what the text names."""
    span = candidate.span
    for grant in ledger.in_span(candidate.passage.doc_id, span.start, span.end):
        if grant.amount_sek == amount.value and (grant.recipients or grant.purpose):
            return _Allocation(frozenset(map(_fold, grant.recipients)), grant.purpose)
    names = find_receivers(candidate.text) or find_receivers(candidate.paragraph)
    return _Allocation(frozenset(_fold(name) for name, _, _ in names), None)


def _same_purpose(a: str, b: str) -> bool:
    """One purpose said twice: at most one side names something the other lacks
    ("unga vuxna" and "arbetet med unga vuxna"; not "läxhjälp för barn" and
    "sommarlovsaktiviteter för barn")."""
    stems_a, stems_b = term_set(a), term_set(b)
    only_a = [t for t in content_terms(a) if strength(t, stems_b) == 0]
    only_b = [t for t in content_terms(b) if strength(t, stems_a) == 0]
    return not (only_a and only_b)


def _fold(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").split())
