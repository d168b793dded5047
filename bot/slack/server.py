"""Running the app: Socket Mode (outbound WebSocket) or HTTP (uvicorn serving Bolt)."""

from __future__ import annotations

import uvicorn
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
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


def create_asgi_app(app: App, *, path: str = EVENTS_PATH) -> Starlette:
    """An ASGI app: Slack's requests at `path` (events, commands, actions) and GET /healthz."""

    async def slack_events(request: Request) -> Response:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            return Response("payload too large", status_code=413)
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return Response("payload too large", status_code=413)
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
