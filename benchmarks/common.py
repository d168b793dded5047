"""Helpers shared by the benchmarks: a scaled corpus, timing, peak memory, tables."""

from __future__ import annotations

import cProfile
import io
import math
import os
import pstats
import resource
import statistics
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"
EXAMPLE_QUESTIONS = ROOT / "examples" / "questions.yaml"
DEV = ROOT.parent / "shared" / "corpus" / "dev"
TEXT_SUFFIXES = (".md", ".txt", ".html")


def quiet_libraries() -> None:
    """Offline, no telemetry, no progress bars: the figures are the only output."""
    for key, value in {
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
        "TRANSFORMERS_VERBOSITY": "error",
        "TOKENIZERS_PARALLELISM": "false",
    }.items():
        os.environ.setdefault(key, value)


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
                # A PDF comment after the end marker: the same text, its own hash (equal
                # files would be stored once, as duplicates).
                comment = f"\n% Exempelkopia nummer {copy}\n".encode()
                destination.write_bytes(source.read_bytes() + comment)
            made += 1
        copy += 1
    return made


def machine_load() -> str:
    """The 1-minute load average against the CPU count: other work skews wall times."""
    return f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process now (VmRSS), in MiB."""
    return _status_kib(pid, "VmRSS") / 1024


def process_peak_rss_mb(pid: int | str = "self") -> float:
    """Peak resident memory (VmHWM) of a running process, in MiB."""
    return _status_kib(pid, "VmHWM") / 1024


def _status_kib(pid: int | str, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


@dataclass
class Timing:
    """Wall and process CPU seconds of a block (CPU counts every thread of this process)."""

    wall: float = 0.0
    cpu: float = 0.0


@contextmanager
def timed() -> Iterator[Timing]:
    """Measure a block's wall and CPU time; the figures land in the yielded Timing."""
    box = Timing()
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield box
    finally:
        box.wall = time.perf_counter() - wall
        box.cpu = time.process_time() - cpu


@contextmanager
def profiled(enabled: bool, top: int = 60) -> Iterator[None]:
    """Run a block under cProfile when enabled and print the costliest functions."""
    if not enabled:
        yield
        return
    profile = cProfile.Profile()
    profile.enable()
    try:
        yield
    finally:
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(top)
        print(out.getvalue())


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (share in 0..100) of values."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = min(len(ordered), max(1, math.ceil(share / 100 * len(ordered))))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    """The median, 0 for no values."""
    return statistics.median(values) if values else 0.0


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table, columns padded to their widest cell."""
    cells = [[str(h) for h in headers], *[[_cell(v) for v in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def _cell(value: object) -> str:
    return f"{value:.2f}" if isinstance(value, float) else str(value)
