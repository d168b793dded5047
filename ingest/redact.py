"""Remove Swedish personal identity numbers (and coordination numbers) from text."""

from __future__ import annotations

import calendar
import datetime as dt
import re

REDACTION_TOKEN = "[personnummer borttaget]"

# 12 digits (yyyymmdd-nnnn) or 10 (yymmdd-nnnn), with "-", "+" (aged 100 or more), a
# space or nothing before the last four; a line break may follow the dash or stand for the
# space ("811218-\n9876"). Neither end may touch another digit, nor a separator followed
# by one, so parts of longer numbers never match.
_NUMBER = (
    r"(?P<century>1[89]|20)?(?P<yy>\d\d)(?P<mm>\d\d)(?P<dd>\d\d)"
    r"(?P<sep>[-+][ \t]*(?:\n[ \t]*)?|[ \t]*\n[ \t]*|[ \t]|)(?P<serial>\d{3})(?P<check>\d)"
)
CANDIDATE = re.compile(r"(?<![\w.,/+-])" + _NUMBER + r"(?!\w|[.,/+-]\d)")
# In names, paths, links and metadata any non-digit may border a number
# ("beslut_811218-9876.pdf", "/klient/811218-9876"): privacy first.
NAME_CANDIDATE = re.compile(r"(?<!\d)" + _NUMBER + r"(?!\d)")
# "811218 9876" is only taken as one number when no digit group stands right beside it,
# as one would in "12 811218 9876 55".
SPACED_NEIGHBOUR = re.compile(r"\d\s$|^\s\d")
# A number right after one of these words is a phone number, however it validates.
PHONE_CONTEXT = re.compile(
    r"\b(?:tel|tfn|telnr|telefon|telefonnummer|mobil|mobilnummer|fax|sms)\.?:?\s*$", re.I
)
COORDINATION_OFFSET = 60


def redact_personal_numbers(text: str, *, pattern: re.Pattern[str] = CANDIDATE) -> tuple[str, int]:
    """Replace every valid personnummer or samordningsnummer; return the text and the count."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        if not _is_personal_number(match) or _looks_like_other_number(text, match):
            return match[0]
        count += 1
        return REDACTION_TOKEN

    return pattern.sub(replace, text), count


def redact_name(value: str) -> str:
    """A file name, path, link, title or other field with every personal number replaced."""
    return redact_personal_numbers(value, pattern=NAME_CANDIDATE)[0]


def _is_personal_number(match: re.Match[str]) -> bool:
    """A plausible birth (or coordination) date and a correct Luhn check digit."""
    if match["sep"].isspace() and "\n" not in match["sep"] and match["century"]:
        return False  # "yyyymmdd nnnn" is not a way anyone writes them; likely two numbers
    digits = match["yy"] + match["mm"] + match["dd"] + match["serial"] + match["check"]
    return _plausible_date(match) and luhn_valid(digits)


def _plausible_date(match: re.Match[str]) -> bool:
    """Month 1-12 and a day that exists in it, or that day plus 60 (samordningsnummer)."""
    month, day = int(match["mm"]), int(match["dd"])
    if day > COORDINATION_OFFSET:
        day -= COORDINATION_OFFSET
    if not 1 <= month <= 12 or day < 1:
        return False
    # Without a century the year is unknown, so 29 February is allowed on any year.
    year = int(match["century"] + match["yy"]) if match["century"] else 2000
    if match["century"] and year > dt.date.today().year:
        return False  # nobody is born in the future; a long number that merely validates
    return day <= calendar.monthrange(year, month)[1]


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) check used by Swedish personal numbers, over all given digits."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _looks_like_other_number(text: str, match: re.Match[str]) -> bool:
    """A phone number after its label, or a spaced number inside a run of digit groups."""
    before = text[max(0, match.start() - 16) : match.start()]
    if PHONE_CONTEXT.search(before):
        return True
    if not match["sep"].isspace():
        return False
    around = before[-2:], text[match.end() : match.end() + 2]
    return bool(SPACED_NEIGHBOUR.search(around[0]) or SPACED_NEIGHBOUR.search(around[1]))
