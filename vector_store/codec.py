"""Turn store records into Chroma metadata and back; Chroma metadata cannot hold None."""

from __future__ import annotations

import json
from collections.abc import Mapping

from vector_store.errors import StoreError
from vector_store.records import DocumentRecord, MetaValue, PageSpans

RECORD_KEY = "record"  # marks what a registry entry is: a document or the generation marker
DOCUMENT = "document"
EXTRA_PREFIX = "extra."
_OPTIONAL_FIELDS = ("date", "url", "dnr", "body")


def clean(metadata: Mapping[str, object]) -> dict[str, MetaValue]:
    """Only the values Chroma can hold and we can read back: drops None and anything else."""
    return {
        key: value for key, value in metadata.items() if isinstance(value, str | int | float | bool)
    }


def document_metadata(doc: DocumentRecord) -> dict[str, MetaValue]:
    """The registry metadata of a document: its fields without the text, None values left out."""
    meta: dict[str, MetaValue] = {
        RECORD_KEY: DOCUMENT,
        "doc_id": doc.doc_id,
        "source": doc.source,
        "path": doc.path,
        "content_hash": doc.content_hash,
        "title": doc.title,
        "kind": doc.kind,
        "chunk_count": doc.chunk_count,
        "ingested_at": doc.ingested_at,
        "redactions": doc.redactions,
        "extractor_version": doc.extractor_version,
    }
    if doc.pages:
        meta["pages"] = json.dumps([list(span) for span in doc.pages])
    for name in _OPTIONAL_FIELDS:
        value = getattr(doc, name)
        if value is not None:
            meta[name] = value
    for key, value in clean(doc.extra).items():
        meta[EXTRA_PREFIX + key] = value
    return meta


def document_from(meta: Mapping[str, object], text: str) -> DocumentRecord:
    """Rebuild a document from its registry metadata; missing optional fields become None."""
    extra = {
        key[len(EXTRA_PREFIX) :]: value
        for key, value in clean(meta).items()
        if key.startswith(EXTRA_PREFIX)
    }
    return DocumentRecord(
        doc_id=_text(meta, "doc_id"),
        source=_text(meta, "source"),
        path=_text(meta, "path"),
        content_hash=_text(meta, "content_hash"),
        title=_text(meta, "title"),
        kind=_text(meta, "kind"),
        text=text,
        chunk_count=_number(meta, "chunk_count"),
        ingested_at=_text(meta, "ingested_at"),
        date=_optional_text(meta, "date"),
        url=_optional_text(meta, "url"),
        dnr=_optional_text(meta, "dnr"),
        body=_optional_text(meta, "body"),
        redactions=_number(meta, "redactions"),
        extra=extra,
        extractor_version=_number(meta, "extractor_version"),
        pages=_pages(meta.get("pages")),
    )


def _text(meta: Mapping[str, object], key: str) -> str:
    value = meta.get(key)
    if not isinstance(value, str):
        raise StoreError(
            f"store: registry record {meta.get('doc_id')!r} has no text field {key!r}; "
            "it was not written by this version of fou-bot; re-ingest the document"
        )
    return value


def _optional_text(meta: Mapping[str, object], key: str) -> str | None:
    value = meta.get(key)
    return value if isinstance(value, str) else None


def _number(meta: Mapping[str, object], key: str) -> int:
    value = meta.get(key, 0)
    return int(value) if isinstance(value, int | float) else 0


def _pages(value: object) -> PageSpans:
    """Page spans written as JSON; anything unreadable counts as not recorded."""
    if not isinstance(value, str):
        return ()
    try:
        spans = json.loads(value)
        return tuple(
            (None if number is None else int(number), int(start), int(end))
            for number, start, end in spans
        )
    except (ValueError, TypeError):
        return ()
