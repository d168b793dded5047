"""Terminal rendering shared by the commands: tables and passage listings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Console
from rich.table import Table

from ingest.report import IngestReport
from vector_store.records import MetaValue, StoredChunk

console = Console()
err_console = Console(stderr=True)


def summary_table(report: IngestReport) -> Table:
    """The ingest summary: counts, then one row per failed file."""
    table = Table(title="Ingest summary", show_header=True)
    for column in ("added", "updated", "unchanged", "removed", "failed", "chunks", "grants"):
        table.add_column(column, justify="right")
    table.add_column("redactions", justify="right")
    totals = report.totals()
    table.add_row(
        *(str(totals[c]) for c in ("added", "updated", "unchanged", "removed", "failed")),
        str(totals["chunks"]),
        str(totals["grants"]),
        str(totals["redactions"]),
    )
    return table


def source_line(meta: Mapping[str, MetaValue]) -> str:
    """ "Title (kind, date, p. 3) link" for a passage's metadata."""
    parts = [str(meta.get("kind", "other")), str(meta.get("date") or "no date")]
    if meta.get("page") is not None:
        parts.append(f"p. {meta['page']}")
    link = meta.get("url") or meta.get("path") or ""
    return f"{meta.get('title', '?')} ({', '.join(parts)}) {link}".strip()


def print_passages(passages: Sequence[StoredChunk]) -> None:
    """Numbered passages with their sources, for `search` and the demo."""
    if not passages:
        console.print("No passages found.")
        return
    for n, passage in enumerate(passages, start=1):
        console.print(f"[bold][{n}][/bold] {source_line(passage.metadata)}", highlight=False)
        console.print(f"    score {passage.score:.3f}", style="dim")
        text = " ".join(passage.text.split())
        console.print(f"    {text[:400]}{'…' if len(text) > 400 else ''}", highlight=False)
