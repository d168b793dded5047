"""Helpers shared by the benchmarks: a scaled corpus, timing, peak memory."""

from __future__ import annotations

import resource
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "corpus"
TEXT_SUFFIXES = (".md", ".txt", ".html")


def scaled_corpus(target: Path, documents: int) -> int:
    """Copy the example corpus until `documents` files exist, each copy made unique."""
    target.mkdir(parents=True, exist_ok=True)
    sources = sorted(p for p in EXAMPLES.iterdir() if p.is_file())
    made = 0
    copy = 0
    while made < documents:
        for source in sources:
            if made >= documents:
                break
            destination = target / f"{copy:04d}-{source.name}"
            if source.suffix in TEXT_SUFFIXES:
                # A line of its own makes every copy a distinct document with its own hash.
                text = source.read_text(encoding="utf-8")
                destination.write_text(f"{text}\n\nExempelkopia nummer {copy}.\n", encoding="utf-8")
            else:
                shutil.copyfile(source, destination)
            made += 1
        copy += 1
    return made


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def timed() -> Iterator[list[float]]:
    """Measure the wall time of a block; the elapsed seconds land in the yielded list."""
    box: list[float] = []
    start = time.perf_counter()
    try:
        yield box
    finally:
        box.append(time.perf_counter() - start)
