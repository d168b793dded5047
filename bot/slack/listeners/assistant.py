"""The assistant view: suggested prompts when a user opens a new assistant thread."""

from __future__ import annotations

import logging

from slack_bolt import App, SetSuggestedPrompts
from slack_sdk.errors import SlackApiError

from bot.settings import Settings
from bot.slack import messages
from bot.slack.reply import ack_now
from bot.slack.services import Services

log = logging.getLogger(__name__)

# The manifest's bot events this module answers.
EVENTS = ("assistant_thread_started", "assistant_thread_context_changed")


def register(app: App, services: Services, settings: Settings) -> None:
    """Offer suggested prompts on `assistant_thread_started`; ack context changes."""

    def suggest_prompts(set_suggested_prompts: SetSuggestedPrompts | None) -> None:
        if set_suggested_prompts is None:
            log.warning("slack: assistant_thread_started without a channel; no prompts")
            return
        prompts = [{"title": t, "message": m} for t, m in messages.SUGGESTED_PROMPTS]
        try:
            set_suggested_prompts(prompts=prompts, title=messages.PROMPTS_TITLE)
        except SlackApiError as error:
            log.warning("slack: setSuggestedPrompts refused (%s)", error.response.get("error"))

    app.event("assistant_thread_started")(ack=ack_now, lazy=[suggest_prompts])
    # The bot keeps no per-thread context, so a context change needs only an ack.
    app.event("assistant_thread_context_changed")(ack_now)
