"""The engine is pure: importing it pulls in no Slack and no Chroma (checked in a fresh process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = (
    "slack_bolt",
    "slack_sdk",
    "chromadb",
    "langchain_chroma",
    "vector_store",
    "bot.slack",
    "ingest",
)

# A fresh interpreter imports, in this order, the engine, every other module of its package,
# then the retriever (the engine's adapter to the store, which may import Chroma), and
# prints sys.modules after each step; nothing this test process loaded counts.
_PROBE = """
import importlib, json, pkgutil, sys
steps = {}
import bot.engine.engine
steps["engine"] = (["bot.engine.engine"], sorted(sys.modules))
import bot.engine
names = [f"bot.engine.{m.name}" for m in pkgutil.iter_modules(bot.engine.__path__)]
for name in names:
    importlib.import_module(name)
steps["every-engine-module"] = (names, sorted(sys.modules))
import bot.retrieval
steps["retriever"] = (["bot.retrieval"], sorted(sys.modules))
print(json.dumps(steps))
"""

Steps = dict[str, tuple[list[str], set[str]]]


@pytest.fixture(scope="module")
def probe() -> Steps:
    """What each step of the probe imported, and every module loaded by then."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    steps = json.loads(done.stdout.strip().splitlines()[-1])
    return {step: (names, set(modules)) for step, (names, modules) in steps.items()}


def forbidden_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == f or m.startswith(f"{f}.") for f in FORBIDDEN))


@pytest.mark.parametrize(
    "step",
    [
        pytest.param("engine", id="engine"),
        pytest.param("every-engine-module", id="every-engine-module"),
    ],
)
def test_the_engine_imports_neither_slack_nor_chroma(probe: Steps, step: str) -> None:
    imported, modules = probe[step]

    assert forbidden_in(modules) == []
    # The probe really imported the engine: an empty package would pass the check above.
    assert {*imported, "bot.engine.question", "bot.engine.compose"} <= modules


def test_the_probe_imported_every_engine_module(probe: Steps) -> None:
    imported, _ = probe["every-engine-module"]

    assert {"bot.engine.engine", "bot.engine.llm", "bot.engine.grounding"} <= set(imported)


def test_the_probe_sees_chroma_where_it_is_imported(probe: Steps) -> None:
    # Without this, the checks above could never fail.
    _, modules = probe["retriever"]

    assert "chromadb" in forbidden_in(modules)
    assert "vector_store" in forbidden_in(modules)
