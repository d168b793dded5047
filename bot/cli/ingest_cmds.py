"""`fou-bot ingest`, `fou-bot sources ...` and `fou-bot grants`."""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
from rich.progress import Progress as RichProgress
from rich.table import Table

from bot.cli.render import console, err_console, summary_table
from bot.retrieval import load_ledger
from bot.runtime import ingest_options, open_store
from bot.settings import Settings
from ingest.models import KINDS
from ingest.pipeline import Progress, ProgressUpdate, ingest_paths
from ingest.regrant import outdated, regrant
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
    with _progress(enabled=not as_json) as progress:
        report = ingest_paths(list(paths), store, options, progress)
    _print_report(report, as_json)
    if not report.ok:
        sys.exit(1)


@contextmanager
def _progress(*, enabled: bool) -> Iterator[Progress | None]:
    """Files done of total, rate, time left and the current file; plain lines in a log."""
    if not enabled:
        yield None
        return
    clock = _Clock()
    if not err_console.is_terminal:
        yield lambda update: _plain_line(update, clock)
        return
    columns = (
        TextColumn("Ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files  {task.fields[rate]}  {task.fields[left]}  {task.fields[name]}"),
    )
    with RichProgress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("Ingesting", total=None, rate="", left="", name="")

        def advance(update: ProgressUpdate) -> None:
            rate, left = clock.rate_and_left(update)
            name = Path(update.path).name if update.path else ""
            bar.update(
                task, total=update.total, completed=update.done, rate=rate, left=left, name=name
            )

        yield advance


class _Clock:
    """Files per second since the start, and the time the rest should take at that rate."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.printed = 0.0

    def rate_and_left(self, update: ProgressUpdate) -> tuple[str, str]:
        elapsed = time.monotonic() - self.started
        if update.done == 0 or elapsed <= 0:
            return "", ""
        per_second = update.done / elapsed
        seconds = (update.total - update.done) / per_second
        left = f"{seconds / 60:.0f} min left" if seconds >= 90 else f"{seconds:.0f} s left"
        return f"{per_second:.1f} files/s", left


def _plain_line(update: ProgressUpdate, clock: _Clock) -> None:
    """One line at most every 2 s, and the last one, for logs and pipes."""
    now = time.monotonic()
    if update.path is not None and now - clock.printed < 2:
        return
    clock.printed = now
    rate, left = clock.rate_and_left(update)
    where = f": {Path(update.path).name}" if update.path else ""
    figures = ", ".join(part for part in (rate, left) if part)
    click.echo(
        f"ingest: {update.done}/{update.total} files{', ' if figures else ''}{figures}{where}",
        err=True,
    )


def _print_report(report: IngestReport, as_json: bool) -> None:
    if as_json:
        files = [vars(f) | {"warnings": list(f.warnings)} for f in report.files]
        click.echo(json.dumps({"totals": report.totals(), "files": files}, ensure_ascii=False))
        return
    for result in report.files:
        if result.duplicate_of:
            console.print(
                f"{Path(result.path).name}: same content as {result.duplicate_of}; stored once",
                highlight=False,
            )
        for warning in result.warnings:
            err_console.print(f"warning: {Path(result.path).name}: {warning}", highlight=False)
        if result.redactions:
            console.print(
                f"{Path(result.path).name}: {result.redactions} personal identity "
                "number(s) redacted",
                highlight=False,
            )
    console.print(summary_table(report))
    if report.regranted:
        console.print(
            f"grants re-read by the new extractor for {report.regranted} unchanged file(s)"
        )
    for failure in report.failures:
        err_console.print(f"[red]failed[/red] {failure.error}", highlight=False)


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
            console.print(f"[bold]{key}[/bold]: {value}", highlight=False)
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
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV instead of a table.")
@click.option(
    "--rebuild",
    is_flag=True,
    help="Re-read, from the stored text, the grants of documents an older extractor read; "
    "nothing is embedded again.",
)
@click.pass_obj
def grants_cmd(
    obj: dict[str, Settings],
    recipient: str | None,
    year: int | None,
    minimum: int | None,
    as_csv: bool,
    rebuild: bool,
) -> None:
    """List the grants ledger: every allocation the documents state."""
    if rebuild:
        store = open_store(obj["settings"])
        counts = regrant(store, outdated(store.list_documents()))
        click.echo(f"grants: re-read {sum(counts.values())} grant(s) of {len(counts)} document(s)")
        return
    ledger = load_ledger(open_store(obj["settings"]))
    rows = ledger.filter(recipient=recipient, year=year, minimum=minimum)
    if as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(
            [
                "amount_sek",
                "approximate",
                "recipients",
                "purpose",
                "status",
                "body",
                "date",
                "source",
                "page",
                "sentence",
            ]
        )
        for g in rows:
            writer.writerow(
                [
                    g.amount_sek,
                    g.approximate,
                    "; ".join(g.recipients),
                    g.purpose or "",
                    g.status,
                    g.body or "",
                    g.date or "",
                    g.source,
                    g.page or "",
                    " ".join(g.sentence.split()),
                ]
            )
        return
    table = Table("SEK", "recipients", "purpose", "status", "date", "source")
    for g in rows:
        amount = ("ca " if g.approximate else "") + f"{g.amount_sek:,}".replace(",", " ")
        table.add_row(
            amount,
            "; ".join(g.recipients),
            (g.purpose or "")[:50],
            g.status,
            g.date or "",
            g.source,
        )
    console.print(table)
