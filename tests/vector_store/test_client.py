"""make_client: embedded on disk, a live server, and a clear error for a dead one."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from vector_store.client import make_client
from vector_store.errors import StoreError, StoreUnavailable


def _closed_port() -> int:
    """A port nothing listens on: bound, then released."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_dead_server_is_reported_fast_with_a_fix() -> None:
    port = _closed_port()
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as caught:
        make_client(host="127.0.0.1", port=port)
    assert time.monotonic() - started < 5
    message = str(caught.value)
    assert f"cannot reach the Chroma server at http://127.0.0.1:{port}" in message
    assert "(connection refused)" in message
    assert f"chroma run --path data/chroma --port {port}" in message
    assert "unset FOU_CHROMA_HOST" in message


def test_embedded_client_creates_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "nested" / "chroma"
    client = make_client(path=folder)
    assert folder.is_dir()
    assert client.heartbeat() > 0
    assert client.get_settings().anonymized_telemetry is False


def test_no_location_is_refused() -> None:
    with pytest.raises(StoreError, match="FOU_CHROMA_PATH"):
        make_client()


def test_folder_that_cannot_be_created_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match=r"cannot create the Chroma folder .*file"):
        make_client(path=blocker / "chroma")


@pytest.mark.server
def test_server_client_reaches_a_running_server(chroma_server: tuple[str, int]) -> None:
    host, port = chroma_server
    client = make_client(host=host, port=port)
    assert client.heartbeat() > 0
    assert client.get_settings().anonymized_telemetry is False
