"""Read the grants of stored documents again when the extractor has changed.

The stored text is what was embedded, so re-reading it gives the grants a fresh ingest
would give, without parsing files or embedding anything. The new rows go live in the same
registry switch as a changed document's passages (see vector_store/chroma_store.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from funding.grants import EXTRACTOR_VERSION, extract_grants
from ingest.models import DocumentMeta, PageSpan, ParsedDocument
from ingest.records import grant_records
from vector_store.records import DocumentRecord, MetaValue, PageSpans

Row = tuple[str, str, Mapping[str, MetaValue]]
_GROUP = 200  # documents whose texts are held at once


class GrantStore(Protocol):
    """The part of the chunk store that re-extraction reads and writes."""

    def get_document(self, doc_id: str) -> DocumentRecord | None: ...
    def chunk_pages(self, doc: DocumentRecord) -> PageSpans: ...
    def replace_grants(
        self, docs: Sequence[DocumentRecord], grants: Mapping[str, Sequence[Row]]
    ) -> int: ...


def outdated(records: Iterable[DocumentRecord]) -> list[DocumentRecord]:
    """The documents whose grants another extractor version read."""
    return [doc for doc in records if doc.extractor_version != EXTRACTOR_VERSION]


def regrant(store: GrantStore, records: Sequence[DocumentRecord]) -> dict[str, int]:
    """Re-read the grants of these documents from their stored text; doc_id -> grants."""
    counts: dict[str, int] = {}
    for start in range(0, len(records), _GROUP):
        docs: list[DocumentRecord] = []
        rows: dict[str, list[Row]] = {}
        for record in records[start : start + _GROUP]:
            stored = store.get_document(record.doc_id)
            if stored is None or stored.content_hash != record.content_hash:
                continue  # removed or changed since it was listed
            parsed = parsed_from(stored, stored.pages or store.chunk_pages(stored))
            found = grant_records(
                parsed, extract_grants(parsed), extractor_version=EXTRACTOR_VERSION
            )
            docs.append(replace(stored, extractor_version=EXTRACTOR_VERSION, pages=_spans(parsed)))
            rows[stored.doc_id] = list(found)
            counts[stored.doc_id] = len(found)
        store.replace_grants(docs, rows)
    return counts


def parsed_from(record: DocumentRecord, pages: PageSpans) -> ParsedDocument:
    """The parsed document a stored record was made from, as far as extraction reads it."""
    meta = DocumentMeta(
        title=record.title,
        kind=record.kind,
        date=record.date,
        url=record.url,
        dnr=record.dnr,
        body=record.body,
        extra={key: str(value) for key, value in record.extra.items()},
    )
    return ParsedDocument(
        doc_id=record.doc_id,
        source=record.source,
        path=record.path,
        content_hash=record.content_hash,
        text=record.text,
        pages=tuple(PageSpan(number, start, end) for number, start, end in pages)
        or (PageSpan(None, 0, len(record.text)),),
        meta=meta,
        redactions=record.redactions,
    )


def _spans(doc: ParsedDocument) -> PageSpans:
    return tuple((page.number, page.start, page.end) for page in doc.pages)
