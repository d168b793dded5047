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
    # Called once per stored row on every start (60,000 rows at 50,000 passages): each value
    # is read once, and converted only where the stored type may differ.
    get = meta.get
    named = get("recipients")
    sek = get("amount_sek")
    page = get("page")
    year = get("year")
    amount = get("amount")
    return Grant(
        amount_sek=None if sek is None else int(sek),
        approximate=bool(get("approximate", False)),
        recipients=tuple(r for r in named.split("; ") if r) if named else (),
        purpose=optional_text(get("purpose")),
        body=optional_text(get("body")),
        date=optional_text(get("date")),
        status=str(get("status", "reported")),
        doc_id=str(meta["doc_id"]),
        source=str(get("source", "")),
        title=str(get("title", "")),
        page=None if page is None else int(page),
        start=int(get("start", 0)),
        end=int(get("end", 0)),
        sentence=sentence,
        currency=str(get("currency", "SEK")),
        amount=int(amount) if amount is not None else (int(sek) if sek is not None else 0),
        year=None if year is None else int(year),
    )


def optional_text(value: object) -> str | None:
    """A stored metadata value as text; None stays None."""
    return None if value is None else str(value)
