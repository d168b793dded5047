"""Content terms of questions and sentences, stemmed, for matching the two."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"[0-9A-Za-zÅÄÖåäöÉéÜü]+(?:-[0-9A-Za-zÅÄÖåäöÉéÜü]+)*")

# Function words and the words every question about money shares; they say nothing
# about which document answers it.
_STOP = frozenset(
    [
        "och",
        "i",
        "att",
        "det",
        "som",
        "en",
        "på",
        "är",
        "av",
        "för",
        "med",
        "till",
        "den",
        "har",
        "de",
        "inte",
        "om",
        "ett",
        "var",
        "jag",
        "han",
        "hon",
        "men",
        "så",
        "vi",
        "sig",
        "sin",
        "sitt",
        "sina",
        "från",
        "vid",
        "ska",
        "skulle",
        "kan",
        "kunde",
        "när",
        "vad",
        "vem",
        "vilka",
        "vilken",
        "vilket",
        "hur",
        "mycket",
        "mkt",
        "där",
        "här",
        "då",
        "nu",
        "eller",
        "också",
        "bara",
        "efter",
        "under",
        "över",
        "mot",
        "utan",
        "än",
        "sa",
        "sade",
        "säger",
        "har",
        "hade",
        "blir",
        "blev",
        "bli",
        "fick",
        "får",
        "gick",
        "går",
        "ta",
        "tog",
        "enligt",
        "andra",
        "annat",
        "dessa",
        "detta",
        "denna",
        "de",
        "dem",
        "deras",
        "vår",
        "våra",
        "vårt",
        "ni",
        "er",
        "man",
        "mer",
        "mest",
        "många",
        "någon",
        "något",
        "några",
        "alla",
        "allt",
        "hela",
        "varför",
        "ungefär",
        "cirka",
        "totalt",
        "sammanlagt",
        "lägg",
        "ihop",
        "stor",
        "stora",
        "pengar",
        "medel",
        "anslag",
        "bidrag",
        "kronor",
        "kr",
        "miljoner",
        "miljon",
        "miljarder",
        "miljard",
        "belopp",
        "summa",
        "staden",
        "stadens",
        "stockholm",
        "stockholms",
        "år",
        "året",
        "åren",
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "for",
        "and",
        "or",
        "is",
        "was",
        "were",
        "be",
        "been",
        "what",
        "which",
        "who",
        "whom",
        "how",
        "much",
        "many",
        "did",
        "does",
        "do",
        "got",
        "get",
        "gets",
        "give",
        "given",
        "by",
        "on",
        "at",
        "from",
        "with",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "about",
        "into",
        "than",
        "more",
        "most",
        "money",
        "funding",
        "total",
    ]
)
# Verb forms and small words that questions use and answers seldom repeat.
_STOP |= frozenset(
    ["fått", "ur", "stad", "stads", "finns", "fanns", "kommer", "kom", "blev", "vara", "gett"]
)

_stemmer = Stemmer.Stemmer("swedish")


# Six-letter words whose "-et" is not the definite ending ("syftet" is "syfte" + "t").
_ET_WORDS = frozenset({"budget", "planet", "basket", "ticket", "jacket", "racket"})


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Swedish stem of a lower-case word."""
    # Snowball leaves the definite "-et" ("projektet", "syftet") in place; drop it first
    # so definite and indefinite forms meet.
    if (
        len(word) >= 6
        and word.endswith(("et", "ets"))
        and not word.endswith("het")
        and word.removesuffix("s") not in _ET_WORDS
    ):
        word = word[: -3 if word.endswith("ets") else -2]
    return str(_stemmer.stemWord(word))


def words(text: str) -> list[str]:
    """Lower-case words and numbers, hyphenated compounds kept whole and split too."""
    found: list[str] = []
    for match in _WORD.finditer(text.lower()):
        token = match.group(0)
        found.append(token)
        if "-" in token:
            found.extend(part for part in token.split("-") if part)
    return found


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry meaning, in order, without repeats."""
    # A hyphenated compound counts through its parts, so it does not weigh three times.
    parts = [w for w in words(text) if "-" not in w or not _has_parts(w)]
    terms = (stem(w) for w in parts if w not in _STOP and len(w) > 1)
    return list(dict.fromkeys(t for t in terms if t))


def _has_parts(word: str) -> bool:
    return sum(1 for part in word.split("-") if len(part) > 1) > 1


@lru_cache(maxsize=16384)
def term_set(text: str) -> frozenset[str]:
    """Stems of every word of a text (stop words included), for matching."""
    return frozenset(stem(w) for w in words(text))


def strength(term: str, vocabulary: Iterable[str]) -> float:
    """How well a text's stems contain a question term: 1 whole, 0.5 only a modifier."""
    if isinstance(vocabulary, frozenset):
        # The same question term meets the same passage many times while an answer is
        # built (coverage, rarity, each candidate sentence); a frozenset caches its hash.
        return _strength_of_set(term, vocabulary)
    return _strength(term, vocabulary)


@lru_cache(maxsize=65536)
def _strength_of_set(term: str, vocabulary: frozenset[str]) -> float:
    return _strength(term, vocabulary)


def _strength(term: str, vocabulary: Iterable[str]) -> float:
    if term.isdigit():
        return 1.0 if term in vocabulary else 0.0
    if isinstance(vocabulary, frozenset) and term in vocabulary:
        return 1.0
    best = 0.0
    for word in vocabulary:
        if word == term:
            return 1.0
        if (
            len(term) >= 4
            and len(word) > len(term) + 2
            and (word.startswith(term) or word.endswith(term))
        ):
            # "missbruk" inside "missbruksvård": the text is more specific than the question.
            return 1.0
        if len(word) >= 5 and len(term) > len(word) + 2:
            if term.endswith(word):
                # The head of a Swedish compound carries its meaning: "budgetöverskott"
                # is answered by "överskott".
                best = max(best, 1.0)
            elif term.startswith(word):
                # Only the modifier: "investeringsfond" is not answered by "investering".
                best = max(best, 0.5)
        elif _shared_modifier(term, word):
            # "missbruksprojekt" and "missbruksvård" share their modifier only.
            best = max(best, 0.5)
    return best


def _shared_modifier(term: str, word: str) -> bool:
    """Both at least 8 letters long and the first 6 the same."""
    return len(term) >= 8 and len(word) >= 8 and term[:6] == word[:6]


def matches(term: str, vocabulary: Iterable[str]) -> bool:
    """True when a question term occurs in a text's stems, also inside a compound."""
    return strength(term, vocabulary) >= 1.0


def coverage(
    terms: Iterable[str],
    text_stems: frozenset[str],
    weights: Mapping[str, float] | None = None,
) -> float:
    """Weighted share of the terms that the text contains (0..1), modifiers counting half."""
    wanted = list(terms)
    if not wanted:
        return 0.0
    weight = weights or {}
    total = sum(weight.get(t, 1.0) for t in wanted)
    found = sum(weight.get(t, 1.0) * strength(t, text_stems) for t in wanted)
    return found / total if total else 0.0


def rarity(terms: Sequence[str], texts: Sequence[frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of each term over some texts: rare terms weigh more."""
    n = len(texts)
    weights = {}
    for term in terms:
        df = sum(1 for stems in texts if strength(term, stems) >= 1.0)
        weights[term] = math.log(1 + (n + 1) / (df + 0.5))
    return weights
