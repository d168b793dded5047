"""A thread's earlier questions and the bot's answers, as engine Turns."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.engine.types import Turn
from bot.slack.blocks import ANSWER_BLOCK_PREFIX, ANSWER_EVENT
from bot.slack.payloads import plain_question

MAX_TURNS = 6
REPLIES_LIMIT = 200


def _is_answer(message: Mapping[str, Any]) -> bool:
    blocks = message.get("blocks") or []
    return any(str(b.get("block_id", "")).startswith(ANSWER_BLOCK_PREFIX) for b in blocks)


def _answer_text(message: Mapping[str, Any]) -> str:
    parts = [
        b.get("text", {}).get("text", "")
        for b in message.get("blocks") or []
        if str(b.get("block_id", "")).startswith(ANSWER_BLOCK_PREFIX)
    ]
    return plain_question("\n".join(parts), None)


def _cited_sources(message: Mapping[str, Any]) -> tuple[str, ...]:
    """The sources an answer cited, from its message metadata (none when Slack dropped it)."""
    metadata = message.get("metadata")
    if not isinstance(metadata, Mapping) or metadata.get("event_type") != ANSWER_EVENT:
        return ()
    payload = metadata.get("event_payload")
    sources = payload.get("sources") if isinstance(payload, Mapping) else None
    if not isinstance(sources, list):
        return ()
    return tuple(s for s in sources if isinstance(s, str) and s)


def turns_from_replies(
    replies: Sequence[Mapping[str, Any]],
    *,
    bot_user_id: str | None,
    bot_id: str | None,
    current_ts: str,
) -> tuple[Turn, ...]:
    """Pair each question with the bot's answer that follows it, up to the current message."""
    turns: list[Turn] = []
    pending: str | None = None
    for message in replies:
        if message.get("ts") == current_ts:
            break
        is_ours = (bot_id is not None and message.get("bot_id") == bot_id) or (
            bot_user_id is not None and message.get("user") == bot_user_id
        )
        if is_ours:
            if pending and _is_answer(message):
                turns.append(
                    Turn(
                        question=pending,
                        answer=_answer_text(message),
                        sources=_cited_sources(message),
                    )
                )
                pending = None
        elif not message.get("bot_id"):
            question = plain_question(str(message.get("text") or ""), bot_user_id)
            pending = question or pending
    return tuple(turns[-MAX_TURNS:])


def fetch_turns(
    client: WebClient,
    *,
    channel: str,
    thread_ts: str,
    current_ts: str,
    bot_user_id: str | None,
    bot_id: str | None,
    logger: logging.Logger,
) -> tuple[Turn, ...]:
    """The thread's earlier turns via conversations.replies; none (logged) when Slack refuses."""
    try:
        response = client.conversations_replies(
            channel=channel, ts=thread_ts, limit=REPLIES_LIMIT, include_all_metadata=True
        )
    except SlackApiError as error:
        logger.warning(
            "slack: conversations.replies for %s/%s failed (%s); answering without the "
            "thread's history. Check the channels:history/groups:history/im:history scopes.",
            channel,
            thread_ts,
            error.response.get("error"),
        )
        return ()
    replies = response.get("messages") or []
    return turns_from_replies(
        replies, bot_user_id=bot_user_id, bot_id=bot_id, current_ts=current_ts
    )
