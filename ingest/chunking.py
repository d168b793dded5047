"""Structure-aware chunking: paragraphs and headings, quotes kept with their attribution."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.models import Chunk, PageSpan

CHUNKING_VERSION = "paragraphs-v1"

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+(?=[–\-\"”»A-ZÅÄÖ0-9])")
_QUOTE_OPENERS = ("–", "-", "—", "”", '"', "»")
_ATTRIBUTION = re.compile(r"^\s*(?:säger|sa|menar|skriver|says|said)\b", re.IGNORECASE)
_TINY = 40


@dataclass(frozen=True)
class _Block:
    start: int
    end: int
    heading: bool


def chunk_text(text: str, pages: Sequence[PageSpan], *, size: int) -> list[Chunk]:
    """Cut the stored text into chunks of at most about `size` characters, within pages."""
    chunks: list[Chunk] = []
    for page in pages or (PageSpan(None, 0, len(text)),):
        blocks = _merge_attributions(text, _blocks(text, page.start, page.end))
        heading: str | None = None
        for group in _pack(text, blocks, size):
            first, last = group[0], group[-1]
            headings = _headings(text, group)
            chunks.append(
                Chunk(
                    index=len(chunks),
                    text=text[first.start : last.end],
                    start=first.start,
                    end=last.end,
                    page=page.number,
                    heading=headings[0] if headings else heading,
                )
            )
            # The chunks after this one fall under the last heading it holds.
            heading = headings[-1] if headings else heading
    return chunks


def _blocks(text: str, start: int, end: int) -> list[_Block]:
    """Paragraphs of text[start:end] as trimmed spans; headings flagged."""
    blocks: list[_Block] = []
    cursor = start
    for match in _PARAGRAPH_BREAK.finditer(text, start, end):
        blocks.extend(_trimmed(text, cursor, match.start()))
        cursor = match.end()
    blocks.extend(_trimmed(text, cursor, end))
    return blocks


def _trimmed(text: str, start: int, end: int) -> list[_Block]:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    lead = len(piece) - len(piece.lstrip())
    s, e = start + lead, start + lead + len(stripped)
    return [_Block(s, e, _looks_like_heading(stripped))]


def _looks_like_heading(paragraph: str) -> bool:
    # Short single lines without a closing full stop read as headings in these documents.
    return "\n" not in paragraph and len(paragraph) <= 90 and not paragraph.endswith((".", ","))


def _merge_attributions(text: str, blocks: list[_Block]) -> list[_Block]:
    """Join a quote paragraph with a following paragraph that only attributes it."""
    merged: list[_Block] = []
    for block in blocks:
        body = text[block.start : block.end]
        previous = merged[-1] if merged else None
        if previous is not None and _continues_quote(text, previous, body):
            merged[-1] = _Block(previous.start, block.end, heading=False)
        else:
            merged.append(block)
    return merged


def _continues_quote(text: str, previous: _Block, body: str) -> bool:
    before = text[previous.start : previous.end].lstrip()
    if _ATTRIBUTION.match(body):
        return True
    # A quote split over paragraphs ("– ... " then "– ..., säger X") stays in one piece.
    return before.startswith(_QUOTE_OPENERS) and body.startswith(_QUOTE_OPENERS)


def _pack(text: str, blocks: list[_Block], size: int) -> list[list[_Block]]:
    """Group consecutive blocks into chunks; split blocks longer than `size`."""
    groups: list[list[_Block]] = []
    current: list[_Block] = []
    for block in (piece for b in blocks for piece in _split_long(text, b, size)):
        if current and block.end - current[0].start > size:
            # A heading opens the next chunk with the text it introduces, when both fit.
            carry = len(current) > 1 and current[-1].heading
            carried = [current.pop()] if carry and block.end - current[-1].start <= size else []
            groups.append(current)
            current = carried
        current.append(block)
    if current:
        groups.append(current)
    return _absorb_tiny(groups)


def _split_long(text: str, block: _Block, size: int) -> list[_Block]:
    if block.end - block.start <= size:
        return [block]
    pieces: list[_Block] = []
    start = block.start
    for match in _SENTENCE_END.finditer(text, block.start, block.end):
        if match.start() - start > size:
            pieces.extend(_split_words(text, start, match.start(), size))
            start = match.end()
        elif match.end() - start > size * 0.6:
            pieces.append(_Block(start, match.start(), heading=False))
            start = match.end()
    pieces.extend(_split_words(text, start, block.end, size))
    return [p for p in pieces if p.end > p.start]


def _split_words(text: str, start: int, end: int, size: int) -> list[_Block]:
    """Last resort for a run-on sentence: cut at whitespace near `size`."""
    pieces: list[_Block] = []
    while end - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        cut = cut if cut > start else start + size
        pieces.append(_Block(start, cut, heading=False))
        start = cut + 1 if text[cut : cut + 1] == " " else cut
    pieces.append(_Block(start, end, heading=False))
    return pieces


def _absorb_tiny(groups: list[list[_Block]]) -> list[list[_Block]]:
    """Fold a tiny trailing group (a page number, a stray heading) into its neighbour."""
    result: list[list[_Block]] = []
    for group in groups:
        tiny = group[-1].end - group[0].start < _TINY
        previous_tiny = bool(result) and result[-1][-1].end - result[-1][0].start < _TINY
        if result and (tiny or previous_tiny):
            result[-1] = result[-1] + group
        else:
            result.append(group)
    return result


def _headings(text: str, group: list[_Block]) -> list[str]:
    return [text[block.start : block.end] for block in group if block.heading]


def chunking_signature(chunk_size: int) -> str:
    """What the collection records about how its passages were cut."""
    return f"{CHUNKING_VERSION}/{chunk_size}"
