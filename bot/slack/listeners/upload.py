"""Files an administrator uploads in a DM are downloaded and ingested; others are told no."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from slack_sdk import WebClient

from bot.settings import Settings
from bot.slack import messages
from bot.slack.blocks import escape, text_message
from bot.slack.download import download
from bot.slack.errors import DownloadRefused
from bot.slack.logs import new_error_id
from bot.slack.payloads import MessageEvent
from bot.slack.reply import Thread
from bot.slack.reports import ingest_summary
from bot.slack.services import Services
from ingest.errors import IngestError

log = logging.getLogger(__name__)

MAX_UPLOAD_MB = 50
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown", ".html", ".htm")
# Slack's `filetype` for files whose names lack a suffix.
SUFFIX_BY_FILETYPE = {
    "pdf": ".pdf",
    "docx": ".docx",
    "text": ".txt",
    "markdown": ".md",
    "html": ".html",
}
_UNSAFE = re.compile(r"[^\w.\- ()]+")


def safe_name(file: Mapping[str, Any]) -> str:
    """The upload's own name, stripped of folders and odd characters, with a known suffix."""
    raw = str(file.get("name") or file.get("title") or file.get("id") or "upload")
    name = _UNSAFE.sub("_", Path(raw.replace("\\", "/")).name).strip(" .")[:150] or "upload"
    suffix = SUFFIX_BY_FILETYPE.get(str(file.get("filetype")))
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES and suffix:
        name += suffix
    return name


def refusal(file: Mapping[str, Any], name: str, max_bytes: int = MAX_UPLOAD_BYTES) -> str | None:
    """Why this file cannot be ingested (type or size), as a message; None when it can."""
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        return messages.UPLOAD_UNSUPPORTED.format(name=escape(name))
    size = file.get("size")
    if isinstance(size, int) and size > max_bytes:
        size_mb = f"{size / 1024 / 1024:.1f}".replace(".", ",")
        limit_mb = f"{max_bytes / 1024 / 1024:g}".replace(".", ",")
        return messages.UPLOAD_TOO_LARGE.format(
            name=escape(name), size_mb=size_mb, limit_mb=limit_mb
        )
    return None


def upload_limit(settings: Settings) -> int:
    """The largest upload taken: Slack's own cap or the ingest file limit, the smaller."""
    return min(MAX_UPLOAD_BYTES, int(settings.max_file_mb * 2**20))


def _file_info(client: WebClient, file: Mapping[str, Any]) -> Mapping[str, Any]:
    # Events may carry a stub (`file_access: check_file_info`); files.info has the rest.
    if file.get("url_private_download") and file.get("file_access") != "check_file_info":
        return file
    info = client.files_info(file=str(file.get("id")))
    full = info.get("file")
    return full if isinstance(full, Mapping) else file


def _failure_text(error: Exception, name: str, error_id: str) -> str:
    # Ingest and download errors say what failed and how to fix it; admins get that text.
    if isinstance(error, IngestError | DownloadRefused):
        reason = escape(str(error))
        return messages.UPLOAD_FAILED_BECAUSE.format(
            name=escape(name), reason=reason, error_id=error_id
        )
    return messages.UPLOAD_FAILED.format(name=escape(name), error_id=error_id)


def _ingest_one(
    file: Mapping[str, Any], thread: Thread, services: Services, max_bytes: int
) -> None:
    name = safe_name(file)
    working_ts: str | None = None
    try:
        info = _file_info(thread.client, file)
        name = safe_name(info)
        problem = refusal(info, name, max_bytes)
        if problem:
            thread.post(text_message(problem))
            return
        working_ts = thread.post(text_message(messages.UPLOAD_WORKING.format(name=escape(name))))
        with TemporaryDirectory(prefix="fou-upload-") as folder:
            path = Path(folder) / name
            download(
                str(info.get("url_private_download") or info.get("url_private")),
                path,
                token=thread.client.token or "",
                api_url=thread.client.base_url,
                max_bytes=max_bytes,
                proxy=thread.client.proxy,
            )
            report = services.ingest_file(path)
        log.info("slack: ingested upload %s: %s", name, report.totals())
        thread.update(working_ts, ingest_summary(report, name))
    except Exception as error:
        error_id = new_error_id()
        log.exception("slack: [%s] ingesting the upload %s failed", error_id, name)
        failed = text_message(_failure_text(error, name, error_id))
        try:
            if working_ts:
                thread.update(working_ts, failed)
            else:
                thread.post(failed)
        except Exception:
            log.exception("slack: [%s] could not report the failed upload", error_id)


def handle_file_share(
    event: MessageEvent,
    files: list[Mapping[str, Any]],
    client: WebClient,
    *,
    services: Services,
    settings: Settings,
) -> None:
    """Ingest each file an administrator uploads; tell anyone else politely that they may not."""
    thread = Thread(client, event.channel, event.thread_ts)
    if event.user not in settings.slack_admins:
        log.info("slack: refused an upload by %s, who is not an administrator", event.user)
        thread.try_post(text_message(messages.UPLOAD_NOT_ADMIN), log)
        return
    for file in files:
        _ingest_one(file, thread, services, upload_limit(settings))
