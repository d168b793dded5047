"""Dates written the Swedish or English way, found in text or parsed from metadata values."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

# fmt: off
MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "february": 2, "febr": 2, "feb": 2,
    "mars": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "maj": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "augusti": 8, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
# fmt: on
MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|:e|:a)?"
NOT_AFTER_DIGIT = r"(?<![\d.,:/-])"
HEAD = 1000

# Each pattern is tried over the whole text; the earliest match that is a real date wins.
NUMERIC = re.compile(
    NOT_AFTER_DIGIT + r"(?P<year>(?:19|20)\d\d)(?P<sep>[-./])"
    r"(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?![\d.,]\d|\d)"
)
DAY_MONTH_YEAR = re.compile(NOT_AFTER_DIGIT + DAY + r"\s+" + MONTH + r",?\s+" + YEAR, re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(r"\b" + MONTH + r"\s+" + DAY + r",?\s+" + YEAR, re.IGNORECASE)
# "11/6 2013" is how Swedes write day/month; a space before the year makes it unambiguous.
SWEDISH_SLASH = re.compile(NOT_AFTER_DIGIT + r"(?P<day>[0-3]?\d)/(?P<month>[01]?\d)\s+" + YEAR)
# "11/06/2013" reads either way; it is kept only when one side cannot be a month.
SLASHED = re.compile(NOT_AFTER_DIGIT + r"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/" + YEAR)


def parse_date(value: str) -> dt.date | None:
    """Parse a metadata value such as "2013-06-25T06:00:00Z" or "den 3 mars 2021"."""
    return next(_dates(value), None)


def find_date(text: str) -> dt.date | None:
    """The first date in the document's head, where its own date stands, or None."""
    # Dates further down are mostly about events ("tillträder den 1 januari"), not the document.
    return next(_dates(text[:HEAD]), None)


def _dates(text: str) -> Iterator[dt.date]:
    """Every real date in the text, in the order they appear."""
    found: list[tuple[int, dt.date]] = []
    for pattern, build in BUILDERS:
        for match in pattern.finditer(text):
            date = build(match)
            if date is not None:
                found.append((match.start(), date))
    for _, date in sorted(found, key=lambda item: item[0]):
        yield date


def _make(year: str, month: int, day: str) -> dt.date | None:
    """A date, or None for impossible ones such as 2013-02-30."""
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def _numeric(match: re.Match[str]) -> dt.date | None:
    return _make(match["year"], int(match["month"]), match["day"])


def _named(match: re.Match[str]) -> dt.date | None:
    return _make(match["year"], MONTHS[match["month"].lower()], match["day"])


def _slashed(match: re.Match[str]) -> dt.date | None:
    first, second = int(match["a"]), int(match["b"])
    if first > 12 >= second:
        return _make(match["year"], second, match["a"])
    if second > 12 >= first:
        return _make(match["year"], first, match["b"])
    return None


BUILDERS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], dt.date | None]], ...] = (
    (NUMERIC, _numeric),
    (DAY_MONTH_YEAR, _named),
    (MONTH_DAY_YEAR, _named),
    (SWEDISH_SLASH, _numeric),
    (SLASHED, _slashed),
)
