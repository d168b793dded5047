"""Values the answer engine returns, and the interface the Slack layer and CLI call."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

Mode = Literal["extractive", "llm", "llm-fallback"]


@dataclass(frozen=True)
class Citation:
    """A numbered source of an answer, with the exact quoted span."""

    n: int
    source: str
    title: str
    kind: str
    date: str | None
    page: int | None
    url: str | None
    path: str
    quote: str  # a verbatim substring of the stored text of `source`


@dataclass(frozen=True)
class Answer:
    """A short answer with numbered citations; `answered` is False when the documents don't."""

    question: str
    text: str  # plain text with [n] citation markers
    answered: bool
    citations: tuple[Citation, ...]
    amounts_sek: tuple[int, ...] = ()
    retrieved: tuple[str, ...] = ()
    mode: Mode = "extractive"
    notice: str | None = None  # e.g. "the language model timed out; extractive answer shown"
    latency_ms: float = 0.0


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation."""

    question: str
    answer: str
    sources: tuple[str, ...] = ()  # what the answer cited (`Citation.source`), in order

    @classmethod
    def of(cls, question: str, answer: Answer) -> Turn:
        """The turn of a question and the engine's answer, with the sources it cited."""
        return cls(question, answer.text, cited_sources(answer))


def cited_sources(answer: Answer) -> tuple[str, ...]:
    """The distinct sources an answer cites, in order of citation."""
    return tuple(dict.fromkeys(c.source for c in answer.citations))


class AnswerEngine(Protocol):
    """What the CLI and the Slack bot ask of the engine."""

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        """Answer a question, resolving follow-ups against the earlier turns."""
        ...

    def draft_quote(self, politician: str, topic: str) -> Answer:
        """Draft a quote for a politician from cited facts; marked as a draft."""
        ...

    def explain(self, term: str) -> Answer:
        """Explain a term or programme for a newcomer, from the corpus and the glossary."""
        ...


@dataclass(frozen=True)
class Passage:
    """A retrieved passage: an exact slice `text == document_text[start:end]`."""

    chunk_id: str
    doc_id: str
    source: str
    title: str
    kind: str
    date: str | None
    page: int | None
    url: str | None
    path: str
    body: str | None
    text: str
    start: int
    end: int
    score: float = 0.0


@dataclass(frozen=True)
class Filters:
    """Metadata filters a question or a caller may set."""

    kinds: tuple[str, ...] = ()
    date_from: str | None = None  # ISO, inclusive
    date_to: str | None = None
    body: str | None = None


class Retriever(Protocol):
    """Finds passages; the engine needs nothing else from the store."""

    def retrieve(self, query: str, k: int, filters: Filters | None = None) -> list[Passage]:
        """The k best passages for the query, best first."""
        ...

    def document_text(self, doc_id: str) -> str:
        """The stored text of a document, for quoting spans beyond one passage."""
        ...

    def neighbours(self, passage: Passage) -> list[Passage]:
        """The passages just before and after this one in its document."""
        ...
