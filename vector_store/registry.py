"""The document registry: one record per live document, and the generation marker.

A document's registry record names the content hash of its live version; passages of any
other version are invisible. The marker changes on every write, so readers can tell
cheaply whether anything changed. It is changed in the same Chroma call as the records it
announces: a reader (or a cache keyed by the marker) never sees new records under an old
marker, even when the writer is killed right after.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from chromadb.api import ClientAPI
from chromadb.api.types import Include

from vector_store.batches import placeholders, plain_collection, scan, slices
from vector_store.codec import DOCUMENT, RECORD_KEY, document_from, document_metadata
from vector_store.records import DocumentRecord, MetaValue

GENERATION_ID = "__generation__"
REMOVED = "removed"  # a removed document's record until its passages and grants are gone


class Registry:
    """The `{collection}-documents` collection."""

    def __init__(self, client: ClientAPI, name: str, *, page: int) -> None:
        self._records = plain_collection(client, name, "documents")
        self._page = page

    def flip(self, docs: Sequence[DocumentRecord]) -> None:
        """Point the registry at these versions, with a new marker: searches see them now."""
        for part in slices([len(doc.text) for doc in docs], self._page - 1):
            metadatas = [document_metadata(doc) for doc in docs[part]] + [_marker()]
            self._records.upsert(
                ids=[doc.doc_id for doc in docs[part]] + [GENERATION_ID],
                embeddings=placeholders(len(metadatas)),
                documents=[doc.text for doc in docs[part]] + [""],
                metadatas=metadatas,  # type: ignore[arg-type]
            )

    def remove(self, doc_id: str) -> None:
        """Forget a document; its passages and grants become invisible at once."""
        self._records.upsert(
            ids=[doc_id, GENERATION_ID],
            embeddings=placeholders(2),
            documents=["", ""],
            metadatas=[{RECORD_KEY: REMOVED, "doc_id": doc_id}, _marker()],
        )

    def forget_removed(self, doc_id: str | None = None) -> None:
        """Drop the record left by `remove` (of one document, or of all of them)."""
        if doc_id is not None:
            self._records.delete(ids=[doc_id], where={RECORD_KEY: REMOVED})
        else:
            self._records.delete(where={RECORD_KEY: REMOVED})

    def hashes(self, doc_ids: Sequence[str] | None = None) -> dict[str, str]:
        """doc_id -> live content hash, of the given documents or of all of them."""
        if doc_ids is None:
            found = scan(self._records, ["metadatas"], self._page, where={RECORD_KEY: DOCUMENT})
            return {record_id: str(meta.get("content_hash")) for record_id, _, meta in found}
        hashes: dict[str, str] = {}
        for start in range(0, len(doc_ids), self._page):
            ids = list(doc_ids[start : start + self._page])
            # By id alone: with a `where` beside the ids Chroma scans every record's metadata.
            got = self._records.get(ids=ids, include=["metadatas"])
            for record_id, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
                if meta.get(RECORD_KEY) == DOCUMENT:
                    hashes[record_id] = str(meta.get("content_hash"))
        return hashes

    def records(self, doc_ids: Sequence[str]) -> dict[str, DocumentRecord]:
        """The live records (without text) of the given documents that are registered."""
        found: dict[str, DocumentRecord] = {}
        for start in range(0, len(doc_ids), self._page):
            got = self._records.get(
                ids=list(doc_ids[start : start + self._page]), include=["metadatas"]
            )
            for record_id, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
                if meta.get(RECORD_KEY) == DOCUMENT:
                    found[record_id] = document_from(meta, "")
        return found

    def get(self, doc_id: str) -> DocumentRecord | None:
        """A live document with its text, or None."""
        got = self._records.get(ids=[doc_id], include=["metadatas", "documents"])
        meta = (got["metadatas"] or [{}])[0] if got["ids"] else {}
        if meta.get(RECORD_KEY) != DOCUMENT:
            return None  # unknown, or the generation marker
        return document_from(meta, (got["documents"] or [""])[0] or "")

    def any_document(self) -> bool:
        """Whether any live document is registered; one lookup, whatever the corpus size."""
        got = self._records.get(where={RECORD_KEY: DOCUMENT}, include=[], limit=1)
        return bool(got["ids"])

    def documents(self, *, with_text: bool) -> list[DocumentRecord]:
        """Every live document, sorted by doc_id; `text` is empty unless `with_text`."""
        include: Include = ["metadatas", "documents"] if with_text else ["metadatas"]
        found = scan(self._records, include, self._page, where={RECORD_KEY: DOCUMENT})
        docs = [document_from(meta, text or "") for _, text, meta in found]
        return sorted(docs, key=lambda doc: doc.doc_id)

    def generation(self) -> str:
        """The current generation marker; one lookup by id."""
        got = self._records.get(ids=[GENERATION_ID], include=["metadatas"])
        metas = got["metadatas"] or []
        return str(metas[0].get("value", "0")) if metas else "0"

    def bump(self) -> None:
        """Give the marker a new value."""
        self._records.upsert(ids=[GENERATION_ID], embeddings=placeholders(1), metadatas=[_marker()])


def _marker() -> dict[str, MetaValue]:
    """A new value of the generation marker."""
    changed_at = datetime.now(UTC).isoformat(timespec="seconds")
    return {RECORD_KEY: "generation", "value": uuid.uuid4().hex, "at": changed_at}
