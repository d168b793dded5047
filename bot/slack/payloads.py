"""Reading the parts of Slack payloads the listeners need, with clear errors when absent."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.slack.errors import MalformedPayload

_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")
_CHANNEL = re.compile(r"<#[A-Z0-9]+\|([^>]*)>")


@dataclass(frozen=True)
class MessageEvent:
    """A user's message (an app_mention or a DM) as the listeners use it."""

    event_id: str | None
    channel: str
    ts: str
    thread_ts: str | None
    user: str | None
    text: str
    channel_type: str | None

    @property
    def reply_thread_ts(self) -> str:
        """Where the reply goes: the message's thread, or a new thread under it."""
        return self.thread_ts or self.ts

    @property
    def in_thread(self) -> bool:
        """True when the message is a reply inside an existing thread."""
        return self.thread_ts is not None and self.thread_ts != self.ts


def _required(event: Mapping[str, Any], key: str, event_id: str | None) -> str:
    value = event.get(key)
    if not isinstance(value, str) or not value:
        kind = event.get("type", "event")
        raise MalformedPayload(
            f"slack: {kind} {event_id or '(no event_id)'}: the field '{key}' is missing; "
            "the event cannot be answered"
        )
    return value


def parse_message_event(body: Mapping[str, Any]) -> MessageEvent:
    """The message of an event_callback body; raises MalformedPayload naming a missing field."""
    event_id = body.get("event_id") if isinstance(body.get("event_id"), str) else None
    event = body.get("event")
    if not isinstance(event, Mapping):
        raise MalformedPayload(f"slack: {event_id or '(no event_id)'}: the body has no event")
    channel = _required(event, "channel", event_id)
    ts = _required(event, "ts", event_id)
    thread_ts = event.get("thread_ts")
    user = event.get("user")
    text = event.get("text")
    return MessageEvent(
        event_id=event_id,
        channel=channel,
        ts=ts,
        thread_ts=thread_ts if isinstance(thread_ts, str) and thread_ts else None,
        user=user if isinstance(user, str) else None,
        text=text if isinstance(text, str) else "",
        channel_type=event.get("channel_type")
        if isinstance(event.get("channel_type"), str)
        else None,
    )


def unescape(text: str) -> str:
    """Undo Slack's escaping of &, < and > in message text."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def plain_question(text: str, bot_user_id: str | None) -> str:
    """A message's text as a question: the bot's mention removed, links and escapes resolved."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    text = _CHANNEL.sub(lambda m: "#" + m.group(1), text)
    return " ".join(unescape(text).split())
