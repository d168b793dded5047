"""Values the reading of funding text yields (amounts, quotes, grants), and what it reads.

`Document` is the shape of a document the grant extractor reads: ingest's ParsedDocument
fits it, and so does any value with those fields, so this package never imports ingest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


class Page(Protocol):
    """Where a page lies in a document's text, as character offsets."""

    @property
    def number(self) -> int | None: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class Meta(Protocol):
    """What the extractor reads of a document's metadata."""

    @property
    def title(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def body(self) -> str | None: ...


class Document(Protocol):
    """A document as the grant extractor reads it: its text, pages and metadata."""

    @property
    def doc_id(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def pages(self) -> Sequence[Page]: ...
    @property
    def meta(self) -> Meta: ...


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
