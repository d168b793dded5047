"""The feedback store: one winner per event id across processes, answers and feedback."""

from __future__ import annotations

import csv
import io
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.engine.types import Answer
from bot.slack.store import SEEN_EVENTS_KEPT, FeedbackStore, seen_events
from tests.slack import fakes


def test_an_event_id_is_claimed_once(store: FeedbackStore) -> None:
    assert store.claim_event("Ev01") is True
    assert store.claim_event("Ev01") is False
    assert store.claim_event("Ev02") is True


def test_old_event_ids_are_forgotten_and_answers_kept(store: FeedbackStore) -> None:
    answer_id = store.save_answer(fakes.answer_for("Hur mycket?", "350 000 kr [1]."))
    store.claim_event("EvOLD")
    with store.engine.begin() as conn:
        conn.execute(
            update(seen_events)
            .where(seen_events.c.event_id == "EvOLD")
            .values(seen_at=datetime.now(UTC) - SEEN_EVENTS_KEPT - timedelta(minutes=1))
        )
    store.claim_event("EvNEW")

    assert store.forget_events() == 1
    assert store.claim_event("EvNEW") is False  # a recent id still drops a retry
    assert store.claim_event("EvOLD") is True  # long past Slack's retries
    assert store.load_answer(answer_id) is not None


def test_two_processes_racing_for_the_same_event_have_one_winner(database_url: str) -> None:
    """Two engines on one SQLite file stand for two bot processes; 8 threads each."""
    stores = [FeedbackStore.from_url(database_url) for _ in range(2)]
    event_ids = [f"EvRACE{i}" for i in range(5)]
    results: dict[str, list[bool]] = {e: [] for e in event_ids}
    lock = threading.Lock()
    threads_per_store = 8
    barrier = threading.Barrier(threads_per_store * len(stores))

    def claim(store: FeedbackStore) -> None:
        barrier.wait()
        for event_id in event_ids:
            won = store.claim_event(event_id)
            with lock:
                results[event_id].append(won)

    workers = [
        threading.Thread(target=claim, args=(s,)) for s in stores for _ in range(threads_per_store)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    for s in stores:
        s.close()
    assert {e: sorted(r) for e, r in results.items()} == {
        e: [False] * 15 + [True] for e in event_ids
    }


def test_answer_round_trips_with_its_citations(store: FeedbackStore) -> None:
    answer = fakes.answer_for("Hur mycket?")
    answer_id = store.save_answer(answer, draft=True)
    stored = store.load_answer(answer_id)
    assert stored is not None
    assert stored.draft is True
    assert stored.answer.citations == answer.citations
    assert (stored.answer.question, stored.answer.text) == (answer.question, answer.text)
    assert stored.created_at.tzinfo is not None
    assert store.load_answer("f" * 32) is None


def test_feedback_on_unknown_answer_is_refused(store: FeedbackStore) -> None:
    assert store.record_feedback("f" * 32, "UALICE", "helpful") is False
    out = io.StringIO()
    assert store.export_feedback_csv(out) == 0


def test_feedback_export_is_csv_with_formula_cells_neutralised(store: FeedbackStore) -> None:
    answer = Answer(
        question='=HYPERLINK("http://evil") vad gäller för Älvsjö?',
        text="-1 kronor, enligt beslutet [1].",
        answered=True,
        citations=(fakes.CITATION,),
    )
    answer_id = store.save_answer(answer)
    assert store.record_feedback(answer_id, "UALICE", "not_helpful") is True
    assert store.record_feedback(answer_id, "UBOB", "helpful") is True
    out = io.StringIO()
    assert store.export_feedback_csv(out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["user_id"] for r in rows] == ["UALICE", "UBOB"]
    assert [r["verdict"] for r in rows] == ["not_helpful", "helpful"]
    assert rows[0]["question"] == '\'=HYPERLINK("http://evil") vad gäller för Älvsjö?'
    assert rows[0]["answer"] == "'-1 kronor, enligt beslutet [1]."
    assert rows[0]["sources"] == "[1] Beslut om medel till Skärholmen, s. 2"
    assert rows[0]["answer_id"] == answer_id
    assert rows[0]["created_at"].endswith("+00:00")


def test_sqlite_folder_is_created(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/nested/deeper/fou.sqlite3"
    store = FeedbackStore.from_url(url)
    assert store.claim_event("Ev1") is True
    store.close()
    assert (tmp_path / "nested" / "deeper" / "fou.sqlite3").exists()


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("sqlite://", id="memory-default"),
        pytest.param("sqlite:///:memory:", id="memory"),
    ],
)
def test_in_memory_database_works_in_one_thread(url: str) -> None:
    store = FeedbackStore.from_url(url)
    assert store.claim_event("Ev1") is True
    assert store.claim_event("Ev1") is False
    store.close()
