"""Which language a question is written in: Swedish (the default) or English."""

from __future__ import annotations

import re
from typing import Literal

Language = Literal["sv", "en"]

_WORD = re.compile(r"[^\W\d_]+")

# Common function and question words only: content words (place names, "Skärholmen")
# must not outvote the grammar of the sentence.
_SWEDISH = frozenset(
    {
        "och", "att", "det", "som", "en", "ett", "den", "de", "är", "var", "vad", "vem",
        "vilka", "vilken", "vilket", "hur", "när", "varför", "mycket", "många", "fick", "får",
        "har", "hade", "kan", "ska", "skulle", "inte", "för", "från", "till", "med", "om", "på",
        "av", "jag", "vi", "ni", "du", "man", "finns", "fanns", "gäller", "kronor", "beslut",
        "år", "stadsdel", "nämnden", "socialtjänsten"
    }
)  # fmt: skip
_ENGLISH = frozenset(
    {
        "the", "a", "an", "and", "of", "to", "in", "is", "are", "was", "were", "what", "who",
        "which", "how", "when", "why", "much", "many", "did", "does", "do", "has", "have",
        "had", "can", "could", "should", "not", "for", "from", "with", "about", "on", "by",
        "we", "you", "there", "this", "that", "it", "get", "got", "money", "decision", "year",
        "district"
    }
)  # fmt: skip


def detect_language(text: str) -> Language:
    """Say "en" when the text reads as English, otherwise "sv"."""
    raw = _WORD.findall(text)
    words = [w.casefold() for w in raw]
    swedish = sum(w in _SWEDISH for w in words)
    # å, ä and ö are strong evidence of Swedish, but an English question can name
    # "Norrdalen" or "Föreningen Fyrbåken": only a lower-case word with them counts, as
    # one Swedish word, no more.
    swedish += sum(any(c in "åäö" for c in w) and not w[:1].isupper() for w in raw)
    english = sum(w in _ENGLISH for w in words)
    return "en" if english > swedish else "sv"
