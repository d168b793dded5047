"""Tables as ingest stores them: one row a line, cells joined by " | " (or tabs).

A table's header says what its columns hold: the label column names receivers ("Kommun",
"Förening", "Mottagare") or categories ("Område", "Ändamål"); an amount column says how far
the money got ("Sökt belopp": applied, "Beviljat": decided, "Förslag": proposed) and may
give the unit of cells written without one ("Belopp (tkr)").

Decisions, so callers can rely on them:
- A header is the nearest line above a row that has cells and no amounts, at most
  _HEADER_REACH lines up, with no blank line between it and the row.
- Cells without a unit are money only under a header cell that names money or a unit; they
  are scaled by that unit ("tkr": thousands, "mnkr"/"mkr": millions).
- A list's lead-in ending in a colon may give the unit of its rows ("Följande bidrag
  beviljas (tkr):"): each row below it that ends in a bare figure is money in that unit, up
  to a blank line or a line of another shape.
- Every function here looks at a bounded window around its line: linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from funding.models import Amount

_CELL_SPLIT = re.compile(r"[ \t]*\|[ \t]*|\t+| {3,}")  # a text file aligns columns with spaces
_HEADER_REACH = 60
_LINE_MAX = 600

_NAME_HEADER = re.compile(
    r"\b(?:kommun|förening|organisation|mottagare|bidragsmottagare|sökande|stadsdel|"
    r"stadsdelsområde|namn|region|enhet|nämnd|aktör|utförare|huvudman|projektägare|"
    r"organisationsnamn|föreningsnamn)\w*",
    re.IGNORECASE,
)
_CATEGORY_HEADER = re.compile(
    r"\b(?:område|kategori|ändamål|insats|post|verksamhetsområde|kostnad|typ|slag|år|"
    r"inriktning|målgrupp|aktivitet|beskrivning)\w*",
    re.IGNORECASE,
)
_COLUMN_STATUS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("refused", re.compile(r"avslag|avslå", re.IGNORECASE)),
    ("applied", re.compile(r"sök|ansök|begär|äsk", re.IGNORECASE)),
    ("proposed", re.compile(r"förslag|föresl", re.IGNORECASE)),
    ("decided", re.compile(r"bevilj|beslut|tilldel|utbetal|fördel", re.IGNORECASE)),
    ("reported", re.compile(r"utfall|bokslut|resultat|prognos|förbrukat", re.IGNORECASE)),
    ("budget", re.compile(r"budget|\bram\b|anslag", re.IGNORECASE)),
)
_MONEY_HEADER = re.compile(
    r"\bkr\b|kronor|\btkr\b|\bmnkr\b|\bmkr\b|\bsek\b|\bksek\b|\bmsek\b|belopp|bidrag|budget|"
    r"bevilj|sökt|ansökt|anslag|förslag",
    re.IGNORECASE,
)
_SCALE = ((re.compile(r"\b(?:tkr|ksek|tusental)\b", re.IGNORECASE), 1000),
          (re.compile(r"\b(?:mnkr|mkr|msek|miljoner)\b", re.IGNORECASE), 1_000_000))  # fmt: skip
_BARE_CELL = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+")


@dataclass(frozen=True)
class Cell:
    """One cell of a row: its text and offsets in the document text."""

    text: str
    start: int
    end: int


def line_bounds(text: str, offset: int) -> tuple[int, int] | None:
    """The line holding `offset`, or None when it is longer than a table row can be."""
    start = text.rfind("\n", max(0, offset - _LINE_MAX), offset) + 1
    if start == 0 and offset > _LINE_MAX:
        return None
    end = text.find("\n", offset, offset + _LINE_MAX)
    if end < 0:
        end = len(text) if len(text) - offset <= _LINE_MAX else -1
    return None if end < 0 else (start, end)


def cells(text: str, start: int, end: int) -> list[Cell]:
    """The cells of text[start:end], or [] when the line has no cell marks."""
    line = text[start:end]
    if "|" not in line and "\t" not in line and "   " not in line.strip():
        return []
    found, cursor = [], 0
    for mark in [*_CELL_SPLIT.finditer(line), None]:
        stop = mark.start() if mark else len(line)
        raw = line[cursor:stop]
        stripped = raw.strip(" \t•*·▪–—-")
        if stripped:
            offset = start + cursor + raw.index(stripped)
            found.append(Cell(stripped, offset, offset + len(stripped)))
        cursor = mark.end() if mark else len(line)
    return found


def header_above(
    text: str, row_start: int, has_amount: Callable[[int, int], bool]
) -> list[Cell] | None:
    """The header row of the table a row belongs to, else None."""
    end = row_start - 1
    for _ in range(_HEADER_REACH):
        if end <= 0:
            return None
        start = text.rfind("\n", max(0, end - _LINE_MAX), end) + 1
        line = text[start:end]
        if not line.strip():
            return None  # a blank line ends the table
        row = cells(text, start, end)
        if row and len(row) >= 2 and not has_amount(start, end):
            return row
        end = start - 1
    return None


def column_of(header: list[Cell], row: list[Cell], index: int) -> Cell | None:
    """The header cell above the row's cell `index` (the last one for a row's last cell)."""
    if len(header) == len(row):
        return header[index]
    if index == len(row) - 1:
        return header[-1]
    return header[index] if index < len(header) and index == 0 else None


def column_status(header_cell: Cell | None) -> str | None:
    """What an amount column's header says of the money's status, if anything."""
    if header_cell is None:
        return None
    return next((s for s, p in _COLUMN_STATUS if p.search(header_cell.text)), None)


def label_kind(header_cell: Cell | None) -> str | None:
    """ "names" when the label column holds receivers, "categories" when it holds areas."""
    if header_cell is None:
        return None
    if _NAME_HEADER.search(header_cell.text):
        return "names"
    return "categories" if _CATEGORY_HEADER.search(header_cell.text) else None


def bare_cell_amounts(text: str, amounts: list[Amount]) -> list[Amount]:
    """`amounts` with the unit-less money cells of tables added, and cells under a "tkr" or
    "mnkr" header scaled; in order. Linear: each line is looked at once."""
    by_start = {a.start: a for a in amounts}
    starts = sorted(by_start)
    extra: dict[int, Amount] = {}
    header: list[Cell] | None = None
    cursor = 0
    while cursor <= len(text):
        end = text.find("\n", cursor)
        end = len(text) if end < 0 else end
        row = cells(text, cursor, end) if end - cursor <= _LINE_MAX else []
        stated = bisect_left(starts, end) > bisect_left(starts, cursor)
        if not row:
            if not text[cursor:end].strip() or end - cursor > _LINE_MAX:
                header = None  # a blank line ends the table; a group line does not
        elif not stated and not any(_BARE_CELL.fullmatch(c.text) for c in row):
            header = row if len(row) >= 2 else None
        elif header is not None:
            extra.update(_money_cells(row, header, by_start))
        cursor = end + 1
    if not extra:
        return amounts
    merged = {a.start: a for a in amounts}
    merged.update(extra)
    return [merged[k] for k in sorted(merged)]


def _money_cells(
    row: list[Cell], header: list[Cell], by_start: dict[int, Amount]
) -> dict[int, Amount]:
    found: dict[int, Amount] = {}
    for index, cell in enumerate(row):
        top = column_of(header, row, index)
        if index == 0 or top is None or not _MONEY_HEADER.search(top.text):
            continue
        scale = next((factor for pattern, factor in _SCALE if pattern.search(top.text)), 1)
        known = by_start.get(cell.start)
        if known is not None:
            if scale > 1 and known.raw.strip() == cell.text and known.currency == "SEK":
                found[cell.start] = Amount(
                    known.value * scale, "SEK", known.approximate, known.raw, known.start, known.end
                )
            continue
        if _BARE_CELL.fullmatch(cell.text):
            value = int(re.sub(r"\D", "", cell.text)) * scale
            found[cell.start] = Amount(value, "SEK", False, cell.text, cell.start, cell.end)
    return found


_LEAD_IN_UNIT = re.compile(
    r"\((?:belopp\s+i\s+)?(?P<unit>tkr|ksek|mnkr|mkr|msek|kr|kronor|sek|tusental\s+kronor)\)"
    r"|\b(?:belopp|summor)\s+i\s+(?P<unit2>tkr|mnkr|mkr|kronor|kr|tusentals\s+kronor)\b",
    re.IGNORECASE,
)
_LIST_ROW = re.compile(
    r"[ \t]*(?:[-•*·▪–]\s*)?[^\d\n:]*[^\W\d][^\d\n]*?[ \t]*[:–—-]?[ \t]*"
    r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)[ \t]*$"
)
_ROW_REACH = 80
_YEAR = re.compile(r"(?:19|20)\d\d")  # "Ekby IF 2024": a year closing a row is no figure


def lead_in_amounts(text: str, amounts: list[Amount]) -> list[Amount]:
    """`amounts` with the bare figures of the rows under a lead-in that gives their unit
    ("Följande bidrag beviljas (tkr):" then "Ekby IF 120"), scaled by it; in order."""
    known = {a.start for a in amounts}
    extra: list[Amount] = []
    for lead in re.finditer(r"^[^\n]{0,300}:[ \t]*$", text, re.MULTILINE):
        unit = _LEAD_IN_UNIT.search(lead[0])
        if unit is None:
            continue
        scale = next(
            (f for pattern, f in _SCALE if pattern.search(unit["unit"] or unit["unit2"])), 1
        )
        cursor = lead.end() + 1
        for _ in range(_ROW_REACH):
            end = text.find("\n", cursor)
            end = len(text) if end < 0 else end
            row = _LIST_ROW.fullmatch(text, cursor, end)
            if row is None:
                break
            start = row.start("num")
            if start not in known and not _YEAR.fullmatch(row["num"]):
                value = int(re.sub(r"\D", "", row["num"])) * scale
                extra.append(Amount(value, "SEK", False, row["num"], start, row.end("num")))
            cursor = end + 1
    if not extra:
        return amounts
    return sorted([*amounts, *extra], key=lambda a: a.start)
