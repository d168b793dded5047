"""The grants ledger as the store keeps it, read into the engine's Ledger.

Apart from `bot.retrieval` so that `fou-bot grants` reads the ledger without importing the
lexical index and its libraries.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from bot.engine.ledger import DocumentInfo, Ledger
from funding import Grant
from vector_store.records import DocumentRecord

if TYPE_CHECKING:
    from vector_store.chroma_store import ChunkStore


def load_ledger(store: ChunkStore) -> Ledger:
    """The grants of the documents whose current version is in the registry."""
    return ledger_from(store.live_grants(), store.list_documents())


def ledger_from(
    rows: Sequence[tuple[str, str, Mapping[str, Any]]], documents: Sequence[DocumentRecord]
) -> Ledger:
    """The ledger of stored grant rows (id, sentence, metadata) and their documents."""
    grants = [_grant(sentence, meta) for _, sentence, meta in rows]
    info = {d.doc_id: DocumentInfo(d.kind, d.url, d.path) for d in documents}
    return Ledger.of(grants, info)


def _grant(sentence: str, meta: Mapping[str, Any]) -> Grant:
    recipients = tuple(r for r in str(meta.get("recipients", "")).split("; ") if r)
    sek = meta.get("amount_sek")
    return Grant(
        amount_sek=None if sek is None else int(sek),
        approximate=bool(meta.get("approximate", False)),
        recipients=recipients,
        purpose=optional_text(meta.get("purpose")),
        body=optional_text(meta.get("body")),
        date=optional_text(meta.get("date")),
        status=str(meta.get("status", "reported")),
        doc_id=str(meta["doc_id"]),
        source=str(meta.get("source", "")),
        title=str(meta.get("title", "")),
        page=int(meta["page"]) if meta.get("page") is not None else None,
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
        sentence=sentence,
        currency=str(meta.get("currency", "SEK")),
        amount=int(meta.get("amount", sek if sek is not None else 0)),
        year=int(meta["year"]) if meta.get("year") is not None else None,
    )


def optional_text(value: object) -> str | None:
    """A stored metadata value as text; None stays None."""
    return None if value is None else str(value)
