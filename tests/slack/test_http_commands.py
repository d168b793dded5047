"""`/fou` and the answer buttons in HTTP mode, through a real uvicorn server."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

import pytest

from bot.settings import Settings
from bot.slack import messages
from bot.slack.app import build_app
from bot.slack.blocks import ACTION_SHARE, ACTION_SHOW_SOURCES
from bot.slack.services import Services
from bot.slack.store import FeedbackStore
from tests.slack import fakes, shapes
from tests.slack.harness import (
    MAX_QUESTION_CHARS,
    SlackHttp,
    answer_sentinel,
    button_values,
    serving,
)
from tests.slack.webapi_standin import WebApiStandin


def test_slash_question_acks_at_once_and_responds_ephemerally_with_share_button(
    slack_http: SlackHttp, standin: WebApiStandin, engine: fakes.FakeEngine
) -> None:
    form = shapes.slash("Hur mycket fick Skärholmen?", response_url=standin.response_url("q"))
    started = time.monotonic()
    response = slack_http.command(form)
    assert time.monotonic() - started < 3
    assert response.status_code == 200
    assert response.json()["text"] == messages.WORKING
    assert response.json()["response_type"] == "ephemeral"

    posted = standin.wait_for("response:q")[0].params
    assert posted["response_type"] == "ephemeral"
    assert posted["replace_original"] is False
    assert ACTION_SHARE in button_values(posted["blocks"])
    assert engine.calls == [fakes.EngineCall("ask", ("Hur mycket fick Skärholmen?",), ())]


def test_slash_command_is_acked_before_a_slow_engine_answers(
    make_settings: Callable[..., Settings],
    services: Services,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
) -> None:
    """With process_before_response (FaaS style) too, the answer runs after the ack."""
    engine.gate = gate = threading.Event()
    app = build_app(make_settings(), services, process_before_response=True)
    with serving(app) as slack_http:
        form = shapes.slash("Långsam fråga", response_url=standin.response_url("slow"))
        response = slack_http.command(form)
        assert response.json()["text"] == messages.WORKING
        assert standin.calls("response:slow") == []
        gate.set()
        standin.wait_for("response:slow")


@pytest.mark.parametrize(
    ("text", "engine_call", "marker"),
    [
        pytest.param(
            "citat Anna Svensson: hemlöshet",
            fakes.EngineCall("draft_quote", ("Anna Svensson", "hemlöshet")),
            "fou-draft",
            id="quote-draft",
        ),
        pytest.param(
            "intro FoU-plan", fakes.EngineCall("explain", ("FoU-plan",)), "fou-answer-0", id="intro"
        ),
        pytest.param("källor", None, messages.OVERVIEW_TITLE, id="sources-overview"),
    ],
)
def test_slash_subcommands_respond_ephemerally(
    slack_http: SlackHttp,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
    text: str,
    engine_call: fakes.EngineCall | None,
    marker: str,
) -> None:
    response = slack_http.command(shapes.slash(text, response_url=standin.response_url("s")))
    assert response.status_code == 200
    posted = standin.wait_for("response:s")[0].params
    assert posted["response_type"] == "ephemeral"
    assert marker in json.dumps(posted["blocks"], ensure_ascii=False)
    assert engine.calls == ([engine_call] if engine_call else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", messages.HELP, id="empty-is-help"),
        pytest.param("hjälp", messages.HELP, id="help"),
        pytest.param("citat utan kolon", messages.CITAT_USAGE, id="quote-usage"),
        pytest.param("intro", messages.INTRO_USAGE, id="intro-usage"),
        pytest.param(
            "x" * (MAX_QUESTION_CHARS + 1),
            messages.TOO_LONG.format(length=MAX_QUESTION_CHARS + 1, limit=MAX_QUESTION_CHARS),
            id="too-long",
        ),
    ],
)
def test_slash_answers_in_the_ack_without_the_engine(
    slack_http: SlackHttp,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
    text: str,
    expected: str,
) -> None:
    response = slack_http.command(shapes.slash(text, response_url=standin.response_url("h")))
    assert response.json()["text"] == expected
    answer_sentinel(slack_http, standin)
    assert [c.args for c in engine.calls] == [("kontrollfråga",)]
    assert standin.calls("response:h") == []


def test_show_sources_reveals_the_quotes(
    slack_http: SlackHttp, standin: WebApiStandin, store: FeedbackStore
) -> None:
    answer_id = store.save_answer(fakes.answer_for("Hur mycket?"))
    payload = shapes.block_action(
        ACTION_SHOW_SOURCES, answer_id, response_url=standin.response_url("src"), thread_ts="1.2"
    )
    assert slack_http.action(payload).status_code == 200
    posted = standin.wait_for("response:src")[0].params
    assert posted["response_type"] == "ephemeral"
    assert posted["replace_original"] is False
    assert posted["thread_ts"] == "1.2"
    assert fakes.CITATION.quote in json.dumps(posted["blocks"], ensure_ascii=False)


@pytest.mark.parametrize(
    ("action_id", "verdict", "thanks"),
    [
        pytest.param("fou_feedback_up", "helpful", messages.FEEDBACK_THANKS_HELPFUL, id="up"),
        pytest.param(
            "fou_feedback_down", "not_helpful", messages.FEEDBACK_THANKS_NOT_HELPFUL, id="down"
        ),
    ],
)
def test_feedback_is_stored_and_thanked(
    slack_http: SlackHttp,
    standin: WebApiStandin,
    store: FeedbackStore,
    action_id: str,
    verdict: str,
    thanks: str,
) -> None:
    import io

    answer_id = store.save_answer(fakes.answer_for("Hur mycket fick Skärholmen?"))
    payload = shapes.block_action(action_id, answer_id, response_url=standin.response_url("fb"))
    slack_http.action(payload)
    assert standin.wait_for("response:fb")[0].params["text"] == thanks
    out = io.StringIO()
    assert store.export_feedback_csv(out) == 1
    row = out.getvalue().splitlines()[1]
    assert f",{shapes.USER},{verdict},Hur mycket fick Skärholmen?," in row
    assert "[1] Beslut om medel till Skärholmen, s. 2" in row


def test_share_posts_the_answer_in_the_channel_and_removes_the_ephemeral(
    slack_http: SlackHttp, standin: WebApiStandin, store: FeedbackStore
) -> None:
    answer_id = store.save_answer(fakes.answer_for("Hur mycket?"))
    payload = shapes.block_action(
        ACTION_SHARE, answer_id, response_url=standin.response_url("share"), ephemeral=True
    )
    slack_http.action(payload)
    shared, deleted = (c.params for c in standin.wait_for("response:share", 2))
    assert shared["response_type"] == "in_channel"
    assert f"Delat av <@{shapes.USER}>" in json.dumps(shared["blocks"], ensure_ascii=False)
    assert ACTION_SHARE not in button_values(shared["blocks"])
    assert deleted["delete_original"] is True


def test_button_for_a_forgotten_answer_says_so(
    slack_http: SlackHttp, standin: WebApiStandin
) -> None:
    payload = shapes.block_action(
        ACTION_SHOW_SOURCES, "0" * 32, response_url=standin.response_url("gone")
    )
    slack_http.action(payload)
    assert standin.wait_for("response:gone")[0].params["text"] == messages.ANSWER_GONE


def test_slash_command_in_disallowed_channel_says_so(
    make_settings: Callable[..., Settings],
    services: Services,
    standin: WebApiStandin,
    engine: fakes.FakeEngine,
) -> None:
    settings = make_settings(slack_allowed_channels=("C0ALLOWED",))
    with serving(build_app(settings, services)) as slack_http:
        form = shapes.slash("Fråga", response_url=standin.response_url("c"))
        assert slack_http.command(form).json()["text"] == messages.NOT_ALLOWED_HERE
        dm_form = shapes.slash(
            "Fråga", response_url=standin.response_url("d"), channel_id="D0ALICE"
        )
        assert slack_http.command(dm_form).json()["text"] == messages.WORKING
        standin.wait_for("response:d")
    assert standin.calls("response:c") == []
