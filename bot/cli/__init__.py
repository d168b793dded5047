"""The `fou-bot` command line.

Commands pay only for what they use: this module and the command modules import click
and small helpers only; the store, the embedding model, the engine and Slack are imported
inside the commands that need them (tests/cli/test_startup.py checks it).
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Any

import click

from bot.cli.ask_cmds import ask_cmd, chat_cmd, explain_cmd, quote_cmd
from bot.cli.eval_cmd import eval_cmd
from bot.cli.ingest_cmds import grants_cmd, ingest_cmd
from bot.cli.render import printable
from bot.cli.search_cmd import search_cmd
from bot.cli.sources_cmds import sources_group
from bot.cli.status_cmd import status_cmd
from bot.slack.cli import add_commands as add_slack_commands

if TYPE_CHECKING:
    from bot.settings import Settings
    from bot.slack.services import Services


def _process_started() -> float:
    """The perf_counter reading at which this process started (Linux), else now."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            # Field 22 (after the parenthesised name): start time in clock ticks since boot.
            ticks = int(stat.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as uptime:
            since_boot = float(uptime.read().split()[0])
        age = since_boot - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.perf_counter()
    return time.perf_counter() - max(0.0, age)


# When the command started, for the time an answer shows: the whole wait, start-up too.
STARTED = _process_started()


def make_services(settings: Settings) -> Services:
    """The Slack bot's services, composed by bot.runtime (imported only when the bot runs)."""
    from bot.runtime import make_services as compose

    return compose(settings)


class _Group(click.Group):
    """Turns the project's own errors into one clear line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from ingest.errors import IngestError
        from vector_store.errors import StoreError

        try:
            return super().invoke(ctx)
        except (StoreError, IngestError) as error:
            _fail(str(error))
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise  # click's own way out: --help, usage errors, Ctrl-C
        except Exception as error:
            from vector_store.client import explain_failure

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
@click.version_option(
    package_name="fou-bot",
    prog_name="fou-bot",
    message="%(prog)s %(version)s",
    help="Show the version and exit.",
)
@click.pass_context
def main(ctx: click.Context) -> None:
    """fou-bot: answers about social-services FoU documents, with cited sources.

    Settings come from the environment and .env (see .env.example); `fou-bot status`
    shows what they point at.
    """
    from pydantic import ValidationError

    from bot.cli.noise import quiet_libraries
    from bot.runtime import configure_logging, configure_offline
    from bot.settings import load_settings

    configure_offline()
    try:
        settings = load_settings()
    except ValidationError as error:
        raise click.ClickException(f"invalid settings: {error}") from error
    configure_logging(settings)
    quiet_libraries(settings)
    ctx.obj = {"settings": settings, "make_services": make_services, "started": STARTED}


main.add_command(ingest_cmd)
main.add_command(sources_group)
main.add_command(grants_cmd)
main.add_command(search_cmd)
main.add_command(status_cmd)
for command in (ask_cmd, chat_cmd, quote_cmd, explain_cmd, eval_cmd):
    main.add_command(command)
add_slack_commands(main)
