"""Running the app: Socket Mode (outbound WebSocket) or HTTP (uvicorn serving Bolt)."""

from __future__ import annotations

import json
import logging
from urllib.parse import parse_qs

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk.signature import SignatureVerifier
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.settings import Settings
from bot.slack.errors import MissingSetting

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
# Slack's payloads are small; anything far larger is not from Slack.
MAX_BODY_BYTES = 2 * 1024 * 1024

log = logging.getLogger(__name__)


def socket_mode_handler(app: App, settings: Settings) -> SocketModeHandler:
    """A Socket Mode handler whose apps.connections.open goes to settings.slack_api_url."""
    app_token = settings.slack_app_token.get_secret_value()
    if not app_token:
        raise MissingSetting(
            "slack: SLACK_APP_TOKEN is not set; Socket Mode needs the app-level token "
            "(xapp-..., scope connections:write). Set it in .env or run in HTTP mode."
        )
    # The app's client already points at settings.slack_api_url.
    return SocketModeHandler(app, app_token=app_token, web_client=app.client)


def run_socket_mode(app: App, settings: Settings) -> None:
    """Connect to Slack over Socket Mode and serve until the process is stopped."""
    socket_mode_handler(app, settings).start()  # type: ignore[no-untyped-call]


def create_asgi_app(
    app: App, *, path: str = EVENTS_PATH, signing_secret: str | None = None
) -> Starlette:
    """An ASGI app: Slack's requests at `path` (events, commands, actions) and GET /healthz.

    Before Bolt sees a request, the body is read with a cap (a chunked body without a
    Content-Length included), the signature is checked (401), and the body must be a JSON
    object or a form Slack would send (400): an unsigned or malformed request never
    reaches a parser that could fail.
    """
    secret = app._signing_secret if signing_secret is None else signing_secret
    verifier = SignatureVerifier(secret) if secret.strip() else None

    async def slack_events(request: Request) -> Response:
        body = await _capped_body(request)
        if body is None:
            return Response("payload too large", status_code=413)
        if not _signed(verifier, body, request):
            return Response("invalid signature", status_code=401)
        if not _well_formed(body, request.headers.get("content-type", "")):
            log.warning("slack: refused a signed request whose body is not a Slack payload")
            return Response("malformed payload", status_code=400)
        # dispatch blocks until the listener acks; keep the event loop free meanwhile.
        bolt_response = await run_in_threadpool(app.dispatch, to_bolt_request(request, body))
        return to_starlette_response(bolt_response)

    async def health(_request: Request) -> Response:
        return JSONResponse({"ok": True})

    return Starlette(
        routes=[
            Route(path, slack_events, methods=["POST"]),
            Route(HEALTH_PATH, health, methods=["GET"]),
        ]
    )


async def _capped_body(request: Request) -> bytes | None:
    """The body, or None as soon as it grows past MAX_BODY_BYTES (declared or streamed)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None
    parts: list[bytes] = []
    size = 0
    async for part in request.stream():
        size += len(part)
        if size > MAX_BODY_BYTES:
            return None
        parts.append(part)
    return b"".join(parts)


def _signed(verifier: SignatureVerifier | None, body: bytes, request: Request) -> bool:
    """Slack's v0 signature over the body and a fresh timestamp; anything odd is unsigned."""
    if verifier is None:
        return False  # no signing secret: nothing can be verified, so nothing is accepted
    timestamp = request.headers.get("x-slack-request-timestamp", "")
    signature = request.headers.get("x-slack-signature", "")
    if not timestamp.isdigit() or not signature:
        return False
    return verifier.is_valid(body=body, timestamp=timestamp, signature=signature)


def _well_formed(body: bytes, content_type: str) -> bool:
    """A JSON object (events), or a form whose `payload`, when present, is a JSON object."""
    try:
        text = body.decode("utf-8")
        if content_type.startswith("application/json"):
            return isinstance(json.loads(text), dict)
        form = parse_qs(text, keep_blank_values=True, strict_parsing=bool(text))
        payload = form.get("payload")
        return payload is None or isinstance(json.loads(payload[0]), dict)
    except ValueError:  # bad UTF-8, bad JSON and bad form encoding alike
        return False


def http_server(app: App, *, host: str, port: int, log_level: str = "info") -> uvicorn.Server:
    """A uvicorn server for the app's ASGI wrapper (not started)."""
    # log_config=None: uvicorn's records reach the root handlers, where tokens are masked.
    config = uvicorn.Config(
        create_asgi_app(app),
        host=host,
        port=port,
        log_level=log_level.lower(),
        log_config=None,
        lifespan="off",
    )
    return uvicorn.Server(config)


def run_http(app: App, port: int, host: str, *, log_level: str = "info") -> None:
    """Serve Slack's HTTP requests under uvicorn until the process is stopped."""
    http_server(app, host=host, port=port, log_level=log_level).run()
