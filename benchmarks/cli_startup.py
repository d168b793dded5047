"""Whole-process wall time of everyday `fou-bot` commands, against `python -c pass`.

Run: `make bench-cli` (or `.venv/bin/python -m benchmarks.cli_startup --repeat 7`;
`make bench-cli DOCS=../shared/corpus/dev/docs` for the development corpus). The example
corpus (or `--docs`) is ingested once into a throwaway embedded store; then every round
runs each command once, in a fresh process, in the same order, so load on the machine
touches all of them alike. Reported per command: median and fastest wall time, the
median as a ratio to the interpreter's own start-up measured in the same rounds, and the
peak memory of the process (a loaded embedding model shows as several hundred MiB).
Targets: `--help` under 0.5 s, `sources list` and `grants` under 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.common import EXAMPLES, ROOT, machine_load, median, table

TARGETS = {"fou-bot --help": 0.5, "fou-bot sources list": 1.5, "fou-bot grants": 1.5}


def fou_bot() -> list[str]:
    """The installed console script beside this interpreter, else the CLI via -c."""
    script = Path(sys.executable).with_name("fou-bot")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from bot.cli import main; main()"]


def commands(extra_ask: bool, bot: bool = False) -> dict[str, list[str]]:
    cli = fou_bot()
    found = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import bot.cli'": [sys.executable, "-c", "import bot.cli"],
        "fou-bot --help": [*cli, "--help"],
        "fou-bot --version": [*cli, "--version"],
        "fou-bot status": [*cli, "status"],
        "fou-bot sources list": [*cli, "sources", "list"],
        "fou-bot grants": [*cli, "grants"],
    }
    if extra_ask:
        found["fou-bot ask"] = [*cli, "ask", "Hur mycket fick Skärholmen för föräldrastöd?"]
    if bot:
        # What `fou-bot slack` does before it connects: open the store, load the lexical
        # index (from its snapshot) and the ledger, warm the embedding model up.
        found["bot ready (services, no Slack)"] = [sys.executable, "-c", BOT_READY]
    return found


BOT_READY = (
    "from bot.runtime import make_services; from bot.settings import load_settings; "
    "make_services(load_settings())"
)


def environment(home: Path) -> dict[str, str]:
    """The caller's environment without its fou-bot and Slack settings, on `home`'s store."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FOU_", "SLACK_"))}
    return env | {
        "PYTHONPATH": str(ROOT),
        "FOU_CHROMA_PATH": str(home / "chroma"),
        "FOU_DATABASE_URL": f"sqlite:///{home / 'feedback.sqlite3'}",
        "FOU_LOG_LEVEL": "WARNING",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "COLUMNS": "120",
    }


def run_once(command: Sequence[str], home: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one run; a failing command stops the benchmark."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=home, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}: {stderr.strip()}")
    return wall, usage.ru_maxrss / 1024


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="Rounds; the median is reported.")
    parser.add_argument("--quick", action="store_true", help="Two rounds, for a smoke run.")
    parser.add_argument("--ask", action="store_true", help="Also time a whole `fou-bot ask`.")
    parser.add_argument(
        "--bot", action="store_true", help="Also time the bot's start-up up to connecting."
    )
    parser.add_argument(
        "--docs", type=Path, default=EXAMPLES, help="The folder to ingest (default: examples)."
    )
    args = parser.parse_args(argv)
    docs = args.docs.resolve()
    rounds = 2 if args.quick else max(1, args.repeat)
    home = Path(tempfile.mkdtemp(prefix="fou-bench-cli-"))
    try:
        env = environment(home)
        print(f"ingesting {docs} into {home / 'chroma'} …", flush=True)
        ingest_wall, ingest_rss = run_once([*fou_bot(), "ingest", str(docs)], home, env)
        print(f"ingest: {ingest_wall:.2f} s, peak {ingest_rss:.0f} MiB")
        timed = commands(args.ask, args.bot)
        walls: dict[str, list[float]] = {name: [] for name in timed}
        peaks: dict[str, float] = dict.fromkeys(timed, 0.0)
        for _ in range(rounds):
            for name, command in timed.items():
                wall, rss = run_once(command, home, env)
                walls[name].append(wall)
                peaks[name] = max(peaks[name], rss)
        baseline = median(walls["python -c pass"])
        rows = []
        for name in timed:
            middle = median(walls[name])
            target = TARGETS.get(name)
            verdict = "" if target is None else ("met" if middle < target else "MISSED")
            rows.append(
                (
                    name,
                    f"{middle:.3f}",
                    f"{min(walls[name]):.3f}",
                    f"{middle / baseline:.1f}",
                    f"{peaks[name]:.0f}",
                    f"< {target} s {verdict}" if target else "",
                )
            )
        print(f"\n{rounds} rounds, {machine_load()}; ratio = median / median of `python -c pass`")
        headers = ("command", "median s", "fastest s", "ratio", "peak MiB", "target")
        print(table(headers, rows))
        missed = [row[0] for row in rows if row[5].endswith("MISSED")]
        print("targets: all met" if not missed else f"targets: missed by {', '.join(missed)}")
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
