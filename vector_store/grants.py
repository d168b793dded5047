"""The grants ledger: records with metadata only, replaced per document."""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from typing import Any, cast

from chromadb.api import ClientAPI
from chromadb.api.types import Where

from vector_store.batches import delete_ids, now, placeholders, plain_collection, scan, written_at
from vector_store.codec import clean
from vector_store.errors import StoreError
from vector_store.records import MetaValue

Grant = tuple[str, str, Mapping[str, MetaValue]]  # id, sentence, metadata

_DOCS_PER_LOOKUP = 200  # documents named in one `$in` lookup of old grant ids


class GrantLedger:
    """The `{collection}-grants` collection."""

    def __init__(self, client: ClientAPI, name: str, *, page: int) -> None:
        self._records = plain_collection(client, name, "grants")
        self._page = page

    def replace(self, grants: Mapping[str, Sequence[Grant]]) -> None:
        """Make `grants[doc_id]` the grants of each document: upsert them, drop the others.

        All documents' grants go in shared upserts, so a batch of many small documents costs
        a few calls rather than several per document.
        """
        for doc_id, records in grants.items():
            ids = [grant_id for grant_id, _, _ in records]
            if len(set(ids)) != len(ids):
                raise StoreError(
                    f"store: grants of {doc_id!r} repeat an id; give each grant its own id"
                )
        stamp = now()
        rows = [(doc_id, grant) for doc_id, records in grants.items() for grant in records]
        for start in range(0, len(rows), self._page):
            part = rows[start : start + self._page]
            self._records.upsert(
                ids=[grant_id for _, (grant_id, _, _) in part],
                embeddings=placeholders(len(part)),
                documents=[text for _, (_, text, _) in part],
                metadatas=[  # type: ignore[misc]
                    {**clean(meta), "doc_id": doc_id, "written_at": stamp}
                    for doc_id, (_, _, meta) in part
                ],
            )
        kept = {grant_id for _, (grant_id, _, _) in rows}
        doc_ids = list(grants)
        old: list[str] = []
        for start in range(0, len(doc_ids), _DOCS_PER_LOOKUP):
            group = doc_ids[start : start + _DOCS_PER_LOOKUP]
            where = {"doc_id": group[0]} if len(group) == 1 else {"doc_id": {"$in": group}}
            old.extend(self._records.get(where=cast(Where, where), include=[])["ids"])
        delete_ids(self._records, sorted(set(old) - kept), self._page)

    def remove(self, doc_id: str) -> None:
        """Drop every grant of a document."""
        self._records.delete(where={"doc_id": doc_id})

    def records(
        self, where: dict[str, Any] | None = None
    ) -> list[tuple[str, str, dict[str, MetaValue]]]:
        """Every grant (id, text, metadata), optionally filtered by metadata."""
        found = scan(
            self._records,
            ["metadatas", "documents"],
            self._page,
            where=cast(Where, where) if where else None,
        )
        return [(grant_id, text or "", meta) for grant_id, text, meta in found]

    def count(self) -> int:
        """How many grants are stored."""
        return int(self._records.count())

    def collect(self, live: Container[str], cutoff: float) -> int:
        """Delete grants of documents not in `live` written before `cutoff`; how many went."""
        orphans = [
            grant_id
            for grant_id, _, meta in scan(self._records, ["metadatas"], self._page)
            if str(meta.get("doc_id")) not in live and written_at(meta) < cutoff
        ]
        delete_ids(self._records, orphans, self._page)
        return len(orphans)
