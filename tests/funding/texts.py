"""A test-written text as the document the extractor reads, and the ledger rows it gives."""

from __future__ import annotations

from funding.grants import extract_grants
from ingest.models import DocumentMeta, PageSpan, ParsedDocument


def parsed(
    text: str, title: str = "Nyhet", kind: str = "news", date: str = "2024-05-01"
) -> ParsedDocument:
    """One page of `text`, with the metadata a parsed file would carry."""
    return ParsedDocument(
        doc_id="doc-test",
        source="test",
        path="test.txt",
        content_hash="hash",
        text=text,
        pages=(PageSpan(None, 0, len(text)),),
        meta=DocumentMeta(title=title, kind=kind, date=date),
    )


def rows(text: str, **meta: str) -> list[tuple[int, tuple[str, ...], str]]:
    """Amount, recipients and status of every grant the text states."""
    return [(g.amount, g.recipients, g.status) for g in extract_grants(parsed(text, **meta))]
