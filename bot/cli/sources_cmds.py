"""`fou-bot sources list | show | remove`: the documents in the index.

`show` and `remove` take what `list` prints: the unique id prefix it shows (`--json` gives
whole ids) or any longer one, the whole id, the source name (the file's stem), the file
name or its path. A key that fits several documents is an error that lists them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from vector_store.chroma_store import ChunkStore
    from vector_store.records import DocumentRecord

MIN_PREFIX = 4  # hex digits of an id prefix that show and remove accept, after the "doc-"
SHORT_DIGITS = 8  # hex digits `list` prints at least


def _record_json(record: DocumentRecord, *, with_text: bool) -> dict[str, Any]:
    row = {k: v for k, v in vars(record).items() if k not in ("text", "extra")}
    row["extra"] = dict(record.extra)
    if with_text:
        row["text"] = record.text
    return row


@click.group("sources")
def sources_group() -> None:
    """List, show and remove the documents in the index."""


@sources_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_obj
def sources_list(obj: dict[str, Any], as_json: bool) -> None:
    """List every indexed document, newest first, by id, date, kind and title."""
    from bot.runtime import ingest_hint, open_store, store_location

    settings = obj["settings"]
    records = sorted(
        open_store(settings, create=False).list_documents(),
        key=lambda r: r.date or "",
        reverse=True,
    )
    if as_json:
        rows = [{k: v for k, v in vars(r).items() if k not in ("text", "extra")} for r in records]
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    if not records:
        click.echo(
            f"No documents in the index ({store_location(settings)}, collection "
            f"{settings.collection}); {ingest_hint()}",
            err=True,
        )
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from bot.cli.render import console

    short = short_ids([r.doc_id for r in records])
    table = Table(
        title=f"{len(records)} documents",
        caption="ids are shortened to a unique prefix, which show and remove take; "
        "--json gives them whole",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("chunks", justify="right", no_wrap=True)
    table.add_column("title / source", overflow="fold")
    for r in records:
        described = Text(r.title)
        described.append(f"\n{r.source}", style="dim")
        table.add_row(short[r.doc_id], r.date or "", r.kind, str(r.chunk_count), described)
    console.print(table)


def short_ids(doc_ids: list[str], *, digits: int = SHORT_DIGITS) -> dict[str, str]:
    """Each id cut to the shortest prefix of at least `digits` hex digits no other shares."""
    ordered = sorted(set(doc_ids))
    short: dict[str, str] = {}
    for i, doc_id in enumerate(ordered):
        # Sorted, an id shares its longest prefix with one of its two neighbours.
        shared = max(
            (_common(doc_id, ordered[j]) for j in (i - 1, i + 1) if 0 <= j < len(ordered)),
            default=0,
        )
        short[doc_id] = doc_id[: max(len("doc-") + digits, shared + 1)]
    return short


def _common(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


@sources_group.command("show")
@click.argument("key", metavar="ID")
@click.option("--text", "with_text", is_flag=True, help="Also print the stored text.")
@click.option("--json", "as_json", is_flag=True, help="Print the document as JSON for scripts.")
@click.pass_obj
def sources_show(obj: dict[str, Any], key: str, with_text: bool, as_json: bool) -> None:
    """Show one document's metadata (and text) by id, id prefix, source name or path."""
    from bot.runtime import open_store

    store = open_store(obj["settings"], create=False)
    record = find_document(store, key)
    if as_json:
        click.echo(json.dumps(_record_json(record, with_text=with_text), ensure_ascii=False))
        return
    from rich.text import Text

    from bot.cli.render import console, printable

    for field, value in vars(record).items():
        if field != "text":
            # Stored values are untrusted: printed as text, control characters escaped.
            console.print(Text.assemble((field, "bold"), f": {printable(str(value))}"))
    if with_text:
        console.print()
        console.print(record.text, highlight=False, markup=False)


@sources_group.command("remove")
@click.argument("key", metavar="ID")
@click.pass_obj
def sources_remove(obj: dict[str, Any], key: str) -> None:
    """Remove one document (by id, id prefix, source name or path), its passages and grants."""
    from bot.cli.render import console
    from bot.runtime import open_store

    store = open_store(obj["settings"], create=False)
    record = find_document(store, key)
    store.remove_document(record.doc_id)
    console.print(f"removed {record.doc_id} ({record.title})", highlight=False, markup=False)


def find_document(store: ChunkStore, key: str) -> DocumentRecord:
    """The one document `key` names, with its text; ClickException when none or several."""
    key = key.strip()
    record = store.get_document(key)
    if record is not None:
        return record
    matches = matching(store.list_documents(), key)
    if not matches:
        raise click.ClickException(
            f"no document with id or source name {key!r}; see `fou-bot sources list`"
        )
    if len(matches) > 1:
        listed = "; ".join(f"{r.doc_id} ({r.source}, {r.path})" for r in matches[:10])
        more = f" and {len(matches) - 10} more" if len(matches) > 10 else ""
        raise click.ClickException(
            f"{key!r} fits {len(matches)} documents: {listed}{more}; "
            "give the whole id or a longer prefix"
        )
    found = store.get_document(matches[0].doc_id)  # the listing carries no text
    if found is None:
        raise click.ClickException(
            f"document {matches[0].doc_id} was removed while being looked up; list them again"
        )
    return found


def matching(records: list[DocumentRecord], key: str) -> list[DocumentRecord]:
    """The documents `key` names: by source name, file name or path, else by id prefix."""
    absolute = str(Path(key).expanduser().resolve()) if key else ""
    by_name = [
        r
        for r in records
        if key in (r.source, Path(r.path).name, r.path) or (absolute and r.path == absolute)
    ]
    if by_name:
        return by_name
    prefix = key if key.startswith("doc-") else f"doc-{key}"
    if len(prefix) - len("doc-") < MIN_PREFIX:
        return []
    return [r for r in records if r.doc_id.startswith(prefix.lower())]
