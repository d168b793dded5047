"""Values that flow through ingest: loaded text, metadata, chunks and parsed documents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from funding.models import Quote

KINDS = ("press_release", "decision", "fou_plan", "meeting_agenda", "news", "other")


@dataclass(frozen=True)
class PageText:
    """The text of one page; `number` is None for formats without pages."""

    number: int | None
    text: str


@dataclass(frozen=True)
class LoadedText:
    """What a format loader returns: the pages and the metadata the file declares itself."""

    pages: tuple[PageText, ...]
    declared: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageSpan:
    """Where a page lies in a document's stored text, as character offsets."""

    number: int | None
    start: int
    end: int


@dataclass(frozen=True)
class DocumentMeta:
    """A document's metadata, from front matter, CLI options or the text itself."""

    title: str
    kind: str
    date: str | None = None  # ISO yyyy-mm-dd
    url: str | None = None
    dnr: str | None = None
    body: str | None = None
    quotes: tuple[Quote, ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Chunk:
    """A passage of a document: an exact slice `text == stored_text[start:end]`."""

    index: int
    text: str
    start: int
    end: int
    page: int | None
    heading: str | None = None


@dataclass(frozen=True)
class ParsedDocument:
    """A document ready to store: stable id, content hash, stored text, pages, metadata."""

    doc_id: str
    source: str  # the file's stem, as the eval format names documents
    path: str
    content_hash: str
    text: str
    pages: tuple[PageSpan, ...]
    meta: DocumentMeta
    redactions: int = 0
    warnings: tuple[str, ...] = ()
