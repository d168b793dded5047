"""`fou-bot slack` and `fou-bot feedback export`, for the main CLI to mount.

The main CLI puts two things in the click context object: `make_services`, a callable
from Settings to Services (the real engine, overview, ingest and store), and optionally
`settings` (read once); without it the settings are read here.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from bot.slack.errors import MissingSetting
from bot.slack.logs import install_token_masking, mask_tokens

# Bolt, uvicorn, SQLAlchemy and the settings are imported by the commands that use them,
# so mounting these commands costs the rest of the CLI nothing.
if TYPE_CHECKING:
    from bot.settings import Settings
    from bot.slack.services import Services

MakeServices = Callable[["Settings"], "Services"]


def _settings(ctx: click.Context) -> Settings:
    from bot.settings import Settings, load_settings

    obj: dict[str, Any] = ctx.obj if isinstance(ctx.obj, dict) else {}
    settings = obj.get("settings")
    return settings if isinstance(settings, Settings) else load_settings()


def check_credentials(settings: Settings, *, http: bool) -> None:
    """Raise MissingSetting, naming the setting, when the chosen mode lacks a token or secret."""
    bot_token = settings.slack_bot_token.get_secret_value()
    if not bot_token.startswith("xoxb-"):
        state = "is not set" if not bot_token else "does not start with xoxb-"
        raise MissingSetting(
            f"slack: SLACK_BOT_TOKEN {state}; copy the Bot User OAuth Token (xoxb-...) from "
            "the app's OAuth & Permissions page into .env"
        )
    if http and not settings.slack_signing_secret.get_secret_value():
        raise MissingSetting(
            "slack: SLACK_SIGNING_SECRET is not set; HTTP mode verifies every request with it. "
            "Copy it from the app's Basic Information page into .env"
        )
    app_token = settings.slack_app_token.get_secret_value()
    if not http and not app_token.startswith("xapp-"):
        state = "is not set" if not app_token else "does not start with xapp-"
        raise MissingSetting(
            f"slack: SLACK_APP_TOKEN {state}; Socket Mode needs an app-level token (xapp-...) "
            "with connections:write from the app's Basic Information page, or run with --http"
        )


def _configure_logging(settings: Settings) -> None:
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    root.setLevel(settings.log_level)
    install_token_masking(root)


@click.command("slack")
@click.option(
    "--http",
    "http_mode",
    is_flag=True,
    help="Serve Slack's HTTP requests (Events API, /fou, buttons) instead of Socket Mode.",
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=3000,
    show_default=True,
    help="Port to listen on in HTTP mode.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to listen on in HTTP mode; 0.0.0.0 behind a reverse proxy or load balancer.",
)
@click.pass_context
def slack(ctx: click.Context, http_mode: bool, port: int, host: str) -> None:
    """Run the Slack bot: Socket Mode by default, or an HTTP endpoint with --http."""
    from slack_bolt.error import BoltError

    from bot.slack.app import build_app
    from bot.slack.server import run_http, run_socket_mode

    for name in ("port", "host"):
        source = ctx.get_parameter_source(name)
        if not http_mode and source is click.core.ParameterSource.COMMANDLINE:
            raise click.UsageError(f"--{name} applies to HTTP mode only; add --http")
    settings = _settings(ctx)
    try:
        check_credentials(settings, http=http_mode)
    except MissingSetting as error:
        raise click.ClickException(str(error)) from None
    make_services = (ctx.obj or {}).get("make_services") if isinstance(ctx.obj, dict) else None
    if not callable(make_services):
        raise click.ClickException(
            "slack: the CLI context has no 'make_services'; mount this command in the main "
            "fou-bot CLI, which composes the engine, store and ingest"
        )
    _configure_logging(settings)
    services: Services = make_services(settings)
    try:
        app = build_app(settings, services)
    except BoltError as error:
        raise click.ClickException(
            f"slack: Slack did not accept the bot token ({mask_tokens(str(error))}); check "
            f"SLACK_BOT_TOKEN and FOU_SLACK_API_URL ({settings.slack_api_url})"
        ) from None
    except OSError as error:  # URLError and socket errors: the Web API is out of reach
        reason = getattr(error, "reason", error)
        raise click.ClickException(
            f"slack: cannot reach the Slack Web API at {settings.slack_api_url} ({reason}); "
            "check the network and FOU_SLACK_API_URL"
        ) from None
    if http_mode:
        run_http(app, port, host, log_level=settings.log_level)
    else:
        run_socket_mode(app, settings)


@click.group("feedback")
def feedback() -> None:
    """Users' 👍/👎 on the bot's answers."""


@feedback.command("export")
@click.option(
    "--csv",
    "as_csv",
    is_flag=True,
    default=True,
    help="Write CSV: created_at, user_id, verdict, question, answer, sources, answer_id "
    "(the default).",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Write a JSON array instead, with each answer's cited sources in full.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
    help="File to write; - writes to standard output.",
)
@click.pass_context
def export(ctx: click.Context, as_csv: bool, as_json: bool, out: str) -> None:
    """Export all feedback from the store at FOU_DATABASE_URL."""
    from bot.slack.store import FeedbackStore

    settings = _settings(ctx)
    store = FeedbackStore.from_url(settings.database_url)
    write = store.export_feedback_json if as_json else store.export_feedback_csv
    try:
        if out == "-":
            count = write(sys.stdout)
        else:
            with open(out, "w", newline="", encoding="utf-8") as stream:
                count = write(stream)
    finally:
        store.close()
    click.echo(
        f"feedback: wrote {count} rows to {'standard output' if out == '-' else out}", err=True
    )


COMMANDS: tuple[click.Command, ...] = (slack, feedback)


def add_commands(group: click.Group) -> None:
    """Mount `slack` and `feedback` on the main CLI group."""
    for command in COMMANDS:
        group.add_command(command)
