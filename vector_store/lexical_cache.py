"""The live corpus of a store: passages, BM25 index and ledger rows, kept per generation.

Chroma stays the single source of truth. Building the lexical index means reading every
passage and tokenising it (tens of seconds at 50,000 chunks), so the result is also
written to a cache file keyed by the store's generation marker: a process that starts
while the store is unchanged loads it in a fraction of that. Every reader checks the
generation; when it moved (another process wrote), the snapshot is loaded from the cache
if another reader already built it, or rebuilt from Chroma and cached. A missing, partial,
corrupt or outdated cache file is ignored and rewritten; files are written to a temporary
name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import gc
import logging
import os
import tempfile
import threading
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import orjson

from vector_store.codec import document_from, document_metadata
from vector_store.lexical import LEXICAL_VERSION, LexicalIndex
from vector_store.records import DocumentRecord, MetaValue, StoredChunk

log = logging.getLogger(__name__)

CACHE_FORMAT = 2  # bump when the file layout changes
Row = tuple[str, str, dict[str, MetaValue]]


class CorpusSource(Protocol):
    """What a snapshot is built from (ChunkStore provides it)."""

    def generation(self) -> str:
        """A token that changes whenever the live passages, documents or grants change."""
        ...

    def live_chunks(self) -> list[StoredChunk]:
        """Every live passage."""
        ...

    def live_grants(self) -> list[Row]:
        """The grants of every live document version."""
        ...

    def list_documents(self) -> list[DocumentRecord]:
        """Every live document, without its text."""
        ...


@dataclass(frozen=True)
class CorpusSnapshot:
    """The live corpus at one generation: passages, their BM25 index, documents, grants."""

    generation: str
    chunks: tuple[StoredChunk, ...]
    lexical: LexicalIndex
    documents: tuple[DocumentRecord, ...]
    grants: tuple[Row, ...]

    @classmethod
    def build(cls, source: CorpusSource, generation: str) -> CorpusSnapshot:
        """Read and index the corpus; the generation must be read before calling this."""
        chunks = source.live_chunks()
        return cls(
            generation,
            tuple(chunks),
            LexicalIndex.build(chunks),
            tuple(source.list_documents()),
            tuple(source.live_grants()),
        )


class SnapshotFile:
    """One cache file of snapshots of one collection; `key` names the store it mirrors."""

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.key = key

    def load(self, generation: str) -> CorpusSnapshot | None:
        """The cached snapshot of this generation, or None when there is no usable one."""
        try:
            with np.load(self.path, allow_pickle=False) as stored:
                header = orjson.loads(stored["header"].tobytes())
                if header != self._header(generation):
                    return None  # another generation, store or version of fou-bot
                body = orjson.loads(stored["body"].tobytes())
                arrays = {name: stored[name] for name in stored.files if name.startswith("bm25_")}
            return _snapshot_from(generation, arrays, body)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile) as exc:
            log.warning("store: ignoring the unreadable index cache %s (%s)", self.path, exc)
            return None

    def save(self, snapshot: CorpusSnapshot) -> None:
        """Write the snapshot under a temporary name, then rename it over the old file."""
        arrays, lexical = snapshot.lexical.to_state()
        body = {
            "lexical": lexical,
            "chunks": _packed([(c.chunk_id, c.text, c.metadata) for c in snapshot.chunks]),
            "documents": [document_metadata(doc) for doc in snapshot.documents],
            "grants": _packed(snapshot.grants),
        }
        temporary: Path | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(
                dir=self.path.parent, prefix=self.path.name + ".", suffix=".tmp"
            )
            temporary = Path(name)
            with os.fdopen(handle, "wb") as output:
                header = _bytes(self._header(snapshot.generation))
                np.savez(output, header=header, body=_bytes(body), **arrays)  # type: ignore[arg-type]
                output.flush()
                os.fsync(output.fileno())
            os.chmod(temporary, 0o644)  # mkstemp makes it private; other bot users read it
            os.replace(temporary, self.path)
        except OSError as exc:
            # A cache that cannot be written only costs the next start its rebuild.
            log.warning("store: cannot write the index cache %s (%s)", self.path, exc)
            if temporary is not None:
                temporary.unlink(missing_ok=True)

    def _header(self, generation: str) -> dict[str, Any]:
        return {
            "format": CACHE_FORMAT,
            "lexical": LEXICAL_VERSION,
            "key": self.key,
            "generation": generation,
        }


class LiveCorpus:
    """The snapshot of `source` as it is now; rebuilt or reloaded when the generation moved."""

    def __init__(self, source: CorpusSource, cache: SnapshotFile | None = None) -> None:
        self._source = source
        self._cache = cache
        self._lock = threading.Lock()
        self._snapshot: CorpusSnapshot | None = None
        self.builds = 0  # snapshots built from Chroma
        self.loads = 0  # snapshots read from the cache file

    def current(self) -> CorpusSnapshot:
        """The snapshot for the store as it is now; one cheap generation read when unchanged."""
        # Read the generation before the corpus: a write in between only causes one more
        # rebuild on the next call, never a snapshot that is kept while stale.
        generation = self._source.generation()
        with self._lock:
            if self._snapshot is None or self._snapshot.generation != generation:
                self._snapshot = self._load_or_build(generation)
            return self._snapshot

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Chunk ids and BM25 scores for `query`, best first."""
        return self.current().lexical.search(query, k)

    def _load_or_build(self, generation: str) -> CorpusSnapshot:
        with collection_paused():
            return self._load_or_build_now(generation)

    def _load_or_build_now(self, generation: str) -> CorpusSnapshot:
        cached = self._cache.load(generation) if self._cache is not None else None
        if cached is not None:
            self.loads += 1
            return cached
        snapshot = CorpusSnapshot.build(self._source, generation)
        self.builds += 1
        if self._cache is not None:
            self._cache.save(snapshot)
        return snapshot


