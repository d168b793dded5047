"""Read and write Chroma collections in pieces a server accepts in one request."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.types import Include, Where

from vector_store.codec import clean
from vector_store.records import MetaValue

MAX_CHARS_PER_CALL = 8_000_000  # keeps one request well under a server's body limit
Record = tuple[str, str | None, dict[str, MetaValue]]


def plain_collection(client: ClientAPI, name: str, role: str) -> chromadb.Collection:
    """A collection of records looked up by id or metadata, never by vector."""
    # No embedding function: chromadb would otherwise fetch its default ONNX model.
    return client.get_or_create_collection(
        name, embedding_function=None, metadata={"role": role, "schema": 1}
    )


def placeholders(count: int) -> np.ndarray[Any, np.dtype[np.float32]]:
    """Constant one-dimensional vectors for records of a plain collection."""
    return np.ones((count, 1), dtype=np.float32)


def scan(
    collection: chromadb.Collection, include: Include, page: int, where: Where | None = None
) -> Iterator[Record]:
    """Every record (id, document, metadata) of a collection, `page` records a call."""
    offset = 0
    while True:
        got = collection.get(where=where, include=include, limit=page, offset=offset)
        metas = got["metadatas"] or [{}] * len(got["ids"])
        no_texts: list[str | None] = [None] * len(got["ids"])
        texts = got["documents"] or no_texts
        for record_id, text, meta in zip(got["ids"], texts, metas, strict=True):
            yield record_id, text, clean(meta or {})
        if len(got["ids"]) < page:
            return
        offset += page


def delete_ids(collection: chromadb.Collection, ids: Sequence[str], page: int) -> None:
    """Delete records by id, `page` ids a call."""
    for start in range(0, len(ids), page):
        collection.delete(ids=list(ids[start : start + page]))


def slices(sizes: Sequence[int], max_items: int) -> Iterator[slice]:
    """Consecutive slices of at most `max_items` items and about MAX_CHARS_PER_CALL chars."""
    start, chars = 0, 0
    for end, size in enumerate(sizes):
        if end > start and (end - start >= max_items or chars + size > MAX_CHARS_PER_CALL):
            yield slice(start, end)
            start, chars = end, 0
        chars += size
    if start < len(sizes):
        yield slice(start, len(sizes))


def now() -> float:
    """The time records are stamped with (`written_at`), in seconds since the epoch."""
    return time.time()


def written_at(meta: Mapping[str, MetaValue]) -> float:
    """When a record was written; records from before stamping count as very old."""
    value = meta.get("written_at", 0.0)
    return float(value) if isinstance(value, int | float) else 0.0
