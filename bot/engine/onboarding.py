"""Onboarding: explain a term from the glossary and from how the documents use it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from bot.engine.candidates import Candidate
from bot.engine.compose import Draft, add_quotes, weak
from bot.engine.question import Question
from bot.engine.wording import phrase
from prompts import load_glossary


@lru_cache(maxsize=1)
def _glossary() -> dict[str, str]:
    return {_fold(term): f"{term}|{text}" for term, text in load_glossary().items()}


def _fold(term: str) -> str:
    return " ".join(term.lower().replace("-", " ").split())


def glossary_entry(subject: str | None) -> tuple[str, str] | None:
    """(term, explanation) from the glossary for a subject, if it has one."""
    if not subject:
        return None
    entry = _glossary().get(_fold(subject))
    if entry is None:
        return None
    term, text = entry.split("|", 1)
    return term, text


def answer_onboarding(question: Question, found: Sequence[Candidate]) -> Draft | None:
    """The glossary's explanation (if any) and the sentence of the documents that explains it."""
    entry = glossary_entry(question.subject)
    usable = [c for c in found if not weak(c)]
    if subject := question.subject:
        usable = [c for c in usable if subject.lower() in c.text.lower()] or usable
    if entry is None and not usable:
        return None
    draft = Draft(question)
    if entry is not None:
        term, text = entry
        draft.lines.append(
            phrase(question.language, "explain", term=term, explanation=text)
            + " "
            + phrase(question.language, "glossary")
        )
        draft.sources.append(text)
    if usable:
        draft.citations.cite_candidate(usable[0])
        add_quotes(draft)
    return draft
