"""Answering in a conversation: show progress, ask the engine, deliver or apologise."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from slack_bolt.context.ack import Ack
from slack_bolt.context.set_status import SetStatus
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.engine.types import Answer, AnswerEngine
from bot.slack import messages
from bot.slack.blocks import SlackMessage, answer_message, text_message
from bot.slack.errors import MalformedPayload
from bot.slack.history import fetch_turns
from bot.slack.logs import new_error_id
from bot.slack.payloads import MessageEvent
from bot.slack.store import FeedbackStore


def ack_now(ack: Ack) -> None:
    """The ack half of a listener whose work runs lazily, so Slack hears back at once."""
    ack()


@dataclass(frozen=True)
class Thread:
    """Where replies go: a channel, and a thread in it unless `thread_ts` is None."""

    client: WebClient
    channel: str
    thread_ts: str | None

    def post(self, message: SlackMessage) -> str:
        """Post a message; returns its ts."""
        response = self.client.chat_postMessage(
            channel=self.channel, thread_ts=self.thread_ts, **message.as_kwargs()
        )
        return str(response["ts"])

    def update(self, ts: str, message: SlackMessage) -> None:
        """Replace a message the bot posted earlier."""
        self.client.chat_update(channel=self.channel, ts=ts, **message.as_kwargs())

    def try_post(self, message: SlackMessage, logger: logging.Logger) -> None:
        """Post, logging instead of raising when Slack refuses."""
        try:
            self.post(message)
        except Exception:
            logger.exception("slack: could not post to %s", self.channel)


class Progress:
    """Shows that the bot is working (assistant status or placeholder), then delivers there."""

    def __init__(self, thread: Thread, set_status: SetStatus | None, logger: logging.Logger):
        self.thread = thread
        self.set_status = set_status
        self.logger = logger
        self.placeholder_ts: str | None = None

    def start(self) -> None:
        """Set the assistant thread's status, or post the placeholder where that is refused."""
        if self.set_status is not None:
            try:
                self.set_status(
                    status=messages.WORKING_STATUS, loading_messages=list(messages.LOADING_MESSAGES)
                )
                return
            except SlackApiError as error:
                self.logger.info(
                    "slack: setStatus refused (%s); posting a placeholder instead",
                    error.response.get("error"),
                )
        self.placeholder_ts = self.thread.post(text_message(messages.WORKING))

    def finish(self, message: SlackMessage) -> None:
        """Replace the placeholder with the message, or post it (which clears a status)."""
        if self.placeholder_ts is not None:
            self.thread.update(self.placeholder_ts, message)
        else:
            self.thread.post(message)

    def fail(self, error_id: str) -> None:
        """Tell the user something went wrong, with the error id; never raises."""
        try:
            self.finish(text_message(messages.ERROR.format(error_id=error_id)))
        except Exception:
            self.logger.exception("slack: [%s] could not deliver the error message", error_id)


def asker(
    engine: AnswerEngine,
    client: WebClient,
    event: MessageEvent,
    *,
    bot_user_id: str | None,
    bot_id: str | None,
    logger: logging.Logger,
) -> Callable[[str], Answer]:
    """`engine.ask` with the thread's earlier turns when the message is a reply in a thread."""

    def ask(question: str) -> Answer:
        history = (
            fetch_turns(
                client,
                channel=event.channel,
                thread_ts=event.reply_thread_ts,
                current_ts=event.ts,
                bot_user_id=bot_user_id,
                bot_id=bot_id,
                logger=logger,
            )
            if event.in_thread
            else ()
        )
        return engine.ask(question, history)

    return ask


def answer_question(
    thread: Thread,
    question: str,
    ask: Callable[[str], Answer],
    *,
    store: FeedbackStore,
    max_chars: int,
    set_status: SetStatus | None,
    logger: logging.Logger,
) -> None:
    """Check the question, show progress, ask, store and deliver; any failure is apologised for."""
    if not question:
        thread.try_post(text_message(messages.EMPTY_QUESTION), logger)
        return
    if len(question) > max_chars:
        too_long = messages.TOO_LONG.format(length=len(question), limit=max_chars)
        thread.try_post(text_message(too_long), logger)
        return
    progress = Progress(thread, set_status, logger)
    try:
        progress.start()
        answer = ask(question)
        answer_id = store.save_answer(answer)
        progress.finish(answer_message(answer, answer_id))
    except Exception:
        error_id = new_error_id()
        logger.exception("slack: [%s] answering in %s failed", error_id, thread.channel)
        progress.fail(error_id)


def apologise_for_payload(
    body: Mapping[str, Any], client: WebClient, error: MalformedPayload, logger: logging.Logger
) -> None:
    """Log a malformed event and, when its channel is known, say so there."""
    error_id = new_error_id()
    logger.error("slack: [%s] %s", error_id, error)
    event = body.get("event")
    channel = event.get("channel") if isinstance(event, Mapping) else None
    if isinstance(channel, str) and channel:
        ts = (event.get("thread_ts") or event.get("ts")) if isinstance(event, Mapping) else None
        thread = Thread(client, channel, ts if isinstance(ts, str) else None)
        thread.try_post(text_message(messages.MALFORMED.format(error_id=error_id)), logger)
