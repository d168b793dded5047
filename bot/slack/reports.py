"""Pure functions from the index overview and ingest reports to Block Kit messages."""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePath
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.slack import messages
from bot.slack.blocks import (
    SECTION_LIMIT,
    TITLE_LIMIT,
    Block,
    SlackMessage,
    context,
    escape,
    header,
    link,
    section,
    truncate,
)
from ingest.report import IngestReport
from vector_store.records import IndexOverview

NEWEST_SHOWN = 10
WARNINGS_SHOWN = 10


def format_timestamp(value: str) -> str:
    """An ISO timestamp as `yyyy-mm-dd hh:mm` in Stockholm time; unparseable values as given."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return escape(value)
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(ZoneInfo("Europe/Stockholm"))
        except ZoneInfoNotFoundError:
            return moment.strftime("%Y-%m-%d %H:%M %Z")
    return moment.strftime("%Y-%m-%d %H:%M")


def _kinds(by_kind: dict[str, int]) -> str:
    ordered = sorted(by_kind.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{escape(messages.KIND_LABELS.get(k, k))}: {n}" for k, n in ordered)


def overview_message(overview: IndexOverview) -> SlackMessage:
    """`/fou källor`: counts, counts by kind, the newest documents and the last ingest."""
    blocks: list[Block] = [header(messages.OVERVIEW_TITLE)]
    if overview.documents == 0:
        blocks.append(section(messages.OVERVIEW_EMPTY))
    else:
        counts = messages.OVERVIEW_COUNTS.format(
            documents=overview.documents, chunks=overview.chunks, grants=overview.grants
        )
        blocks.append(section(counts))
        if overview.by_kind:
            kinds = messages.OVERVIEW_BY_KIND.format(kinds=_kinds(dict(overview.by_kind)))
            blocks.append(section(truncate(kinds, SECTION_LIMIT)))
        if overview.newest:
            lines = [messages.OVERVIEW_NEWEST]
            for doc in overview.newest[:NEWEST_SHOWN]:
                title = link(doc.url, escape(truncate(doc.title or doc.source, TITLE_LIMIT)))
                lines.append(f"• {title} ({escape(doc.date)})" if doc.date else f"• {title}")
            blocks.append(section(truncate("\n".join(lines), SECTION_LIMIT)))
    when = (
        messages.OVERVIEW_LAST_INGEST.format(when=format_timestamp(overview.last_ingest))
        if overview.last_ingest
        else messages.OVERVIEW_NEVER_INGESTED
    )
    blocks.append(context(when))
    texts = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    return SlackMessage(text=truncate("\n".join(texts), 3000), blocks=tuple(blocks))


def ingest_summary(report: IngestReport, name: str) -> SlackMessage:
    """What an upload's ingest did: counts, chunks, redactions, failure reasons, files already
    indexed under another name, warnings."""
    totals = report.totals()
    lines = [messages.UPLOAD_SUMMARY.format(name=escape(name), **totals)]
    for failed in report.failures:
        reason = failed.error or messages.UPLOAD_UNKNOWN_REASON
        lines.append(
            messages.UPLOAD_FAILURE_REASON.format(
                path=escape(PurePath(failed.path).name), reason=escape(reason)
            )
        )
    for copy in (f for f in report.files if f.status == "duplicate"):
        lines.append(
            messages.UPLOAD_DUPLICATE.format(
                path=escape(PurePath(copy.path).name),
                original=escape(PurePath(copy.duplicate_of or "?").name),
            )
        )
    warnings = [w for f in report.files for w in f.warnings][:WARNINGS_SHOWN]
    lines.extend(messages.UPLOAD_WARNING.format(warning=escape(w)) for w in warnings)
    text = truncate("\n".join(lines), SECTION_LIMIT)
    return SlackMessage(text=text, blocks=(section(text, "fou-ingest"),))
