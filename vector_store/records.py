"""What the store holds and returns, as plain values."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

MetaValue = str | int | float | bool
PageSpans = tuple[tuple[int | None, int, int], ...]  # (page number, start, end) in the text


def version_prefix(doc_id: str, content_hash: str) -> str:
    """What every passage and grant id of one version of a document starts with."""
    return f"{doc_id}:{content_hash[:12]}:"


def chunk_id(doc_id: str, content_hash: str, index: int) -> str:
    """The id of passage `index` of one version of a document; versions never share ids."""
    return f"{version_prefix(doc_id, content_hash)}{index}"


def grant_id(doc_id: str, content_hash: str, extractor_version: int, index: int) -> str:
    """The id of grant `index` read by one extractor version from one version of a document."""
    return f"{version_prefix(doc_id, content_hash)}grant:v{extractor_version}:{index}"


@dataclass(frozen=True)
class DocumentRecord:
    """One document in the registry: its identity, version and metadata."""

    doc_id: str
    source: str
    path: str
    content_hash: str
    title: str
    kind: str
    text: str
    chunk_count: int
    ingested_at: str  # ISO timestamp, UTC
    date: str | None = None
    url: str | None = None
    dnr: str | None = None
    body: str | None = None
    redactions: int = 0
    extra: Mapping[str, MetaValue] = field(default_factory=dict)
    # The grants extractor that read this version's grants (0: before versions were kept).
    extractor_version: int = 0
    pages: PageSpans = ()  # empty when not recorded


@dataclass(frozen=True)
class ChunkRecord:
    """One passage to store; `metadata` carries its document's metadata too."""

    chunk_id: str
    text: str
    metadata: Mapping[str, MetaValue]


@dataclass(frozen=True)
class StoredChunk:
    """A passage read back from the store, with a score when it came from a search."""

    chunk_id: str
    text: str
    metadata: Mapping[str, MetaValue]
    score: float = 0.0


@dataclass(frozen=True)
class IndexOverview:
    """What is indexed: counts, the newest documents and the last ingest."""

    documents: int
    chunks: int
    grants: int
    by_kind: Mapping[str, int]
    newest: tuple[DocumentRecord, ...]
    last_ingest: str | None
