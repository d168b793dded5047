"""The `fou-bot` CLI run in this process, on an embedded store of its own."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from bot.cli import main
from bot.runtime import open_store
from bot.settings import DEFAULT_EMBEDDING_MODEL, load_settings
from vector_store.chroma_store import ChunkStore

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "corpus"
DATA = REPO / "tests" / "data"


@dataclass(frozen=True)
class Cli:
    """`fou-bot` with its own embedded store, run in a folder without a .env file."""

    home: Path
    collection: str

    @property
    def chroma(self) -> Path:
        return self.home / "chroma"

    def env(self, **extra: str | None) -> dict[str, str | None]:
        # Settings come only from here: FOU_ variables of the caller's shell are cleared.
        cleared: dict[str, str | None] = {k: None for k in os.environ if k.startswith("FOU_")}
        return cleared | {
            "FOU_CHROMA_PATH": str(self.chroma),
            "FOU_CHROMA_HOST": "",
            "FOU_COLLECTION": self.collection,
            "FOU_LLM_PROVIDER": "none",
            "FOU_LOG_LEVEL": "WARNING",
            **extra,
        }

    def run(self, *args: str | Path, **extra: str | None) -> Result:
        with contextlib.chdir(self.home):
            return CliRunner().invoke(main, [str(a) for a in args], env=self.env(**extra))

    def ok(self, *args: str | Path, **extra: str | None) -> Result:
        """Run a command that must succeed; fail with its output when it does not."""
        result = self.run(*args, **extra)
        assert result.exit_code == 0, f"{args}: {result.output}\n{result.exception!r}"
        return result

    def json(self, *args: str | Path) -> Any:
        return json.loads(self.ok(*args).stdout)

    def store(self) -> ChunkStore:
        """The store the commands use, opened the way the CLI opens it."""
        settings = load_settings(
            chroma_path=self.chroma,
            chroma_host=None,
            collection=self.collection,
            embedding_model=DEFAULT_EMBEDDING_MODEL,
        )
        return open_store(settings)


def new_cli(home: Path) -> Cli:
    return Cli(home=home, collection=f"cli-{uuid.uuid4().hex[:12]}")


@pytest.fixture(autouse=True)
def restore_root_logging() -> Iterator[None]:
    """The CLI configures the root logger; give the next test the logging it had."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    root.setLevel(level)
    root.handlers[:] = handlers


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    """A CLI on an empty store of this test's own."""
    return new_cli(tmp_path)


@dataclass(frozen=True)
class Indexed:
    cli: Cli
    ingest: Result


@pytest.fixture(scope="session")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Indexed:
    """examples/corpus ingested once by `fou-bot ingest --json`; tests only read it."""
    cli = new_cli(tmp_path_factory.mktemp("cli-corpus"))
    return Indexed(cli, cli.run("ingest", EXAMPLES, "--json"))


@pytest.fixture
def dead_port() -> int:
    """A port nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def squeeze(text: str) -> str:
    """Text without whitespace: rich wraps long lines to the terminal width."""
    return "".join(text.split())
