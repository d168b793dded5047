"""Socket Mode end to end: the real SocketModeHandler/SocketModeClient against the
WebSocket stand-in, with apps.connections.open and the Web API on the HTTP stand-in."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.settings import Settings
from bot.slack import messages
from bot.slack.app import build_app
from bot.slack.blocks import ACTION_HELPFUL
from bot.slack.errors import MissingSetting
from bot.slack.server import socket_mode_handler
from bot.slack.services import Services
from bot.slack.store import FeedbackStore
from tests.slack import fakes, shapes
from tests.slack.conftest import APP_TOKEN
from tests.slack.socket_standin import SocketStandin
from tests.slack.webapi_standin import WebApiStandin


@pytest.fixture
def socket() -> Iterator[SocketStandin]:
    with SocketStandin() as server:
        yield server


@pytest.fixture
def handler(
    socket: SocketStandin, standin: WebApiStandin, settings: Settings, services: Services
) -> Iterator[SocketModeHandler]:
    standin.socket_url = socket.url
    connected = socket_mode_handler(build_app(settings, services), settings)
    connected.connect()  # type: ignore[no-untyped-call]
    socket.wait_connected()
    yield connected
    # Closing from the server side first unblocks the client's pending read at once; wait
    # until the client has noticed, as its own close() races with that clean-up.
    connected.client.auto_reconnect_enabled = False
    socket.drop_connections()
    deadline = time.monotonic() + 5
    while connected.client.is_connected() and time.monotonic() < deadline:
        time.sleep(0.01)
    connected.close()  # type: ignore[no-untyped-call]


def test_connection_is_opened_with_the_app_token_at_the_configured_api_url(
    handler: SocketModeHandler, standin: WebApiStandin
) -> None:
    opened = standin.calls("apps.connections.open")
    assert len(opened) == 1
    assert opened[0].headers["authorization"] == f"Bearer {APP_TOKEN}"


def test_events_api_envelope_is_acked_and_answered(
    handler: SocketModeHandler,
    socket: SocketStandin,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
) -> None:
    event = shapes.mention("Hur mycket fick Skärholmen?")
    envelope_id = socket.send("events_api", shapes.event_callback(event))
    assert socket.wait_for_ack(envelope_id) == {"envelope_id": envelope_id}
    update = standin.wait_for("chat.update")[0]
    assert standin.calls("chat.postMessage")[0].params["thread_ts"] == event["ts"]
    assert "1 200 000 kronor" in update.params["text"]
    assert [c.args for c in engine.calls] == [("Hur mycket fick Skärholmen?",)]


def test_retried_envelope_is_acked_but_answered_once(
    handler: SocketModeHandler,
    socket: SocketStandin,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
) -> None:
    payload = shapes.event_callback(shapes.mention("Hur mycket?"))
    first = socket.send("events_api", payload)
    socket.wait_for_ack(first)
    retry = socket.send("events_api", payload, retry_attempt=1, retry_reason="timeout")
    socket.wait_for_ack(retry)

    sentinel = shapes.dm("kontrollfråga", channel="D0SENTINEL")
    socket.wait_for_ack(socket.send("events_api", shapes.event_callback(sentinel)))
    standin.wait_for("chat.update", where=lambda c: c.params["channel"] == "D0SENTINEL")
    standin.wait_for("chat.update", where=lambda c: c.params["channel"] == shapes.CHANNEL)
    assert [c.args for c in engine.calls] == [("Hur mycket?",), ("kontrollfråga",)]


def test_slash_command_envelope_acks_with_working_text_then_responds(
    handler: SocketModeHandler,
    socket: SocketStandin,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
) -> None:
    form = shapes.slash("intro FoU-plan", response_url=standin.response_url("cmd"))
    envelope_id = socket.send("slash_commands", dict(form))
    ack = socket.wait_for_ack(envelope_id)
    assert ack["payload"] == {"text": messages.WORKING, "response_type": "ephemeral"}
    posted = standin.wait_for("response:cmd")[0].params
    assert posted["response_type"] == "ephemeral"
    assert [c.method for c in engine.calls] == ["explain"]


def test_interactive_envelope_records_feedback(
    handler: SocketModeHandler,
    socket: SocketStandin,
    standin: WebApiStandin,
    store: FeedbackStore,
) -> None:
    answer_id = store.save_answer(fakes.answer_for("Hur mycket?"))
    payload = shapes.block_action(ACTION_HELPFUL, answer_id, response_url=standin.response_url("i"))
    socket.wait_for_ack(socket.send("interactive", payload))
    assert standin.wait_for("response:i")[0].params["text"] == messages.FEEDBACK_THANKS_HELPFUL


def test_missing_app_token_is_named(
    make_settings: Callable[..., Settings], services: Services, standin: WebApiStandin
) -> None:
    settings = make_settings(slack_app_token="")
    with pytest.raises(MissingSetting, match="SLACK_APP_TOKEN is not set"):
        socket_mode_handler(build_app(settings, services), settings)
