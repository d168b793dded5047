"""`fou-bot search`: the top passages for a query, with their sources."""

from __future__ import annotations

import click

from bot.cli.render import print_passages
from bot.runtime import open_store
from bot.settings import Settings
from ingest.models import KINDS


@click.command("search")
@click.argument("query")
@click.option(
    "--k",
    "k",
    default=5,
    show_default=True,
    type=click.IntRange(1, 50),
    help="How many passages to show.",
)
@click.option("--kind", type=click.Choice(KINDS), help="Only passages of this kind of document.")
@click.pass_obj
def search_cmd(obj: dict[str, Settings], query: str, k: int, kind: str | None) -> None:
    """Show the passages that best match QUERY, with their sources."""
    store = open_store(obj["settings"])
    where = {"kind": kind} if kind else None
    print_passages(store.dense_search(query, k, where))
