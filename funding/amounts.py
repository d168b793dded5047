"""Sums of money in Swedish (and some English) text: find them, normalise them, render them.

Decisions, so callers can rely on them:
- A value is normalised to whole units of its own currency; euro is never turned into kronor.
  An amount with a scale word but no currency ("35 miljoner") is taken as SEK.
- An amount's span covers the whole phrase as written, qualifier and range included
  ("cirka 2,5 miljoner kronor"), so a citation of the span never drops the "cirka".
- A range ("2-3 miljoner", "mellan 2 och 3 miljoner") is one approximate amount valued at its
  lower bound: the lower bound never overstates what a document promises.
- A bare number is money only when it is grouped in thousands ("3 275 000") and the text
  around it speaks of money; years, dates, phone and case numbers are never grouped that way.
  A figure with a scale word but no currency ("35 miljoner") is money when the text around
  it speaks of money or it is given "till" something, and never when a count follows it
  ("2 miljoner invånare").
- A comma is a decimal mark in Swedish ("2,5 miljoner") and a thousands separator in English
  ("SEK 2,500,000", "2,500 million"); a scale written once serves a list ("2 respektive 3
  mnkr" is two amounts). Öre are rounded to whole kronor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from funding.models import Amount

_SP = "[ \u00a0\u2009\u202f]"  # space, no-break, thin and narrow no-break space
# Thousands groups need exactly three digits, so "08-508 25 443" or "106 64" never fuse.
_NUM = (
    # "27, 1 miljoner": a PDF's stray space after the decimal comma, before a scale word.
    rf"(?:\d{{1,3}},{_SP}\d{{1,2}}(?={_SP}?(?:milj|mdr|md\b|mn\b))"
    # "1 200\n000 kronor": a PDF line break inside the last group, only before the unit.
    # "17\n077 000 kronor": a next line may go on with more groups when it starts with a 0
    # (no figure does), never otherwise: "Ekby 200\n300 000 kr" is two rows of a table.
    rf"|\d{{1,3}}(?:{_SP}\d{{3}})*{_SP}*\n{_SP}*(?:0\d\d(?:{_SP}\d{{3}})*|\d{{3}})"
    rf"(?={_SP}?(?:kr\b|kronor|SEK\b|tkr\b))"
    rf"|\d{{1,3}}(?:{_SP}\d{{3}})+(?!\d)|\d{{1,3}}(?:\.\d{{3}})+(?!\d)"
    r"|\d{1,3}(?:,\d{3}){2,}(?!\d|,\d)|\d+)"
    rf"(?:,\d+|\.\d{{1,2}}(?={_SP}?(?:milj|mill|bill|mn|md)))?"
)
_M, _G, _K = 10**6, 10**9, 10**3
_UNITS: dict[str, tuple[int, str | None]] = {
    "miljarder": (_G, None), "miljarden": (_G, None), "miljard": (_G, None), "mdkr": (_G, "SEK"),
    "mdr": (_G, None), "md": (_G, None), "billions": (_G, None), "billion": (_G, None),
    "bn": (_G, None), "miljonerna": (_M, None), "miljoner": (_M, None), "miljonen": (_M, None),
    "miljon": (_M, None), "milj": (_M, None), "mnkr": (_M, "SEK"), "mkr": (_M, "SEK"),
    "msek": (_M, "SEK"), "meur": (_M, "EUR"), "mn": (_M, None), "mio": (_M, None),
    "millions": (_M, None), "million": (_M, None), "tusen": (_K, None), "tkr": (_K, "SEK"),
    "mnok": (_M, "NOK"), "mdkk": (_M, "DKK"), "musd": (_M, "USD"), "millioner": (_M, None),
    "millionen": (_M, None), "mill": (_M, None), "milliarder": (_G, None),
    "milliard": (_G, None), "mia": (_G, None), "tusind": (_K, None),
    "ksek": (_K, "SEK"), "tsek": (_K, "SEK"), "thousand": (_K, None),
}  # fmt: skip
_CURRENCIES: dict[str, str] = {
    "kronor": "SEK", "krona": "SEK", "kr": "SEK", "sek": "SEK", ":-": "SEK",
    "kroner": "SEK", "krone": "SEK", "krónur": "ISK", "króna": "ISK",
    "svenska kronor": "SEK", "norska kronor": "NOK", "danska kronor": "DKK",
    "isländska kronor": "ISK", "euro": "EUR", "eur": "EUR", "€": "EUR", "usd": "USD",
    "dollar": "USD", "$": "USD", "nok": "NOK", "dkk": "DKK", "isk": "ISK", "gbp": "GBP",
    "pund": "GBP", "£": "GBP", "chf": "CHF",
}  # fmt: skip
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_CUR = (
    rf"(?:svenska|norska|danska|isländska){_SP}kronor|kronor|krona|kroner|krone|krónur|króna"
    r"|kr(?!\w)|euro|dollar|pund"
    r"|(?-i:SEK|EUR|USD|NOK|DKK|ISK|GBP|CHF)(?!\w)|€|£|:-"
)
_TAIL = (
    rf"(?:{_SP}?(?P<cur>{_CUR}))?"
    rf"(?P<per>{_SP}?(?:/|per{_SP})(?:år|månad|mån)(?!\w))?"
)
# "25 nya miljoner", "tio extra miljoner": an adjective between figure and scale word.
_FRESH = r"(?:nya|extra|ytterligare)"
_PREFIX_CODE = r"(?-i:SEK|EUR|USD|NOK|DKK|ISK|GBP|CHF)|€|\$|£"
_DIGIT_AMOUNT = re.compile(
    # "SEK 500,000": a currency written first makes "500,000" English thousands, as after.
    rf"(?:(?<!\w)(?P<pre>{_PREFIX_CODE}){_SP}?)?"
    rf"(?<![\w,.])(?P<num>{_NUM})"
    rf"(?:(?:{_SP}{_FRESH})?{_SP}?(?P<unit>(?:milj|mdr|mio|mia|mill)\.(?={_SP}?\w)|(?:{_UNIT})(?!\w)))?"
    rf"{_TAIL}",
    re.IGNORECASE,
)
_WORD_AMOUNT = re.compile(
    rf"(?<!\w)(?P<words>(?:[a-zåäö]+ och )?(?:(?:en|ett) )?[a-zåäö]+){_SP}"
    rf"(?:{_FRESH}{_SP})?(?P<unit>miljarder|miljard|miljonerna|miljoner|miljonen|miljon|tusen)"
    rf"(?!\w){_TAIL}",
    re.IGNORECASE,
)
# "femtiotusen", "tvåhundratusen": a thousands figure written as one word.
_FUSED_THOUSANDS = re.compile(
    rf"(?<!\w)(?P<words>[a-zåäö]+?)(?P<unit>tusen)(?!\w){_TAIL}", re.IGNORECASE
)
_PART_GLUE = re.compile(rf"{_SP}+(?:och{_SP}+)?")
_PREFIX_CURRENCY = re.compile(rf"(?:(?-i:SEK|EUR|USD|NOK|DKK|ISK|GBP|CHF)|€|\$|£){_SP}?$")
_RANGE_BEFORE = re.compile(
    rf"(?:mellan{_SP}(?P<a>{_NUM}){_SP}och"
    rf"|(?<!från )(?<![\w,.])(?P<b>{_NUM}){_SP}?(?:[-–—]|{_SP}till)){_SP}?$",
    re.IGNORECASE,
)
# Words after a figure that make it a count of something other than money.
_NOT_MONEY_AFTER = re.compile(
    rf"{_SP}*(?:%|procent|personer|person|platser|plats|invånare|människor|barn|ungdomar|unga|"
    r"elever|deltagare|besökare|besök|medarbetare|anställda|tjänster|lägenheter|bostäder|"
    r"föreningar|verksamheter|organisationer|hushåll|ärenden|år|månader|veckor|dagar|timmar|"
    r"gånger|st|stycken|kvm|km|meter|sidor|resor|kunder|people|inhabitants|places)(?!\w)",
    re.IGNORECASE,
)
_MONEY_CUE = re.compile(
    r"kron|\bkr\b|\bsek\b|budget|medel\b|medlen|bidrag|anslag|pengar|finansi|satsa|satsning|"
    r"fördel|bevilj|tilldel|avsät|avsatt|kostn|kostar|besparing|sparkrav|intäkt|överskott|"
    r"underskott|investe|stöd|ersättning|belopp|utgift|ansök|skatte|euro|€",
    re.IGNORECASE,
)
# "Antal hushåll: 12 500" counts households, whatever the text around it says of money.
_COUNT_BEFORE = re.compile(
    r"\b(?:antal(?:et)?|andel(?:en)?|invånare|personer|besök(?:are)?|deltagare|hushåll|ärenden)"
    r"\b[^.\n]{0,40}$",
    re.IGNORECASE,
)
# English writes thousands with commas: "SEK 2,500,000", "2,500 million" (never Swedish).
_ENGLISH_SCALES = frozenset({"million", "millions", "billion", "billions", "thousand", "bn"})
_COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+")
_SHARED_SCALE = re.compile(
    rf"(?<![\w,.])(?P<num>\d{{1,3}}(?:,\d+)?){_SP}(?:och|eller|respektive){_SP}$", re.IGNORECASE
)
# "250 miljoner extra till sociala insatser": a scaled figure given to something is money;
# "35 miljoner som går till", "en miljon går till": the money goes to something too.
_GIVEN_TO = re.compile(
    rf"{_SP}+(?:extra{_SP}+|mer{_SP}+)?(?:(?:som{_SP}+)?(?:ska{_SP}+|skall{_SP}+)?"
    rf"(?:går|gick|gå){_SP}+)?(?:till|åt){_SP}+(?!\d)\w",
    re.IGNORECASE,
)
_RECEIVED_BEFORE = re.compile(
    r"\b(?:får|fick|fått|beviljas|beviljades|tilldelas|tilldelades|erhåller|erhöll)"
    rf"(?:{_SP}+[^\W\d][\w-]*){{0,5}}{_SP}+$",
    re.IGNORECASE,
)
_DIGIT_NEXT_TO = re.compile(rf"\d[{_SP[1:-1]}\-–/.,]?$")
_ID_BEFORE = re.compile(r"(?:tel|telefon|fax|nr|dnr|box|sid|s\.)\.?:?\s*$", re.IGNORECASE)
_PLAIN_NUMBER = re.compile(r"(?<![\w,.])\d+(?:,\d+)?(?!\d)")

_SMALL: dict[str, int] = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15,
    "sexton": 16, "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19,
}  # fmt: skip
_TENS: dict[str, int] = {
    "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70,
    "åttio": 80, "nittio": 90,
}  # fmt: skip

_QUALIFIER_WORDS = (
    r"cirka|ca\.|ca|c:a|drygt|ungefär|omkring|runt|nästan|närmare|nära|knappt|strax över|"
    r"strax under|över|mer än|mera än|mindre än|under|uppemot|upp emot|upp till|kring|minst|"
    r"högst|about|approximately|approx\.|around|over|more than|less than|almost|nearly|"
    r"roughly|up to|at least"
)
_IN_A_NAME = re.compile(r"[\w,]\s+$")
_QUALIFIER = re.compile(rf"(?<![\w:.])(?:{_QUALIFIER_WORDS})\s+$", re.IGNORECASE)
_BARE_PHRASE = re.compile(rf"\s*(?:(?:{_QUALIFIER_WORDS})\s+)?(?P<num>{_NUM})\s*", re.IGNORECASE)
_SCALE_NAMES: tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...] = (
    (_G, ("miljard", "mdkr", "mdr"), ("miljarder", "mdkr", "mdr")),
    (
        _M,
        ("miljon", "milj.", "mnkr", "mkr", "Mkr", "MSEK"),
        ("miljoner", "milj.", "mnkr", "mkr", "Mkr", "MSEK"),
    ),
    (_K, ("tusen", "tkr"), ("tusen", "tkr")),
)
_FORM_WORDS = tuple((word, n) for word, n in _SMALL.items() if word not in ("ett", "aderton"))
_HEAD_NUMBER = re.compile(_NUM)
_GROUP = re.compile(rf"(?:{_SP}|\.|\n)\d{{3}}")


@dataclass(frozen=True)
class _Hit:
    """A candidate figure before the money test: value, range top and what it was written with."""

    value: Decimal
    upper: Decimal | None
    currency: str | None  # None when no currency is written
    scaled: bool
    approximate: bool
    start: int
    end: int
    scale: int = 1  # the scale word's factor ("miljoner": 10**6), 1 without one


def find_amounts(text: str) -> list[Amount]:
    """Every sum of money stated in `text`, in order, with offsets and normalised values.

    In a Danish or Norwegian text, kroner are that country's (DKK, NOK), never SEK, unless
    written as SEK or "svenska kronor"."""
    home = _home_currency(text)
    return [_to_amount(text, hit, home) for hit in _hits(text) if _is_money(text, hit)]


_SWEDISH_WORDS = re.compile(r"\b(?:och|inte|är|för|av|att|som|också|från)\b", re.IGNORECASE)
_DANISH_WORDS = re.compile(r"\b(?:og|ikke|af|blev|også|fra|til|efter|være|skal)\b", re.IGNORECASE)
_NORWEGIAN_WORDS = re.compile(r"\b(?:og|ikke|av|ble|også|fra|til|etter|være|skal)\b", re.IGNORECASE)
_DANISH_ONLY = re.compile(r"\b(?:af|blev|efter|kommunerne|danske?)\b", re.IGNORECASE)
_NORWEGIAN_ONLY = re.compile(r"\b(?:av|ble|etter|kommunene|norske?)\b", re.IGNORECASE)
_EXPLICIT_SEK = re.compile(
    r"\bSEK\b|svenska\s+kronor|\bMSEK\b|\bmnkr\b|\bmkr\b|\btkr\b", re.IGNORECASE
)
_LANGUAGE_SAMPLE = 20_000


def _home_currency(text: str) -> str:
    """The kroner of the text's language: SEK, or DKK/NOK for Danish/Norwegian text (by its
    commonest small words, in the first 20 000 characters)."""
    sample = text[:_LANGUAGE_SAMPLE]
    swedish = len(_SWEDISH_WORDS.findall(sample))
    nordic = max(len(_DANISH_WORDS.findall(sample)), len(_NORWEGIAN_WORDS.findall(sample)))
    if nordic <= swedish * 1.5 or nordic < 5:
        return "SEK"
    danish, norwegian = len(_DANISH_ONLY.findall(sample)), len(_NORWEGIAN_ONLY.findall(sample))
    return "DKK" if danish > norwegian else "NOK"


def parse_amount(text: str) -> int | None:
    """The SEK value of one amount phrase ("mer än en miljon" -> 1000000), else None.

    None when the phrase states no amount, several different ones, or one in another currency.
    """
    hits = _hits(text)
    if not hits:
        bare = _BARE_PHRASE.fullmatch(text)
        return _whole(_number(bare["num"])) if bare else None
    values = {(_whole(hit.value), hit.currency or "SEK") for hit in hits}
    if len(values) != 1:
        return None
    ((value, currency),) = values
    return value if currency == "SEK" else None


def figures_in(text: str) -> set[Decimal]:
    """The values of every amount and plain number in `text` ("2,5 miljoner" -> 2500000).

    Decimal because "2,5 procent" is a figure too; a Decimal compares and hashes equal to the
    int of the same value, so `1150000 in figures_in(quote)` works as expected.
    """
    hits = _hits(text)
    values = {hit.value for hit in hits} | {hit.upper for hit in hits if hit.upper is not None}
    pieces, cursor = [], 0
    for hit in hits:  # blank the amounts so their digits are not read again as plain numbers
        pieces += [text[cursor : hit.start], " " * (hit.end - hit.start)]
        cursor = hit.end
    masked = "".join([*pieces, text[cursor:]])
    values |= {_number(match[0]) for match in _PLAIN_NUMBER.finditer(masked)}
    return {_tidy(value) for value in values}


def format_sek(value: int) -> str:
    """Swedish style with spaces between thousands: 1150000 -> "1 150 000 kr"."""
    return f"{value:,} kr".replace(",", " ")


def amount_forms(value: int) -> set[str]:
    """Spellings under which a figure may appear in a source ("1 150 000", "1,15 miljoner")."""
    grouped = f"{value:,}"
    forms = {str(value), *(grouped.replace(",", sep) for sep in (" ", "\u00a0", "."))}
    for scale, singular, plural in _SCALE_NAMES:
        # At most three decimals and at most four digits before the comma: "0,5 miljarder",
        # "1,15 miljoner", "1150 tkr", but never "500000 tkr".
        if (value * 1000) % scale or not scale <= value * 10 < scale * 100_000:
            continue
        number = _decimal_comma(Decimal(value) / scale)
        names = singular if number == "1" else plural
        forms |= {f"{number} {name}" for name in names}
        forms |= {f"{word} {names[0]}" for word, n in _FORM_WORDS if value == n * scale}
        if value * 2 == scale:
            forms.add(f"en halv {singular[0]}")
    return forms


def _hits(text: str) -> list[_Hit]:
    """Candidate figures, left-extended over currency signs, ranges and qualifiers."""
    found = [_digit_hit(m) for m in _DIGIT_AMOUNT.finditer(text)]
    found += [_word_hit(m) for m in _WORD_AMOUNT.finditer(text)]
    found += [_word_hit(m) for m in _FUSED_THOUSANDS.finditer(text)]
    extended = [_extend_left(text, hit) for hit in found if hit is not None]
    extended += [shared for hit in extended if (shared := _shared_scale(text, hit))]
    extended.sort(key=lambda hit: (hit.start, -hit.end))
    kept: list[_Hit] = []
    for hit in extended:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
        elif kept[-1].start == hit.start and kept[-1].end == hit.end:
            continue
    return _joined(text, kept)


def _joined(text: str, hits: list[_Hit]) -> list[_Hit]:
    """ "en miljard femtiotusen kronor", "2 miljoner 300 tusen": one figure written in parts,
    a larger scale first, each later part below the scale before it."""
    joined: list[_Hit] = []
    for hit in hits:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.scaled
            and last.currency is None
            and last.upper is None
            and hit.scale < last.scale
            and hit.value < last.scale
            and _PART_GLUE.fullmatch(text, last.end, hit.start)
        ):
            joined[-1] = replace(
                last,
                value=last.value + hit.value,
                end=hit.end,
                currency=hit.currency,
                scale=hit.scale,
                approximate=last.approximate or hit.approximate,
            )
            continue
        joined.append(hit)
    return joined


def _digit_hit(match: re.Match[str]) -> _Hit | None:
    unit = (match["unit"] or "").lower().rstrip(".")
    factor, unit_currency = _UNITS.get(unit, (1, None))
    currency = _currency(match["cur"]) or _currency(match["pre"]) or unit_currency
    grouped = _is_grouped(match["num"])
    if not (unit or currency or grouped):
        return None  # a bare "2013" or "30": never money on its own
    # "2,500 kr" or "2,500 million" is English for 2 500; "2,500 miljoner" is Swedish for 2,5.
    english = unit in _ENGLISH_SCALES or (currency is not None and not unit)
    value = _number(match["num"], english) * factor
    return _Hit(value, None, currency, bool(unit), False, match.start(), match.end(), factor)


def _word_hit(match: re.Match[str]) -> _Hit | None:
    words = match["words"]
    tokens = words.split(" ")
    # "budgeten och fem miljoner": drop leading words until what is left is a number.
    for first in range(len(tokens)):
        phrase = " ".join(tokens[first:])
        base = _words_value(phrase)
        if base is not None:
            factor = _UNITS[match["unit"].lower()][0]
            start = match.start() + len(words) - len(phrase)
            currency = _currency(match["cur"])
            return _Hit(base * factor, None, currency, True, False, start, match.end(), factor)
    return None


def _extend_left(text: str, hit: _Hit) -> _Hit:
    prefix = _PREFIX_CURRENCY.search(text[max(0, hit.start - 6) : hit.start])
    if prefix and hit.currency is None:
        hit = replace(hit, start=hit.start - len(prefix[0]), currency=_currency(prefix[0].strip()))
    hit = _with_range(text, hit)
    before = text[max(0, hit.start - 40) : hit.start]
    qualifier = _QUALIFIER.search(before)
    capital = qualifier is not None and before[qualifier.start()].isupper()
    if qualifier and capital and _IN_A_NAME.search(before, 0, qualifier.start()):
        qualifier = None  # "Sol i Dal 40 000 kr": a capital mid-sentence is part of a name
    if qualifier:
        hit = replace(hit, start=hit.start - len(before) + qualifier.start(), approximate=True)
    return hit


def _shared_scale(text: str, hit: _Hit) -> _Hit | None:
    """ "2 och 3 miljoner", "2 respektive 3 mnkr": the first figure borrows the scale too."""
    high = _HEAD_NUMBER.match(text, hit.start)
    match = _SHARED_SCALE.search(text[max(0, hit.start - 20) : hit.start])
    if not (hit.scaled and high and match) or hit.upper is not None:
        return None
    start = hit.start - len(text[max(0, hit.start - 20) : hit.start]) + match.start()
    value = _number(match["num"]) * hit.value / _number(high[0])
    return _Hit(value, None, hit.currency, True, False, start, start + len(match["num"]))


def _with_range(text: str, hit: _Hit) -> _Hit:
    before = text[max(0, hit.start - 40) : hit.start]
    match = _RANGE_BEFORE.search(before)
    high = _HEAD_NUMBER.match(text, hit.start)
    if not match or not high:
        return hit
    low_text = match["a"] or match["b"]
    low, top = _number(low_text), _number(high[0])
    if not _is_grouped(low_text) and _is_grouped(high[0]):
        # "5-10 000 kr" means 5 000 to 10 000: the low end borrows the high end's zeros.
        shifted = low * 1000 ** len(_GROUP.findall(high[0]))
        low = shifted if shifted <= top else low
    if not 0 < low < top:
        return hit
    start = hit.start - len(before) + match.start()
    # "2-3 miljoner": the scale written after the high end applies to the low end too.
    value = low * hit.value / top
    return replace(hit, value=value, upper=hit.value, approximate=True, start=start)


def _is_money(text: str, hit: _Hit) -> bool:
    if hit.currency:
        return True
    if _NOT_MONEY_AFTER.match(text, hit.end):
        return False
    if not hit.scaled and not _plausible_bare(text, hit):
        return False
    if hit.scaled and _GIVEN_TO.match(text, hit.end):
        return True
    if hit.scaled and _RECEIVED_BEFORE.search(text, max(0, hit.start - 80), hit.start):
        return True  # "Stiftelsen Ek får 2 miljoner": what a receiver gets is money
    return bool(_MONEY_CUE.search(text[max(0, hit.start - 300) : hit.end + 200]))


def _plausible_bare(text: str, hit: _Hit) -> bool:
    """A grouped number with no unit: not part of a phone number, postcode or case number."""
    before = text[max(0, hit.start - 12) : hit.start]
    if _DIGIT_NEXT_TO.search(before) or _ID_BEFORE.search(before):
        return False
    if _COUNT_BEFORE.search(text[max(0, hit.start - 60) : hit.start]):
        return False
    return not re.match(rf"{_SP}?\d", text[hit.end : hit.end + 2])


def _to_amount(text: str, hit: _Hit, home: str = "SEK") -> Amount:
    raw = text[hit.start : hit.end]
    currency = hit.currency or "SEK"
    if currency == "SEK" and home != "SEK" and not _EXPLICIT_SEK.search(raw):
        currency = home
    return Amount(_whole(hit.value), currency, hit.approximate, raw, hit.start, hit.end)


def _words_value(words: str) -> Decimal | None:
    head, och, tail = words.lower().partition(" och ")
    whole = _word_number(head)
    if not och or whole is None:
        return whole
    # Only "två och en halv": "fem och sex miljoner" is two figures, not eleven.
    return whole + Decimal("0.5") if _word_number(tail) == Decimal("0.5") else None


def _word_number(phrase: str) -> Decimal | None:
    tokens = phrase.split()
    if tokens and tokens[-1] == "halv" and tokens[:-1] in ([], ["en"], ["ett"]):
        return Decimal("0.5")
    if len(tokens) == 2 and tokens[0] in ("en", "ett") and tokens[1].startswith("hundra"):
        tokens = tokens[1:]
    value = _compound(tokens[0]) if len(tokens) == 1 else None
    return None if value is None else Decimal(value)


def _compound(word: str) -> int | None:
    """Read "tjugofem", "tvåhundra", "etthundrafemtio"; None for anything else."""
    count, hundra, rest = word.rpartition("hundra")
    if not hundra:
        return _below_hundred(word)
    hundreds = 1 if count in ("", "en", "ett") else _SMALL.get(count)
    below = _below_hundred(rest) if rest else 0
    if hundreds is None or hundreds > 9 or below is None:
        return None
    return hundreds * 100 + below


def _below_hundred(word: str) -> int | None:
    if word in _SMALL:
        return _SMALL[word]
    for tens, value in _TENS.items():
        if word.startswith(tens):
            unit = _SMALL.get(word[len(tens) :], 0 if word == tens else None)
            return value + unit if unit is not None and unit < 10 else None
    return None


def _number(token: str, english: bool = False) -> Decimal:
    digits = re.sub(rf"{_SP}|\n", "", token)
    if _COMMA_GROUPS.fullmatch(digits) and (english or digits.count(",") > 1):
        return Decimal(digits.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
        digits = digits.replace(".", "")
    return Decimal(digits.replace(",", "."))


def _is_grouped(token: str) -> bool:
    return _GROUP.search(token) is not None or token.count(",") > 1


def _currency(token: str | None) -> str | None:
    return _CURRENCIES[" ".join(token.lower().split())] if token else None


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _tidy(value: Decimal) -> Decimal:
    return Decimal(_whole(value)) if value == value.to_integral_value() else value.normalize()


def _decimal_comma(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")
