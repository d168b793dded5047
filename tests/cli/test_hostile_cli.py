"""The CLI against hostile content and failing stores: console markup and terminal escapes
in names, personal numbers in every output, a frozen and a killed Chroma server."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.cli.conftest import REPO, Cli, squeeze
from tests.conftest import _free_port, _wait_for_heartbeat

NUMBER = "811218-9876"  # Skatteverket's test number, valid check digit
DIGITS = "8112189876"
BODY = "Socialnämnden beslutade den 3 maj 2024 att bevilja Föreningen Ankaret 120 000 kronor.\n"


def test_markup_and_escapes_in_names_print_as_text(cli: Cli, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "[red]röd\x1b[31m.md").write_text(
        "---\ntitle: Rubrik [/bold] med \x1b[31mfärg\x1b[0m\nnote: [/bold]\n---\n" + BODY,
        encoding="utf-8",
    )
    (docs / "trasig.md").write_text("---\n[/bold] utan kolon\n---\n" + BODY, encoding="utf-8")

    ingest = cli.ok("ingest", docs)
    listed = cli.ok("sources", "list")
    # Stored names and titles lose control characters; the path keeps the file's own name.
    shown = cli.ok("sources", "show", "[red]röd [31m")

    assert "Ingest summary" in ingest.stdout
    assert "[/bold]utankolon" in squeeze(ingest.stderr), "the front-matter warning quotes the line"
    for output in (listed.stdout, shown.stdout):
        assert "\x1b" not in output, "a terminal escape from a document reached the terminal"
    assert "Rubrik [/bold] med  [31mfärg [0m" in shown.stdout
    assert "[red]röd\\x1b[31m.md" in squeeze(shown.stdout), "the path's escape is shown escaped"


def test_a_personal_number_in_names_and_options_reaches_no_output(cli: Cli, tmp_path: Path) -> None:
    docs = tmp_path / f"klient-{NUMBER}"
    docs.mkdir()
    path = docs / f"beslut {NUMBER}.txt"
    path.write_text(BODY, encoding="utf-8")

    cli.ok(
        "ingest", path, "--title", f"Beslut för {NUMBER}", "--url", f"https://x.example/{NUMBER}"
    )
    outputs = [
        cli.ok("sources", "list", "--json").stdout,
        cli.ok("sources", "list").stdout,
        cli.ok("grants", "--csv").stdout,
        cli.ok("search", "Föreningen Ankaret").stdout,
        cli.ok("ask", "Hur mycket fick Föreningen Ankaret?").stdout,
    ]

    assert "120 000" in outputs[4]
    for output in outputs:
        assert DIGITS not in re.sub(r"\D", "", output)


def test_overlapping_paths_are_ingested_once(cli: Cli, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text(BODY, encoding="utf-8")
    (docs / "sub" / "b.txt").write_text(f"B\n{BODY}", encoding="utf-8")

    result = cli.ok("ingest", docs, docs / "a.txt", docs / "sub", "--json")

    assert '"added": 2' in result.stdout


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """A `chroma run` of this test's own, which the test may freeze or kill."""
    executable = Path(sys.executable).parent / "chroma"
    if not executable.is_file():
        pytest.skip(f"no chroma executable at {executable}")
    port = _free_port()
    log = tmp_path / "server.log"
    command = [str(executable), "run", "--path", str(tmp_path / "data"), "--port", str(port)]
    with log.open("wb") as out:
        process = subprocess.Popen([*command, "--host", "127.0.0.1"], stdout=out, stderr=out)
    try:
        _wait_for_heartbeat(process, port, log)
        yield process, port
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGCONT)
            process.kill()
        process.wait(timeout=10)


def _fou_bot(cli: Cli, port: int, *args: str | Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOU_")}
    env |= {k: v for k, v in cli.env().items() if v is not None}
    env |= {"FOU_CHROMA_HOST": "127.0.0.1", "FOU_CHROMA_PORT": str(port)}
    env |= {"FOU_CHROMA_TIMEOUT": "2"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    command = [sys.executable, "-c", "from bot.cli import main; main()", *map(str, args)]
    return subprocess.Popen(command, env=env, cwd=cli.home, stderr=subprocess.PIPE, text=True)


_PROGRESS = re.compile(r"^ingest: \d+/\d+ files")


def _one_error_line(process: subprocess.Popen[str]) -> str:
    _, stderr = process.communicate(timeout=300)
    # Outside a terminal ingest prints progress lines; the error is the one other line.
    lines = [line for line in stderr.splitlines() if line.strip() and not _PROGRESS.match(line)]
    assert process.returncode == 2, stderr
    assert len(lines) == 1 and lines[0].startswith("error: store:"), stderr
    return lines[0]


def test_a_frozen_server_ends_ask_with_one_line(
    cli: Cli, own_server: tuple[subprocess.Popen[bytes], int]
) -> None:
    server, port = own_server
    server.send_signal(signal.SIGSTOP)

    line = _one_error_line(_fou_bot(cli, port, "ask", "Hur mycket fick Ankaret?"))

    assert f"127.0.0.1:{port}" in line


def test_a_server_killed_during_ingest_ends_with_one_line(
    cli: Cli, tmp_path: Path, own_server: tuple[subprocess.Popen[bytes], int]
) -> None:
    server, port = own_server
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(30):
        (docs / f"d{n:02}.txt").write_text(f"Dokument {n}.\n{BODY * 20}", encoding="utf-8")
    ingest = _fou_bot(cli, port, "ingest", docs)
    deadline = time.monotonic() + 300  # a loaded CI machine starts python slowly
    # Kill it once the ingest has made its collection: mid-run, whatever file it is at.
    url = f"http://127.0.0.1:{port}/api/v2/tenants/default_tenant/databases/default_database"
    while not httpx.get(f"{url}/collections", timeout=5).json():
        assert time.monotonic() < deadline and ingest.poll() is None
        time.sleep(0.05)
    server.kill()

    line = _one_error_line(ingest)

    assert f"127.0.0.1:{port}" in line and "rerun" in line


def test_a_read_only_store_ends_with_one_line(cli: Cli, tmp_path: Path) -> None:
    source, target = tmp_path / "rw", tmp_path / "ro"
    source.mkdir()
    target.mkdir()
    bind = subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True)
    if bind.returncode != 0:
        pytest.skip("cannot bind-mount here (needs root in a privileged container)")
    env = {"FOU_CHROMA_PATH": str(target)}
    try:
        doc = tmp_path / "a.txt"
        doc.write_text(BODY, encoding="utf-8")
        # In its own process, so the store's files are closed before the remount.
        _one_run(cli, env, "ingest", doc).check_returncode()
        remount = ["mount", "-o", "remount,bind,ro", str(target)]
        subprocess.run(remount, check=True, capture_output=True)
        (tmp_path / "b.txt").write_text(f"B\n{BODY}", encoding="utf-8")

        result = _one_run(cli, env, "ingest", tmp_path / "b.txt")
    finally:
        subprocess.run(["umount", str(target)], check=True)

    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("error: store:"), result.stderr
    assert "readonly" in lines[0] and "writable" in lines[0]


def _one_run(
    cli: Cli, extra: dict[str, str], *args: str | Path
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOU_")}
    env |= {k: v for k, v in cli.env(**extra).items() if v is not None}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    command = [sys.executable, "-c", "from bot.cli import main; main()", *map(str, args)]
    return subprocess.run(command, env=env, cwd=cli.home, capture_output=True, text=True)
