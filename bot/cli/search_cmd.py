"""`fou-bot search`: the top passages for a query, with their sources."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from bot.cli.filters import filter_options, make_filters

if TYPE_CHECKING:
    from vector_store.records import MetaValue


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
@click.option("--json", "as_json", is_flag=True, help="Print the passages as JSON for scripts.")
@filter_options
@click.pass_obj
def search_cmd(
    obj: dict[str, Any], /, query: str, k: int, as_json: bool, **filters: object
) -> None:
    """Show the passages that best match QUERY (the bot's own retrieval), with sources."""
    from bot.runtime import open_retriever, open_store

    settings = obj["settings"]
    retriever = open_retriever(settings, open_store(settings, create=False))
    passages = retriever.retrieve(query, k, make_filters(**filters))
    if as_json:
        rows = [{"rank": n} | vars(p) for n, p in enumerate(passages, start=1)]
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    from rich.text import Text

    from bot.cli.render import console, printable, source_line

    if not passages:
        console.print("No passages found.")
    for n, p in enumerate(passages, start=1):
        fields: dict[str, MetaValue | None] = {
            "title": p.title,
            "kind": p.kind,
            "date": p.date,
            "page": p.page,
            "url": p.url,
            "path": p.path,
        }
        meta = {k: v for k, v in fields.items() if v is not None}
        console.print(Text.assemble((f"[{n}]", "bold"), f" {printable(source_line(meta))}"))
        text = " ".join(p.text.split())
        console.print(f"    {text[:400]}{'…' if len(text) > 400 else ''}", highlight=False)
