"""Commands pay only for what they use: the CLI starts without the heavy libraries.

Each check runs a fresh interpreter, since this test process has long imported them all.
Only what gets imported is asserted here; timings are in benchmarks/cli_startup.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("torch", "sentence_transformers", "chromadb", "langchain_openai", "langchain_ollama")
SLACK = ("slack_bolt", "uvicorn", "sqlalchemy")

# Runs the CLI in-process, then reports which heavy modules it imported.
PROBE = """
import json, sys
from bot.cli import main
try:
    main(sys.argv[1:], prog_name="fou-bot")
except SystemExit as done:
    code = done.code
else:
    code = 0
names = {names!r}
print(json.dumps({{"code": code, "loaded": [n for n in names if n in sys.modules]}}))
"""


def probe(args: list[str], tmp_path: Path, names: tuple[str, ...]) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FOU_", "SLACK_"))}
    env |= {
        "PYTHONPATH": str(REPO),
        "FOU_CHROMA_PATH": str(tmp_path / "chroma"),
        "FOU_DATABASE_URL": f"sqlite:///{tmp_path / 'fb.sqlite3'}",
        "FOU_LOG_LEVEL": "WARNING",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(names=names), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    assert last.startswith("{"), f"{args}: {done.stdout}\n{done.stderr}"
    result: dict[str, object] = json.loads(last)
    return result


def test_importing_the_cli_imports_no_model_store_or_llm_client(tmp_path: Path) -> None:
    code = f"import sys, bot.cli; print([n for n in {HEAVY + SLACK!r} if n in sys.modules])"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=os.environ | {"PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )

    assert done.stdout.strip() == "[]", done.stdout + done.stderr


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--help"], id="help"),
        pytest.param(["--version"], id="version"),
        pytest.param(["sources", "--help"], id="sources-help"),
        pytest.param(["status"], id="status-without-an-index"),
        pytest.param(["sources", "list"], id="sources-list-without-an-index"),
        pytest.param(["grants"], id="grants-without-an-index"),
        pytest.param(["ask", "Hur mycket?"], id="ask-without-an-index"),
        pytest.param(["feedback", "export"], id="feedback-export"),
    ],
)
def test_commands_that_need_no_model_never_import_it(tmp_path: Path, args: list[str]) -> None:
    result = probe(args, tmp_path, HEAVY)

    assert result["loaded"] == [], args
    assert result["code"] in (0, 1, 2, None), result
    assert not (tmp_path / "chroma").exists(), "a read-only command made an empty store"
