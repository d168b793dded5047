"""Fixtures: the Web API stand-in, fakes, settings, a built app and a real HTTP server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from slack_bolt import App

from bot.settings import Settings
from bot.slack.app import build_app
from bot.slack.services import Services
from bot.slack.store import FeedbackStore
from tests.slack import fakes
from tests.slack.harness import APP_TOKEN, MAX_QUESTION_CHARS, SIGNING_SECRET, SlackHttp, serving
from tests.slack.shapes import ADMIN
from tests.slack.webapi_standin import BOT_TOKEN, WebApiStandin


@pytest.fixture
def standin() -> Iterator[WebApiStandin]:
    with WebApiStandin() as server:
        yield server


@pytest.fixture
def engine() -> fakes.FakeEngine:
    return fakes.FakeEngine()


@pytest.fixture
def ingest() -> fakes.FakeIngest:
    return fakes.FakeIngest()


@pytest.fixture
def database_url(tmp_path: Any) -> str:
    return f"sqlite:///{tmp_path}/fou-bot.sqlite3"


@pytest.fixture
def store(database_url: str) -> Iterator[FeedbackStore]:
    feedback_store = FeedbackStore.from_url(database_url)
    yield feedback_store
    feedback_store.close()


@pytest.fixture
def make_settings(standin: WebApiStandin, database_url: str) -> Callable[..., Settings]:
    """Settings for the stand-in; keyword overrides win. Never reads .env or FOU_* vars."""

    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "slack_bot_token": BOT_TOKEN,
            "slack_app_token": APP_TOKEN,
            "slack_signing_secret": SIGNING_SECRET,
            "slack_api_url": standin.api_url,
            "slack_allowed_teams": (),
            "slack_allowed_channels": (),
            "slack_admins": (ADMIN,),
            "database_url": database_url,
            "max_question_chars": MAX_QUESTION_CHARS,
            "log_level": "INFO",
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]

    return make


@pytest.fixture
def settings(make_settings: Callable[..., Settings]) -> Settings:
    return make_settings()


@pytest.fixture
def services(engine: fakes.FakeEngine, ingest: fakes.FakeIngest, store: FeedbackStore) -> Services:
    return Services(engine=engine, overview=fakes.overview, ingest_file=ingest, store=store)


@pytest.fixture
def app(settings: Settings, services: Services) -> App:
    return build_app(settings, services)


@pytest.fixture
def slack_http(app: App) -> Iterator[SlackHttp]:
    with serving(app) as client:
        yield client
