"""Hand-written fakes for the engine, the index overview and ingest; they record calls."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.engine.types import Answer, Citation, Turn
from ingest.report import FileResult, IngestReport
from vector_store.records import DocumentRecord, IndexOverview

CITATION = Citation(
    n=1,
    source="skarholmen-unga-vuxna",
    title="Beslut om medel till Skärholmen",
    kind="decision",
    date="2024-03-12",
    page=2,
    url="https://start.stockholm/beslut/skarholmen?id=1&v=2",
    path="data/docs/skarholmen-unga-vuxna.pdf",
    quote="Nämnden beviljar Skärholmen 1 200 000 kronor för arbetet med unga vuxna.",
)


def answer_for(question: str, text: str | None = None) -> Answer:
    """A typical cited answer to `question`."""
    return Answer(
        question=question,
        text=text or "Skärholmen fick 1 200 000 kronor för arbetet med unga vuxna [1].",
        answered=True,
        citations=(CITATION,),
        amounts_sek=(1_200_000,),
    )


@dataclass(frozen=True)
class EngineCall:
    """One call of the fake engine."""

    method: str
    args: tuple[str, ...]
    history: tuple[Turn, ...] = ()


@dataclass
class FakeEngine:
    """Answers from a queue of scripted results (an Answer or an exception to raise).

    With an empty queue it answers `answer_for(question)`. `gate`, when set, makes each
    call wait for it, so tests can hold the engine "busy".
    """

    scripted: deque[Answer | Exception] = field(default_factory=deque)
    calls: list[EngineCall] = field(default_factory=list)
    gate: threading.Event | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def script(self, *results: Answer | Exception) -> None:
        """Queue results for the next calls, in order."""
        self.scripted.extend(results)

    def _next(self, call: EngineCall, default: Answer) -> Answer:
        with self.lock:
            self.calls.append(call)
            result = self.scripted.popleft() if self.scripted else default
        if self.gate is not None:
            self.gate.wait(timeout=10)
        if isinstance(result, Exception):
            raise result
        return result

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        """Record and answer a question."""
        return self._next(EngineCall("ask", (question,), tuple(history)), answer_for(question))

    def draft_quote(self, politician: str, topic: str) -> Answer:
        """Record and answer a quote draft request."""
        text = f"”Vi satsar på {topic}”, säger {politician} [1]."
        return self._next(
            EngineCall("draft_quote", (politician, topic)),
            answer_for(f"{politician}: {topic}", text),
        )

    def explain(self, term: str) -> Answer:
        """Record and answer an introduction request."""
        text = f"{term} är en plan för forskning och utveckling [1]."
        return self._next(EngineCall("explain", (term,)), answer_for(term, text))


def overview() -> IndexOverview:
    """A small index: two documents, one of them recent."""
    doc = DocumentRecord(
        doc_id="d1",
        source="skarholmen-unga-vuxna",
        path="data/docs/skarholmen-unga-vuxna.pdf",
        content_hash="abc",
        title="Beslut om medel till Skärholmen",
        kind="decision",
        text="…",
        chunk_count=12,
        ingested_at="2025-01-10T09:30:00+00:00",
        date="2024-03-12",
        url="https://start.stockholm/beslut/skarholmen",
    )
    return IndexOverview(
        documents=2,
        chunks=30,
        grants=4,
        by_kind={"decision": 1, "press_release": 1},
        newest=(doc,),
        last_ingest="2025-01-10T09:30:00+00:00",
    )


@dataclass
class FakeIngest:
    """Records each file it is given (name and bytes) and returns a scripted report."""

    received: list[tuple[str, bytes]] = field(default_factory=list)
    report: IngestReport | None = None

    def __call__(self, path: Path) -> IngestReport:
        self.received.append((path.name, path.read_bytes()))
        return self.report or IngestReport(
            [FileResult(path=str(path), status="added", chunks=7, redactions=2)]
        )
