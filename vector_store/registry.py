"""The document registry: one record per live document, and the generation marker.

A document's registry record names the content hash of its live version; passages of any
other version are invisible. The marker changes on every write, so readers can tell
cheaply whether anything changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from chromadb.api import ClientAPI
from chromadb.api.types import Include

from vector_store.batches import placeholders, plain_collection, scan, slices
from vector_store.codec import DOCUMENT, RECORD_KEY, document_from, document_metadata
from vector_store.records import DocumentRecord

GENERATION_ID = "__generation__"


class Registry:
    """The `{collection}-documents` collection."""

    def __init__(self, client: ClientAPI, name: str, *, page: int) -> None:
        self._records = plain_collection(client, name, "documents")
        self._page = page

    def flip(self, docs: Sequence[DocumentRecord]) -> None:
        """Point the registry at these versions: from here on searches see them."""
        for part in slices([len(doc.text) for doc in docs], self._page):
            self._records.upsert(
                ids=[doc.doc_id for doc in docs[part]],
                embeddings=placeholders(len(docs[part])),
                documents=[doc.text for doc in docs[part]],
                metadatas=[document_metadata(doc) for doc in docs[part]],  # type: ignore[misc]
            )

    def remove(self, doc_id: str) -> None:
        """Forget a document; its passages become invisible at once."""
        self._records.delete(ids=[doc_id])

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

    def get(self, doc_id: str) -> DocumentRecord | None:
        """A live document with its text, or None."""
        got = self._records.get(ids=[doc_id], include=["metadatas", "documents"])
        meta = (got["metadatas"] or [{}])[0] if got["ids"] else {}
        if meta.get(RECORD_KEY) != DOCUMENT:
            return None  # unknown, or the generation marker
        return document_from(meta, (got["documents"] or [""])[0] or "")

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
        changed_at = datetime.now(UTC).isoformat(timespec="seconds")
        self._records.upsert(
            ids=[GENERATION_ID],
            embeddings=placeholders(1),
            metadatas=[{RECORD_KEY: "generation", "value": uuid.uuid4().hex, "at": changed_at}],
        )
