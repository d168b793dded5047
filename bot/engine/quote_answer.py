"""Who said what: the attributed quote that fits the question, its speaker and date."""

from __future__ import annotations

import re
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
    authored = _authored(question, found)
    # A speech's own sentence that says more of what was asked beats a quote elsewhere.
    if authored is not None and (best is None or _said(question, authored) > _said(question, best)):
        best = authored
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


# A speech or an opinion piece says whose it is at its opening: "Anförande hållet av
# Exempelstads socialborgarråd, Anna Exempel (L), vid …", "Debattartikel av Per Prov (S)".
_AUTHORED = re.compile(
    r"\b(?i:anförande|tal|debattartikel|debattinlägg|krönika|insändare|speech|op-ed)\b"
    r"[^.\n]{0,120}?\b(?i:av|by)\b[^.\n]{0,80}?"
    r"(?P<name>[A-ZÅÄÖ][a-zåäöé]+(?:[- ][A-ZÅÄÖ][a-zåäöé]+){1,2})\s*\((?P<party>[A-ZÅÄÖ]{1,3})\)"
)
_OPENING = 600
# Said in the first person: the author speaking ("Jag kallar det …", "Vi ska …").
_FIRST_PERSON = re.compile(r"\b(?i:jag|vi|mig|oss|min|mitt|mina|vår|vårt|våra|we|my|our)\b|\bI\b")


def _said(question: Question, pick: tuple[Candidate, Quote]) -> float:
    """How much of the question the quoted words themselves say."""
    return coverage(question.terms, term_set(pick[1].text))


def _authored(question: Question, found: Sequence[Candidate]) -> tuple[Candidate, Quote] | None:
    """A first-person sentence of a speech or opinion piece, as its author's words, when no
    attributed quote fits: the author is named at the opening, the sentence fits the question."""
    surnames = [p.split()[-1] for p in question.persons]
    for candidate in found[:8]:
        if candidate.score < model().min_score:
            continue
        author = _AUTHORED.search(candidate.doc_text[:_OPENING])
        if author is None or not _FIRST_PERSON.search(candidate.text):
            continue
        if surnames and not any(s in author["name"] for s in surnames):
            continue
        span = candidate.span
        return candidate, Quote(
            speaker=author["name"],
            role=None,
            party=author["party"],
            text=candidate.text,
            start=span.start,
            end=span.end,
        )
    return None
