"""The HTTP-mode app under a real uvicorn server on loopback, against hostile requests:
a chunked body without Content-Length, malformed bodies signed and unsigned, and a
personal identity number in a question, which must never be kept in the SQL store."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.slack.server import MAX_BODY_BYTES
from tests.slack import fakes, shapes
from tests.slack.harness import SlackHttp, answer_sentinel
from tests.slack.webapi_standin import WebApiStandin

NUMBER = "811218-9876"  # Skatteverket's test number, valid check digit
DIGITS = "8112189876"


def _chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        yield b"x" * size
        sent += size


def test_a_chunked_body_is_capped_while_it_streams(
    slack_http: SlackHttp, standin: WebApiStandin, engine: fakes.FakeEngine
) -> None:
    # 64 MB announced by no Content-Length: the server must stop reading at its cap.
    try:
        response = slack_http.client.post(
            "/slack/events",
            content=_chunks(64 * 1024 * 1024),
            headers={"content-type": "application/json"},
        )
        status = response.status_code
    except httpx.TransportError:
        status = None  # the server answered and closed while the client still sent
    assert status in (413, None)
    # A bounded request after it still works, and the engine never saw the flood.
    small = slack_http.client.post(
        "/slack/events", content=b"x" * (MAX_BODY_BYTES + 1), headers={"content-type": "x"}
    )
    assert small.status_code == 413
    answer_sentinel(slack_http, standin)
    assert [c.args[0] for c in engine.calls] == ["kontrollfråga"]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        pytest.param("null", "application/json", id="json-null"),
        pytest.param("[1, 2]", "application/json", id="json-list"),
        pytest.param("{not json", "application/json", id="bad-json"),
        pytest.param("payload=%7B%22a", "application/x-www-form-urlencoded", id="bad-payload"),
        pytest.param("a=%zz&&=", "application/x-www-form-urlencoded", id="bad-form"),
        pytest.param("\udcff", "application/json", id="bad-utf8"),
    ],
)
def test_malformed_bodies_get_401_unsigned_and_400_signed(
    slack_http: SlackHttp, body: str, content_type: str
) -> None:
    raw = body.encode("utf-8", "surrogateescape")
    unsigned = slack_http.client.post(
        "/slack/events", content=raw, headers={"content-type": content_type}
    )
    assert unsigned.status_code == 401

    if "\udcff" in body:
        return  # cannot be signed by the harness, which signs text
    signed = slack_http.post(body, content_type)
    assert signed.status_code == 400


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"x-slack-request-timestamp": ""}, id="empty-timestamp"),
        pytest.param({"x-slack-request-timestamp": "soon"}, id="text-timestamp"),
        pytest.param({"x-slack-signature": ""}, id="empty-signature"),
    ],
)
def test_odd_signature_headers_get_401(slack_http: SlackHttp, headers: dict[str, str]) -> None:
    payload = {"type": "url_verification", "challenge": "c", "token": "x"}
    response = slack_http.post(json.dumps(payload), "application/json", headers=headers)
    assert response.status_code == 401


def test_a_personal_number_in_a_question_is_never_stored(
    slack_http: SlackHttp, standin: WebApiStandin, database_url: str
) -> None:
    event = shapes.mention(f"Vad fick klienten {NUMBER} i bistånd?")
    assert slack_http.event(shapes.event_callback(event)).status_code == 200
    standin.wait_for("chat.update")

    path = Path(database_url.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
        rows = [str(row) for t in tables for row in conn.execute(f'select * from "{t}"')]
    assert any("klienten" in row for row in rows), "the question was stored"
    assert not [row for row in rows if DIGITS in re.sub(r"\D", "", row)]
