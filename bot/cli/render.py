"""Terminal rendering shared by the commands: tables and passage listings."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from funding import Grant
from ingest.report import IngestReport
from vector_store.records import MetaValue, StoredChunk

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(value: str) -> str:
    """The text with control characters (ANSI escapes, bells) shown as \\x1b and the like."""
    return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), value)


class PlainConsole(Console):
    """A console that prints every string as text: no markup, no emoji codes, no escapes.

    Document titles, file names and answers are untrusted; "[/bold]" in a title must print
    as itself and an ANSI escape in a file name must not drive the terminal. Styles are
    given with `style=` or as rich Text, never as markup in a string.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, emoji=False, highlight=False, **kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        """Render a string with its control characters escaped and markup off."""
        kwargs.update(markup=False, emoji=False)
        return super().render_str(printable(text), **kwargs)


console = PlainConsole()
err_console = PlainConsole(stderr=True)


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
        console.print(
            Text.assemble((f"[{n}]", "bold"), f" {printable(source_line(passage.metadata))}")
        )
        console.print(f"    score {passage.score:.3f}", style="dim")
        text = " ".join(passage.text.split())
        console.print(f"    {text[:400]}{'…' if len(text) > 400 else ''}", highlight=False)
