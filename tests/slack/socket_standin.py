"""A local stand-in for Slack's Socket Mode WebSocket server.

It runs a `websockets` server on 127.0.0.1 in a background event loop, greets each
connection with `{"type": "hello"}` as Slack does, sends envelopes on demand, and
records every acknowledgement the client sends back.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed


class SocketStandin:
    """Slack's Socket Mode endpoint on 127.0.0.1; use as a context manager."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: Server | None = None
        self._connections: list[ServerConnection] = []
        self._acks: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    def __enter__(self) -> SocketStandin:
        self._thread.start()

        async def start() -> Server:
            return await serve(self._serve, "127.0.0.1", 0, compression=None)

        self._server = self._run(start())
        return self

    def __exit__(self, *exc: object) -> None:
        server = self._server
        if server is not None:
            server.close()
            self._run(server.wait_closed())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()

    @property
    def url(self) -> str:
        """The ws:// URL apps.connections.open hands out."""
        assert self._server is not None
        port = next(iter(self._server.sockets)).getsockname()[1]
        return f"ws://127.0.0.1:{port}/link/?ticket=test-ticket&app_id=A0FOU"

    def _run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=5)

    async def _serve(self, connection: ServerConnection) -> None:
        with self._lock:
            self._connections.append(connection)
        hello = {
            "type": "hello",
            "num_connections": 1,
            "debug_info": {"host": "standin", "approximate_connection_time": 3600},
            "connection_info": {"app_id": "A0FOU"},
        }
        await connection.send(json.dumps(hello))
        try:
            async for raw in connection:
                with self._lock:
                    self._acks.append(json.loads(raw))
        except ConnectionClosed:
            pass

    def drop_connections(self) -> None:
        """Close every client connection from the server side, as Slack does on refresh."""

        async def close_all() -> None:
            for connection in list(self._connections):
                await connection.close()

        self._run(close_all())

    def wait_connected(self, timeout: float = 5.0) -> None:
        """Block until a client has connected."""
        deadline = time.monotonic() + timeout
        while not self._connections:
            if time.monotonic() > deadline:
                raise AssertionError("no Socket Mode client connected")
            time.sleep(0.01)

    def send(
        self,
        kind: str,
        payload: dict[str, Any],
        *,
        retry_attempt: int = 0,
        retry_reason: str = "",
        envelope_id: str | None = None,
    ) -> str:
        """Send an envelope to every connected client; returns its envelope_id."""
        envelope_id = envelope_id or str(uuid.uuid4())
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": retry_attempt,
            "retry_reason": retry_reason,
        }

        async def broadcast() -> None:
            for connection in list(self._connections):
                await connection.send(json.dumps(envelope))

        self._run(broadcast())
        return envelope_id

    def acks(self) -> list[dict[str, Any]]:
        """Every message the client sent, in order."""
        with self._lock:
            return list(self._acks)

    def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> dict[str, Any]:
        """The client's ack of an envelope, waiting up to `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            for ack in self.acks():
                if ack.get("envelope_id") == envelope_id:
                    return ack
            if time.monotonic() > deadline:
                raise AssertionError(f"envelope {envelope_id} was not acked; acks: {self.acks()}")
            time.sleep(0.01)
