"""The bot in HTTP mode: Bolt's request handling under a real uvicorn server, signed
requests in Slack's payload shapes, and Slack's Web API played by the local stand-in.
Events: mentions, DMs, retries, ignored events, failures. Slash commands and buttons are
in test_http_commands.py, uploads in test_http_uploads.py."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from typing import Any

import pytest

from bot.engine.types import Turn
from bot.settings import Settings
from bot.slack import messages
from bot.slack.app import build_app
from bot.slack.services import Services
from bot.slack.store import FeedbackStore
from tests.slack import fakes, shapes
from tests.slack.harness import (
    MAX_QUESTION_CHARS,
    SENTINEL_CHANNEL,
    SlackHttp,
    answer_sentinel,
    button_values,
    serving,
)
from tests.slack.webapi_standin import BOT_TOKEN, Failure, WebApiStandin

ERROR_ID = re.compile(r"felkod `([0-9a-f]{8})`")


def test_url_verification_is_answered_with_the_challenge(slack_http: SlackHttp) -> None:
    payload = {"token": "x", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}
    response = slack_http.event({**payload, "type": "url_verification"})
    assert response.status_code == 200
    assert response.json() == {"challenge": payload["challenge"]}


def test_healthz_answers_ok(slack_http: SlackHttp) -> None:
    response = slack_http.client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"ok": True})


def test_oversized_body_is_refused(slack_http: SlackHttp, engine: fakes.FakeEngine) -> None:
    event = shapes.mention("x" * (2 * 1024 * 1024))
    assert slack_http.event(shapes.event_callback(event)).status_code == 413
    assert engine.calls == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param({"secret": "not-the-secret"}, 401, id="wrong-signature"),
        pytest.param({"timestamp": int(time.time()) - 6 * 60}, 401, id="stale-timestamp"),
        pytest.param({}, 200, id="valid"),
    ],
)
def test_request_verification(
    slack_http: SlackHttp, engine: fakes.FakeEngine, change: dict[str, Any], expected: int
) -> None:
    payload = {"type": "url_verification", "challenge": "c", "token": "x"}
    assert slack_http.event(payload, **change).status_code == expected


def test_mention_gets_placeholder_then_answer_in_thread(
    slack_http: SlackHttp, standin: WebApiStandin, engine: fakes.FakeEngine
) -> None:
    event = shapes.mention("Hur mycket fick  Skärholmen för unga vuxna?")
    response = slack_http.event(shapes.event_callback(event))
    assert response.status_code == 200

    update = standin.wait_for("chat.update")[0]
    placeholder = standin.calls("chat.postMessage")[0]
    assert placeholder.params["thread_ts"] == event["ts"]
    assert placeholder.params["text"] == messages.WORKING
    assert update.params["ts"] == standin.thread(shapes.CHANNEL, event["ts"])[0]["ts"]
    assert "1 200 000 kronor" in update.params["text"]
    assert {"fou_show_sources", "fou_feedback_up", "fou_feedback_down"} <= set(
        button_values(update.params["blocks"])
    )
    assert engine.calls == [
        fakes.EngineCall("ask", ("Hur mycket fick Skärholmen för unga vuxna?",), ())
    ]
    assert placeholder.headers["authorization"] == f"Bearer {BOT_TOKEN}"


def test_follow_up_in_thread_carries_the_earlier_turns(
    slack_http: SlackHttp, standin: WebApiStandin, engine: fakes.FakeEngine
) -> None:
    first = shapes.mention("Hur mycket fick Skärholmen för unga vuxna?")
    standin.add_message(shapes.CHANNEL, first)
    slack_http.event(shapes.event_callback(first))
    standin.wait_for("chat.update")

    follow_up = shapes.mention("och Södermalm då?", thread_ts=first["ts"])
    standin.add_message(shapes.CHANNEL, follow_up)
    slack_http.event(shapes.event_callback(follow_up))
    standin.wait_for("chat.update", 2)

    replies = standin.calls("conversations.replies")
    assert [(c.params["channel"], c.params["ts"]) for c in replies] == [
        (shapes.CHANNEL, first["ts"])
    ]
    assert engine.calls[1] == fakes.EngineCall(
        "ask",
        ("och Södermalm då?",),
        (
            Turn(
                question="Hur mycket fick Skärholmen för unga vuxna?",
                answer="Skärholmen fick 1 200 000 kronor för arbetet med unga vuxna [1].",
                # The sources the first answer cited come back from its message metadata.
                sources=(fakes.CITATION.source,),
            ),
        ),
    )
    assert str(replies[0].params["include_all_metadata"]).lower() in ("1", "true")
    second_placeholder = standin.calls("chat.postMessage")[1]
    assert second_placeholder.params["thread_ts"] == first["ts"]


def test_follow_up_without_history_access_is_still_answered(
    slack_http: SlackHttp, standin: WebApiStandin, engine: fakes.FakeEngine
) -> None:
    standin.fail("conversations.replies", Failure(error="missing_scope"))
    event = shapes.mention("och Södermalm då?", thread_ts=shapes.next_ts())
    slack_http.event(shapes.event_callback(event))
    standin.wait_for("chat.update")
    assert engine.calls == [fakes.EngineCall("ask", ("och Södermalm då?",), ())]


def test_top_level_dm_is_answered_with_placeholder_and_update(
    slack_http: SlackHttp, standin: WebApiStandin, engine: fakes.FakeEngine
) -> None:
    event = shapes.dm("Vad är en FoU-plan?")
    slack_http.event(shapes.event_callback(event))
    update = standin.wait_for("chat.update")[0]
    placeholder = standin.calls("chat.postMessage")[0]
    assert "thread_ts" not in placeholder.params
    assert placeholder.params["channel"] == shapes.DM_CHANNEL
    assert update.params["channel"] == shapes.DM_CHANNEL
    assert standin.calls("assistant.threads.setStatus") == []
    assert engine.calls[0].args == ("Vad är en FoU-plan?",)


def test_dm_in_assistant_thread_shows_status_then_posts_answer(
    slack_http: SlackHttp, standin: WebApiStandin
) -> None:
    root = shapes.dm("Hej", ts=shapes.next_ts())
    event = shapes.dm("Vad är en FoU-plan?", thread_ts=root["ts"])
    slack_http.event(shapes.event_callback(event))
    answer = standin.wait_for("chat.postMessage")[0]
    status = standin.calls("assistant.threads.setStatus")[0]
    assert status.params["thread_ts"] == root["ts"]
    assert status.params["status"] == messages.WORKING_STATUS
    assert answer.params["thread_ts"] == root["ts"]
    assert answer.params["text"] != messages.WORKING
    assert standin.calls("chat.update") == []


def test_dm_thread_falls_back_to_placeholder_when_status_is_refused(
    slack_http: SlackHttp, standin: WebApiStandin
) -> None:
    standin.fail("assistant.threads.setStatus", Failure(error="not_allowed_token_type"))
    event = shapes.dm("Vad är en FoU-plan?", thread_ts=shapes.next_ts())
    slack_http.event(shapes.event_callback(event))
    update = standin.wait_for("chat.update")[0]
    assert standin.calls("chat.postMessage")[0].params["text"] == messages.WORKING
    assert update.params["channel"] == shapes.DM_CHANNEL


def test_retried_event_is_answered_once(
    slack_http: SlackHttp,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="bot.slack")
    payload = shapes.event_callback(shapes.mention("Hur mycket?"))
    assert slack_http.event(payload).status_code == 200
    retry = {"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"}
    assert slack_http.event(payload, headers=retry).status_code == 200
    answer_sentinel(slack_http, standin)
    # Listeners run in a thread pool, so the order of the two answers is not fixed.
    assert sorted(c.args for c in engine.calls) == [("Hur mycket?",), ("kontrollfråga",)]
    assert f"dropped repeat delivery of {payload['event_id']} (retry 1)" in caplog.text


def test_two_processes_sharing_the_store_answer_a_retry_once(
    make_settings: Callable[..., Settings],
    database_url: str,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
    ingest: fakes.FakeIngest,
) -> None:
    stores = [FeedbackStore.from_url(database_url) for _ in range(2)]
    apps = [build_app(make_settings(), Services(engine, fakes.overview, ingest, s)) for s in stores]
    payload = shapes.event_callback(shapes.mention("Hur mycket?"))
    with serving(apps[0]) as first, serving(apps[1]) as second:
        assert first.event(payload).status_code == 200
        assert second.event(payload, headers={"x-slack-retry-num": "1"}).status_code == 200
        answer_sentinel(second, standin)
    # Listeners run in a thread pool, so the order of the two answers is not fixed.
    assert sorted(c.args for c in engine.calls) == [("Hur mycket?",), ("kontrollfråga",)]
    for s in stores:
        s.close()


@pytest.mark.parametrize(
    "event",
    [
        pytest.param(shapes.dm("Hej från en annan bot", bot_id="B0OTHER"), id="other-bot"),
        pytest.param(shapes.dm("Mitt eget svar", user="UBOT", bot_id="BBOT"), id="own-message"),
        pytest.param(
            shapes.dm("", subtype="message_changed", message={"text": "ändrad"}), id="edit"
        ),
        pytest.param(shapes.dm("", subtype="message_deleted"), id="deletion"),
        pytest.param(shapes.dm("Gick med", subtype="channel_join"), id="join"),
        pytest.param(shapes.mention("Fråga", channel="C0OTHER"), id="disallowed-channel"),
        pytest.param(
            {**shapes.mention("Fråga", channel="C0ALLOWED"), "user_team": "T0EXTERNAL"},
            id="slack-connect-user-from-other-team",
        ),
    ],
)
def test_ignored_events_are_acked_but_not_answered(
    make_settings: Callable[..., Settings],
    services: Services,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
    event: dict[str, Any],
) -> None:
    settings = make_settings(slack_allowed_channels=("C0ALLOWED",), slack_allowed_teams=("T0FOU",))
    with serving(build_app(settings, services)) as slack_http:
        assert slack_http.event(shapes.event_callback(event)).status_code == 200
        answer_sentinel(slack_http, standin)
    assert [c.args for c in engine.calls] == [("kontrollfråga",)]


def test_disallowed_team_is_ignored(
    make_settings: Callable[..., Settings],
    services: Services,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
) -> None:
    settings = make_settings(slack_allowed_teams=("T0OTHER",))
    with serving(build_app(settings, services)) as slack_http:
        slack_http.event(shapes.event_callback(shapes.mention("Fråga")))
        form = shapes.slash("Fråga", response_url=standin.response_url("t"))
        assert slack_http.command(form).json()["text"] == messages.NOT_ALLOWED_HERE
    assert engine.calls == []
    assert standin.calls("chat.postMessage") == []


def test_huge_question_gets_a_clear_message_without_the_engine(
    slack_http: SlackHttp, standin: WebApiStandin, engine: fakes.FakeEngine
) -> None:
    question = "varför " * 100
    slack_http.event(shapes.event_callback(shapes.mention(question)))
    reply = standin.wait_for("chat.postMessage")[0]
    length = len(question.strip())
    assert reply.params["text"] == messages.TOO_LONG.format(length=length, limit=MAX_QUESTION_CHARS)
    assert engine.calls == []


def test_engine_failure_gets_friendly_message_with_error_id_and_bot_keeps_serving(
    slack_http: SlackHttp,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from vector_store.errors import StoreUnavailable

    engine.script(StoreUnavailable("store: Chroma at localhost:8000 cannot be reached"))
    slack_http.event(shapes.event_callback(shapes.mention("Hur mycket?")))
    failed = standin.wait_for("chat.update")[0].params["text"]
    match = ERROR_ID.search(failed)
    assert match, failed
    assert failed == messages.ERROR.format(error_id=match.group(1))
    logged = [r for r in caplog.records if match.group(1) in r.getMessage()]
    assert logged and logged[0].exc_info and logged[0].exc_info[0] is StoreUnavailable

    slack_http.event(shapes.event_callback(shapes.mention("Och nu?")))
    second = standin.wait_for("chat.update", 2)[1].params["text"]
    assert "1 200 000 kronor" in second


def test_rate_limited_post_is_retried_after_retry_after(
    slack_http: SlackHttp, standin: WebApiStandin
) -> None:
    standin.fail("chat.postMessage", Failure(status=429, retry_after=1))
    slack_http.event(shapes.event_callback(shapes.mention("Hur mycket?")))
    update = standin.wait_for("chat.update", timeout=8)[0]
    first, second = standin.calls("chat.postMessage")
    assert second.at - first.at >= 1.0
    assert second.params["text"] == messages.WORKING
    assert "1 200 000 kronor" in update.params["text"]


def test_server_error_from_slack_is_logged_and_the_bot_keeps_serving(
    slack_http: SlackHttp,
    standin: WebApiStandin,
    caplog: pytest.LogCaptureFixture,
) -> None:
    standin.fail("chat.update", Failure(status=500), times=2)
    slack_http.event(shapes.event_callback(shapes.mention("Hur mycket?")))
    standin.wait_for("chat.update", 2)
    answer_sentinel(slack_http, standin)
    assert "could not deliver the error message" in caplog.text


def test_invalid_auth_is_logged_with_error_id(
    slack_http: SlackHttp,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    standin.fail("chat.postMessage", Failure(error="invalid_auth"), times=2)
    slack_http.event(shapes.event_callback(shapes.mention("Hur mycket?")))
    standin.wait_for("chat.postMessage", 2)
    deadline = time.monotonic() + 5
    while "could not deliver" not in caplog.text and time.monotonic() < deadline:
        time.sleep(0.01)
    assert re.search(r"\[[0-9a-f]{8}\] answering in C0FOU failed", caplog.text)
    assert "'error': 'invalid_auth'" in caplog.text
    answer_sentinel(slack_http, standin)


def test_malformed_event_is_logged_and_answered_gracefully(
    slack_http: SlackHttp,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    event = shapes.mention("Hur mycket?")
    del event["ts"]
    payload = shapes.event_callback(event)
    assert slack_http.event(payload).status_code == 200
    reply = standin.wait_for("chat.postMessage")[0].params["text"]
    assert ERROR_ID.search(reply) and reply.startswith("Jag kunde inte läsa")
    assert f"app_mention {payload['event_id']}: the field 'ts' is missing" in caplog.text
    assert engine.calls == []
    answer_sentinel(slack_http, standin)


def test_event_without_channel_is_logged_and_the_bot_keeps_serving(
    slack_http: SlackHttp, standin: WebApiStandin, caplog: pytest.LogCaptureFixture
) -> None:
    payload = shapes.event_callback({"type": "app_mention", "text": "<@UBOT> hej", "user": "U1"})
    assert slack_http.event(payload).status_code == 200
    answer_sentinel(slack_http, standin)
    assert "the field 'channel' is missing" in caplog.text
    assert [c.params["channel"] for c in standin.calls("chat.postMessage")] == [SENTINEL_CHANNEL]
