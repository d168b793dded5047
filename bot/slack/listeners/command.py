"""`/fou`: questions, quote drafts, introductions, the index overview and help, answered
ephemerally with a button to share the answer in the channel."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal

from slack_bolt import Ack, App, Respond

from bot.engine.types import Answer
from bot.settings import Settings
from bot.slack import messages
from bot.slack.blocks import answer_message, help_message
from bot.slack.logs import new_error_id
from bot.slack.payloads import plain_question
from bot.slack.reports import overview_message
from bot.slack.services import Services

log = logging.getLogger(__name__)

COMMAND = "/fou"
Kind = Literal["help", "sources", "quote", "intro", "ask", "usage"]
HELP_WORDS = ("", "hjälp", "hjalp", "help")
SOURCES_WORDS = ("källor", "kallor")


@dataclass(frozen=True)
class FouCommand:
    """What `/fou` was asked to do; `subject` is the text the engine gets."""

    kind: Kind
    subject: str = ""
    politician: str = ""
    topic: str = ""
    usage: str = ""


def parse_command(text: str) -> FouCommand:
    """Read the text after `/fou`: a sub-command word or else a question."""
    text = plain_question(text, None)
    word, _, rest = text.partition(" ")
    word = word.lower().rstrip(":")
    if word in HELP_WORDS and not rest:
        return FouCommand("help")
    if word in SOURCES_WORDS and not rest:
        return FouCommand("sources")
    if word == "citat":
        politician, colon, topic = (part.strip() for part in rest.partition(":"))
        if not (colon and politician and topic):
            return FouCommand("usage", usage=messages.CITAT_USAGE)
        return FouCommand("quote", subject=rest, politician=politician, topic=topic)
    if word == "intro":
        if not rest:
            return FouCommand("usage", usage=messages.INTRO_USAGE)
        return FouCommand("intro", subject=rest)
    return FouCommand("ask", subject=text)


def _too_long(parsed: FouCommand, limit: int) -> str | None:
    if len(parsed.subject) > limit:
        return messages.TOO_LONG.format(length=len(parsed.subject), limit=limit)
    return None


def register(app: App, services: Services, settings: Settings) -> None:
    """Ack `/fou` at once (help, usage and refusals in the ack itself); answer lazily."""
    limit = settings.max_question_chars

    def ack_fou(ack: Ack, command: dict[str, Any]) -> None:
        parsed = parse_command(str(command.get("text") or ""))
        if parsed.kind == "help":
            ack(**help_message().as_kwargs(), response_type="ephemeral")
        elif parsed.kind == "usage":
            ack(text=parsed.usage, response_type="ephemeral")
        elif too_long := _too_long(parsed, limit):
            ack(text=too_long, response_type="ephemeral")
        else:
            ack(text=messages.WORKING, response_type="ephemeral")

    def answer_fou(command: dict[str, Any], respond: Respond) -> None:
        parsed = parse_command(str(command.get("text") or ""))
        if parsed.kind in ("help", "usage") or _too_long(parsed, limit):
            return
        try:
            if parsed.kind == "sources":
                overview = overview_message(services.overview())
                respond(**overview.as_kwargs(), response_type="ephemeral")
                return
            answer = _ask(parsed)
            draft = parsed.kind == "quote"
            answer_id = services.store.save_answer(answer, draft=draft)
            message = answer_message(answer, answer_id, draft=draft, shareable=True)
            respond(**message.as_kwargs(), response_type="ephemeral", replace_original=False)
        except Exception:
            error_id = new_error_id()
            log.exception("slack: [%s] /fou %s failed", error_id, parsed.kind)
            try:
                respond(text=messages.ERROR.format(error_id=error_id), response_type="ephemeral")
            except Exception:
                log.exception("slack: [%s] could not deliver the error message", error_id)

    def _ask(parsed: FouCommand) -> Answer:
        if parsed.kind == "quote":
            return services.engine.draft_quote(parsed.politician, parsed.topic)
        if parsed.kind == "intro":
            return services.engine.explain(parsed.subject)
        return services.engine.ask(parsed.subject, ())

    app.command(COMMAND)(ack=ack_fou, lazy=[answer_fou])
