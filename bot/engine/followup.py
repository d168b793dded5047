"""Follow-up questions ("och Södermalm då?") read against the earlier turns."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.engine.types import Turn
from ingest.recipients import find_recipients

_ELLIPTIC = re.compile(r"^\s*(och|men|samt|än|and|what about|how about|also)\b", re.I)
_SHORT = 7
# A question with its own question word stands on its own ("Varför fick Farsta pengar?").
_QUESTION_WORD = re.compile(
    r"\b(vad|vem|vilk\w+|hur|när|varför|var|what|who|which|how|when|why|where)\b", re.I
)


def resolve_followup(question: str, history: Sequence[Turn]) -> str:
    """The question made self-contained using the previous question, when it is elliptic."""
    if not history:
        return question
    previous = history[-1].question
    words = question.split()
    new = find_recipients(question)
    old = find_recipients(previous)
    elliptic = bool(_ELLIPTIC.match(question)) or not _QUESTION_WORD.search(question)
    if new and old and elliptic and len(words) <= _SHORT + 3:
        return _swap_recipients(previous, old, [name for name, _, _ in new])
    if _ELLIPTIC.match(question) and len(words) <= _SHORT:
        return f"{previous} {question}"
    return question


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
