"""Checking a chat model's reply: keep real citations, renumber them, ground every figure."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from bot.engine.errors import ModelReplyError, UngroundedFigureError
from bot.engine.evidence import Evidence
from bot.engine.grounding import numbers_in, ungrounded_figures
from bot.engine.types import Citation
from prompts.messages import NO_ANSWER

# A reply is asked for in one or two sentences; pages of text mean the model ran away.
MAX_REPLY_CHARS = 4000
# A supporting quote spans several passage sentences only while it stays short.
_MAX_QUOTE_CHARS = 600

_MARKER = re.compile(r"(?P<space>\s*)\[(?P<nums>\s*\d+(?:\s*[-–,;]\s*\d+)*\s*)\]")
_CANONICAL_MARKER = re.compile(r"\[(\d+)\]")
# A sentence ends at . ! or ? followed by space (citation markers after the stop stay
# with it), or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])(?P<markers>(?:\s*\[\d+\])*)\s+|\s*\n\s*")
_WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True)
class CheckedReply:
    """A reply whose citations are all real, renumbered 1..m, and whose figures are grounded."""

    text: str
    citations: tuple[Citation, ...]


def is_no_answer(reply: str) -> bool:
    """True when the model said the documents do not answer (in either language)."""
    said = _normalise(reply)
    return any(_normalise(sentence) in said for sentence in NO_ANSWER.values())


def check_reply(
    reply: str, evidence: Sequence[Evidence], extra_grounding: Sequence[str] = ()
) -> CheckedReply:
    """Drop invented citations, renumber the rest and check each sentence's figures."""
    text = reply.strip()
    if not text:
        raise ModelReplyError("the reply is empty")
    if len(text) > MAX_REPLY_CHARS:
        raise ModelReplyError(f"the reply is {len(text)} characters; a short answer was asked")
    by_n = {item.n: item for item in evidence}
    text, order = _renumber(text, by_n)
    if not order:
        raise ModelReplyError("the reply cites none of the numbered sources it was given")
    kept = [by_n[n] for n in order]
    sentences = _cited_sentences(text)
    ungrounded: list[str] = []
    for sentence, cited in sentences:
        material = [m for k in cited for m in _grounding_material(kept[k - 1])]
        ungrounded += ungrounded_figures(sentence, [*material, *extra_grounding])
    if ungrounded:
        raise UngroundedFigureError(ungrounded)
    citations = tuple(
        replace(
            item.citation,
            n=k,
            quote=supporting_quote(item, [s for s, cited in sentences if k in cited]),
        )
        for k, item in enumerate(kept, start=1)
    )
    return CheckedReply(text=text, citations=citations)


def supporting_quote(item: Evidence, sentences: Sequence[str]) -> str:
    """The passage sentence(s) behind the answer's sentences, verbatim; else the old quote."""
    passage = item.passage
    values = {v for s in sentences for v in numbers_in(s)}
    words = {w.casefold() for s in sentences for w in _WORD.findall(s)}
    scored = []
    for start, end in _sentence_spans(passage):
        span = passage[start:end]
        shared_figures = len(numbers_in(span) & values)
        shared_words = len({w.casefold() for w in _WORD.findall(span)} & words)
        scored.append((shared_figures, shared_words, start, end))
    with_figures = [s for s in scored if s[0]]
    if with_figures and with_figures[-1][3] - with_figures[0][2] <= _MAX_QUOTE_CHARS:
        return passage[with_figures[0][2] : with_figures[-1][3]]
    best = max(scored, key=lambda s: (s[0], s[1]), default=None)
    if best is None or best[0] + best[1] == 0:
        return item.citation.quote
    return passage[best[2] : best[3]]


def _renumber(text: str, by_n: Mapping[int, Evidence]) -> tuple[str, list[int]]:
    """Rewrite markers as [k] in order of first use; markers of unknown sources vanish."""
    order: list[int] = []

    def rewrite(match: re.Match[str]) -> str:
        kept: list[int] = []
        for n in _expand(match["nums"]):
            if n not in by_n:
                continue
            if n not in order:
                order.append(n)
            if order.index(n) + 1 not in kept:
                kept.append(order.index(n) + 1)
        return match["space"] + "".join(f"[{k}]" for k in kept) if kept else ""

    return _MARKER.sub(rewrite, text).strip(), order


def _expand(numbers: str) -> list[int]:
    expanded: list[int] = []
    for part in re.split(r"[,;]", numbers):
        bounds = [int(b) for b in re.split(r"[-–]", part) if b.strip()]
        if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] < 20:
            expanded.extend(range(bounds[0], bounds[1] + 1))
        else:
            expanded.extend(bounds)
    return expanded


def _cited_sentences(text: str) -> list[tuple[str, frozenset[int]]]:
    """Each sentence with the sources it cites; an uncited one borrows its neighbour's."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match["markers"] or "")
        if text[start:end].strip():
            sentences.append(text[start:end])
        start = match.end()
    if text[start:].strip():
        sentences.append(text[start:])
    cited = [frozenset(int(n) for n in _CANONICAL_MARKER.findall(s)) for s in sentences]
    resolved: list[frozenset[int]] = []
    for i, own in enumerate(cited):
        # A citation at the end of a paragraph covers the sentences before it.
        later = next((c for c in cited[i + 1 :] if c), frozenset())
        earlier = next((c for c in reversed(resolved) if c), frozenset())
        resolved.append(own or later or earlier)
    return list(zip(sentences, resolved, strict=True))


def _grounding_material(item: Evidence) -> list[str]:
    # The passage, plus the citation's own metadata: a date or title the model repeats
    # comes from the source even when the passage does not spell it out.
    c = item.citation
    return [item.passage, c.quote, c.title, c.date or ""]


def _sentence_spans(passage: str) -> list[tuple[int, int]]:
    """Sentences of a passage as (start, end) offsets, trimmed of surrounding space."""
    spans: list[tuple[int, int]] = []
    start = len(passage) - len(passage.lstrip())
    for match in re.finditer(r"(?<=[.!?])\s+|\s*\n\s*", passage):
        if passage[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if passage[start:].strip():
        spans.append((start, len(passage.rstrip())))
    return spans


def _normalise(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .")
