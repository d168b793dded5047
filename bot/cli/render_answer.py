"""Print an answer in the terminal: the text, then the numbered sources."""

from __future__ import annotations

import json
import time
from dataclasses import asdict

from bot.cli.render import console
from bot.engine.types import Answer


def print_answer(answer: Answer, *, as_json: bool = False, started: float | None = None) -> None:
    """The answer and its sources, or the answer as JSON.

    `started` (a perf_counter reading) is when the wait began: the time shown is the whole
    wait since then, loading included, with the engine's own part beside it.
    """
    if as_json:
        console.print_json(json.dumps(asdict(answer), ensure_ascii=False))
        return
    console.print(answer.text, highlight=False, markup=False)
    if answer.notice:
        console.print(answer.notice, style="yellow", highlight=False, markup=False)
    if answer.citations:
        console.print()
        console.print("Källor / Sources:", style="bold")
    for c in answer.citations:
        where = f", s. {c.page}" if c.page is not None else ""
        link = c.url or c.path
        console.print(
            f"[{c.n}] {c.title} ({c.kind}, {c.date or 'odaterat'}{where}) {link}",
            highlight=False,
            markup=False,
        )
    if started is None:
        console.print(f"({answer.mode}, {answer.latency_ms:.0f} ms)", style="dim")
        return
    total = time.perf_counter() - started
    console.print(
        f"({answer.mode}, {total:.1f} s in all; answering took {answer.latency_ms:.0f} ms)",
        style="dim",
    )
