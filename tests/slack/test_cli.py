"""`fou-bot slack` and `fou-bot feedback export`, mounted on a stand-in main group."""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from bot.settings import Settings
from bot.slack.cli import COMMANDS, add_commands
from bot.slack.services import Services
from bot.slack.store import FeedbackStore
from tests.slack import fakes
from tests.slack.webapi_standin import BOT_TOKEN, Failure, WebApiStandin


@pytest.fixture(autouse=True)
def restore_root_logging() -> Iterator[None]:
    """`slack` configures the root logger; give the next test the logging it had."""
    root = logging.getLogger()
    level, filters = root.level, {h: list(h.filters) for h in root.handlers}
    yield
    root.setLevel(level)
    for handler, kept in filters.items():
        handler.filters[:] = kept


def main_group() -> click.Group:
    group = click.Group("fou-bot")
    add_commands(group)
    return group


def run(args: list[str], obj: dict[str, Any]) -> Any:
    return CliRunner().invoke(main_group(), args, obj=obj)


@pytest.mark.parametrize(
    ("overrides", "args", "named"),
    [
        pytest.param({"slack_bot_token": ""}, [], "SLACK_BOT_TOKEN is not set", id="no-bot-token"),
        pytest.param(
            {"slack_bot_token": "xoxp-user"},
            [],
            "SLACK_BOT_TOKEN does not start with xoxb-",
            id="user-token",
        ),
        pytest.param({"slack_app_token": ""}, [], "SLACK_APP_TOKEN is not set", id="no-app-token"),
        pytest.param(
            {"slack_signing_secret": ""},
            ["--http"],
            "SLACK_SIGNING_SECRET is not set",
            id="no-secret",
        ),
    ],
)
def test_missing_credentials_are_named(
    make_settings: Callable[..., Settings],
    services: Services,
    overrides: dict[str, Any],
    args: list[str],
    named: str,
) -> None:
    obj = {"settings": make_settings(**overrides), "make_services": lambda _s: services}
    result = run(["slack", *args], obj)
    assert result.exit_code == 1
    assert named in result.output


def test_port_without_http_is_a_usage_error(settings: Settings, services: Services) -> None:
    result = run(
        ["slack", "--port", "8080"], {"settings": settings, "make_services": lambda _s: services}
    )
    assert result.exit_code == 2
    assert "--port applies to HTTP mode only" in result.output


def test_missing_composition_is_explained(settings: Settings) -> None:
    result = run(["slack"], {"settings": settings})
    assert result.exit_code == 1
    assert "no 'make_services'" in result.output


def test_rejected_token_is_reported_without_the_token(
    settings: Settings, services: Services, standin: WebApiStandin
) -> None:
    standin.fail("auth.test", Failure(error="invalid_auth"))
    result = run(["slack"], {"settings": settings, "make_services": lambda _s: services})
    assert result.exit_code == 1
    assert "Slack did not accept the bot token" in result.output
    assert "invalid_auth" in result.output
    assert BOT_TOKEN not in result.output


def test_feedback_export_to_a_file(
    settings: Settings, store: FeedbackStore, tmp_path: Path
) -> None:
    answer_id = store.save_answer(fakes.answer_for("Hur mycket fick Älvsjö?"))
    store.record_feedback(answer_id, "UALICE", "helpful")
    out = tmp_path / "feedback.csv"
    result = run(["feedback", "export", "--csv", "--out", str(out)], {"settings": settings})
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["question"], r["verdict"]) for r in rows] == [("Hur mycket fick Älvsjö?", "helpful")]
    assert f"wrote 1 rows to {out}" in result.output


def test_feedback_export_to_stdout(settings: Settings, store: FeedbackStore) -> None:
    result = CliRunner().invoke(main_group(), ["feedback", "export"], obj={"settings": settings})
    assert result.exit_code == 0
    assert result.stdout.startswith("created_at,user_id,verdict,question,answer,sources,answer_id")


def test_feedback_export_as_json(settings: Settings, store: FeedbackStore) -> None:
    answer_id = store.save_answer(fakes.answer_for("Hur mycket fick Älvsjö?"))
    store.record_feedback(answer_id, "UALICE", "not_helpful")
    result = run(["feedback", "export", "--json"], {"settings": settings})
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["question"], r["verdict"], r["answer_id"]) for r in rows] == [
        ("Hur mycket fick Älvsjö?", "not_helpful", answer_id)
    ]
    assert rows[0]["sources"] and rows[0]["created_at"].endswith("+00:00")


def _all_options(command: click.Command) -> list[click.Option]:
    options = [p for p in command.params if isinstance(p, click.Option)]
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            options += _all_options(sub)
    return options


def test_every_command_and_option_has_help() -> None:
    for command in COMMANDS:
        assert command.help, command.name
        for option in _all_options(command):
            assert option.help, f"{command.name} {option.name}"
    assert set(main_group().commands) == {"slack", "feedback"}
