"""Text that gives orders instead of stating facts: never evidence, never a grant."""

from __future__ import annotations

import re

# Prompt-injection phrasing in Swedish and English. Documents are data: a sentence that
# tells the reader (or a model) what to answer states nothing about the world.
_INSTRUCTION = re.compile(
    r"\b(ignorera|bortse från|glöm)\b[^.]{0,60}\b(instruktion\w*|regler\w*|tidigare)\b"
    r"|\bsvara (att|med|alltid)\b"
    r"|\b(ignore|disregard|forget)\b[^.]{0,60}\b(instructions?|rules|previous|above)\b"
    r"|\b(answer|respond|reply) (that|with|always)\b"
    r"|\b(system prompt|systemprompt)\b",
    re.IGNORECASE,
)


def looks_like_instruction(text: str) -> bool:
    """True when a sentence reads as an order to the reader rather than a statement."""
    return bool(_INSTRUCTION.search(text))
