"""Make the Chroma client: embedded on disk, or a running `chroma run` server."""

from __future__ import annotations

import sqlite3
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


DEFAULT_TIMEOUT = 30.0


def make_client(
    *,
    path: Path | None = None,
    host: str | None = None,
    port: int = 8000,
    timeout: float = DEFAULT_TIMEOUT,
) -> ClientAPI:
    """Return a client for the server at `host:port` when `host` is set, else one on `path`.

    Every call to a server waits at most `timeout` seconds (FOU_CHROMA_TIMEOUT).
    """
    if host:
        return _http_client(host, port, timeout)
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


def _http_client(host: str, port: int, timeout: float) -> ClientAPI:
    # chromadb connects while constructing the client, with no timeout of its own: a
    # bounded heartbeat first finds a dead or frozen server, then the client's own HTTP
    # session gets the same bound for every later call.
    try:
        url = f"http://{host}:{port}/api/v2/heartbeat"
        httpx.get(url, timeout=timeout).raise_for_status()
        client = chromadb.HttpClient(host=host, port=port, settings=chroma_settings())
        _bound_calls(client, timeout)
        client.heartbeat()
    except (ValueError, OSError, httpx.HTTPError, ChromaError) as exc:
        raise StoreUnavailable(_unreachable_message(host, port, exc)) from exc
    return client


def _bound_calls(client: ClientAPI, timeout: float) -> None:
    """Give the HTTP session under chromadb's client a timeout (chromadb sets none)."""
    session = getattr(getattr(client, "_server", None), "_session", None)
    if not isinstance(session, httpx.Client):
        raise StoreError(
            "store: this chromadb version hides its HTTP session, so calls cannot be given a "
            "timeout; install the chromadb version pinned in pyproject.toml"
        )
    session.timeout = httpx.Timeout(timeout)


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


def _under(exc: BaseException, folder: Path) -> bool:
    """An OS error about a file in the store's folder (not, say, a closed stdout)."""
    name = getattr(exc, "filename", None)
    if not isinstance(exc, OSError) or not name:
        return False
    return Path(str(name)).resolve().is_relative_to(folder.resolve())


def explain_failure(
    exc: BaseException, *, host: str | None, port: int, path: Path, timeout: float
) -> str | None:
    """One line for a failure of the store that escaped the code (None: not a store failure)."""
    where = f"the Chroma server at http://{host}:{port}" if host else f"the Chroma store at {path}"
    if isinstance(exc, httpx.TimeoutException):
        return (
            f"store: {where} gave no answer within {timeout:g} s; check that it is running "
            "and not overloaded (or raise FOU_CHROMA_TIMEOUT), then run the command again"
        )
    if isinstance(exc, httpx.HTTPError | ConnectionError):
        return (
            f"store: {where} stopped answering ({_root_reason(exc)}); start it again and "
            "rerun the command: a rerun finishes what was left"
        )
    if isinstance(exc, ChromaError | sqlite3.Error) or _under(exc, path):
        reason = _root_reason(exc)
        fix = "check that the folder is writable and the disk not full, then rerun"
        if host:
            fix = "check the server's log, then rerun"
        return f"store: {where} failed ({reason}); {fix}"
    return None
