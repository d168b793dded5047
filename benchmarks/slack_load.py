"""50 questions at once to the bot in HTTP mode: acks, answers, latency, memory.

Run: `make bench-slack` (or `.venv/bin/python -m benchmarks.slack_load --questions 50`).
The bot runs in a subprocess (so its peak RSS is its own): the real engine over a fresh
store of examples/corpus, build_app and the server's ASGI app under uvicorn on 127.0.0.1,
its Web API pointed at the stand-in from tests/slack/webapi_standin.py, which runs here
and records every call. The benchmark sends signed app_mention event callbacks (distinct
event_ids, one channel each) all at once. Baseline, in the same run and the same bot
process: the same questions answered one after another by engine.ask.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.common import (
    EXAMPLE_QUESTIONS,
    EXAMPLES,
    ROOT,
    current_rss_mb,
    median,
    percentile,
    process_peak_rss_mb,
    quiet_libraries,
)
from bot.evaluation import load_questions
from bot.slack import messages
from tests.slack import shapes
from tests.slack.harness import SIGNING_SECRET, SlackHttp
from tests.slack.webapi_standin import BOT_TOKEN, WebApiStandin

ACK_LIMIT_S = 3.0


def serve(api_url: str, workdir: Path, questions: Sequence[str]) -> None:
    """The bot process: ingest, time the sequential baseline, then serve until killed."""
    from bot.runtime import configure_offline, ingest_options, make_services, open_store
    from bot.settings import Settings
    from bot.slack.app import build_app
    from bot.slack.server import http_server
    from ingest.pipeline import ingest_paths

    configure_offline()
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=api_url,
        database_url=f"sqlite:///{workdir}/fou-bot.sqlite3",
        chroma_path=workdir / "chroma",
        chroma_host=None,
        collection="slackload",
        log_level="WARNING",
    )
    ingest_paths([EXAMPLES], open_store(settings), ingest_options(settings))
    services = make_services(settings)
    services.engine.ask(questions[0])  # warm: the lexical index and ledger are built
    started = time.perf_counter()
    sequential = []
    for question in questions:
        asked = time.perf_counter()
        services.engine.ask(question)
        sequential.append(time.perf_counter() - asked)
    total = time.perf_counter() - started
    server = http_server(build_app(settings, services), host="127.0.0.1", port=0)
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    print(json.dumps({"port": port, "sequential": sequential, "total": total}), flush=True)
    sys.stdin.read()  # until the benchmark closes our stdin


def start_bot(
    standin: WebApiStandin, workdir: Path, questions: Sequence[str]
) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    """Start the bot process; (process, ready message) once it serves."""
    command = [sys.executable, "-m", "benchmarks.slack_load", "--serve", standin.api_url]
    log = (workdir / "bot.log").open("w")
    process = subprocess.Popen(
        [*command, "--workdir", str(workdir), "--questions-json", json.dumps(list(questions))],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    line = process.stdout.readline() if process.stdout else ""
    if not line:
        process.kill()
        raise SystemExit(f"the bot did not start:\n{(workdir / 'bot.log').read_text()[-3000:]}")
    return process, json.loads(line)


def send_all(client: SlackHttp, questions: Sequence[str]) -> list[tuple[float, float, int]]:
    """Send one signed mention per question, all at once; (sent, acked, status) each."""
    barrier = threading.Barrier(len(questions))

    def send(index: int) -> tuple[float, float, int]:
        event = shapes.mention(questions[index], channel=channel(index))
        body = shapes.event_callback(event, event_id=f"EvLOAD{index:05d}")
        barrier.wait()
        sent = time.monotonic()
        status = client.event(body).status_code
        return sent, time.monotonic(), status

    with ThreadPoolExecutor(max_workers=len(questions)) as pool:
        return list(pool.map(send, range(len(questions))))


def channel(index: int) -> str:
    return f"C0LOAD{index:05d}"


def deliveries(standin: WebApiStandin, index: int) -> list[float]:
    """When an answer (update of the placeholder, or a post) reached the question's channel."""
    return [
        call.at
        for call in standin.calls()
        if call.params.get("channel") == channel(index)
        and (
            call.method == "chat.update"
            or (call.method == "chat.postMessage" and call.params.get("text") != messages.WORKING)
        )
    ]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the load, wait for every answer, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=50, help="Questions sent at once.")
    parser.add_argument("--quick", action="store_true", help="Only 10 questions.")
    parser.add_argument("--timeout", type=float, default=300, help="Seconds to wait for answers.")
    parser.add_argument("--serve", metavar="API_URL", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--questions-json", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    quiet_libraries()
    if args.serve:
        serve(args.serve, args.workdir, json.loads(args.questions_json))
        return
    pool = [q.question for q in load_questions(EXAMPLE_QUESTIONS)]
    count = 10 if args.quick else args.questions
    asked = [pool[i % len(pool)] for i in range(count)]
    with WebApiStandin() as standin, tempfile.TemporaryDirectory(prefix="fou-slack-") as tmp:
        process, ready = start_bot(standin, Path(tmp), asked)
        idle_rss = current_rss_mb(process.pid)
        client = SlackHttp(f"http://127.0.0.1:{ready['port']}")
        client.client.timeout = 60
        try:
            sent = send_all(client, asked)
            deadline = time.monotonic() + args.timeout
            while time.monotonic() < deadline and not all(
                deliveries(standin, i) for i in range(count)
            ):
                time.sleep(0.05)
            time.sleep(1.0)  # room for a duplicate answer to show up
            peak_rss = process_peak_rss_mb(process.pid)
            answers = [deliveries(standin, i) for i in range(count)]
            errors = sum(
                1
                for c in standin.calls("chat.update")
                if str(c.params.get("text", "")).startswith(messages.ERROR.split("{")[0])
            )
        finally:
            client.close()
            process.kill()
            process.wait()
    report(sent, answers, ready, (idle_rss, peak_rss), errors)


def report(
    sent: list[tuple[float, float, int]],
    answers: list[list[float]],
    ready: dict[str, Any],
    rss: tuple[float, float],
    errors: int,
) -> None:
    """Print acks, answers, latency, the sequential baseline and memory."""
    count = len(sent)
    acks = [acked - start for start, acked, _ in sent]
    ok = sum(1 for _, _, status in sent if status == 200)
    once = sum(1 for times in answers if len(times) == 1)
    pairs = zip(sent, answers, strict=True)
    latency = [min(times) - start for (start, _, _), times in pairs if times]
    wall = max((max(t) for t in answers if t), default=0) - min(s for s, _, _ in sent)
    sequential, seq_total = ready["sequential"], ready["total"]
    met = "met" if ok == count and max(acks) < ACK_LIMIT_S else "MISSED"
    print(f"slack load: {count} app_mention events sent at once to the HTTP mode app")
    print(f"acknowledged (HTTP 200)      {ok}/{count}, max ack {max(acks):.3f} s")
    print(f"  target: all within {ACK_LIMIT_S:.0f} s: {met}")
    print(f"answered exactly once        {once}/{count} ", end="")
    print(f"({sum(map(len, answers))} answers, {errors} of them error messages)")
    print(
        f"request -> answer            p50 {median(latency):.2f} s, "
        f"p95 {percentile(latency, 95):.2f} s, max {max(latency, default=0):.2f} s"
    )
    print(f"all answered after           {wall:.2f} s")
    print(
        f"baseline: engine.ask x{count}   {seq_total:.2f} s one after another "
        f"(p50 {median(sequential) * 1000:.0f} ms, p95 {percentile(sequential, 95) * 1000:.0f} ms)"
    )
    print(f"ratio load / sequential      {wall / seq_total:.2f}")
    print(f"bot process peak RSS         {rss[1]:.0f} MiB ({rss[0]:.0f} MiB resident before)")


if __name__ == "__main__":
    main()
