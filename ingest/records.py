"""Turn parsed documents, chunks and grants into the plain records the store keeps."""

from __future__ import annotations

from collections.abc import Sequence

from funding.models import Grant
from ingest.models import Chunk, ParsedDocument
from vector_store.records import ChunkRecord, DocumentRecord, MetaValue, chunk_id, grant_id


def date_number(iso: str | None) -> int | None:
    """2013-06-25 -> 20130625, so Chroma can filter date ranges numerically."""
    if not iso or len(iso) < 10:
        return None
    digits = iso[:10].replace("-", "")
    return int(digits) if digits.isdigit() else None


def _clean(values: dict[str, MetaValue | None]) -> dict[str, MetaValue]:
    # Chroma metadata cannot hold None; absent keys read back as None.
    return {k: v for k, v in values.items() if v is not None}


def document_record(
    doc: ParsedDocument, chunk_count: int, ingested_at: str, *, extractor_version: int
) -> DocumentRecord:
    """The registry record of a document whose grants `extractor_version` read."""
    people = "; ".join(sorted({q.speaker for q in doc.meta.quotes}))
    extra: dict[str, MetaValue] = {k: str(v) for k, v in doc.meta.extra.items()}
    if people:
        extra["people"] = people
    return DocumentRecord(
        doc_id=doc.doc_id,
        source=doc.source,
        path=doc.path,
        content_hash=doc.content_hash,
        title=doc.meta.title,
        kind=doc.meta.kind,
        text=doc.text,
        chunk_count=chunk_count,
        ingested_at=ingested_at,
        date=doc.meta.date,
        url=doc.meta.url,
        dnr=doc.meta.dnr,
        body=doc.meta.body,
        redactions=doc.redactions,
        extra=extra,
        extractor_version=extractor_version,
        pages=tuple((page.number, page.start, page.end) for page in doc.pages),
    )


def chunk_records(doc: ParsedDocument, chunks: Sequence[Chunk]) -> list[ChunkRecord]:
    """One record per chunk, carrying its document's metadata for filtering and citing."""
    base: dict[str, MetaValue | None] = {
        "doc_id": doc.doc_id,
        "content_hash": doc.content_hash,
        "source": doc.source,
        "path": doc.path,
        "title": doc.meta.title,
        "kind": doc.meta.kind,
        "date": doc.meta.date,
        "date_int": date_number(doc.meta.date),
        "url": doc.meta.url,
        "body": doc.meta.body,
        "dnr": doc.meta.dnr,
    }
    records = []
    for chunk in chunks:
        meta = dict(base)
        meta.update(
            page=chunk.page,
            start=chunk.start,
            end=chunk.end,
            chunk_index=chunk.index,
            heading=chunk.heading,
        )
        records.append(
            ChunkRecord(
                chunk_id(doc.doc_id, doc.content_hash, chunk.index), chunk.text, _clean(meta)
            )
        )
    return records


def grant_records(
    doc: ParsedDocument, grants: Sequence[Grant], *, extractor_version: int
) -> list[tuple[str, str, dict[str, MetaValue]]]:
    """Ledger rows (id, supporting sentence, metadata) read by `extractor_version`."""
    rows = []
    for i, grant in enumerate(grants):
        meta: dict[str, MetaValue | None] = {
            "amount_sek": grant.amount_sek,  # absent for a foreign amount
            "amount": grant.amount,
            "currency": grant.currency,
            "year": grant.year,
            "approximate": grant.approximate,
            "recipients": "; ".join(grant.recipients),
            "purpose": grant.purpose,
            "body": grant.body,
            "date": grant.date,
            "date_int": date_number(grant.date),
            "status": grant.status,
            "doc_id": grant.doc_id,
            "content_hash": doc.content_hash,
            "source": grant.source,
            "title": grant.title,
            "kind": doc.meta.kind,
            "url": doc.meta.url,
            "path": doc.path,
            "page": grant.page,
            "start": grant.start,
            "end": grant.end,
        }
        row_id = grant_id(doc.doc_id, doc.content_hash, extractor_version, i)
        rows.append((row_id, grant.sentence, _clean(meta)))
    return rows
