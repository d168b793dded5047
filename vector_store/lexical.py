"""BM25 over the live passages, with Swedish stems, stopwords and compound parts as terms."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from typing import Any

import bm25s
import numpy as np

from vector_store.compounds import MIN_PART, Lexicon, split_compound, stem
from vector_store.records import StoredChunk

_STOPWORD_TEXT = """
    alla allt att av blev bli blir blivit bara de dem den denna deras dess dessa det detta
    dig din dina ditt du där då efter eftersom ej eller en enligt er era ert ett från för
    genom ha hade han hans har henne hennes hon honom hos hur här i icke ingen inom inte
    jag ju kan kommer kunde man med mellan men mer mig min mina mitt mot mycket många ni
    nu när någon något några och också om oss på samma sedan sig sin sina sitt själv ska
    skulle som så sådan sådana sådant till under upp ut utan vad var vara varför varit
    varje vars vart vem vi vid vilka vilkas vilken vilket vår våra vårt än är åt även över
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[^\W_]+")  # runs of letters or digits
_MAX_EXPANSIONS = 20
# Bump when tokenising, stemming or compound splitting changes: persisted indexes built by
# another version are rebuilt (vector_store/lexical_cache.py).
LEXICAL_VERSION = 1
_BM25_PARAMS = ("k1", "b", "delta", "method", "idf_method", "dtype", "int_dtype", "backend")


def words(text: str) -> list[str]:
    """The lowercase words and numbers of `text`, without stopwords and single letters."""
    return [
        word
        for word in _WORD.findall(text.lower())
        if word not in STOPWORDS and (len(word) > 1 or word.isdigit())
    ]


def tokenize(text: str) -> list[str]:
    """The stems of the words of `text`; numbers stay as written ("2013", "150")."""
    return [stem(word) for word in words(text)]


def _terms(text_words: Sequence[str], lexicon: Lexicon) -> list[str]:
    """Index terms: each word's stem, then the stems of its parts when it is a compound."""
    terms: list[str] = []
    for word in text_words:
        terms.append(stem(word))
        terms.extend(split_compound(word, lexicon))
    return terms


class LexicalIndex:
    """A BM25 index of passages; `search` gives chunk ids and scores, best first."""

    def __init__(
        self, ids: Sequence[str], retriever: Any, lexicon: Lexicon, vocabulary: Sequence[str]
    ) -> None:
        self._ids = tuple(ids)
        self._retriever = retriever
        self._lexicon = lexicon
        self._vocabulary = tuple(vocabulary)  # sorted, for prefix lookups
        self._known = frozenset(vocabulary)

    @classmethod
    def build(cls, chunks: Sequence[StoredChunk]) -> LexicalIndex:
        """Index the passages; compounds are split against the words of these passages."""
        chunk_words = [words(chunk.text) for chunk in chunks]
        lexicon = Lexicon.of(word for text_words in chunk_words for word in text_words)
        if not chunks:
            return cls((), None, lexicon, ())
        retriever = bm25s.BM25()
        retriever.index([_terms(w, lexicon) for w in chunk_words], show_progress=False)
        vocabulary = sorted(term for term in retriever.vocab_dict if term)
        return cls([chunk.chunk_id for chunk in chunks], retriever, lexicon, vocabulary)

    def __len__(self) -> int:
        return len(self._ids)

    def to_state(self) -> tuple[dict[str, np.ndarray[Any, Any]], dict[str, Any]]:
        """The index as numpy arrays and JSON-ready values, for a cache file."""
        values: dict[str, Any] = {
            "ids": list(self._ids),
            "words": sorted(self._lexicon.words),
            "stems": sorted(self._lexicon.stems),
            "vocabulary": list(self._vocabulary),
        }
        if self._retriever is None:
            return {}, values
        scores = self._retriever.scores
        values["bm25"] = {name: getattr(self._retriever, name) for name in _BM25_PARAMS}
        values["vocab_dict"] = self._retriever.vocab_dict
        values["num_docs"] = int(scores["num_docs"])
        arrays = {f"bm25_{name}": scores[name] for name in ("data", "indices", "indptr")}
        if getattr(self._retriever, "nonoccurrence_array", None) is not None:
            arrays["bm25_nonoccurrence"] = self._retriever.nonoccurrence_array
        return arrays, values

    @classmethod
    def from_state(
        cls, arrays: Mapping[str, np.ndarray[Any, Any]], values: Mapping[str, Any]
    ) -> LexicalIndex:
        """The index `to_state` described; raises KeyError or ValueError when it is broken."""
        lexicon = Lexicon(frozenset(values["words"]), frozenset(values["stems"]))
        if "bm25" not in values:
            return cls((), None, lexicon, ())
        retriever = bm25s.BM25(**values["bm25"])
        retriever.vocab_dict = {str(k): int(v) for k, v in values["vocab_dict"].items()}
        retriever.unique_token_ids_set = set(retriever.vocab_dict.values())
        retriever.scores = {
            "data": arrays["bm25_data"],
            "indices": arrays["bm25_indices"],
            "indptr": arrays["bm25_indptr"],
            "num_docs": int(values["num_docs"]),
        }
        retriever.nonoccurrence_array = arrays.get("bm25_nonoccurrence")
        ids = [str(i) for i in values["ids"]]
        if len(ids) != retriever.scores["num_docs"]:
            raise ValueError("the index and its chunk ids disagree")
        return cls(ids, retriever, lexicon, [str(t) for t in values["vocabulary"]])

    def query_terms(self, query: str) -> list[str]:
        """The index terms a query is scored on, including compound parts and compounds."""
        query_words = words(query)
        found: dict[str, None] = {}
        for term in _terms(query_words, self._lexicon.extended(query_words)):
            if term in self._known:
                found[term] = None
            else:
                found.update(dict.fromkeys(self._compounds_starting_with(term)))
        return list(found)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """The `k` best passages for `query` as (chunk id, BM25 score); [] when nothing matches."""
        if self._retriever is None or k <= 0:
            return []
        terms = self.query_terms(query)
        if not terms:
            return []
        scores = np.asarray(self._retriever.get_scores(terms), dtype=np.float64)
        best = np.argsort(-scores, kind="stable")[:k]
        return [(self._ids[i], float(scores[i])) for i in best if scores[i] > 0]

    def _compounds_starting_with(self, term: str) -> list[str]:
        """Index terms that are compounds headed by `term`, when `term` itself never occurs.

        The corpus may only use "missbruk" inside "missbruksvården", so no split was made.
        """
        if len(term) < MIN_PART or not term.isalpha():
            return []
        found: list[str] = []
        for candidate in self._vocabulary[bisect_left(self._vocabulary, term) :]:
            if not candidate.startswith(term) or len(found) == _MAX_EXPANSIONS:
                break
            if len(candidate) - len(term) >= MIN_PART:
                found.append(candidate)
        return found
