"""Candidate sentences from the retrieved passages, scored against the question."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from bot.engine.boilerplate import heading_like, is_boilerplate
from bot.engine.places import elsewhere
from bot.engine.question import Question
from bot.engine.receivers import is_body, receivers_of_type, wanted_type
from bot.engine.scoring import model
from bot.engine.sentences import Span, paragraph_of, sentence_spans
from bot.engine.terms import coverage, rarity, term_set
from bot.engine.types import Passage, Retriever
from funding import Amount, figures_in, find_amounts, find_receivers, looks_like_instruction

_QUOTE = re.compile(r"(^\s*[–\-”\"»])|\b(säger|sa|menar|says|said)\b", re.I)
PURPOSE = re.compile(
    r"\b(syfte\w*|för att|ska\b|målet|mål\b|användas|insatser|arbete\w* (med|mot)|i syfte|"
    r"eftersom|därför|på grund av|med anledning av|motiver\w*|skäl\w*|behov\w*|"
    r"so that|in order to|aim|because)\b",
    re.I,
)
_ASKS_DECISION = re.compile(r"\b(beslut\w*|decided|decision)\b", re.I)
_DATE_WORDS = re.compile(
    r"\b(\d{4}-\d{2}-\d{2}|\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|"
    r"september|oktober|november|december) \d{4}|tillträd\w*|från och med|den \d{1,2})\b",
    re.I,
)


_WIDEN = 4


@dataclass(frozen=True)
class Candidate:
    """A sentence of a retrieved document that may answer the question."""

    passage: Passage
    doc_text: str
    span: Span
    score: float
    amounts: tuple[Amount, ...]
    relevance: float = 0.0  # how much of the question the words cover, without kind bonuses
    features: tuple[float, ...] = ()  # what the score was computed from (scoring.FEATURES)

    @property
    def text(self) -> str:
        """The sentence, verbatim."""
        return self.doc_text[self.span.start : self.span.end]

    @property
    def paragraph(self) -> str:
        """The paragraph around the sentence, verbatim."""
        para = paragraph_of(self.doc_text, self.span.start)
        return self.doc_text[para.start : para.end]


def candidates(
    question: Question,
    passages: Sequence[Passage],
    retriever: Retriever,
) -> list[Candidate]:
    """Every sentence of the passages and their neighbours, best first, from documents
    meeting the question's constraints."""
    sentences: list[tuple[Passage, str, Span, float]] = []
    for passage, prior in _widened(passages, retriever):
        text = retriever.document_text(passage.doc_id)
        if not satisfies_document(question, passage, text):
            continue
        for span in sentence_spans(text, passage.start, passage.end):
            sentence = text[span.start : span.end]
            if _evidence_like(sentence) and not _is_title(sentence, passage.title):
                sentences.append((passage, text, span, prior))
    stems = [term_set(text[span.start : span.end]) for _, text, span, _ in sentences]
    weights = rarity(question.terms, stems)
    wanted = figures_in(question.text) if question.kind != "aggregate" else set()
    found = [
        _scored(question, passage, text, span, prior, sentence_stems, weights, wanted)
        for (passage, text, span, prior), sentence_stems in zip(sentences, stems, strict=True)
    ]
    found.sort(key=lambda c: c.score, reverse=True)
    return _dedupe(found)


def _widened(passages: Sequence[Passage], retriever: Retriever) -> list[tuple[Passage, float]]:
    """The passages with a rank prior, then the neighbours of the best ones.

    The sentence that answers often sits in the chunk next to the one that matched the
    question's words best (a table after its heading, an amount after its project).
    """
    seen = {p.chunk_id for p in passages}
    ranked = [(p, 1.0 / (1 + rank)) for rank, p in enumerate(passages)]
    for passage, prior in ranked[:_WIDEN]:
        for neighbour in retriever.neighbours(passage):
            if neighbour.chunk_id not in seen:
                seen.add(neighbour.chunk_id)
                ranked.append((neighbour, prior * 0.8))
    return ranked


def _is_title(sentence: str, title: str) -> bool:
    """The title repeated in the text is metadata, not evidence."""
    return " ".join(sentence.split()).casefold() == " ".join(title.split()).casefold()


def _evidence_like(sentence: str) -> bool:
    """Headings and questions in a text are not evidence of an answer."""
    stripped = sentence.strip()
    if stripped.startswith("#") or stripped.endswith("?") or looks_like_instruction(stripped):
        return False
    if is_boilerplate(stripped):
        return False
    return len(stripped) >= 20 or any(ch.isdigit() for ch in stripped)


