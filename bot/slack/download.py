"""Fetching an uploaded file from Slack with the bot token, to a local path."""

from __future__ import annotations

import urllib.request
from http.client import HTTPMessage
from pathlib import Path
from typing import IO
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

from bot.slack.errors import DownloadRefused

CHUNK = 64 * 1024
# Slack serves files from these domains (commercial and GovSlack); the token goes nowhere else.
SLACK_FILE_DOMAINS = ("slack.com", "slack-gov.com", "slack-edge.com")


def token_may_go_to(url: str, api_url: str) -> bool:
    """True for https Slack file hosts and for the configured API host (a proxy or stand-in)."""
    target, api = urlsplit(url), urlsplit(api_url)
    if target.hostname and target.hostname == api.hostname and target.port == api.port:
        return target.scheme == api.scheme
    host = target.hostname or ""
    on_slack = any(host == d or host.endswith("." + d) for d in SLACK_FILE_DOMAINS)
    return target.scheme == "https" and on_slack


class _SlackOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, api_url: str) -> None:
        self.api_url = api_url

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not token_may_go_to(newurl, self.api_url):
            raise DownloadRefused(f"Slack redirected the download to {urlsplit(newurl).hostname}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def download(
    url: str,
    dest: Path,
    *,
    token: str,
    api_url: str,
    max_bytes: int,
    proxy: str | None = None,
    timeout: float = 60.0,
) -> int:
    """Stream `url` to `dest` with the bot token; returns the size. Raises DownloadRefused."""
    if not token_may_go_to(url, api_url):
        raise DownloadRefused(
            f"the file URL's host {urlsplit(url).hostname!r} is not a Slack file host; "
            "the bot token is only sent to Slack"
        )
    handlers: list[urllib.request.BaseHandler] = [_SlackOnlyRedirects(api_url)]
    if proxy:
        handlers.append(urllib.request.ProxyHandler({"http": proxy, "https": proxy}))
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type", "")
            if content_type.startswith("text/html") and dest.suffix.lower() not in (
                ".html",
                ".htm",
            ):
                raise DownloadRefused(
                    "Slack sent a web page instead of the file; check that the app has the "
                    "files:read scope and is reinstalled"
                )
            return _stream(response, dest, max_bytes)
    except HTTPError as error:
        raise DownloadRefused(f"Slack answered HTTP {error.code} for the file") from error
    except URLError as error:
        raise DownloadRefused(f"the file could not be fetched ({error.reason})") from error


def _stream(response: IO[bytes], dest: Path, max_bytes: int) -> int:
    size = 0
    with dest.open("wb") as out:
        while chunk := response.read(CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise DownloadRefused(f"the file is larger than {max_bytes} bytes")
            out.write(chunk)
    return size
