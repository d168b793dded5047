"""Quote drafts for press staff: facts they may use, each cited, and the politician's style."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.engine.candidates import Candidate
from bot.engine.compose import Draft, add_quotes, quotes_in, weak
from bot.engine.question import Question
from bot.engine.sentences import Span
from prompts.messages import DRAFT_MARK_EN, DRAFT_MARK_SV

_FACTS = 3


def draft_quote(
    question: Question,
    politician: str,
    found: Sequence[Candidate],
    text_of: Callable[[str], str],
) -> Draft | None:
    """A marked draft: cited facts to build on, and the politician's earlier quotes as style."""
    facts = [c for c in found if not weak(c)][:_FACTS]
    if not facts:
        return None
    draft = Draft(question)
    draft.lines.append(DRAFT_MARK_SV if question.language == "sv" else DRAFT_MARK_EN)
    for fact in facts:
        draft.citations.cite_candidate(fact)
        draft.amounts.extend(a.value for a in fact.amounts if a.currency == "SEK")
    surname = politician.split()[-1] if politician.split() else politician
    seen: set[str] = set()
    for candidate in found:
        doc = candidate.passage.doc_id
        if doc in seen:
            continue
        seen.add(doc)
        for quote in quotes_in(text_of(doc)):
            if surname and surname in quote.speaker:
                draft.citations.cite(candidate.passage, text_of(doc), Span(quote.start, quote.end))
                break
    draft.lines.append(_suggestion(politician, facts[0], question.language))
    add_quotes(draft)
    return draft


def _suggestion(politician: str, fact: Candidate, language: str) -> str:
    """A starting point that only restates the first cited fact in the politician's voice."""
    sentence = " ".join(fact.text.split()).strip("–- ")
    if language == "sv":
        return f"Förslag: ”– {sentence}”, säger {politician}. [1]"
    return f"Suggestion: “{sentence}”, says {politician}. [1]"
