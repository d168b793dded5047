"""The grants ledger: records with metadata only, one set per version of a document.

A grant row carries the content hash and extractor version it was read with. Only rows
matching a document's registry record are live, so new rows are written before the
registry flips to them and the rows they replace are deleted after, as passages are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from chromadb.api import ClientAPI
from chromadb.api.types import Where

from vector_store.batches import delete_ids, placeholders, plain_collection, scan, written_at
from vector_store.codec import clean
from vector_store.errors import StoreError
from vector_store.records import DocumentRecord, MetaValue, grant_id

Grant = tuple[str, str, Mapping[str, MetaValue]]  # id, sentence, metadata
Row = tuple[str, str, dict[str, MetaValue]]

_DOCS_PER_LOOKUP = 200  # documents named in one `$in` lookup of grant ids


def version_of(meta: Mapping[str, MetaValue]) -> tuple[object, int]:
    """The (content hash, extractor version) a grant row or registry record names."""
    version = meta.get("extractor_version", 0)
    return meta.get("content_hash"), int(version) if isinstance(version, int | float) else 0


def is_live(meta: Mapping[str, MetaValue], doc: DocumentRecord | None) -> bool:
    """Whether a grant row belongs to the live version of its document."""
    return doc is not None and version_of(meta) == (doc.content_hash, doc.extractor_version)


class GrantLedger:
    """The `{collection}-grants` collection."""

    def __init__(self, client: ClientAPI, name: str, *, page: int) -> None:
        self._records = plain_collection(client, name, "grants")
        self._page = page

    def add(
        self, docs: Sequence[DocumentRecord], grants: Mapping[str, Sequence[Grant]], stamp: float
    ) -> None:
        """Write the grants of these document versions; invisible until the registry flips."""
        rows: list[Row] = []
        for doc in docs:
            records = grants.get(doc.doc_id, ())
            _check_ids(doc, [grant_id for grant_id, _, _ in records])
            owner: dict[str, MetaValue] = {
                "doc_id": doc.doc_id,
                "content_hash": doc.content_hash,
                "extractor_version": doc.extractor_version,
                "written_at": stamp,
            }
            # The store's own keys win: they decide which version a row belongs to.
            rows.extend(
                (grant_id, text, {**clean(meta), **owner}) for grant_id, text, meta in records
            )
        for start in range(0, len(rows), self._page):
            part = rows[start : start + self._page]
            self._records.upsert(
                ids=[grant_id for grant_id, _, _ in part],
                embeddings=placeholders(len(part)),
                documents=[text for _, text, _ in part],
                metadatas=[meta for _, _, meta in part],  # type: ignore[misc]
            )

    def delete_superseded(
        self, docs: Sequence[DocumentRecord], previous: Mapping[str, DocumentRecord], aged: float
    ) -> None:
        """Delete rows of these documents that are not of their new version.

        Rows of the version each document had before go at once; other leftovers only when
        written before `aged`, since they may be another writer's rows about to go live.
        """
        by_id = {doc.doc_id: doc for doc in docs}
        stale = [
            grant_id
            for grant_id, _, meta in self._rows_of(list(by_id))
            if not is_live(meta, by_id[str(meta.get("doc_id"))])
            and (is_live(meta, previous.get(str(meta.get("doc_id")))) or written_at(meta) < aged)
        ]
        delete_ids(self._records, stale, self._page)

    def _rows_of(
        self, doc_ids: Sequence[str]
    ) -> list[tuple[str, str | None, dict[str, MetaValue]]]:
        found: list[tuple[str, str | None, dict[str, MetaValue]]] = []
        for start in range(0, len(doc_ids), _DOCS_PER_LOOKUP):
            group = list(doc_ids[start : start + _DOCS_PER_LOOKUP])
            where = {"doc_id": group[0]} if len(group) == 1 else {"doc_id": {"$in": group}}
            found.extend(scan(self._records, ["metadatas"], self._page, where=cast(Where, where)))
        return found

    def remove(self, doc_id: str) -> None:
        """Drop every grant of a document."""
        self._records.delete(where={"doc_id": doc_id})

    def records(self, where: dict[str, Any] | None = None) -> list[Row]:
        """Every grant row (id, text, metadata) of any version, optionally filtered."""
        found = scan(
            self._records,
            ["metadatas", "documents"],
            self._page,
            where=cast(Where, where) if where else None,
        )
        return [(grant_id, text or "", meta) for grant_id, text, meta in found]

    def count(self) -> int:
        """How many grant rows are stored, including any an unfinished write left."""
        return int(self._records.count())

    def collect(self, live: Mapping[str, DocumentRecord], cutoff: float) -> int:
        """Delete rows of no live version written before `cutoff`; returns how many went."""
        orphans = [
            grant_id
            for grant_id, _, meta in scan(self._records, ["metadatas"], self._page)
            if not is_live(meta, live.get(str(meta.get("doc_id")))) and written_at(meta) < cutoff
        ]
        delete_ids(self._records, orphans, self._page)
        return len(orphans)


def _check_ids(doc: DocumentRecord, ids: Sequence[str]) -> None:
    prefix = grant_id(doc.doc_id, doc.content_hash, doc.extractor_version, 0)[:-1]
    wrong = next((i for i in ids if not i.startswith(prefix)), None)
    if wrong is not None or len(set(ids)) != len(ids):
        raise StoreError(
            f"store: grants of {doc.doc_id!r} repeat an id or name another version (got "
            f"{wrong or 'a repeated id'}); build ids with vector_store.records.grant_id"
        )
