"""Sentences of a stored text, as exact spans, for quoting."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? followed by space and a capital, digit, dash or quote mark,
# at a blank line, or at a line break after a line that ends a sentence or a table row.
_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"”»]?\s+(?=[–\-\"”»A-ZÅÄÖ0-9])"
    r"|\n[ \t]*\n\s*"
    r"|(?:(?<=[.!?:;])|(?<=\d)|(?<=kr))[ \t]*\n\s*"
    r"|(?<=\d kr)[ \t]*\n"
)
_ABBREVIATIONS = ("t.ex.", "bl.a.", "m.m.", "s.k.", "dvs.", "ca.", "resp.", "kl.", "nr.", "jfr.")


@dataclass(frozen=True)
class Span:
    """A sentence as offsets into the text it came from."""

    start: int
    end: int


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentences of text[start:end], trimmed, as offsets into `text`."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _after_abbreviation(text, match.start()) or _mid_sentence(
            text, match.start(), match.end()
        ):
            continue
        spans.extend(_trim(text, cursor, match.start()))
        cursor = match.end()
    spans.extend(_trim(text, cursor, end))
    return [line for span in spans for line in _table_lines(text, span)]


def _table_lines(text: str, span: Span) -> list[Span]:
    """A table (lines with " | " cells) is read row by row: each row is its own statement."""
    piece = text[span.start : span.end]
    if " | " not in piece or "\n" not in piece:
        return [span]
    lines: list[Span] = []
    cursor = span.start
    for line in piece.split("\n"):
        lines.extend(_trim(text, cursor, cursor + len(line)))
        cursor += len(line) + 1
    return lines


def _mid_sentence(text: str, start: int, end: int) -> bool:
    """A line break inside a sentence, as PDF extraction leaves them: "till för\n\nstads..."."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    # "cirka 4\nmiljoner kronor": a break after a letter or a digit, then lower case, goes on.
    if before.isalnum() and after.islower():
        return True
    # "de 17\n077 000 kronor": a figure's thousands groups wrapped onto the next line.
    return before.isdigit() and _GROUPS_GO_ON.match(text, end) is not None


_GROUPS_GO_ON = re.compile(r"\d{3}(?:[ \u00a0]\d{3})*[ \u00a0]*(?:kr\b|kronor|SEK\b|:-)")


def _after_abbreviation(text: str, position: int) -> bool:
    head = text[max(0, position - 6) : position].lower()
    return any(head.endswith(abbreviation) for abbreviation in _ABBREVIATIONS)


def _trim(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Span(start, end)] if end > start else []


def paragraph_of(text: str, position: int) -> Span:
    """The paragraph around a position: between blank lines that end a sentence."""
    start = position
    while (before := text.rfind("\n\n", 0, start)) >= 0 and _mid_sentence(text, before, before + 2):
        start = before
    end = position
    while (after := text.find("\n\n", end)) >= 0 and _mid_sentence(text, after, after + 2):
        end = after + 2
    return Span(0 if before < 0 else before + 2, len(text) if after < 0 else after)
