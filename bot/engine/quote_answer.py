"""Who said what: the attributed quote that fits the question, its speaker and date."""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine.candidates import Candidate
from bot.engine.compose import Draft, add_quotes, quotes_in
from bot.engine.question import Question
from bot.engine.scoring import model
from bot.engine.sentences import Span, paragraph_of
from bot.engine.terms import coverage, rarity, term_set
from bot.engine.wording import phrase
from funding import Quote


def answer_quote(question: Question, found: Sequence[Candidate]) -> Draft | None:
    """Who said what: the quote that best matches, its speaker and when."""
    best = _best_quote(question, found)
    if best is None:
        return None  # a who-said answer is a speaker and a quote; a sentence is no quote
    candidate, quote = best
    draft = Draft(question)
    marker = draft.citations.cite(
        candidate.passage, candidate.doc_text, Span(quote.start, quote.end)
    )
    speaker = quote.speaker + (f" ({quote.party})" if quote.party else "")
    if quote.role:
        speaker += f", {quote.role},"
    draft.lines.append(
        phrase(
            question.language,
            "said",
            speaker=speaker,
            according=draft.according(candidate),
            marker=marker,
        )
    )
    add_quotes(draft)
    return draft


def _best_quote(question: Question, found: Sequence[Candidate]) -> tuple[Candidate, Quote] | None:
    """The attributed quote of the top documents whose words and speaker fit the question."""
    surnames = [p.split()[-1] for p in question.persons]
    pool: list[tuple[Candidate, Quote, frozenset[str]]] = []
    seen: set[str] = set()
    for candidate in found:
        if candidate.passage.doc_id in seen or candidate.score < 0.75 * model().min_score:
            continue
        seen.add(candidate.passage.doc_id)
        for quote in quotes_in(candidate.doc_text):
            if surnames and not any(s in quote.speaker for s in surnames):
                continue
            about = term_set(
                f"{quote.speaker} {quote.role or ''} {quote.text} "
                + _introduction(candidate.doc_text, quote)
            )
            pool.append((candidate, quote, about))
        if len(seen) >= 5:
            break
    if not pool:
        return None
    # Words every quote shares (the district, the topic) say less than the rare ones.
    weights = rarity(question.terms, [about for _, _, about in pool])
    candidate, quote, _ = max(
        pool, key=lambda row: coverage(question.terms, row[2], weights) + row[0].score
    )
    return candidate, quote


def _introduction(text: str, quote: Quote) -> str:
    """The paragraph before a quote when it names the speaker ("X (M) tycker att ...")."""
    para = paragraph_of(text, quote.start)
    if para.start < 2:
        return ""
    before = paragraph_of(text, para.start - 2)
    intro = text[before.start : before.end]
    return intro if quote.speaker.split()[-1] in intro else ""
