"""A local stand-in for an OpenAI-compatible chat-completions server, scripted per test.

It speaks just enough of the protocol for the real `openai`/`langchain-openai` client:
POST /v1/chat/completions answered with JSON, or with server-sent events when the
request says `"stream": true`. Each test queues replies (`Reply`, `HttpError`,
`Malformed`) and reads back every request it received.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import web


@dataclass(frozen=True)
class Reply:
    """A chat completion whose message content is `text`, sent after `delay` seconds."""

    text: str
    delay: float = 0.0


@dataclass(frozen=True)
class HttpError:
    """An HTTP error status with an OpenAI-style error body."""

    status: int
    message: str = "stand-in error"
    retry_after: float | None = None


@dataclass(frozen=True)
class Malformed:
    """A 200 response whose body is not the JSON the protocol promises."""

    body: str = '{"choices": [{"message": '


Scripted = Reply | HttpError | Malformed


@dataclass(frozen=True)
class RecordedRequest:
    """One request the stand-in received."""

    path: str
    headers: Mapping[str, str]
    body: Mapping[str, Any]

    def content(self, role: str) -> str:
        """The text of the (only) message with this role."""
        found = [m["content"] for m in self.body["messages"] if m["role"] == role]
        assert len(found) == 1, f"expected one {role} message, got {len(found)}"
        content = found[0]
        return content if isinstance(content, str) else "".join(p["text"] for p in content)


class OpenAIStandIn:
    """An OpenAI-compatible server on 127.0.0.1, in a background thread, scripted per test."""

    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self.unscripted = 0  # requests that arrived with no reply queued
        self._replies: deque[Scripted] = deque()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        """What to pass as the client's base_url."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def pending(self) -> int:
        """Scripted replies not yet used."""
        return len(self._replies)

    def script(self, *replies: Scripted) -> None:
        """Queue replies, answered in order, one per request."""
        self._replies.extend(replies)

    def start(self) -> None:
        """Listen on a free port; returns once the server accepts connections."""
        self._thread.start()
        self.port = asyncio.run_coroutine_threadsafe(self._serve(), self._loop).result(5)

    def stop(self) -> None:
        """Stop serving; a slow reply still sleeping is cancelled."""
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    async def _serve(self) -> int:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._chat)
        # A short shutdown: a reply sleeping past the client's timeout must not hold teardown.
        self._runner = web.AppRunner(app, shutdown_timeout=0.1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        return int(self._runner.addresses[0][1])

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.requests.append(RecordedRequest(request.path, dict(request.headers), body))
        if not self._replies:
            self.unscripted += 1
            return _error(500, "stand-in: no reply scripted for this request")
        scripted = self._replies.popleft()
        if isinstance(scripted, HttpError):
            headers = {"Retry-After": str(scripted.retry_after)} if scripted.retry_after else {}
            return _error(scripted.status, scripted.message, headers)
        if isinstance(scripted, Malformed):
            return web.Response(text=scripted.body, content_type="application/json")
        if scripted.delay:
            await asyncio.sleep(scripted.delay)
        if body.get("stream"):
            return await _stream(request, body, scripted.text)
        return web.json_response(_completion(body, scripted.text))


def _completion(body: Mapping[str, Any], text: str) -> dict[str, Any]:
    prompt_tokens = sum(len(str(m["content"]).split()) for m in body["messages"])
    completion_tokens = len(text.split())
    return {
        "id": "chatcmpl-standin",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body["model"],
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


async def _stream(request: web.Request, body: Mapping[str, Any], text: str) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
    await response.prepare(request)
    pieces = [word + " " for word in text.split(" ")]
    pieces[-1] = pieces[-1].rstrip(" ")
    deltas = [{"role": "assistant", "content": ""}] + [{"content": p} for p in pieces]
    for i, delta in enumerate(deltas):
        finish = "stop" if i == len(deltas) - 1 else None
        await _event(response, body, [{"index": 0, "delta": delta, "finish_reason": finish}])
    if (body.get("stream_options") or {}).get("include_usage"):
        usage = _completion(body, text)["usage"]
        await _event(response, body, [], usage=usage)
    await response.write(b"data: [DONE]\n\n")
    await response.write_eof()
    return response


async def _event(
    response: web.StreamResponse,
    body: Mapping[str, Any],
    choices: list[dict[str, Any]],
    usage: Mapping[str, int] | None = None,
) -> None:
    chunk: dict[str, Any] = {
        "id": "chatcmpl-standin",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": body["model"],
        "choices": choices,
    }
    if usage is not None:
        chunk["usage"] = usage
    await response.write(f"data: {json.dumps(chunk)}\n\n".encode())


def _error(status: int, message: str, headers: Mapping[str, str] | None = None) -> web.Response:
    error = {"error": {"message": message, "type": "standin_error", "code": str(status)}}
    return web.json_response(error, status=status, headers=headers)
