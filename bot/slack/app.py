"""Building the Bolt app: the Web API client, the global guard and every listener."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry import default_retry_handlers
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.settings import Settings
from bot.slack.guard import EventGuard
from bot.slack.listeners import actions, assistant, command, dm, mention
from bot.slack.services import Services

RATE_LIMIT_RETRIES = 3
LOGGER_NAME = "bot.slack"


def make_web_client(settings: Settings) -> WebClient:
    """A WebClient for settings.slack_api_url that waits out 429s as Retry-After says."""
    base_url = settings.slack_api_url.rstrip("/") + "/"
    return WebClient(
        token=settings.slack_bot_token.get_secret_value() or None,
        base_url=base_url,
        retry_handlers=[
            *default_retry_handlers(),
            RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
        ],
        logger=logging.getLogger(f"{LOGGER_NAME}.web"),
    )


def register(app: App, services: Services, settings: Settings) -> None:
    """Wire one listener module per concern; together they cover every subscribed event."""
    mention.register(app, services, settings)
    dm.register(app, services, settings)
    command.register(app, services, settings)
    actions.register(app, services, settings)
    assistant.register(app, services, settings)


def build_app(
    settings: Settings,
    services: Services,
    *,
    client: WebClient | None = None,
    process_before_response: bool = False,
) -> App:
    """The Bolt app; calls auth.test once, so the Web API must be reachable."""
    app = App(
        name="fou-bot",
        client=client or make_web_client(settings),
        signing_secret=settings.slack_signing_secret.get_secret_value(),
        process_before_response=process_before_response,
    )
    app.use(EventGuard(settings, services.store, logging.getLogger(f"{LOGGER_NAME}.guard")))
    register(app, services, settings)
    return app
