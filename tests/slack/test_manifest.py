"""manifest.yaml parses and declares exactly what the code listens to."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from slack_bolt import App, BoltRequest

from bot.slack.blocks import ACTION_IDS
from bot.slack.listeners import assistant, command, dm, mention
from tests.slack import shapes
from tests.slack.webapi_standin import WebApiStandin

MANIFEST = Path(__file__).parents[2] / "manifest.yaml"
# The scopes SLACK.md lists as the minimum for this bot.
REQUIRED_SCOPES = {"app_mentions:read", "chat:write", "im:history", "commands", "files:read"}
CODE_EVENTS = {*mention.EVENTS, *dm.EVENTS, *assistant.EVENTS}


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    loaded = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_schema_version_and_modes(manifest: dict[str, Any]) -> None:
    assert manifest["_metadata"]["major_version"] == 1
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["features"]["bot_user"]["display_name"]


def test_bot_events_are_the_ones_the_code_answers(manifest: dict[str, Any]) -> None:
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == CODE_EVENTS


def test_slash_command_is_the_one_the_code_answers(manifest: dict[str, Any]) -> None:
    commands = [c["command"] for c in manifest["features"]["slash_commands"]]
    assert commands == [command.COMMAND]


def test_scopes_cover_what_the_bot_does(manifest: dict[str, Any]) -> None:
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert scopes >= REQUIRED_SCOPES
    assert {"channels:history", "groups:history"} <= scopes  # conversations.replies
    if "assistant_view" in manifest["features"]:
        assert "assistant:write" in scopes
        assert {"assistant_thread_started", "assistant_thread_context_changed"} <= CODE_EVENTS


def _event_for(subscription: str) -> dict[str, Any]:
    if subscription == "app_mention":
        return shapes.mention("Hur mycket?")
    if subscription == "message.im":
        return shapes.dm("Hur mycket?")
    thread = {"user_id": shapes.USER, "channel_id": shapes.DM_CHANNEL, "thread_ts": "1.2"}
    return {"type": subscription, "assistant_thread": thread, "event_ts": "1.3"}


def _dispatch(app: App, body: dict[str, Any]) -> int:
    return int(app.dispatch(BoltRequest(body=body, mode="socket_mode")).status)


def test_every_subscribed_event_has_a_listener(
    manifest: dict[str, Any], app: App, standin: WebApiStandin
) -> None:
    """Slack retries events answered with 404; none of ours may be unhandled."""
    for subscription in manifest["settings"]["event_subscriptions"]["bot_events"]:
        body = shapes.event_callback(_event_for(subscription))
        assert _dispatch(app, body) == 200, subscription


def test_assistant_thread_gets_suggested_prompts(app: App, standin: WebApiStandin) -> None:
    _dispatch(app, shapes.event_callback(_event_for("assistant_thread_started")))
    prompts = standin.wait_for("assistant.threads.setSuggestedPrompts")[0].params
    assert prompts["channel_id"] == shapes.DM_CHANNEL
    assert prompts["thread_ts"] == "1.2"
    assert len(prompts["prompts"]) == 3


def test_every_button_has_a_listener(app: App, standin: WebApiStandin) -> None:
    for action_id in ACTION_IDS:
        body = shapes.block_action(action_id, "0" * 32, response_url=standin.response_url("a"))
        assert _dispatch(app, body) == 200, action_id


def test_an_unknown_button_is_not_handled(app: App, standin: WebApiStandin) -> None:
    """The check above can fail: Bolt answers 404 where no listener matches."""
    body = shapes.block_action("unknown_button", "x", response_url=standin.response_url("a"))
    assert _dispatch(app, body) == 404
