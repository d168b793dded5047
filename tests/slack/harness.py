"""Driving the app under a real HTTP server, and waiting on what reaches the stand-in."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode

import httpx
from slack_bolt import App

from bot.slack.server import http_server
from tests.slack import shapes
from tests.slack.webapi_standin import WebApiStandin

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
APP_TOKEN = "xapp-1-A0FOU-1-test"
MAX_QUESTION_CHARS = 200
SENTINEL_CHANNEL = "D0SENTINEL"


class SlackHttp:
    """Sends Slack-signed requests to the app under a real server."""

    def __init__(self, base_url: str, secret: str = SIGNING_SECRET) -> None:
        self.base_url = base_url
        self.secret = secret
        self.client = httpx.Client(base_url=base_url, timeout=10)

    def close(self) -> None:
        self.client.close()

    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        secret: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        ts = str(timestamp if timestamp is not None else int(time.time()))
        base = f"v0:{ts}:{body}".encode()
        digest = hmac.new((secret or self.secret).encode(), base, hashlib.sha256).hexdigest()
        all_headers = {
            "content-type": content_type,
            "x-slack-request-timestamp": ts,
            "x-slack-signature": f"v0={digest}",
            **(headers or {}),
        }
        return self.client.post("/slack/events", content=body.encode(), headers=all_headers)

    def event(self, payload: dict[str, Any], **kwargs: Any) -> httpx.Response:
        return self.post(json.dumps(payload), "application/json", **kwargs)

    def command(self, form: dict[str, str], **kwargs: Any) -> httpx.Response:
        return self.post(urlencode(form), "application/x-www-form-urlencoded", **kwargs)

    def action(self, payload: dict[str, Any], **kwargs: Any) -> httpx.Response:
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded", **kwargs)


@contextmanager
def serving(app: App) -> Iterator[SlackHttp]:
    """The app under uvicorn on 127.0.0.1 (port 0) in a background thread."""
    server = http_server(app, host="127.0.0.1", port=0, log_level="warning")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 5
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise AssertionError("uvicorn did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    client = SlackHttp(f"http://127.0.0.1:{port}")
    try:
        yield client
    finally:
        client.close()
        server.should_exit = server.force_exit = True
        thread.join(timeout=5)


def answer_sentinel(slack_http: SlackHttp, standin: WebApiStandin) -> None:
    """Send a question that must be answered, and wait for its answer.

    Requests sent before it have been dispatched by then, so a test can assert that they
    did not reach the engine.
    """
    event = shapes.dm("kontrollfråga", channel=SENTINEL_CHANNEL)
    assert slack_http.event(shapes.event_callback(event)).status_code == 200
    standin.wait_for("chat.update", where=lambda c: c.params.get("channel") == SENTINEL_CHANNEL)


def button_values(blocks: list[dict[str, Any]]) -> dict[str, str]:
    """action_id -> value of every button in a message's blocks."""
    return {
        e["action_id"]: e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]
    }
