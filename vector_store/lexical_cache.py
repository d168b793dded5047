"""The lexical index of a store, rebuilt only when the store's contents changed.

Chroma stays the single source of truth: the index is rebuilt from the live passages
whenever the store's generation marker differs from the one it was built at, so two
processes on one Chroma server search the same corpus.
"""

from __future__ import annotations

import threading
from typing import Protocol

from vector_store.lexical import LexicalIndex
from vector_store.records import StoredChunk


class ChunkSource(Protocol):
    """What the cache needs of a store (ChunkStore provides it)."""

    def generation(self) -> str:
        """A token that changes whenever the live passages change."""
        ...

    def live_chunks(self) -> list[StoredChunk]:
        """Every live passage."""
        ...


class LiveLexicalIndex:
    """Searches the lexical index of `source`, rebuilding it when the generation moved."""

    def __init__(self, source: ChunkSource) -> None:
        self._source = source
        self._lock = threading.Lock()
        self._index: LexicalIndex | None = None
        self._generation: str | None = None
        self.builds = 0

    def current(self) -> LexicalIndex:
        """The index for the store as it is now; one cheap generation read when unchanged."""
        # Read the generation before the passages: a write in between only causes one more
        # rebuild on the next call, never an index that is kept while stale.
        generation = self._source.generation()
        with self._lock:
            if self._index is None or generation != self._generation:
                self._index = LexicalIndex.build(self._source.live_chunks())
                self._generation = generation
                self.builds += 1
            return self._index

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Chunk ids and BM25 scores for `query`, best first."""
        return self.current().search(query, k)
