"""Pure functions from engine answers and bot notices to Block Kit messages.

Every message stays within Block Kit's limits (50 blocks, 3,000 characters a section,
10 context elements, 150 characters a header, 2,000 characters a button value) and
carries a plain `text` fallback for notifications and screen readers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.engine.types import Answer, Citation, cited_sources
from bot.slack import messages

Block = dict[str, Any]

MAX_BLOCKS = 50
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
CONTEXT_ELEMENTS = 10
BUTTON_VALUE_LIMIT = 2000
# A chat answer longer than this is a defect upstream; cut it rather than flood a thread.
MAX_ANSWER_SECTIONS = 10
FALLBACK_LIMIT = 3000
TITLE_LIMIT = 150
QUOTE_LIMIT = 2500
# More citations than this are grouped, up to 10 to a context block.
CITATIONS_ONE_PER_BLOCK = 20

ACTION_SHOW_SOURCES = "fou_show_sources"
ACTION_HELPFUL = "fou_feedback_up"
ACTION_NOT_HELPFUL = "fou_feedback_down"
ACTION_SHARE = "fou_share"
ACTION_IDS = (ACTION_SHOW_SOURCES, ACTION_HELPFUL, ACTION_NOT_HELPFUL, ACTION_SHARE)
# Block ids of answer text; thread history recognises the bot's answers by them.
ANSWER_BLOCK_PREFIX = "fou-answer-"
# The event type of an answer's message metadata.
ANSWER_EVENT = "fou_answer"

_MARKER = re.compile(r"\[(\d{1,3})\]")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


@dataclass(frozen=True)
class SlackMessage:
    """A message ready for chat.postMessage, chat.update or respond()."""

    text: str
    blocks: tuple[Block, ...] = ()
    # Slack message metadata: an answer carries the sources it cited, so a follow-up in
    # its thread can search them first (bot/slack/history.py reads them back).
    metadata: dict[str, Any] | None = None

    def as_kwargs(self) -> dict[str, Any]:
        """The `text`, `blocks` (and `metadata`) arguments of a Web API or response_url call."""
        kwargs: dict[str, Any] = {"text": self.text, "blocks": list(self.blocks)}
        if self.metadata is not None:
            kwargs["metadata"] = self.metadata
        return kwargs


def answer_metadata(answer: Answer) -> dict[str, Any]:
    """The message metadata of an answer: the sources it cited, in order."""
    return {"event_type": ANSWER_EVENT, "event_payload": {"sources": list(cited_sources(answer))}}


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str | None, label: str) -> str:
    """A mrkdwn link for http(s) URLs; the escaped label alone for anything else."""
    if not url or not url.lower().startswith(("https://", "http://")):
        return label
    safe = (
        url.replace("&", "&amp;")
        .replace("<", "%3C")
        .replace(">", "%3E")
        .replace("|", "%7C")
        .replace(" ", "%20")
    )
    return f"<{safe}|{label}>"


def split_text(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Split mrkdwn text into pieces of at most `limit` characters, at natural breaks."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = _cut_point(rest, limit)
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def _cut_point(text: str, limit: int) -> int:
    window = text[:limit]
    cut = limit
    for separator in ("\n\n", "\n", ". ", " "):
        at = window.rfind(separator)
        if at > limit // 2:
            cut = at + len(separator)
            break
    # Never cut inside a <link|label> or an &entity; they would render broken.
    opened, closed = text.rfind("<", 0, cut), text.rfind(">", 0, cut)
    if opened > closed and opened > 0:
        cut = opened
    amp, semi = text.rfind("&", 0, cut), text.rfind(";", 0, cut)
    if amp > semi and amp > cut - 6 and amp > 0:
        cut = amp
    return cut


def truncate(text: str, limit: int) -> str:
    """Cut text to at most `limit` characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def section(text: str, block_id: str | None = None) -> Block:
    """A mrkdwn section; text must already be escaped and within the limit."""
    block: Block = {"type": "section", "text": {"type": "mrkdwn", "text": text}}
    if block_id:
        block["block_id"] = block_id
    return block


def context(*texts: str) -> Block:
    """A context block of mrkdwn elements (at most 10)."""
    elements = [{"type": "mrkdwn", "text": t} for t in texts[:CONTEXT_ELEMENTS]]
    return {"type": "context", "elements": elements}


def header(text: str) -> Block:
    """A plain-text header, cut to Block Kit's 150 characters."""
    return {
        "type": "header",
        "text": {"type": "plain_text", "text": truncate(text, HEADER_LIMIT), "emoji": True},
    }


