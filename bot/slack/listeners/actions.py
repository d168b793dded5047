"""Buttons on answers: reveal the quoted spans, record 👍/👎, share an ephemeral answer."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from slack_bolt import App, Respond

from bot.settings import Settings
from bot.slack import messages
from bot.slack.blocks import (
    ACTION_HELPFUL,
    ACTION_NOT_HELPFUL,
    ACTION_SHARE,
    ACTION_SHOW_SOURCES,
    answer_message,
    quotes_message,
)
from bot.slack.logs import new_error_id
from bot.slack.reply import ack_now
from bot.slack.services import Services
from bot.slack.store import StoredAnswer, Verdict

log = logging.getLogger(__name__)

_ANSWER_ID = re.compile(r"^[0-9a-f]{32}$")
Handler = Callable[[dict[str, Any], dict[str, Any], Respond], None]


def _thread_ts(body: dict[str, Any]) -> str | None:
    container = body.get("container") or {}
    message = body.get("message") or {}
    ts = container.get("thread_ts") or message.get("thread_ts")
    return ts if isinstance(ts, str) else None


def _user(body: dict[str, Any]) -> str:
    return str((body.get("user") or {}).get("id") or "")


def _guarded(name: str, work: Callable[[dict[str, Any], dict[str, Any], Respond], None]) -> Handler:
    """Run a button's work; any failure becomes a friendly ephemeral with an error id."""

    def run(body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        try:
            work(body, action, respond)
        except Exception:
            error_id = new_error_id()
            log.exception("slack: [%s] the %s button failed", error_id, name)
            try:
                respond(
                    text=messages.ERROR.format(error_id=error_id),
                    response_type="ephemeral",
                    replace_original=False,
                )
            except Exception:
                log.exception("slack: [%s] could not deliver the error message", error_id)

    run.__name__ = f"run_{name}"
    return run


def register(app: App, services: Services, settings: Settings) -> None:
    """Ack every button at once; the work runs lazily."""

    def stored(
        action: dict[str, Any], respond: Respond, thread_ts: str | None
    ) -> StoredAnswer | None:
        value = str(action.get("value") or "")
        found = services.store.load_answer(value) if _ANSWER_ID.match(value) else None
        if found is None:
            respond(
                text=messages.ANSWER_GONE,
                response_type="ephemeral",
                replace_original=False,
                thread_ts=thread_ts,
            )
        return found

    def show_sources(body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        found = stored(action, respond, _thread_ts(body))
        if found:
            respond(
                **quotes_message(found.answer).as_kwargs(),
                response_type="ephemeral",
                replace_original=False,
                thread_ts=_thread_ts(body),
            )

    def feedback(verdict: Verdict, thanks: str) -> Callable[..., None]:
        def record(body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
            value = str(action.get("value") or "")
            kept = bool(_ANSWER_ID.match(value)) and services.store.record_feedback(
                value, _user(body), verdict
            )
            respond(
                text=thanks if kept else messages.ANSWER_GONE,
                response_type="ephemeral",
                replace_original=False,
                thread_ts=_thread_ts(body),
            )

        return record

    def share(body: dict[str, Any], action: dict[str, Any], respond: Respond) -> None:
        found = stored(action, respond, None)
        if found:
            message = answer_message(
                found.answer, found.answer_id, draft=found.draft, shared_by=_user(body)
            )
            respond(**message.as_kwargs(), response_type="in_channel", replace_original=False)
            respond(delete_original=True)

    handlers = {
        ACTION_SHOW_SOURCES: _guarded("show_sources", show_sources),
        ACTION_HELPFUL: _guarded("helpful", feedback("helpful", messages.FEEDBACK_THANKS_HELPFUL)),
        ACTION_NOT_HELPFUL: _guarded(
            "not_helpful", feedback("not_helpful", messages.FEEDBACK_THANKS_NOT_HELPFUL)
        ),
        ACTION_SHARE: _guarded("share", share),
    }
    for action_id, handler in handlers.items():
        app.action(action_id)(ack=ack_now, lazy=[handler])
