"""Shared fixtures: the real packaged embedding model, embedded Chroma and a real `chroma run`."""

from __future__ import annotations

import os

# Before anything imports huggingface_hub: tests must never reach the network.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from chromadb.api import ClientAPI
from langchain_core.embeddings import Embeddings

from vector_store.chroma_store import ChunkStore
from vector_store.client import make_client
from vector_store.embeddings import load_embeddings, model_identity

TEST_MODEL = "all-MiniLM-L6-v2"
TEST_CHUNKING = "test-chunking-v1"
_SERVER_START_TIMEOUT = 30.0

StoreFactory = Callable[..., ChunkStore]


@pytest.fixture(scope="session")
def embeddings() -> Embeddings:
    """The real packaged all-MiniLM-L6-v2, loaded once for the whole run."""
    return load_embeddings(TEST_MODEL)


@pytest.fixture
def embedded_client(tmp_path: Path) -> ClientAPI:
    """An embedded Chroma on disk in this test's own folder."""
    return make_client(path=tmp_path / "chroma")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_heartbeat(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + _SERVER_START_TIMEOUT
    url = f"http://127.0.0.1:{port}/api/v2/heartbeat"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"`chroma run` exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    pytest.fail(
        f"`chroma run` gave no heartbeat in {_SERVER_START_TIMEOUT:.0f}s:\n{log.read_text()}"
    )


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real `chroma run` server for the whole run; yields (host, port)."""
    executable = Path(sys.executable).parent / "chroma"
    if not executable.is_file():
        pytest.skip(f"no chroma executable at {executable}; install chromadb in this venv")
    folder = tmp_path_factory.mktemp("chroma-server")
    log = folder / "server.log"
    port = _free_port()
    command = [str(executable), "run", "--path", str(folder / "data")]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    try:
        _wait_for_heartbeat(process, port, log)
        yield "127.0.0.1", port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def server_client(chroma_server: tuple[str, int]) -> ClientAPI:
    """A client of the shared server; give each test its own collection (`collection_name`)."""
    host, port = chroma_server
    return make_client(host=host, port=port)


@pytest.fixture(
    params=[
        pytest.param("embedded", id="embedded"),
        pytest.param("server", id="server", marks=pytest.mark.server),
    ]
)
def any_client(request: pytest.FixtureRequest, tmp_path: Path) -> ClientAPI:
    """The same test against an embedded store and against a `chroma run` server."""
    if request.param == "embedded":
        return make_client(path=tmp_path / "chroma")
    host, port = request.getfixturevalue("chroma_server")
    return make_client(host=host, port=port)


@pytest.fixture
def collection_name() -> str:
    """A collection name no other test uses, so tests on the shared server stay apart."""
    return f"t-{uuid.uuid4().hex[:16]}"


@pytest.fixture
def store_options(embeddings: Embeddings, collection_name: str) -> dict[str, Any]:
    """ChunkStore keyword arguments: this test's collection, the test model and chunking."""
    return {
        "collection": collection_name,
        "embeddings": embeddings,
        "model_name": model_identity(TEST_MODEL),
        "chunking": TEST_CHUNKING,
    }


@pytest.fixture
def make_store(store_options: dict[str, Any]) -> StoreFactory:
    """Open a store on a client with `store_options`; keywords override them."""

    def make(
        client: ClientAPI, store_class: type[ChunkStore] = ChunkStore, **overrides: Any
    ) -> ChunkStore:
        return store_class(client, **{**store_options, **overrides})

    return make


@pytest.fixture
def store(any_client: ClientAPI, make_store: StoreFactory) -> ChunkStore:
    """A ChunkStore on each kind of client, in a collection of its own."""
    return make_store(any_client)


@pytest.fixture
def embedded_store(embedded_client: ClientAPI, make_store: StoreFactory) -> ChunkStore:
    """A ChunkStore on an embedded client only, for tests that do not need the server."""
    return make_store(embedded_client)
