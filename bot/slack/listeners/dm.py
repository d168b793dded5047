"""Direct messages: every message is a question (answered in its thread if threaded);
uploads go to the upload handler."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from slack_bolt import App, BoltContext
from slack_bolt.context.set_status import SetStatus
from slack_sdk import WebClient

from bot.settings import Settings
from bot.slack.errors import MalformedPayload
from bot.slack.listeners.upload import handle_file_share
from bot.slack.payloads import parse_message_event, plain_question
from bot.slack.reply import Thread, ack_now, answer_question, apologise_for_payload, asker
from bot.slack.services import Services

log = logging.getLogger(__name__)

# The manifest's bot events this module answers.
EVENTS = ("message.im",)


def _files(event: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    files = event.get("files")
    return [f for f in files if isinstance(f, Mapping)] if isinstance(files, list) else []


def register(app: App, services: Services, settings: Settings) -> None:
    """Listen to `message` events; only those in DMs (channel_type im) are acted on."""

    def answer_dm(
        body: dict[str, Any],
        client: WebClient,
        context: BoltContext,
        set_status: SetStatus | None,
    ) -> None:
        raw = body.get("event")
        if not isinstance(raw, Mapping) or raw.get("channel_type") != "im":
            return
        try:
            event = parse_message_event(body)
        except MalformedPayload as error:
            apologise_for_payload(body, client, error, log)
            return
        if raw.get("subtype") == "file_share":
            handle_file_share(event, _files(raw), client, services=services, settings=settings)
            return
        answer_question(
            Thread(client, event.channel, event.thread_ts),
            plain_question(event.text, context.bot_user_id),
            asker(
                services.engine,
                client,
                event,
                bot_user_id=context.bot_user_id,
                bot_id=context.bot_id,
                logger=log,
            ),
            store=services.store,
            max_chars=settings.max_question_chars,
            # Only assistant threads show a status; a top-level DM gets the placeholder.
            set_status=set_status if event.thread_ts else None,
            logger=log,
        )

    app.event("message")(ack=ack_now, lazy=[answer_dm])
