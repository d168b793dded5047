"""`fou-bot ingest`, `fou-bot sources ...` and `fou-bot grants`."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.progress import Progress as RichProgress
from rich.table import Table
from rich.text import Text

from bot.cli.render import console, err_console, grants_table, printable, summary_table
from bot.retrieval import load_ledger
from bot.runtime import ingest_options, open_store
from bot.settings import Settings
from ingest.ledger_rows import CSV_COLUMNS, csv_row, json_row
from ingest.models import GRANT_STATUSES, KINDS
from ingest.pipeline import Progress, ingest_paths
from ingest.report import IngestReport
from vector_store.chroma_store import ChunkStore


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", type=click.Choice(KINDS), help="Kind of every document given.")
@click.option("--url", help="Link cited for the documents (usually with a single file).")
@click.option("--date", "date_", metavar="YYYY-MM-DD", help="Date of the documents.")
@click.option("--title", help="Title of the document (usually with a single file).")
@click.option(
    "--prune", is_flag=True, help="Remove documents whose files are gone from the folders."
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON for scripts.")
@click.pass_obj
def ingest_cmd(
    obj: dict[str, Settings],
    paths: tuple[Path, ...],
    kind: str | None,
    url: str | None,
    date_: str | None,
    title: str | None,
    prune: bool,
    as_json: bool,
) -> None:
    """Ingest files and folders (PDF, HTML, .txt, .md) into the index."""
    settings = obj["settings"]
    overrides = {
        k: v for k, v in {"kind": kind, "url": url, "date": date_, "title": title}.items() if v
    }
    store = open_store(settings)
    options = ingest_options(settings, overrides=overrides, prune=prune)
    with _progress(enabled=not as_json and sys.stderr.isatty()) as progress:
        report = ingest_paths(list(paths), store, options, progress)
    _print_report(report, as_json)
    if not report.ok:
        sys.exit(1)


@contextmanager
def _progress(*, enabled: bool) -> Iterator[Progress | None]:
    if not enabled:
        yield None
        return
    with RichProgress(console=err_console, transient=True) as bar:
        task = bar.add_task("Ingesting", total=None)

        def advance(path: str) -> None:
            bar.update(task, advance=1, description=f"Ingesting {Path(path).name}")

        yield advance


def _print_report(report: IngestReport, as_json: bool) -> None:
    if as_json:
        files = [vars(f) | {"warnings": list(f.warnings)} for f in report.files]
        click.echo(json.dumps({"totals": report.totals(), "files": files}, ensure_ascii=False))
        return
    for result in report.files:
        for warning in result.warnings:
            err_console.print(f"warning: {Path(result.path).name}: {warning}", highlight=False)
        if result.redactions:
            console.print(
                f"{Path(result.path).name}: {result.redactions} personal identity "
                "number(s) redacted",
                highlight=False,
            )
    console.print(summary_table(report))
    for failure in report.failures:
        err_console.print(Text.assemble(("failed", "red"), f" {printable(failure.error or '')}"))
    for note in (f for f in report.files if f.status in ("skipped", "kept")):
        err_console.print(f"{note.status}: {note.path}: {note.error}")


@click.group("sources")
def sources_group() -> None:
    """List, show and remove the documents in the index."""


@sources_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.pass_obj
def sources_list(obj: dict[str, Settings], as_json: bool) -> None:
    """List every indexed document, newest first."""
    records = sorted(
        open_store(obj["settings"]).list_documents(), key=lambda r: r.date or "", reverse=True
    )
    if as_json:
        rows = [{k: v for k, v in vars(r).items() if k not in ("text", "extra")} for r in records]
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    table = Table("id", "date", "kind", "title", "chunks", "source")
    for r in records:
        table.add_row(r.doc_id, r.date or "", r.kind, r.title[:60], str(r.chunk_count), r.source)
    console.print(table)


@sources_group.command("show")
@click.argument("doc_id")
@click.option("--text", "with_text", is_flag=True, help="Also print the stored text.")
@click.pass_obj
def sources_show(obj: dict[str, Settings], doc_id: str, with_text: bool) -> None:
    """Show one document's metadata (and text) by id or source name."""
    store = open_store(obj["settings"])
    record = _find(store, doc_id)
    for key, value in vars(record).items():
        if key != "text":
            console.print(Text.assemble((key, "bold"), f": {printable(str(value))}"))
    if with_text:
        console.print(record.text, highlight=False, markup=False)


@sources_group.command("remove")
@click.argument("doc_id")
@click.pass_obj
def sources_remove(obj: dict[str, Settings], doc_id: str) -> None:
    """Remove one document (by id or source name) and its passages and grants."""
    store = open_store(obj["settings"])
    record = _find(store, doc_id)
    store.remove_document(record.doc_id)
    console.print(f"removed {record.doc_id} ({record.title})", highlight=False)


def _find(store: ChunkStore, key: str):  # type: ignore[no-untyped-def]
    record = store.get_document(key)
    if record is None:
        matches = [r for r in store.list_documents() if r.source == key]
        if len(matches) != 1:
            raise click.ClickException(
                f"no document with id or source name {key!r}; see `fou-bot sources list`"
            )
        record = matches[0]
    return record


@click.command("grants")
@click.option("--recipient", help="Only grants to recipients containing this text.")
@click.option("--year", type=int, help="Only grants dated this year.")
@click.option("--min", "minimum", type=int, help="Only grants of at least this many SEK.")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(GRANT_STATUSES),
    help="Only grants with this status (repeat for several).",
)
@click.option("--body", help="Only grants decided or paid by a body containing this text.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one object per grant).")
@click.pass_obj
def grants_cmd(
    obj: dict[str, Settings],
    recipient: str | None,
    year: int | None,
    minimum: int | None,
    statuses: tuple[str, ...],
    body: str | None,
    as_csv: bool,
    as_json: bool,
) -> None:
    """List the grants ledger: every allocation the documents state.

    Amounts in other currencies are listed with their currency and no SEK figure.
    """
    if as_csv and as_json:
        raise click.UsageError("choose one of --csv and --json")
    ledger = load_ledger(open_store(obj["settings"]))
    rows = ledger.filter(
        recipient=recipient,
        year=year,
        minimum=minimum,
        statuses=frozenset(statuses) if statuses else None,
        body=body,
        include_foreign=True,
    )
    if as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(csv_row(g) for g in rows)
        return
    if as_json:
        click.echo(json.dumps([json_row(g) for g in rows], ensure_ascii=False, indent=2))
        return
    console.print(grants_table(rows))
