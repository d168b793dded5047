"""The numeric grounding check: every figure in an answer must appear in a cited source.

Figures are compared by value, not by spelling: "2,5 miljoner" in an answer is grounded by
"2 500 000 kr" in a source. Amounts, counts, percentages, years and calendar dates are
figures; citation markers ([1]) and list numbering are not. The normaliser is
self-contained on purpose (funding/amounts.py may later share it; see the module notes in
the report), so the engine's safety check does not change when the reading of amounts does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

# Regular, no-break, narrow no-break, thin and figure spaces all separate thousands.
_SP = "[ \u00a0\u202f\u2009\u2007]"
_SPACES = re.compile(_SP)

_SCALES: dict[str, int] = {
    "tusen": 10**3, "thousand": 10**3, "tkr": 10**3, "tsek": 10**3, "ksek": 10**3, "k": 10**3,
    "miljoner": 10**6, "miljon": 10**6, "milj.": 10**6, "milj": 10**6, "mnkr": 10**6,
    "mkr": 10**6, "msek": 10**6, "mn": 10**6, "mln": 10**6, "mio": 10**6,
    "millions": 10**6, "million": 10**6, "m": 10**6,
    "miljarder": 10**9, "miljard": 10**9, "mdkr": 10**9, "mdr": 10**9, "md": 10**9,
    "billions": 10**9, "billion": 10**9, "bn": 10**9,
}  # fmt: skip
_CURRENCY_SCALES = frozenset({"tkr", "tsek", "ksek", "mnkr", "mkr", "msek", "mdkr"})
_ATTACHED_ONLY = frozenset({"k", "m"})  # "500k", "2.5m" but never "5 m" (metres)

NUMBER_WORDS: dict[str, int] = {
    "ett": 1, "en": 1, "one": 1, "a": 1,
    "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
    "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15,
    "sexton": 16, "sjutton": 17, "arton": 18, "nitton": 19, "tjugo": 20, "trettio": 30,
    "fyrtio": 40, "femtio": 50, "hundra": 100,
    "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
# Articles double as "one": a bare "en"/"a" is grammar, not a figure.
_ARTICLES = frozenset({"en", "ett", "one", "a"})

_MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NOT_A_FIGURE = re.compile(
    r"\[\s*\d+(?:\s*[-–,;]\s*\d+)*\s*\]"  # citation markers: [1], [1, 2], [1–3]
    r"|(?m:^[ \t]*(?:>[ \t]*)?\d{1,2}[.)](?=\s))"  # list numbering opening a (quoted) line
)
_MONTH = rf"(?P<mon>{_alternation(_MONTHS)})\.?(?![^\W\d_])"
_DATES = (
    re.compile(r"(?<![\d.,])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![.,]?\d)"),
    re.compile(
        rf"(?<![\w.,])(?P<d>\d{{1,2}})(?::e|:a|st|nd|rd|th)?{_SP}+{_MONTH}"
        rf"(?:,?{_SP}+(?P<y>\d{{4}})(?![.,]?\d))?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![^\W\d_]){_MONTH}{_SP}+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![.,]?\d)"
        rf"(?:,?{_SP}+(?P<y>\d{{4}})(?![.,]?\d))?",
        re.IGNORECASE,
    ),
)
# "25\nmiljoner kronor": a PDF's line break between a figure and its scale is a space.
_SCALE = rf"(?P<gap>{_SP}?|[ \t]*\n[ \t]*)(?P<scale>{_alternation(_SCALES)})(?![^\W\d_])"
_UNIT = (
    rf"(?:{_SP}?(?P<cur>kronor|kr\b\.?|sek\b|:-)"
    rf"|{_SP}?(?:%|procentenheter|procent|percent|per{_SP}cent)(?![^\W\d_]))?"
)
_WORD_AMOUNT = re.compile(
    rf"(?<![^\W\d_])(?P<word>{_alternation(NUMBER_WORDS)}|halv|half{_SP}+a)"
    rf"(?P<half>{_SP}+(?:och{_SP}+en{_SP}+halv|and{_SP}+a{_SP}+half))?"
    rf"(?:{_SP}+(?P<scale>miljoner|miljon|miljarder|miljard|tusen|millions?|billions?|thousand)"
    rf"(?![^\W\d_]){_UNIT})?(?![^\W\d_])",
    re.IGNORECASE,
)
_DIGIT_AMOUNT = re.compile(
    rf"(?<![\w.,])(?P<num>\d{{1,3}}(?:{_SP}\d{{3}}(?!\d))+(?:,\d+)?|\d+(?:[.,]\d+)*)"
    rf"(?:{_SCALE})?{_UNIT}",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(rf"(?:sek|kr\.?){_SP}?$", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A figure as written, with every value it may stand for ("2,500" is 2.5 or 2500)."""

    written: str
    start: int
    values: frozenset[Decimal]
    date: tuple[int | None, int, int] | None = None  # (year, month, day) of a calendar date
    currency: bool = False


