"""Swedish stems, and compounds split into the words of the corpus they are made of.

Swedish writes compounds as one word ("missbruksvården"), so a search for "missbruk" would
miss it. A compound is split when both its head and its tail are words the corpus also
uses on their own, allowing a linking morpheme (fogemorfem) between them:
missbruk-s-vården, kvinn-o-jourerna, utveckling-s-arbeten.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

LINKING_MORPHEMES = ("s", "e", "a", "u", "o")
MIN_COMPOUND = 9  # shorter words are rarely compounds of two known words
MIN_PART = 4  # shorter parts ("del", "fel", "kom") split ordinary words wrongly

_stemmer = Stemmer.Stemmer("swedish")
_stemmer_lock = threading.Lock()  # a PyStemmer object must not be used by two threads at once


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Swedish Snowball stem of a lowercase word; numbers stay as written."""
    if not word.isalpha():
        return word
    with _stemmer_lock:
        return str(_stemmer.stemWord(word))


@dataclass(frozen=True)
class Lexicon:
    """Words the corpus uses on their own, as written and as stems."""

    words: frozenset[str]
    stems: frozenset[str]

    @classmethod
    def of(cls, words: Iterable[str]) -> Lexicon:
        """The lexicon of these words, keeping those long enough to be a compound's part."""
        known = frozenset(word for word in words if len(word) >= MIN_PART and word.isalpha())
        return cls(known, frozenset(stem(word) for word in known))

    def extended(self, words: Iterable[str]) -> Lexicon:
        """This lexicon plus `words` (a query's own words may be the parts it asks about)."""
        more = Lexicon.of(words)
        return Lexicon(self.words | more.words, self.stems | more.stems)


def split_compound(word: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The stems of the parts of `word` when it is a compound of known words, else ()."""
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return ()
    return _split(word, lexicon, nested=False)


def _split(word: str, lexicon: Lexicon, *, nested: bool) -> tuple[str, ...]:
    # Longest head first: "socialtjänst|nämnden" before "social|tjänstnämnden".
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head = _known_head(word[:cut], lexicon)
        if head is None:
            continue
        tail = word[cut:]
        if tail in lexicon.words or stem(tail) in lexicon.stems:
            return (head, stem(tail))
        if not nested and len(tail) >= MIN_COMPOUND:
            rest = _split(tail, lexicon, nested=True)
            if rest:
                return (head, *rest)
    return ()


def _known_head(head: str, lexicon: Lexicon) -> str | None:
    """The stem of `head`, without its linking morpheme, when the corpus knows the word."""
    candidates = [head[:-1]] if head.endswith(LINKING_MORPHEMES) else []
    for candidate in [*candidates, head]:
        if len(candidate) < MIN_PART:
            continue
        if candidate in lexicon.words:
            return stem(candidate)
        if candidate in lexicon.stems:
            return candidate
    return None
