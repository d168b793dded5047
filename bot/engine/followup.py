"""Follow-up questions read against the earlier turns.

"och Södermalm då?" swaps the district into the previous question. A question that
points back ("Varför fick de pengarna?", "When was it decided?") or has no subject of its
own inherits the previous turn's recipients, municipalities, years and topic words, and
prefers the sources the previous answer cited. A question naming its own recipient or
municipality stands on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.engine.places import places_in
from bot.engine.question import read_question
from bot.engine.terms import content_terms, stem
from bot.engine.types import Turn
from funding import find_recipients

_ELLIPTIC = re.compile(r"^\s*(och|men|samt|än|and|what about|how about|also)\b", re.I)
_SHORT = 7
# How many earlier turns a chain of follow-ups is read back through.
_DEPTH = 5
# A question with its own question word stands on its own ("Varför fick Farsta pengar?").
_QUESTION_WORD = re.compile(
    r"\b(vad|vem|vilk\w+|hur|när|varför|var|what|who|which|how|when|why|where)\b", re.I
)
# Words that point back at what the conversation was about.
_ANAPHOR = re.compile(
    r"\b(de|dem|dom|deras|det|den|dessa|denna|detta|där|dit|därifrån|samma|"
    r"they|them|their|it|its|that|those|these|there|same)\b",
    re.I,
)
# Dummy "det" points at nothing: "finns det", "det finns", "vad är det för".
_DUMMY = re.compile(r"\b(finns det|det finns|är det för|is there|are there|there (is|are))\b", re.I)
# Words every question may have that are no subject of their own.
_NO_SUBJECT_WORDS = (
    "vad vem vilka vilken vilket hur mycket när varför var fick få fått ges gavs "
    "pengar pengarna belopp beloppet summan summa medel medlen kronor beslut beslutet "
    "beslutades bidrag bidraget satsningen projektet syfte syftet användas använts "
    "what who which how much many when why where did get got given money amount sum "
    "funds decision decided grant project purpose used spent for about"
)
_NO_SUBJECT = frozenset(stem(w) for w in _NO_SUBJECT_WORDS.split(" "))
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


@dataclass(frozen=True)
class Resolved:
    """A question made self-contained, and the sources to search first."""

    text: str
    sources: tuple[str, ...] = ()  # the previous answer's cited sources, when inherited


def resolve_followup(question: str, history: Sequence[Turn]) -> str:
    """The question made self-contained using the previous question, when it is elliptic."""
    return resolve(question, history).text


def resolve(question: str, history: Sequence[Turn]) -> Resolved:
    """The question read against the previous turn, and the sources it inherits."""
    if not history:
        return Resolved(question)
    history = history[-_DEPTH:]
    previous = resolve(history[-1].question, history[:-1]).text
    words = question.split()
    new = find_recipients(question)
    old = find_recipients(previous)
    elliptic = bool(_ELLIPTIC.match(question)) or not _QUESTION_WORD.search(question)
    if new and old and elliptic and len(words) <= _SHORT + 3:
        return Resolved(_swap_recipients(previous, old, [name for name, _, _ in new]))
    if _ELLIPTIC.match(question) and len(words) <= _SHORT:
        return Resolved(f"{previous} {question}")
    if new or places_in(question) or not (points_back(question) or _subjectless(question)):
        return Resolved(question)
    context = _context(previous, question)
    text = f"{question} ({' '.join(context)})" if context else question
    return Resolved(text, history[-1].sources)


def points_back(question: str) -> bool:
    """Whether the question has a word pointing back at the conversation ("de", "it")."""
    return bool(_ANAPHOR.search(_DUMMY.sub(" ", question)))


def _subjectless(question: str) -> bool:
    return not [t for t in content_terms(question) if t not in _NO_SUBJECT]


def _context(previous: str, question: str) -> list[str]:
    """What the previous question was about and this one does not say: recipients,
    municipalities, years and topic words, none of them a word that sets a question's kind."""
    asked = {w.casefold() for w in re.findall(r"[\w-]+", question)}
    pieces = [name for name, _, _ in find_recipients(previous)]
    pieces += [p for p in places_in(previous) if p not in pieces]
    pieces += _YEAR.findall(previous)
    named = " ".join(pieces).casefold()
    topic = set(content_terms(previous))
    for word in re.findall(r"[\w-]+", previous):
        folded = word.casefold()
        if folded in asked or folded in named or stem(folded) not in topic:
            continue
        if _ANAPHOR.fullmatch(word) or stem(folded) in _NO_SUBJECT:
            continue
        if read_question(word).kind == "open":
            pieces.append(word)
    return [p for p in dict.fromkeys(pieces) if p.casefold() not in asked]


def _swap_recipients(
    previous: str, old: Sequence[tuple[str, int, int]], names: Sequence[str]
) -> str:
    """The previous question with its recipients replaced by the new ones."""
    replacement = " och ".join(names)
    pieces = []
    cursor = 0
    for index, (_, start, end) in enumerate(old):
        pieces.append(previous[cursor:start])
        pieces.append(replacement if index == 0 else "")
        cursor = end
    pieces.append(previous[cursor:])
    return re.sub(r"\s{2,}", " ", "".join(pieces)).strip()