def about_elsewhere(question: Question, passage: Passage, text: str) -> bool:
    """The passage's document is about another municipality than the one the question names."""
    link = passage.url or passage.source
    return elsewhere(question.places, passage.title, link, text, question.home)


def satisfies_document(question: Question, passage: Passage, text: str) -> bool:
    """Hard constraints: named people and years must occur in the document, and a
    document plainly about another municipality does not answer for the one named."""
    if about_elsewhere(question, passage, text):
        return False
    haystack = f"{passage.title}\n{passage.date or ''}\n{text}"
    for person in question.persons:
        surname = person.split()[-1]
        # "Saga Provbergs projekt": the genitive -s is not part of the name the document writes.
        bare = surname[:-1] if surname.endswith("s") and len(surname) > 3 else surname
        if surname not in haystack and bare not in haystack:
            return False
    return all(str(year) in haystack for year in question.years)


def _scored(
    question: Question,
    passage: Passage,
    text: str,
    span: Span,
    prior: float,
    sentence_stems: frozenset[str],
    weights: dict[str, float],
    wanted: set[Decimal],
) -> Candidate:
    sentence = text[span.start : span.end]
    para = paragraph_of(text, span.start)
    paragraph = text[para.start : para.end]
    sentence_cov = coverage(question.terms, sentence_stems, weights)
    context_cov = coverage(question.terms, term_set(paragraph + " " + passage.title), weights)
    amounts = _amounts_in(paragraph, para.start, span)
    relevance = 0.55 * sentence_cov + 0.25 * context_cov
    features = (
        sentence_cov,
        context_cov,
        prior,
        _recipient_share(question, paragraph),
        *_kind_features(question, passage, sentence, amounts),
        1.0 if wanted and wanted & figures_in(sentence) else 0.0,
        1.0 if heading_like(sentence) else 0.0,
    )
    return Candidate(
        passage, text, span, model().score(features), amounts, relevance, tuple(features)
    )


def _kind_features(
    question: Question, passage: Passage, sentence: str, amounts: tuple[Amount, ...]
) -> tuple[float, ...]:
    """has_amount, recipient_before_amount, typed_receivers, quote_cue, purpose_cue,
    date_cue, decision_cue: each only for the kinds of question it speaks to."""
    kind = question.kind
    money = kind in ("amount", "aggregate")
    has_amount = 1.0 if money and amounts else 0.0
    before = 1.0 if money and _recipient_before_amount(question, sentence, amounts) else 0.0
    typed = 0.0
    if kind == "recipients":
        names = [
            n for n in receivers_of_type(sentence, wanted_type(question.text)) if not is_body(n)
        ]
        typed = min(3, len(names)) / 3
    quote = 1.0 if kind == "who_said" and _QUOTE.search(sentence) else 0.0
    purpose = 1.0 if kind == "why" and PURPOSE.search(sentence) else 0.0
    date = 1.0 if kind == "when" and _DATE_WORDS.search(sentence) else 0.0
    decision = 0.0
    if kind == "when" and _ASKS_DECISION.search(question.text):
        decided = passage.kind == "decision" or re.search(r"\bbeslut", sentence, re.I)
        decision = 1.0 if decided else 0.0
    return has_amount, before, typed, quote, purpose, date, decision


def _amounts_in(paragraph: str, offset: int, span: Span) -> tuple[Amount, ...]:
    """Amounts of the sentence, read with the paragraph around it as context."""
    inside = []
    for amount in find_amounts(paragraph):
        start, end = amount.start + offset, amount.end + offset
        if span.start <= start and end <= span.end:
            shift = offset - span.start
            inside.append(replace(amount, start=amount.start + shift, end=amount.end + shift))
    return tuple(inside)


def _recipient_before_amount(
    question: Question, sentence: str, amounts: tuple[Amount, ...]
) -> bool:
    """A recipient the question names, stated right before an amount ("socialnämnden 5 855 000")."""
    if not question.recipients:
        return False
    named = [end for name, _, end in find_receivers(sentence) if name in question.recipients]
    return any(0 <= a.start - end <= 40 for end in named for a in amounts)


def _recipient_share(question: Question, paragraph: str) -> float:
    if not question.recipients:
        return 0.0
    present = {name for name, _, _ in find_receivers(paragraph)}
    return sum(1 for r in question.recipients if r in present) / len(question.recipients)


def _dedupe(found: list[Candidate]) -> list[Candidate]:
    seen: set[tuple[str, int]] = set()
    kept = []
    for candidate in found:
        key = (candidate.passage.doc_id, candidate.span.start)
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept
