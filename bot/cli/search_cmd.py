"""`fou-bot search`: the top passages for a query, with their sources."""

from __future__ import annotations

import click
from rich.text import Text

from bot.cli.filters import filter_options, make_filters
from bot.cli.render import console, printable, source_line
from bot.retrieval import HybridRetriever
from bot.runtime import open_store
from bot.settings import Settings
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
@filter_options
@click.pass_obj
def search_cmd(obj: dict[str, Settings], /, query: str, k: int, **filters: object) -> None:
    """Show the passages that best match QUERY (the bot's own retrieval), with sources."""
    retriever = HybridRetriever(open_store(obj["settings"]))
    passages = retriever.retrieve(query, k, make_filters(**filters))
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
