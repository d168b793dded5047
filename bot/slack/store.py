"""Seen Slack events, stored answers and users' feedback, over SQLAlchemy Core.

An SQLite file by default; any database SQLAlchemy speaks by URL. Deduplication
relies on the database's unique key, so several bot processes can share one store.
"""

from __future__ import annotations

import csv
import json
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal, TextIO

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    insert,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from bot.engine.types import Answer, Citation
from ingest.redact import redact_name

Verdict = Literal["helpful", "not_helpful"]

metadata = MetaData()

seen_events = Table(
    "seen_events",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

answers = Table(
    "answers",
    metadata,
    Column("answer_id", String(32), primary_key=True),
    Column("question", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("sources", JSON, nullable=False),
    Column("answered", Boolean, nullable=False),
    Column("mode", String(16), nullable=False),
    Column("notice", Text, nullable=True),
    Column("draft", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("answer_id", String(32), nullable=False, index=True),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("sources", JSON, nullable=False),
    Column("user_id", String(32), nullable=False),
    Column("verdict", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Slack retries an event three times within minutes; a day of event ids is plenty.
SEEN_EVENTS_KEPT = timedelta(days=1)
FORGET_EVERY = 500  # claims between two clean-ups of old event ids, per process
CSV_COLUMNS = ("created_at", "user_id", "verdict", "question", "answer", "sources", "answer_id")
# Spreadsheet programs run cells starting with these as formulas.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class StoredAnswer:
    """An answer as posted, kept so buttons can reveal its quotes and record feedback."""

    answer_id: str
    answer: Answer
    draft: bool
    created_at: datetime


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime) -> datetime:
    # SQLite hands timestamps back without a zone; they were written in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.close()


def _safe_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _sources_brief(sources: list[dict[str, Any]]) -> str:
    parts = []
    for s in sources:
        page = f", s. {s['page']}" if s.get("page") is not None else ""
        parts.append(f"[{s.get('n')}] {s.get('title') or s.get('source')}{page}")
    return "; ".join(parts)


class FeedbackStore:
    """Seen event ids, answers for the buttons, and feedback, in one SQL database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._claims = 0
        metadata.create_all(engine)

    @classmethod
    def from_url(cls, url: str) -> FeedbackStore:
        """Open (and create) the store at an SQLAlchemy URL; SQLite folders are created."""
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            Path(str(parsed.database)).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"timeout": 15})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        return cls(engine)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def claim_event(self, event_id: str) -> bool:
        """True for the first delivery of an event id, False for every later one."""
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(seen_events).values(event_id=event_id, seen_at=_now()))
        except IntegrityError:
            return False
        self._claims += 1
        if self._claims % FORGET_EVERY == 0:
            self.forget_events()
        return True

    def forget_events(self, older_than: timedelta = SEEN_EVENTS_KEPT) -> int:
        """Delete event ids seen longer ago than Slack retries; how many went.

        Answers and feedback are kept: they are the record that the feedback export reads.
        """
        with self.engine.begin() as conn:
            gone = conn.execute(
                delete(seen_events).where(seen_events.c.seen_at < _now() - older_than)
            )
        return int(gone.rowcount or 0)

    def save_answer(self, answer: Answer, *, draft: bool = False) -> str:
        """Keep an answer for its buttons; returns the id the buttons carry."""
        answer_id = uuid.uuid4().hex
        row = {
            "answer_id": answer_id,
            # Questions are the users' own words: a personal number in one is never kept.
            "question": redact_name(answer.question),
            "text": redact_name(answer.text),
            "sources": [asdict(c) for c in answer.citations],
            "answered": answer.answered,
            "mode": answer.mode,
            "notice": answer.notice,
            "draft": draft,
            "created_at": _now(),
        }
        with self.engine.begin() as conn:
            conn.execute(insert(answers).values(**row))
        return answer_id

    def load_answer(self, answer_id: str) -> StoredAnswer | None:
        """The answer saved under this id, or None when there is none."""
        with self.engine.connect() as conn:
            row = conn.execute(select(answers).where(answers.c.answer_id == answer_id)).first()
        if row is None:
            return None
        answer = Answer(
            question=row.question,
            text=row.text,
            answered=row.answered,
            citations=tuple(Citation(**c) for c in row.sources),
            mode=row.mode,
            notice=row.notice,
        )
        return StoredAnswer(row.answer_id, answer, row.draft, _utc(row.created_at))

    def record_feedback(self, answer_id: str, user_id: str, verdict: Verdict) -> bool:
        """Store a 👍/👎 on a saved answer; False when the answer is not (or no longer) kept."""
        with self.engine.begin() as conn:
            row = conn.execute(select(answers).where(answers.c.answer_id == answer_id)).first()
            if row is None:
                return False
            conn.execute(
                insert(feedback).values(
                    answer_id=answer_id,
                    question=row.question,
                    answer=row.text,
                    sources=row.sources,
                    user_id=user_id,
                    verdict=verdict,
                    created_at=_now(),
                )
            )
        return True

    def export_feedback_csv(self, out: TextIO) -> int:
        """Write all feedback as CSV, oldest first; returns the number of rows."""
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        count = 0
        for row, sources in self._feedback_rows():
            cells = [
                _utc(row.created_at).isoformat(timespec="seconds"),
                row.user_id,
                row.verdict,
                row.question,
                row.answer,
                _sources_brief(sources),
                row.answer_id,
            ]
            writer.writerow([_safe_cell(c) for c in cells])
            count += 1
        return count

    def export_feedback_json(self, out: TextIO) -> int:
        """Write all feedback as a JSON array, oldest first, each answer's cited sources in
        full; returns the number of rows."""
        rows = [
            {
                "created_at": _utc(row.created_at).isoformat(timespec="seconds"),
                "user_id": row.user_id,
                "verdict": row.verdict,
                "question": row.question,
                "answer": row.answer,
                "sources": sources,
                "answer_id": row.answer_id,
            }
            for row, sources in self._feedback_rows()
        ]
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return len(rows)

    def _feedback_rows(self) -> list[tuple[Any, list[Any]]]:
        """Every feedback row, oldest first, with its answer's sources decoded."""
        with self.engine.connect() as conn:
            found = list(conn.execute(select(feedback).order_by(feedback.c.id)))
        return [
            (row, row.sources if isinstance(row.sources, list) else json.loads(row.sources))
            for row in found
        ]
