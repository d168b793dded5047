"""`fou-bot ingest` and `fou-bot grants`."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ingest.models import GRANT_STATUSES, KINDS

if TYPE_CHECKING:
    from bot.settings import Settings
    from ingest.pipeline import Progress
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
        _progress(enabled=not as_json and sys.stderr.isatty()) as progress,
    ):
        report = ingest_paths(list(paths), store, options, progress)
    _print_report(report, as_json)
    if not report.ok:
        sys.exit(1)


@contextmanager
def _progress(*, enabled: bool) -> Iterator[Progress | None]:
    from rich.progress import Progress as RichProgress

    from bot.cli.render import err_console

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
    from bot.cli.render import console, err_console, summary_table
    from bot.cli.report_lines import failure_line, redaction_line, shown_path

    for result in report.files:
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
    from bot.cli.render import console, grants_table
    from bot.retrieval import load_ledger
    from bot.runtime import open_store
    from ingest.ledger_rows import CSV_COLUMNS, csv_row, json_row

    ledger = load_ledger(open_store(obj["settings"], create=False))
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
