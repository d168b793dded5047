"""Onboarding: explain a term from the glossary and from how the documents use it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.engine.candidates import Candidate
from bot.engine.compose import Draft, add_quotes, weak, with_next
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


# "X är ett ...", "X innebär ...", "X is a ...": a sentence that says what its subject is.
_DEFINES = r"\s+(?:är|var|innebär|betyder|handlar om|syftar|is|are|means)\b"
_NOT_AFTER_PREPOSITION = r"(?<!\bi )(?<!\bin )(?<!\bpå )(?<!\bom )(?<!\bför )(?<!\bat )"
_DEFINITION_REACH = 8  # how many of the best sentences are searched for a definition


def answer_onboarding(question: Question, found: Sequence[Candidate]) -> Draft | None:
    """The glossary's explanation (if any), the sentence of the documents that says what the
    term is, and the next sentence of its paragraph or one more that uses the term."""
    entry = glossary_entry(question.subject)
    usable = [c for c in found if not weak(c)]
    if subject := question.subject:
        usable = [c for c in usable if subject.lower() in c.text.lower()] or usable
        usable = _definition_first(subject, usable)
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
        lead = usable[0]
        draft.citations.cite(lead.passage, lead.doc_text, with_next(lead))
        add_quotes(draft)
    return draft


def _definition_first(subject: str, usable: Sequence[Candidate]) -> list[Candidate]:
    """The candidates with the first one that defines the subject moved to the front."""
    # "I X är målet ...": after a preposition the term is a place, not the subject.
    defines = re.compile(rf"{_NOT_AFTER_PREPOSITION}{re.escape(subject)}\S*{_DEFINES}", re.I)
    for candidate in usable[:_DEFINITION_REACH]:
        if defines.search(candidate.text):
            return [candidate, *(c for c in usable if c is not candidate)]
    return list(usable)