def figures_in(text: str) -> list[Figure]:
    """Every figure of a text, in order: dates, amounts written in words, then in digits."""
    masked = _mask(text, _NOT_A_FIGURE)
    found: list[Figure] = []
    for pattern in _DATES:
        for match in pattern.finditer(masked):
            figure = _date_figure(match)
            if figure is not None:
                found.append(figure)
                masked = _blank(masked, match.start(), match.end())
    for match in _WORD_AMOUNT.finditer(masked):
        figure = _word_figure(match)
        if figure is not None:
            found.append(figure)
            masked = _blank(masked, match.start(), match.end())
    for match in _DIGIT_AMOUNT.finditer(masked):
        found.append(_digit_figure(match, masked))
    return sorted(found, key=lambda f: f.start)


def numbers_in(text: str) -> set[Decimal]:
    """The normalised values of every figure in a text ("2,5 miljoner" -> 2500000)."""
    return {value for figure in figures_in(text) for value in figure.values}


def ungrounded_figures(answer_text: str, quotes: Sequence[str]) -> list[str]:
    """The figures of the answer, as written, whose value no quote contains."""
    sources = [figure for quote in quotes for figure in figures_in(quote)]
    numbers = {value for figure in sources for value in figure.values}
    dates = [figure.date for figure in sources if figure.date is not None]
    ungrounded: list[str] = []
    for figure in figures_in(answer_text):
        if not _grounded(figure, numbers, dates) and figure.written not in ungrounded:
            ungrounded.append(figure.written)
    return ungrounded


def is_grounded(answer_text: str, quotes: Sequence[str]) -> bool:
    """True when every figure of the answer appears in at least one quote."""
    return not ungrounded_figures(answer_text, quotes)


def amounts_sek(text: str) -> tuple[int, ...]:
    """Whole-krona amounts written with a currency ("2,5 mnkr", "500 000 kronor"), in order."""
    amounts: list[int] = []
    for figure in figures_in(text):
        whole = sorted(int(v) for v in figure.values if v == v.to_integral_value())
        if figure.currency and whole and whole[-1] not in amounts:
            amounts.append(whole[-1])
    return tuple(amounts)


def _grounded(
    figure: Figure, numbers: set[Decimal], dates: list[tuple[int | None, int, int]]
) -> bool:
    if figure.date is None:
        return bool(figure.values & numbers)
    year, month, day = figure.date
    same_day = any(
        (m, d) == (month, day) and (year is None or y is None or y == year) for y, m, d in dates
    )
    return same_day and (year is None or Decimal(year) in numbers)


def _date_figure(match: re.Match[str]) -> Figure | None:
    month = int(match["m"]) if "m" in match.re.groupindex else _MONTHS[match["mon"].lower()]
    day = int(match["d"])
    year = int(match["y"]) if match["y"] else None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    values = frozenset({Decimal(year)}) if year is not None else frozenset()
    return Figure(match[0], match.start(), values, date=(year, month, day))


def _word_figure(match: re.Match[str]) -> Figure | None:
    word = " ".join(match["word"].lower().split())
    scale = (match["scale"] or "").lower()
    if not scale and (word in _ARTICLES or word in ("halv", "half a")):
        return None
    base = Decimal("0.5") if word in ("halv", "half a") else Decimal(NUMBER_WORDS[word])
    if match["half"]:
        base += Decimal("0.5")
    value = base * _SCALES.get(scale, 1)
    written = match[0].rstrip()
    return Figure(written, match.start(), frozenset({_tidy(value)}), currency=bool(match["cur"]))


def _digit_figure(match: re.Match[str], masked: str) -> Figure:
    values = _parse_number(match["num"])
    scale = (match["scale"] or "").lower()
    if scale in _ATTACHED_ONLY and match["gap"]:
        # "5 m" is metres, not millions: keep only the number.
        written, scale, currency = match["num"], "", False
    else:
        written = match[0].rstrip()
        currency = bool(match["cur"]) or scale in _CURRENCY_SCALES
    before = _CURRENCY_BEFORE.search(masked, max(0, match.start() - 8), match.start())
    currency = currency or before is not None
    factor = _SCALES.get(scale, 1)
    scaled = frozenset(_tidy(v * factor) for v in values)
    return Figure(written, match.start(), scaled, currency=currency)


def _parse_number(token: str) -> frozenset[Decimal]:
    """Read Swedish and English digit groupings; an ambiguous "2,500" gives both readings."""
    if _SPACES.search(token):
        whole, _, fraction = _SPACES.sub("", token).partition(",")
        return frozenset({Decimal(f"{whole}.{fraction or 0}")})
    separators = [c for c in token if c in ",."]
    if not separators:
        return frozenset({Decimal(token)})
    if len(set(separators)) == 2:
        decimal_mark = separators[-1]
        whole, _, fraction = token.rpartition(decimal_mark)
        return frozenset({Decimal(f"{_ungroup(whole)}.{fraction}")})
    mark = separators[0]
    head, *groups = token.split(mark)
    thousands = len(head) <= 3 and all(len(g) == 3 for g in groups)
    if len(groups) == 1:
        decimal = Decimal(f"{head}.{groups[0]}")
        grouped = Decimal(head + groups[0])
        return frozenset({decimal, grouped}) if thousands else frozenset({decimal})
    # "1.2.3" is an identifier (a dnr, a section), compared by its digits.
    return frozenset({Decimal("".join([head, *groups]))})


def _ungroup(whole: str) -> str:
    return re.sub(r"[,.]", "", whole)


def _tidy(value: Decimal) -> Decimal:
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m[0]), text)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]
