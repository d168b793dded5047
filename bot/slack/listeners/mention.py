"""@-mentions in channels: answered in the thread, with the thread's earlier turns."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.settings import Settings
from bot.slack.errors import MalformedPayload
from bot.slack.payloads import parse_message_event, plain_question
from bot.slack.reply import Thread, ack_now, answer_question, apologise_for_payload, asker
from bot.slack.services import Services

log = logging.getLogger(__name__)

# The manifest's bot events this module answers.
EVENTS = ("app_mention",)


def register(app: App, services: Services, settings: Settings) -> None:
    """Answer `app_mention` events in the message's thread."""

    def answer_mention(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        try:
            event = parse_message_event(body)
        except MalformedPayload as error:
            apologise_for_payload(body, client, error, log)
            return
        answer_question(
            Thread(client, event.channel, event.reply_thread_ts),
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
            set_status=None,
            logger=log,
        )

    app.event("app_mention")(ack=ack_now, lazy=[answer_mention])
