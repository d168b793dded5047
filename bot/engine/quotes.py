"""Quote drafts for press staff: facts they may use, each cited, and the politician's style.

A draft never puts a sentence of the documents into the politician's mouth: the facts are
shown as facts with their sources, the politician's own earlier quotes (if the documents
have any) as style, and the quote itself is left for the press officer to write. Facts
come from documents about the topic: the municipality the topic names, else Stockholm's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.engine.candidates import Candidate, about_elsewhere
from bot.engine.compose import Draft, add_quotes, quotes_in, weak
from bot.engine.question import Question
from bot.engine.sentences import Span
from prompts.messages import DRAFT_MARK_EN, DRAFT_MARK_SV

_FACTS = 3
_HOME = ("Stockholm",)  # the municipality whose politicians the bot drafts for by default
_RELATED = 0.5  # a fact covers at least this share of what the best fact covers


def draft_quote(
    question: Question,
    politician: str,
    found: Sequence[Candidate],
    text_of: Callable[[str], str],
) -> Draft | None:
    """A marked draft: cited facts on the topic, and the politician's earlier quotes as style."""
    facts = _facts(question, found, text_of)
    if not facts:
        return None
    language = question.language
    draft = Draft(question)
    draft.lines.append(DRAFT_MARK_SV if language == "sv" else DRAFT_MARK_EN)
    for fact in facts:
        draft.citations.cite_candidate(fact)
        draft.amounts.extend(a.value for a in fact.amounts if a.currency == "SEK")
    styled = _earlier_quotes(politician, found, text_of, draft)
    if not styled:
        draft.lines.append(
            f"{politician} har inga tidigare citat i dokumenten."
            if language == "sv"
            else f"The documents hold no earlier quotes by {politician}."
        )
    draft.lines.append(_suggestion(politician, language))
    add_quotes(draft)
    return draft


def _facts(
    question: Question, found: Sequence[Candidate], text_of: Callable[[str], str]
) -> list[Candidate]:
    """The strongest sentences about the topic, from documents about its municipality."""
    home = replace(question, places=question.places or _HOME)
    usable = [
        c
        for c in found
        if not weak(c) and not about_elsewhere(home, c.passage, text_of(c.passage.doc_id))
    ]
    if not usable:
        return []
    floor = _RELATED * usable[0].relevance
    return [c for c in usable if c.relevance >= floor][:_FACTS]


def _earlier_quotes(
    politician: str, found: Sequence[Candidate], text_of: Callable[[str], str], draft: Draft
) -> bool:
    """Cite one earlier quote of the politician per document, when there are any."""
    surname = politician.split()[-1] if politician.split() else politician
    seen: set[str] = set()
    cited = False
    for candidate in found:
        doc = candidate.passage.doc_id
        if doc in seen or not surname:
            continue
        seen.add(doc)
        for quote in quotes_in(text_of(doc)):
            if surname in quote.speaker:
                draft.citations.cite(candidate.passage, text_of(doc), Span(quote.start, quote.end))
                cited = True
                break
    return cited


def _suggestion(politician: str, language: str) -> str:
    """Where the quote goes: written by the press officer from the cited facts."""
    if language == "sv":
        return (
            f"Skriv citatet med egna ord utifrån fakta ovan, till exempel: ”– …”, säger "
            f"{politician}. Inget av de citerade styckena har sagts av {politician}, om det "
            "inte står så i källan."
        )
    return (
        f"Write the quote in your own words from the facts above, e.g. “…”, says {politician}. "
        f"None of the cited passages was said by {politician} unless the source says so."
    )