def button(label: str, action_id: str, value: str, style: str | None = None) -> Block:
    """A button element whose value fits Block Kit's 2,000 characters."""
    if len(value) > BUTTON_VALUE_LIMIT:
        raise ValueError(f"button {action_id}: value of {len(value)} chars exceeds 2000")
    element: Block = {
        "type": "button",
        "action_id": action_id,
        "text": {"type": "plain_text", "text": label, "emoji": True},
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def text_message(text: str) -> SlackMessage:
    """A notice as one section; `text` is trusted mrkdwn with escaped interpolations."""
    return SlackMessage(text=text, blocks=tuple(section(p) for p in split_text(text)))


def citation_line(citation: Citation) -> str:
    """`[n] <url|title> · kind · date · s. page` in mrkdwn, escaped."""
    title = escape(truncate(citation.title or citation.source, TITLE_LIMIT))
    label = link(citation.url, title) if citation.url else f"*{title}*"
    parts = [f"*[{citation.n}]* {label}"]
    kind = messages.KIND_LABEL.get(citation.kind)
    if kind:
        parts.append(kind)
    if citation.date:
        parts.append(escape(citation.date))
    if citation.page is not None:
        parts.append(messages.PAGE.format(page=citation.page))
    return " · ".join(parts)


def citation_blocks(citations: Sequence[Citation]) -> list[Block]:
    """One context block per citation, or ten to a block when there are very many."""
    lines = [citation_line(c) for c in citations]
    if len(lines) <= CITATIONS_ONE_PER_BLOCK:
        return [context(line) for line in lines]
    groups = range(0, len(lines), CONTEXT_ELEMENTS)
    return [context(*lines[i : i + CONTEXT_ELEMENTS]) for i in groups]


def _notice(answer: Answer) -> str | None:
    if answer.mode == "llm-fallback":
        return messages.LLM_FALLBACK_NOTICE
    return escape(answer.notice) if answer.notice else None


def _linked_markers(text: str, citations: Sequence[Citation]) -> str:
    urls = {c.n: c.url for c in citations}

    def replace(match: re.Match[str]) -> str:
        return link(urls.get(int(match.group(1))), match.group(0))

    return _MARKER.sub(replace, text)


def _answer_sections(answer: Answer, budget: int) -> list[Block]:
    body = _linked_markers(escape(answer.text), answer.citations)
    pieces = split_text(body) or [messages.NO_ANSWER_TEXT]
    if len(pieces) > budget:
        pieces = pieces[:budget]
        room = SECTION_LIMIT - len(messages.TRUNCATED) - 1
        pieces[-1] = split_text(pieces[-1], room)[0] + "\n" + messages.TRUNCATED
    return [section(p, f"{ANSWER_BLOCK_PREFIX}{i}") for i, p in enumerate(pieces)]


def _actions(answer_id: str, *, has_sources: bool, shareable: bool) -> Block:
    elements = []
    if has_sources:
        elements.append(button(messages.BUTTON_SHOW_SOURCES, ACTION_SHOW_SOURCES, answer_id))
    elements.append(button(messages.BUTTON_HELPFUL, ACTION_HELPFUL, answer_id))
    elements.append(button(messages.BUTTON_NOT_HELPFUL, ACTION_NOT_HELPFUL, answer_id))
    if shareable:
        elements.append(button(messages.BUTTON_SHARE, ACTION_SHARE, answer_id, "primary"))
    return {"type": "actions", "block_id": "fou-actions", "elements": elements}


def fallback_text(answer: Answer, *, draft: bool = False) -> str:
    """The plain `text` of an answer message: the answer, then its sources in brief."""
    text = escape(answer.text.strip()) or messages.NO_ANSWER_TEXT
    if draft:
        text = f"{messages.DRAFT_WARNING}\n{text}"
    text = truncate(text, FALLBACK_LIMIT)
    if not answer.citations:
        return text
    sources = "; ".join(
        f"[{c.n}] {escape(truncate(c.title or c.source, TITLE_LIMIT))}" for c in answer.citations
    )
    return text + "\n\n" + truncate(messages.FALLBACK_SOURCES.format(sources=sources), 1000)


def answer_message(
    answer: Answer,
    answer_id: str,
    *,
    draft: bool = False,
    shareable: bool = False,
    shared_by: str | None = None,
) -> SlackMessage:
    """The answer, its notice, numbered sources and the buttons, in one message."""
    head = [section(messages.DRAFT_WARNING, "fou-draft")] if draft else []
    tail: list[Block] = []
    notice = _notice(answer)
    if notice:
        tail.append(context(f":information_source: {notice}"))
    if answer.citations:
        tail.append(section(messages.SOURCES_HEADING, "fou-sources"))
        tail.extend(citation_blocks(answer.citations))
    if shared_by and _USER_ID.match(shared_by):
        tail.append(context(messages.SHARED_BY.format(user=shared_by)))
    tail.append(_actions(answer_id, has_sources=bool(answer.citations), shareable=shareable))
    budget = min(MAX_ANSWER_SECTIONS, MAX_BLOCKS - len(head) - len(tail))
    blocks = [*head, *_answer_sections(answer, max(budget, 1)), *tail]
    return SlackMessage(
        text=fallback_text(answer, draft=draft),
        blocks=tuple(blocks),
        metadata=answer_metadata(answer),
    )


def quotes_message(answer: Answer) -> SlackMessage:
    """The exact quoted span of every citation, for the "Visa källor" button."""
    if not answer.citations:
        return text_message(messages.NO_QUOTES)
    blocks = [section(messages.QUOTES_HEADING, "fou-quotes")]
    fallback = [messages.QUOTES_HEADING]
    for citation in answer.citations[: MAX_BLOCKS - 1]:
        quote = escape(truncate(" ".join(citation.quote.split()), QUOTE_LIMIT))
        text = f"{citation_line(citation)}\n>{quote}"
        blocks.append(section(truncate(text, SECTION_LIMIT)))
        fallback.append(f"[{citation.n}] {quote}")
    return SlackMessage(text=truncate("\n".join(fallback), FALLBACK_LIMIT), blocks=tuple(blocks))


def help_message() -> SlackMessage:
    """What the bot can do, for `/fou hjälp` and an empty `/fou`."""
    return SlackMessage(
        text=messages.HELP, blocks=(header(messages.HELP_TITLE), section(messages.HELP))
    )
