"""A local stand-in for Slack's Web API, response_url endpoints and file downloads.

A real HTTP server on 127.0.0.1 (port 0) in a background thread. It answers the methods
the bot calls the way Slack does, keeps channel threads so conversations.replies sees
what the bot posted, records every call (params and headers), and can be scripted to
fail a method: HTTP 429 with Retry-After, HTTP 500, or `{"ok": false, "error": ...}`.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T0FOU"
BOT_TOKEN = "xoxb-test"
JSON_FIELDS = ("blocks", "attachments", "prompts", "metadata", "loading_messages")


@dataclass(frozen=True)
class Call:
    """One request the stand-in received."""

    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    at: float


@dataclass(frozen=True)
class Failure:
    """A scripted failure for the next call of a method."""

    status: int = 200
    error: str | None = None
    retry_after: int | None = None


@dataclass
class _Files:
    content: bytes
    content_type: str


@dataclass
class _State:
    calls: list[Call] = field(default_factory=list)
    failures: dict[str, deque[Failure]] = field(default_factory=lambda: defaultdict(deque))
    threads: dict[tuple[str, str], list[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    files: dict[str, _Files] = field(default_factory=dict)
    file_infos: dict[str, dict[str, Any]] = field(default_factory=dict)


class WebApiStandin:
    """Slack's Web API on 127.0.0.1, recording calls; use as a context manager."""

    def __init__(self, socket_url: str | None = None) -> None:
        self.socket_url = socket_url
        self._state = _State()
        self._lock = threading.Lock()
        self._ts = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    # --- lifecycle -----------------------------------------------------------------
    def __enter__(self) -> WebApiStandin:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def root(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        """The base_url for WebClient."""
        return f"{self.root}/api/"

    # --- scripting -------------------------------------------------------------------
    def fail(self, method: str, failure: Failure, times: int = 1) -> None:
        """Answer the next `times` calls of `method` with `failure`."""
        with self._lock:
            self._state.failures[method].extend([failure] * times)

    def add_message(self, channel: str, message: dict[str, Any]) -> None:
        """Put a message (a user's, typically) into its thread's history."""
        root = message.get("thread_ts") or message["ts"]
        with self._lock:
            self._state.threads[(channel, root)].append(dict(message))

    def add_file(self, file_id: str, content: bytes, content_type: str) -> str:
        """Serve `content` for download; returns its url_private_download."""
        with self._lock:
            self._state.files[file_id] = _Files(content, content_type)
        return f"{self.root}/files-pri/{file_id}/download"

    def add_file_info(self, file_id: str, info: dict[str, Any]) -> None:
        """What files.info returns for this id."""
        with self._lock:
            self._state.file_infos[file_id] = info

    def response_url(self, name: str) -> str:
        """A response_url whose posts are recorded as method `response:<name>`."""
        return f"{self.root}/response/{name}"

    # --- inspection ------------------------------------------------------------------
    def calls(self, method: str | None = None) -> list[Call]:
        """Every call so far, or those of one method, in order."""
        with self._lock:
            return [c for c in self._state.calls if method is None or c.method == method]

    def wait_for(
        self,
        method: str,
        count: int = 1,
        *,
        timeout: float = 5.0,
        where: Callable[[Call], bool] = lambda _call: True,
    ) -> list[Call]:
        """Poll until `count` matching calls arrived; fail with what did arrive otherwise."""
        deadline = time.monotonic() + timeout
        while True:
            found = [c for c in self.calls(method) if where(c)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                seen = [c.method for c in self.calls()]
                raise AssertionError(f"expected {count} x {method} within {timeout}s; saw {seen}")
            time.sleep(0.01)

    def thread(self, channel: str, root_ts: str) -> list[dict[str, Any]]:
        """A thread's messages as conversations.replies would return them."""
        with self._lock:
            return [dict(m) for m in self._state.threads[(channel, root_ts)]]

    # --- the server ------------------------------------------------------------------
    def _next_ts(self) -> str:
        return f"1700000000.{next(self._ts):06d}"

    def _record(self, method: str, params: dict[str, Any], headers: dict[str, str]) -> None:
        with self._lock:
            self._state.calls.append(Call(method, params, headers, time.monotonic()))

    def _scripted(self, method: str) -> Failure | None:
        with self._lock:
            queue = self._state.failures.get(method)
            return queue.popleft() if queue else None

    def _api(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        handler = getattr(self, "_api_" + method.replace(".", "_"), None)
        if handler is None:
            return {"ok": True} if method in _PLAIN_OK else {"ok": False, "error": "unknown_method"}
        result: dict[str, Any] = handler(params)
        return result

    def _api_auth_test(self, _params: dict[str, Any]) -> dict[str, Any]:
        return {
            "ok": True,
            "url": "https://fou-test.slack.com/",
            "team": "FoU test",
            "user": "fou-boten",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _api_chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        ts = self._next_ts()
        message = {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "ts": ts,
            "text": params.get("text", ""),
            "blocks": params.get("blocks") or [],
        }
        if params.get("metadata"):
            message["metadata"] = params["metadata"]
        if params.get("thread_ts"):
            message["thread_ts"] = params["thread_ts"]
            with self._lock:
                self._state.threads[(params["channel"], params["thread_ts"])].append(message)
        return {"ok": True, "channel": params.get("channel"), "ts": ts, "message": message}

    def _api_chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            for (channel, _root), messages in self._state.threads.items():
                for message in messages:
                    if channel == params.get("channel") and message["ts"] == params.get("ts"):
                        message["text"] = params.get("text", "")
                        message["blocks"] = params.get("blocks") or []
                        if params.get("metadata"):
                            message["metadata"] = params["metadata"]
        return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts")}

    def _api_chat_postEphemeral(self, _params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "message_ts": self._next_ts()}

    def _api_conversations_replies(self, params: dict[str, Any]) -> dict[str, Any]:
        messages = self.thread(str(params.get("channel")), str(params.get("ts")))
        if not messages:
            return {"ok": False, "error": "thread_not_found"}
        if str(params.get("include_all_metadata", "")).lower() not in ("1", "true"):
            # Like Slack: message metadata only comes back when asked for.
            messages = [{k: v for k, v in m.items() if k != "metadata"} for m in messages]
        return {"ok": True, "messages": messages, "has_more": False}

    def _api_files_info(self, params: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            info = self._state.file_infos.get(str(params.get("file")))
        return {"ok": True, "file": info} if info else {"ok": False, "error": "file_not_found"}

    def _api_apps_connections_open(self, _params: dict[str, Any]) -> dict[str, Any]:
        if not self.socket_url:
            return {"ok": False, "error": "no_socket_standin"}
        return {"ok": True, "url": self.socket_url}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                path = urlsplit(self.path).path
                headers = {k.lower(): v for k, v in self.headers.items()}
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                params = _parse(raw, headers.get("content-type", ""))
                if path.startswith("/response/"):
                    standin._record("response:" + path.rsplit("/", 1)[1], params, headers)
                    self._send(200, b"ok", "text/plain")
                    return
                method = path.removeprefix("/api/")
                standin._record(method, params, headers)
                failure = standin._scripted(method)
                if failure and failure.status != 200:
                    extra = {"Retry-After": str(failure.retry_after)} if failure.retry_after else {}
                    error = failure.error or (
                        "ratelimited" if failure.status == 429 else "fatal_error"
                    )
                    body = json.dumps({"ok": False, "error": error}).encode()
                    self._send(failure.status, body, "application/json", extra)
                    return
                result = (
                    {"ok": False, "error": failure.error}
                    if failure
                    else standin._api(method, params)
                )
                self._send(200, json.dumps(result).encode(), "application/json")

            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                headers = {k.lower(): v for k, v in self.headers.items()}
                parts = path.strip("/").split("/")
                standin._record("GET " + path, {}, headers)
                with standin._lock:
                    file = standin._state.files.get(parts[1]) if len(parts) == 3 else None
                if file is None or headers.get("authorization") != f"Bearer {BOT_TOKEN}":
                    # Slack answers an unauthorised file request with its sign-in page.
                    self._send(200, b"<html>Sign in</html>", "text/html")
                    return
                self._send(200, file.content, file.content_type)

            def _send(
                self,
                status: int,
                body: bytes,
                content_type: str,
                extra: dict[str, str] | None = None,
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (extra or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

        return Handler


_PLAIN_OK = frozenset(
    {
        "reactions.add",
        "assistant.threads.setStatus",
        "assistant.threads.setSuggestedPrompts",
        "chat.delete",
    }
)


def _parse(raw: bytes, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if content_type.startswith("application/json"):
        parsed = json.loads(raw)
        return parsed if isinstance(parsed, dict) else {"_": parsed}
    params: dict[str, Any] = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
    for key in JSON_FIELDS:
        if isinstance(params.get(key), str):
            params[key] = json.loads(params[key])
    return params
