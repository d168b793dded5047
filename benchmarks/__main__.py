"""Run every benchmark, each in its own process (so peak memory is its own), then a summary.

Run: `make bench` (or `.venv/bin/python -m benchmarks`; `--quick` smoke-runs each in seconds
to a few minutes; `--only latency slack_load` picks some).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Sequence

from benchmarks.common import ROOT

BENCHMARKS = ("ingest_throughput", "retrieval_baseline", "latency", "slack_load", "cli_startup")
SUMMARY_WORDS = ("target", "ratio", "hit@4:", "PARTIAL", "skipped")


def run(name: str, quick: bool) -> tuple[int, float, list[str]]:
    """Run one benchmark, echoing its output; (exit code, seconds, summary lines)."""
    command = [sys.executable, "-m", f"benchmarks.{name}", *(["--quick"] if quick else [])]
    print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
    started = time.perf_counter()
    kept: list[str] = []
    with subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            print(line, end="", flush=True)
            if any(word in line for word in SUMMARY_WORDS):
                kept.append(line.strip())
    return process.returncode, time.perf_counter() - started, kept


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks in sequence; non-zero exit when one of them failed to run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="Smoke-run each benchmark.")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, help="Run only these.")
    args = parser.parse_args(argv)
    results = {name: run(name, args.quick) for name in args.only or BENCHMARKS}
    print("\n=== summary")
    for name, (code, seconds, lines) in results.items():
        status = "ok" if code == 0 else f"FAILED (exit {code})"
        print(f"{name}: {status}, {seconds:.0f} s")
        for line in lines:
            print(f"  {line}")
    return 0 if all(code == 0 for code, _, _ in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
