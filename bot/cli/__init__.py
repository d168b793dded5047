"""The `fou-bot` command line."""

from __future__ import annotations

import sys
from typing import Any

import click
from pydantic import ValidationError

from bot.cli.ask_cmds import ask_cmd, chat_cmd, explain_cmd, quote_cmd
from bot.cli.eval_cmd import eval_cmd
from bot.cli.ingest_cmds import grants_cmd, ingest_cmd, sources_group
from bot.cli.render import printable
from bot.cli.search_cmd import search_cmd
from bot.runtime import configure_logging, configure_offline, make_services
from bot.settings import load_settings
from bot.slack.cli import add_commands as add_slack_commands
from ingest.errors import IngestError
from vector_store.client import explain_failure
from vector_store.errors import StoreError


class _Group(click.Group):
    """Turns the project's own errors into one clear line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (StoreError, IngestError) as error:
            _fail(str(error))
        except Exception as error:
            settings = (ctx.obj or {}).get("settings")
            message = settings and explain_failure(
                error,
                host=settings.chroma_host,
                port=settings.chroma_port,
                path=settings.chroma_path,
                timeout=settings.chroma_timeout,
            )
            if not message:
                raise
            _fail(message)


def _fail(message: str) -> None:
    """One red line on stderr (control characters shown escaped), then exit code 2."""
    click.secho(f"error: {printable(message)}", fg="red", err=True)
    sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.pass_context
def main(ctx: click.Context) -> None:
    """fou-bot: answers about social-services FoU documents, with cited sources.

    Settings come from the environment and .env (see .env.example).
    """
    configure_offline()
    try:
        settings = load_settings()
    except ValidationError as error:
        raise click.ClickException(f"invalid settings: {error}") from error
    configure_logging(settings)
    ctx.obj = {"settings": settings, "make_services": make_services}


main.add_command(ingest_cmd)
main.add_command(sources_group)
main.add_command(grants_cmd)
main.add_command(search_cmd)
for command in (ask_cmd, chat_cmd, quote_cmd, explain_cmd, eval_cmd):
    main.add_command(command)
add_slack_commands(main)