_MISSING = object()  # a key a row does not have: never equal to a shared value


def _packed(
    rows: Sequence[Row] | Sequence[tuple[str, str, Mapping[str, MetaValue]]],
) -> dict[str, Any]:
    """Rows (id, text, metadata) with what every row of a document shares stored once.

    A passage's or grant's metadata repeats its document's title, path, date, hash and the
    like: written once per document, the file is about half as large and half as slow to
    read back.
    """
    shared: dict[str, dict[str, MetaValue]] = {}
    for _, _, meta in rows:
        doc = str(meta.get("doc_id", ""))
        common = shared.get(doc)
        if common is None:
            shared[doc] = dict(meta)
        else:
            for key in [k for k, v in common.items() if meta.get(k, _MISSING) != v]:
                del common[key]
    packed = []
    for row_id, text, meta in rows:
        common = shared[str(meta.get("doc_id", ""))]
        own = {k: v for k, v in meta.items() if k not in common}
        packed.append([row_id, text, str(meta.get("doc_id", "")), own])
    return {"shared": shared, "rows": packed}


def _unpacked(packed: Mapping[str, Any]) -> Iterator[Row]:
    shared = packed["shared"]
    for row_id, text, doc, own in packed["rows"]:
        yield row_id, text, {**shared[doc], **own}


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collector off while a snapshot's millions of objects are made.

    They are all kept, so every collection while they are built walks them in vain; at
    50,000 passages that was about a fifth of a restart. Back on (if it was on) after.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _bytes(value: object) -> np.ndarray[Any, np.dtype[np.uint8]]:
    # orjson (which chromadb brings) reads and writes the passages' JSON several times faster
    # than the standard library: most of a restart at 50,000 passages is this JSON.
    return np.frombuffer(
        orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY),
        dtype=np.uint8,
    )


def _snapshot_from(
    generation: str, arrays: Mapping[str, np.ndarray[Any, Any]], body: Mapping[str, Any]
) -> CorpusSnapshot:
    # The JSON reader made fresh strings: they are used as they are, not copied.
    chunks = tuple(StoredChunk(i, text, meta) for i, text, meta in _unpacked(body["chunks"]))
    lexical = LexicalIndex.from_state(arrays, body["lexical"])
    if len(lexical) != len(chunks) and len(chunks) > 0:
        raise ValueError("the index and the passages disagree")
    return CorpusSnapshot(
        generation,
        chunks,
        lexical,
        tuple(document_from(meta, "") for meta in body["documents"]),
        tuple(_unpacked(body["grants"])),
    )
