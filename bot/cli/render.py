"""Terminal rendering shared by the commands: tables and passage listings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Console
from rich.table import Table

from ingest.models import Grant
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


def grants_table(grants: Sequence[Grant]) -> Table:
    """The ledger as a table that reads at 100 columns: amount and currency, who, what for,
    status, date and source; long cells wrap inside their column instead of widening it."""
    table = Table(show_lines=False, pad_edge=False)
    table.add_column("amount", justify="right", no_wrap=True)
    table.add_column("cur", no_wrap=True)
    table.add_column("recipients", ratio=3, overflow="fold")
    table.add_column("purpose", ratio=3, overflow="fold")
    table.add_column("status", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("source", ratio=2, overflow="fold")
    for g in grants:
        amount = ("ca " if g.approximate else "") + f"{g.amount:,}".replace(",", " ")
        table.add_row(
            amount,
            g.currency,
            "; ".join(g.recipients),
            _short(g.purpose or "", 60),
            g.status,
            g.date or "",
            g.source,
        )
    return table


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
