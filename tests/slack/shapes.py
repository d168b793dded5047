"""Slack payloads in the shapes Slack sends them (shortened to the fields that matter)."""

from __future__ import annotations

import itertools
import time
import uuid
from typing import Any

from tests.slack.webapi_standin import BOT_USER_ID, TEAM_ID

CHANNEL = "C0FOU"
DM_CHANNEL = "D0ALICE"
USER = "UALICE"
ADMIN = "UADMIN"

_ts = itertools.count(1)


def next_ts() -> str:
    """A fresh message ts, distinct from the stand-in's."""
    return f"1710000000.{next(_ts):06d}"


def event_callback(
    event: dict[str, Any], *, event_id: str | None = None, team_id: str = TEAM_ID
) -> dict[str, Any]:
    """The Events API envelope around an event."""
    return {
        "token": "legacy-verification-token",
        "team_id": team_id,
        "api_app_id": "A0FOU",
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": "4-eyJldCI6ImFwcF9tZW50aW9uIn0",
    }


def mention(
    question: str,
    *,
    ts: str | None = None,
    thread_ts: str | None = None,
    channel: str = CHANNEL,
    user: str = USER,
) -> dict[str, Any]:
    """An app_mention event: `<@UBOT> question`."""
    ts = ts or next_ts()
    event: dict[str, Any] = {
        "type": "app_mention",
        "user": user,
        "text": f"<@{BOT_USER_ID}> {question}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "team": TEAM_ID,
        "client_msg_id": str(uuid.uuid4()),
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def dm(
    text: str,
    *,
    ts: str | None = None,
    thread_ts: str | None = None,
    user: str = USER,
    channel: str = DM_CHANNEL,
    **extra: Any,
) -> dict[str, Any]:
    """A message.im event."""
    ts = ts or next_ts()
    event: dict[str, Any] = {
        "type": "message",
        "channel_type": "im",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        "team": TEAM_ID,
        **extra,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def slash(
    text: str, *, response_url: str, channel_id: str = CHANNEL, user_id: str = USER
) -> dict[str, str]:
    """The form fields of a `/fou` slash command."""
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "team_domain": "fou-test",
        "channel_id": channel_id,
        "channel_name": "socialtjansten",
        "user_id": user_id,
        "user_name": "alice",
        "command": "/fou",
        "text": text,
        "api_app_id": "A0FOU",
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": "1337.42.abcdef",
    }


def block_action(
    action_id: str,
    value: str,
    *,
    response_url: str,
    channel: str = CHANNEL,
    user: str = USER,
    ephemeral: bool = False,
    thread_ts: str | None = None,
) -> dict[str, Any]:
    """A block_actions payload for a button on one of the bot's messages."""
    message_ts = next_ts()
    container: dict[str, Any] = {
        "type": "message",
        "message_ts": message_ts,
        "channel_id": channel,
        "is_ephemeral": ephemeral,
    }
    if thread_ts:
        container["thread_ts"] = thread_ts
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user, "username": "alice", "name": "alice", "team_id": TEAM_ID},
        "api_app_id": "A0FOU",
        "token": "legacy-verification-token",
        "container": container,
        "trigger_id": "1337.42.abcdef",
        "team": {"id": TEAM_ID, "domain": "fou-test"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel, "name": "socialtjansten"},
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [
            {
                "action_id": action_id,
                "block_id": "fou-actions",
                "text": {"type": "plain_text", "text": "knapp", "emoji": True},
                "value": value,
                "type": "button",
                "action_ts": str(time.time()),
            }
        ],
    }
    if not ephemeral:
        payload["message"] = {"type": "message", "ts": message_ts, "bot_id": "BBOT", "text": "…"}
    return payload


def pdf_file(
    file_id: str, url: str, *, name: str = "rapport.pdf", size: int = 1234
) -> dict[str, Any]:
    """A file object as a file_share message carries it."""
    return {
        "id": file_id,
        "created": int(time.time()),
        "name": name,
        "title": name,
        "mimetype": "application/pdf",
        "filetype": "pdf",
        "size": size,
        "user": ADMIN,
        "url_private": url,
        "url_private_download": url,
        "file_access": "visible",
    }
