"""`fou-bot ingest` and `fou-bot grants`."""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from funding import GRANT_STATUSES
from ingest.models import KINDS

if TYPE_CHECKING:
    from bot.settings import Settings
    from ingest.pipeline import Progress, ProgressUpdate
    from ingest.report import IngestReport


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
    """Ingest files and folders (PDF, Word .docx, HTML, .txt, .md) into the index."""
    from bot.cli.noise import reported_by_the_cli
    from bot.runtime import ingest_options, open_store
    from ingest.pipeline import ingest_paths

    settings = obj["settings"]
    overrides = {
        k: v for k, v in {"kind": kind, "url": url, "date": date_, "title": title}.items() if v
    }
    store = open_store(settings)
    options = ingest_options(settings, overrides=overrides, prune=prune)
    # Each failure is printed once below, so the pipeline's log line for it is held back.
    with (
        reported_by_the_cli(settings, "ingest.pipeline"),
        _progress(enabled=not as_json) as progress,
    ):
        report = ingest_paths(list(paths), store, options, progress)
    _print_report(report, as_json)
    if not report.ok:
        sys.exit(1)


@contextmanager
def _progress(*, enabled: bool) -> Iterator[Progress | None]:
    """Files done of total, rate, time left and the current file; plain lines in a log."""
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
    from rich.progress import Progress as RichProgress

    from bot.cli.render import err_console

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
    from bot.cli.render import console, err_console, summary_table
    from bot.cli.report_lines import failure_line, redaction_line, shown_path

    for result in report.files:
        if result.duplicate_of:
            console.print(
                f"{Path(result.path).name}: same content as {result.duplicate_of}; stored once",
                highlight=False,
            )
        for warning in result.warnings:
            err_console.print(
                f"warning: {shown_path(result.path)}: {warning}",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
    redacted = redaction_line(report)
    if redacted:
        console.print(redacted, highlight=False, markup=False, soft_wrap=True)
    console.print(summary_table(report))
    if report.regranted:
        console.print(
            f"grants re-read by the new extractor for {report.regranted} unchanged file(s)"
        )
    for failure in report.failures:
        err_console.print(failure_line(failure), highlight=False, markup=False, soft_wrap=True)
    for note in (f for f in report.files if f.status in ("skipped", "kept")):
        err_console.print(f"{note.status}: {shown_path(note.path)}: {note.error}", soft_wrap=True)


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
    statuses: tuple[str, ...],
    body: str | None,
    as_csv: bool,
    as_json: bool,
    rebuild: bool,
) -> None:
    """List the grants ledger: every allocation the documents state.

    Amounts in other currencies are listed with their currency and no SEK figure.
    """
    if as_csv and as_json:
        raise click.UsageError("choose one of --csv and --json")
    from bot.runtime import open_store

    # Opened first: with no index, the error comes before chromadb is imported at all.
    store = open_store(obj["settings"], create=False)
    if rebuild:
        from ingest.regrant import outdated, regrant

        counts = regrant(store, outdated(store.list_documents()))
        click.echo(f"grants: re-read {sum(counts.values())} grant(s) of {len(counts)} document(s)")
        return
    from bot.cli.render import console, grants_table
    from bot.stored_ledger import load_ledger
    from ingest.ledger_rows import CSV_COLUMNS, csv_row, json_row

    ledger = load_ledger(store)
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
