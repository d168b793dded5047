"""The global middleware: allow-lists, ignored events, and one answer per event id."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from slack_bolt.context import BoltContext
from slack_bolt.middleware import Middleware
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.settings import Settings
from bot.slack import messages
from bot.slack.logs import new_error_id
from bot.slack.store import FeedbackStore

# Message subtypes the bot acts on: plain messages and uploads. Edits, deletions,
# joins and the rest are acknowledged and dropped.
HANDLED_SUBTYPES = (None, "file_share")


def _event(body: Mapping[str, Any]) -> Mapping[str, Any]:
    event = body.get("event")
    return event if isinstance(event, Mapping) else {}


def _is_dm(body: Mapping[str, Any], channel: str | None) -> bool:
    return _event(body).get("channel_type") == "im" or bool(channel and channel.startswith("D"))


def describe(body: Mapping[str, Any]) -> str:
    """A short, text-free description of a payload for the logs."""
    if body.get("type") == "event_callback":
        return f"event {_event(body).get('type')} {body.get('event_id')}"
    if "command" in body:
        return f"command {body.get('command')}"
    return f"payload {body.get('type')}"


class EventGuard(Middleware):
    """Acks and drops what the bot must not answer; claims each event id exactly once."""

    def __init__(self, settings: Settings, store: FeedbackStore, logger: logging.Logger) -> None:
        self.allowed_teams = frozenset(settings.slack_allowed_teams)
        self.allowed_channels = frozenset(settings.slack_allowed_channels)
        self.store = store
        self.logger = logger

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        """Continue the chain, or ack without answering and say why in the log."""
        if req.lazy_only:
            return next()
        body, context = req.body, req.context
        refusal = self._outside_allow_lists(body, context) or self._ignored_event(body, context)
        if refusal:
            self.logger.info("slack: ignored %s: %s", describe(body), refusal)
            if "command" in body and refusal.startswith("not allowed"):
                return context.ack(text=messages.NOT_ALLOWED_HERE, response_type="ephemeral")
            return context.ack()
        if body.get("type") == "event_callback" and not self._first_delivery(req):
            return context.ack()
        return next()

    def _outside_allow_lists(self, body: Mapping[str, Any], context: BoltContext) -> str | None:
        teams = {context.team_id, _event(body).get("user_team")} - {None}
        if self.allowed_teams and not teams <= self.allowed_teams:
            return f"not allowed: team {sorted(str(t) for t in teams)} is not in the allow-list"
        channel = context.channel_id
        outside = bool(channel) and channel not in self.allowed_channels
        if self.allowed_channels and outside and not _is_dm(body, channel):
            return f"not allowed: channel {channel} is not in the allow-list"
        return None

    @staticmethod
    def _ignored_event(body: Mapping[str, Any], context: BoltContext) -> str | None:
        if body.get("type") != "event_callback":
            return None
        event = _event(body)
        if event.get("bot_id"):
            return "posted by a bot"
        if context.bot_user_id and event.get("user") == context.bot_user_id:
            return "posted by this bot"
        if event.get("type") == "message" and event.get("subtype") not in HANDLED_SUBTYPES:
            return f"message subtype {event.get('subtype')}"
        return None

    def _first_delivery(self, req: BoltRequest) -> bool:
        event_id = req.body.get("event_id")
        if not isinstance(event_id, str) or not event_id:
            self.logger.warning("slack: %s has no event_id; cannot deduplicate", describe(req.body))
            return True
        try:
            first = self.store.claim_event(event_id)
        except SQLAlchemyError:
            # Better a rare double answer than silence while the database is down.
            error_id = new_error_id()
            self.logger.exception("slack: [%s] could not record event %s", error_id, event_id)
            return True
        if not first:
            retry = req.headers.get("x-slack-retry-num", ["?"])[0]
            self.logger.info("slack: dropped repeat delivery of %s (retry %s)", event_id, retry)
        return first
