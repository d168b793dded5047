"""Make the Chroma client: embedded on disk, or a running `chroma run` server."""

from __future__ import annotations

from pathlib import Path

import chromadb
import httpx
from chromadb.api import ClientAPI
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import ChromaError

from vector_store.errors import StoreError, StoreUnavailable

_LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def chroma_settings() -> ChromaSettings:
    """Client settings shared by every client: telemetry off, resets refused."""
    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def make_client(
    *, path: Path | None = None, host: str | None = None, port: int = 8000
) -> ClientAPI:
    """Return a client for the server at `host:port` when `host` is set, else one on `path`."""
    if host:
        return _http_client(host, port)
    if path is None:
        raise StoreError(
            "store: no Chroma location given; pass a folder for the embedded store "
            "(FOU_CHROMA_PATH) or a server host (FOU_CHROMA_HOST)"
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"store: cannot create the Chroma folder {path} ({exc.strerror or exc}); "
            "point FOU_CHROMA_PATH at a writable folder"
        ) from exc
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings())


def _http_client(host: str, port: int) -> ClientAPI:
    # chromadb connects while constructing the client, so both steps can fail.
    try:
        client = chromadb.HttpClient(host=host, port=port, settings=chroma_settings())
        client.heartbeat()
    except (ValueError, OSError, httpx.HTTPError, ChromaError) as exc:
        raise StoreUnavailable(_unreachable_message(host, port, exc)) from exc
    return client


def _unreachable_message(host: str, port: int, exc: BaseException) -> str:
    host_option = "" if host in _LOCAL_HOSTS else f" --host {host}"
    return (
        f"store: cannot reach the Chroma server at http://{host}:{port} ({_root_reason(exc)}); "
        f"start it with `chroma run --path data/chroma{host_option} --port {port}` "
        "or unset FOU_CHROMA_HOST to use the embedded store"
    )


def _root_reason(exc: BaseException) -> str:
    """The innermost cause of a connection failure, as a short lowercase phrase."""
    reason = str(exc)
    current: BaseException | None = exc
    while current is not None:
        if isinstance(current, OSError) and current.strerror:
            return current.strerror.lower()
        if str(current):
            reason = str(current)
        current = current.__cause__ or current.__context__
    return reason.rstrip(".") or type(exc).__name__
