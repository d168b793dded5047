"""Values that flow through ingest: loaded text, metadata, chunks, quotes and grants."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

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
class Quote:
    """A statement attributed to a named person, with offsets into the stored text."""

    speaker: str
    role: str | None
    party: str | None
    text: str
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


@dataclass(frozen=True)
class Amount:
    """A sum of money found in text, normalised to whole SEK (or the stated currency)."""

    value: int
    currency: str  # "SEK", "EUR", ...
    approximate: bool
    raw: str
    start: int
    end: int


@dataclass(frozen=True)
class Grant:
    """One allocation a document states: how much, to whom, for what, by whom, when.

    `amount` is in whole units of `currency`; `amount_sek` is the same figure when the
    currency is SEK and None otherwise (a foreign amount is never converted to kronor).
    """

    amount_sek: int | None
    approximate: bool
    recipients: tuple[str, ...]
    purpose: str | None
    body: str | None
    date: str | None
    status: str  # one of GRANT_STATUSES
    doc_id: str
    source: str
    title: str
    page: int | None
    start: int  # offsets of the supporting sentence(s) in the stored text
    end: int
    sentence: str
    currency: str = "SEK"
    amount: int = -1  # -1: the same as amount_sek
    year: int | None = None  # the year the money is for, when the text says

    def __post_init__(self) -> None:
        if self.amount < 0:
            object.__setattr__(self, "amount", self.amount_sek or 0)


GRANT_STATUSES = ("decided", "proposed", "applied", "refused", "budget", "reported")
