"""`fou-bot status`: what the settings point at and what the index holds.

Secrets are never shown, only whether they are set. Exit code 0 when the index holds
documents, 1 when it is missing or empty, 2 when the store cannot be read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

import click

if TYPE_CHECKING:
    from bot.settings import Settings


def masked_url(url: str) -> str:
    """A database URL without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}{port}"))


def _secret_state(value: str, prefix: str | None = None) -> str:
    if not value:
        return "not set"
    if prefix and not value.startswith(prefix):
        return f"set, but does not start with {prefix}"
    return "set"


def configuration(settings: Settings) -> dict[str, Any]:
    """Everything `status` reports that comes from the settings alone."""
    from importlib.metadata import PackageNotFoundError, version

    from bot.runtime import embedded_store_exists

    try:
        fou_version = version("fou-bot")
    except PackageNotFoundError:
        fou_version = "unknown (not installed)"
    env_file = Path(".env").resolve()
    store: dict[str, Any] = {"collection": settings.collection}
    if settings.chroma_host:
        store |= {"kind": "server", "host": settings.chroma_host, "port": settings.chroma_port}
    else:
        store |= {
            "kind": "embedded",
            "path": str(settings.chroma_path),
            "exists": embedded_store_exists(settings),
        }
    return {
        "version": fou_version,
        "working_folder": str(Path.cwd()),
        "env_file": str(env_file) if env_file.is_file() else None,
        "store": store,
        "embedding_model": settings.embedding_model,
        "chunk_size": settings.chunk_size,
        "llm": {
            "provider": settings.llm_provider,
            "model": settings.llm_model if settings.llm_provider != "none" else None,
            "base_url": settings.llm_base_url,
            "api_key": _secret_state(settings.llm_api_key.get_secret_value()),
        },
        "slack": {
            "SLACK_BOT_TOKEN": _secret_state(settings.slack_bot_token.get_secret_value(), "xoxb-"),
            "SLACK_APP_TOKEN": _secret_state(settings.slack_app_token.get_secret_value(), "xapp-"),
            "SLACK_SIGNING_SECRET": _secret_state(settings.slack_signing_secret.get_secret_value()),
            "api_url": settings.slack_api_url,
            "allowed_teams": len(settings.slack_allowed_teams),
            "allowed_channels": len(settings.slack_allowed_channels),
            "admins": len(settings.slack_admins),
        },
        "database": masked_url(settings.database_url),
        "log_level": settings.log_level,
    }


def index_state(settings: Settings) -> tuple[dict[str, Any], int]:
    """What the index holds and the exit code that goes with it."""
    from bot.runtime import NoIndex, ingest_hint, open_store
    from vector_store.errors import StoreError

    try:
        overview = open_store(settings, create=False).overview()
    except NoIndex:
        return {"state": "missing", "hint": ingest_hint()}, 1
    except StoreError as error:
        return {"state": "error", "error": str(error)}, 2
    state = {
        "state": "ready" if overview.documents else "empty",
        "documents": overview.documents,
        "chunks": overview.chunks,
        "grants": overview.grants,
        "by_kind": dict(overview.by_kind),
        "last_ingest": overview.last_ingest,
    }
    if not overview.documents:
        state["hint"] = ingest_hint()
    return state, 0 if overview.documents else 1


@click.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON for scripts.")
@click.pass_obj
def status_cmd(obj: dict[str, Any], as_json: bool) -> None:
    """Where the index is, what it holds, and which settings are in use (never secrets)."""
    settings: Settings = obj["settings"]
    config = configuration(settings)
    index, code = index_state(settings)
    if as_json:
        click.echo(json.dumps(config | {"index": index}, ensure_ascii=False))
        sys.exit(code)
    for line in _lines(config, index):
        click.echo(line)
    sys.exit(code)


def _lines(config: dict[str, Any], index: dict[str, Any]) -> list[str]:
    store = config["store"]
    where = (
        f"Chroma server {store['host']}:{store['port']}"
        if store["kind"] == "server"
        else f"embedded Chroma at {store['path']}"
        + ("" if store["exists"] else " (not created yet)")
    )
    llm = config["llm"]
    llm_line = "none (extractive answers)"
    if llm["provider"] != "none":
        llm_line = f"{llm['provider']}, model {llm['model']}"
        llm_line += f" at {llm['base_url']}" if llm["base_url"] else ""
        llm_line += f", API key {llm['api_key']}"
    slack = config["slack"]
    lines = [
        f"fou-bot {config['version']}",
        f"settings:        {config['env_file'] or 'no .env in ' + config['working_folder']}"
        " + environment",
        f"store:           {where}, collection {store['collection']}",
    ]
    state = index["state"]
    if state in ("ready", "empty"):
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(index["by_kind"].items()))
        lines += [
            f"documents:       {index['documents']}" + (f" ({kinds})" if kinds else ""),
            f"chunks:          {index['chunks']}",
            f"grants:          {index['grants']}",
            f"last ingest:     {index['last_ingest'] or 'never'}",
        ]
    elif state == "missing":
        lines.append("documents:       none: there is no index there yet")
    else:
        lines.append(f"index:           cannot be read: {index['error']}")
    lines += [
        f"embedding model: {config['embedding_model']} (chunks of {config['chunk_size']} chars)",
        f"language model:  {llm_line}",
        f"slack:           bot token {slack['SLACK_BOT_TOKEN']}; app token "
        f"{slack['SLACK_APP_TOKEN']}; signing secret {slack['SLACK_SIGNING_SECRET']}",
        f"                 API {slack['api_url']}; allow-lists: {slack['allowed_teams']} "
        f"teams, {slack['allowed_channels']} channels; {slack['admins']} admins",
        f"feedback store:  {config['database']}",
        f"log level:       {config['log_level']}",
    ]
    if "hint" in index:
        lines.append(f"next step:       {index['hint']}")
    return lines
