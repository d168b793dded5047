"""What the Slack layer needs from the rest of fou-bot, composed by the caller."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.engine.types import AnswerEngine
from bot.slack.store import FeedbackStore
from ingest.report import IngestReport
from vector_store.records import IndexOverview


@dataclass(frozen=True)
class Services:
    """The engine, index overview, ingest entry point and feedback store the bot uses."""

    engine: AnswerEngine
    overview: Callable[[], IndexOverview]
    ingest_file: Callable[[Path], IngestReport]
    store: FeedbackStore
