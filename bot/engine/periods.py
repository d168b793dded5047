"""A yearly amount over the period its own sentence states: "120 miljoner per år i tre år".

A question asking the whole of it ("totalt över alla tre åren", "in total over the period")
is answered with the yearly amount times the years, marked as computed by fou-bot, the
sentence quoted. Nothing else is multiplied: the sentence must state both the yearly amount
(one amount a year in kronor) and the period, and the question must not name another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.engine.amount_answer import tied_amount
from bot.engine.candidates import Candidate
from bot.engine.compose import Draft, add_quotes, weak
from bot.engine.grounding import NUMBER_WORDS
from bot.engine.ledger import Ledger
from bot.engine.question import Question
from bot.engine.tying import asked, role
from bot.engine.wording import phrase
from funding import format_sek

_MAX_YEARS = 10
# The counts of years a period runs, as words: the engine's number words from two to ten,
# and "six", which that table lacks.
_COUNTS = {w: n for w, n in NUMBER_WORDS.items() if 2 <= n <= _MAX_YEARS} | {"six": 6}
_COUNT = rf"(\d{{1,2}}|{'|'.join(_COUNTS)})"
# "i tre år", "under fem år", "for three years", "alla tre åren", "the three years".
_YEARS_COUNTED = re.compile(
    rf"\b(?:i|under|över|på|alla|de|for|over|all|the)\s+{_COUNT}\s+(?:år(?:en)?|years?)\b", re.I
)
# "mellan 2016 och 2019", "från 2016 till 2019", "2016–2019", "between 2016 and 2019".
_YEARS_SPANNED = re.compile(
    r"\b(?:(?:mellan|från|between|from)\s+)?((?:19|20)\d\d)\s*(?:och|till|and|to|–|-)\s*"
    r"((?:19|20)\d\d)\b",
    re.I,
)
# The question asks the whole period, not the yearly figure.
_ASKS_WHOLE = re.compile(
    r"\b(totalt|sammanlagt|sammantaget|(?:hela|för|under|över) (?:hela )?perioden|"
    rf"alla {_COUNT} åren|in total|altogether|add(?:s)? up|the whole period|over the period|"
    rf"all {_COUNT} years)\b",
    re.I,
)
_NOTED = ("proposed", "applied")


def period_years(text: str) -> int | None:
    """How many years the text says a yearly amount runs, when it says one number."""
    found = set()
    for match in _YEARS_COUNTED.finditer(text):
        word = match.group(1).lower()
        found.add(int(word) if word.isdigit() else _COUNTS[word])
    for match in _YEARS_SPANNED.finditer(text):
        first, last = int(match.group(1)), int(match.group(2))
        if first < last:
            found.add(last - first + 1)
    found = {n for n in found if 2 <= n <= _MAX_YEARS}
    return found.pop() if len(found) == 1 else None


def annual_over_period(
    question: Question, found: Sequence[Candidate], ledger: Ledger, reach: int = 5
) -> Draft | None:
    """The whole of a yearly amount over the years its sentence states, when asked for."""
    if not _ASKS_WHOLE.search(question.text) or len(question.years) == 1:
        return None
    asked_years = period_years(question.text)
    # The yearly figure may be one the question itself states: the total asked is not.
    want = replace(asked(question), several_years=False, total=False, given=frozenset())
    for candidate in found[:reach]:
        if weak(candidate):
            continue
        years = period_years(candidate.text)
        yearly = [
            a
            for a in candidate.amounts
            if a.currency == "SEK" and "annual" in role(candidate.text, a)
        ]
        if years is None or len(yearly) != 1 or asked_years not in (None, years):
            continue
        tied = tied_amount(question, want, candidate, ledger)
        if tied is None or tied[0] != yearly[0] or tied[1] == "refused":
            continue
        status = tied[1]
        total = yearly[0].value * years
        draft = Draft(question)
        marker = draft.citations.cite_candidate(candidate)
        line = phrase(
            question.language,
            "over_period",
            total=format_sek(total),
            amount=format_sek(yearly[0].value),
            years=str(years),
            marker=marker,
        )
        # A proposal or an application is multiplied as what it is, and said to be so.
        if status in _NOTED:
            line = f"{phrase(question.language, f'note_{status}')} {line}"
        draft.lines.append(line)
        draft.amounts.append(total)
        draft.computed.append(total)
        draft.sources.append(str(years))  # fou-bot's count of the years the quote states
        add_quotes(draft)
        return draft
    return None
