"""The store of one corpus: passages, the document registry and the grants ledger.

Chroma has no transactions, so the registry record of a document is the single pointer to
its live version: new chunks are added first, then the record flips to the new content
hash, then the previous version's chunks go. Searches only return chunks whose
(doc_id, content_hash) matches the registry, so chunks of an unfinished write are never
seen; `collect_garbage` deletes them once they are older than a grace period.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any, cast

import chromadb
from chromadb.api import ClientAPI
from chromadb.api.types import Where
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from vector_store.batches import delete_ids, now, scan, slices, written_at
from vector_store.codec import clean
from vector_store.errors import ModelMismatch, StoreError
from vector_store.grants import Grant, GrantLedger
from vector_store.records import (
    ChunkRecord,
    DocumentRecord,
    IndexOverview,
    MetaValue,
    StoredChunk,
)
from vector_store.registry import GENERATION_ID, Registry

DEFAULT_GC_GRACE = timedelta(minutes=30)
_DELETE_GROUP = 100
_NEWEST = 5

Item = tuple[DocumentRecord, Sequence[ChunkRecord]]
Filter = dict[str, Any]  # a Chroma `where` filter, e.g. {"kind": "news"}


def chunk_id(doc_id: str, content_hash: str, index: int) -> str:
    """The id of passage `index` of one version of a document; versions never share ids."""
    return f"{doc_id}:{content_hash[:12]}:{index}"


class ChunkStore:
    """Passages, documents and grants of one corpus, kept in three Chroma collections."""

    def __init__(
        self,
        client: ClientAPI,
        *,
        collection: str,
        embeddings: Embeddings,
        model_name: str,
        chunking: str,
        batch_size: int | None = None,
    ) -> None:
        self.name = collection
        self._embeddings = embeddings
        # Records per Chroma call; the client's maximum unless a smaller one is asked for.
        self._batch = min(batch_size or client.get_max_batch_size(), client.get_max_batch_size())
        built: dict[str, MetaValue] = {
            "embedding_model": model_name,
            "embedding_dim": len(embeddings.embed_query("dimension")),
            "chunking": chunking,
        }
        self._vectors = Chroma(
            collection_name=collection,
            embedding_function=embeddings,
            client=client,
            # Metadata rather than `collection_configuration`: chromadb 1.5 turns it into
            # hnsw.space=cosine without a legacy embedding-function entry that warns on read.
            collection_metadata={"hnsw:space": "cosine", **built, "schema": 1},
        )
        self._passages = client.get_collection(collection, embedding_function=None)
        _check_built(self._passages, collection, built)
        self._registry = Registry(client, f"{collection}-documents", page=self._batch)
        self._grants = GrantLedger(client, f"{collection}-grants", page=self._batch)

    # --- writing ---------------------------------------------------------------------

    def write_documents(self, items: Sequence[Item]) -> None:
        """Store new versions of documents; each one flips from old to new in one step."""
        _validate(items)
        if not items:
            return
        started = now()
        docs = [doc for doc, _ in items]
        self._add_chunks(items, started)
        previous = self._registry.hashes([doc.doc_id for doc in docs])
        self._flip(docs)
        self._delete_superseded(docs, previous, started - DEFAULT_GC_GRACE.total_seconds())
        self._registry.bump()

    def _add_chunks(self, items: Sequence[Item], stamp: float) -> None:
        """Add the passages of all items, embedded in large batches across documents."""
        ids: list[str] = []
        texts: list[str] = []
        metadatas: list[dict[str, MetaValue]] = []
        for doc, chunks in items:
            for chunk in chunks:
                ids.append(chunk.chunk_id)
                texts.append(chunk.text)
                metadatas.append(_chunk_metadata(doc, chunk.metadata, stamp))
        for part in slices([len(text) for text in texts], self._batch):
            self._vectors.add_texts(texts[part], metadatas=metadatas[part], ids=ids[part])

    def _flip(self, docs: Sequence[DocumentRecord]) -> None:
        """Point the registry at the new versions: from here on searches see them."""
        self._registry.flip(docs)

    def _delete_superseded(
        self, docs: Sequence[DocumentRecord], previous: Mapping[str, str], aged: float
    ) -> None:
        """Delete the version each document had before, and its leftovers older than `aged`.

        Younger leftovers may be another writer's chunks of a version about to go live;
        they stay until `collect_garbage` finds them old and unowned.
        """
        clauses: list[dict[str, Any]] = []
        for doc in docs:
            stale: dict[str, Any] = {"written_at": {"$lt": aged}}
            before = previous.get(doc.doc_id)
            if before is not None and before != doc.content_hash:
                stale = {"$or": [{"content_hash": before}, stale]}
            clauses.append(
                {
                    "$and": [
                        {"doc_id": doc.doc_id},
                        {"content_hash": {"$ne": doc.content_hash}},
                        stale,
                    ]
                }
            )
        for start in range(0, len(clauses), _DELETE_GROUP):
            group = clauses[start : start + _DELETE_GROUP]
            where = group[0] if len(group) == 1 else {"$or": group}
            self._passages.delete(where=cast(Where, where))

    def remove_document(self, doc_id: str) -> None:
        """Remove a document, its passages and its grants; nothing happens if it is unknown."""
        self._registry.remove(doc_id)  # first: the document is gone from searches now
        self._passages.delete(where={"doc_id": doc_id})
        self._grants.remove(doc_id)
        self._registry.bump()

    def collect_garbage(self, *, grace: timedelta = DEFAULT_GC_GRACE) -> int:
        """Delete passages and grants no live document owns; returns how many went.

        Records younger than `grace` are kept: they may belong to a write still under way.
        """
        hashes = self._registry.hashes()
        cutoff = now() - grace.total_seconds()
        stale = [
            record_id
            for record_id, _, meta in scan(self._passages, ["metadatas"], self._batch)
            if hashes.get(str(meta.get("doc_id"))) != meta.get("content_hash")
            and written_at(meta) < cutoff
        ]
        delete_ids(self._passages, stale, self._batch)
        return len(stale) + self._grants.collect(hashes, cutoff)

    def replace_grants(self, doc_id: str, records: Sequence[Grant]) -> None:
        """Make `records` (id, text, metadata) the grants of `doc_id`, dropping the others."""
        self.replace_grants_of({doc_id: records})

    def replace_grants_of(self, grants: Mapping[str, Sequence[Grant]]) -> None:
        """Make `grants[doc_id]` the grants of each document, in shared calls."""
        if not grants:
            return
        self._grants.replace(grants)
        self._registry.bump()

    # --- reading ---------------------------------------------------------------------

    def generation(self) -> str:
        """A token that changes on every write or removal; one lookup by id."""
        return self._registry.generation()

    def get_document(self, doc_id: str) -> DocumentRecord | None:
        """The live version of a document with its text, or None."""
        return self._registry.get(doc_id)

    def list_documents(self, *, with_text: bool = False) -> list[DocumentRecord]:
        """Every live document, sorted by doc_id; `text` is empty unless `with_text`."""
        return self._registry.documents(with_text=with_text)

    def document_hashes(self) -> dict[str, str]:
        """doc_id -> content hash of the live version, for skipping unchanged files."""
        return self._registry.hashes()

    def embed_query(self, query: str) -> list[float]:
        """The query's vector, so callers can time embedding apart from searching."""
        return self._embeddings.embed_query(query)

    def dense_search(self, query: str, k: int, where: Filter | None = None) -> list[StoredChunk]:
        """The `k` live passages nearest to `query`; score is the cosine similarity."""
        return self.dense_search_by_vector(self.embed_query(query), k, where)

    def dense_search_by_vector(
        self, vector: Sequence[float], k: int, where: Filter | None = None
    ) -> list[StoredChunk]:
        """The `k` live passages nearest to `vector`, best first."""
        if k <= 0:
            return []
        fetch = 2 * k + 10  # over-fetch: stale chunks of unfinished writes are dropped below
        while True:
            found = self._vectors.similarity_search_by_vector_with_relevance_scores(
                list(vector), k=fetch, filter=cast(Any, where or None)
            )
            chunks = [
                StoredChunk(str(doc.id), doc.page_content, clean(doc.metadata), 1.0 - distance)
                for doc, distance in found
            ]
            live = self._only_live(chunks)
            if len(live) >= k or len(found) < fetch:
                return live[:k]
            fetch *= 4

    def live_chunks(self) -> list[StoredChunk]:
        """Every passage of a live document version, for building the lexical index."""
        hashes = self.document_hashes()
        return [
            StoredChunk(record_id, text or "", meta)
            for record_id, text, meta in scan(
                self._passages, ["metadatas", "documents"], self._batch
            )
            if hashes.get(str(meta.get("doc_id"))) == meta.get("content_hash")
        ]

    def list_grants(
        self, where: Filter | None = None
    ) -> list[tuple[str, str, dict[str, MetaValue]]]:
        """Every grant (id, text, metadata), optionally filtered by metadata."""
        return self._grants.records(where)

    def count_chunks(self) -> int:
        """Passages stored, including any an unfinished write left for `collect_garbage`."""
        return int(self._passages.count())

    def overview(self) -> IndexOverview:
        """Counts, documents per kind, the newest documents by date and the last ingest."""
        docs = self.list_documents()
        newest = sorted(docs, key=lambda d: (d.date or "", d.ingested_at), reverse=True)
        return IndexOverview(
            documents=len(docs),
            chunks=sum(doc.chunk_count for doc in docs),
            grants=self._grants.count(),
            by_kind=dict(Counter(doc.kind for doc in docs)),
            newest=tuple(newest[:_NEWEST]),
            last_ingest=max((doc.ingested_at for doc in docs), default=None),
        )

    def _only_live(self, chunks: list[StoredChunk]) -> list[StoredChunk]:
        doc_ids = sorted({str(chunk.metadata.get("doc_id")) for chunk in chunks})
        hashes = self._registry.hashes(doc_ids)
        return [
            chunk
            for chunk in chunks
            if hashes.get(str(chunk.metadata.get("doc_id"))) == chunk.metadata.get("content_hash")
        ]


def _check_built(
    collection: chromadb.Collection, name: str, built: Mapping[str, MetaValue]
) -> None:
    recorded = dict(collection.metadata or {})
    if any(recorded.get(key) != value for key, value in built.items()):
        raise ModelMismatch(
            f"store: collection '{name}' was built with model {recorded.get('embedding_model')} "
            f"({recorded.get('embedding_dim')} dimensions) and chunking "
            f"{recorded.get('chunking')}, not model {built['embedding_model']} "
            f"({built['embedding_dim']} dimensions) and chunking {built['chunking']}; "
            "re-ingest into a new collection (FOU_COLLECTION) or delete it"
        )
    space = distance_space(collection)
    if space != "cosine":
        raise StoreError(
            f"store: collection '{name}' measures {space} distance, not cosine; "
            "re-ingest into a new collection (FOU_COLLECTION) or delete it"
        )


def distance_space(collection: chromadb.Collection) -> str | None:
    """The distance the collection's vector index uses, as Chroma reports it."""
    config = collection.configuration
    index = config.get("hnsw") or config.get("spann") or {}
    space = index.get("space")
    return str(space) if space is not None else None


def _validate(items: Sequence[Item]) -> None:
    seen: set[str] = set()
    for doc, chunks in items:
        if doc.doc_id == GENERATION_ID or doc.doc_id in seen:
            raise StoreError(
                f"store: document id {doc.doc_id!r} is reserved or appears twice in one write; "
                "give every document its own id"
            )
        seen.add(doc.doc_id)
        prefix = chunk_id(doc.doc_id, doc.content_hash, 0).rsplit(":", 1)[0] + ":"
        ids = [chunk.chunk_id for chunk in chunks]
        wrong = next((i for i in ids if not i.startswith(prefix)), None)
        if wrong is not None or len(set(ids)) != len(ids) or doc.chunk_count != len(chunks):
            raise StoreError(
                f"store: chunks of {doc.doc_id!r} do not match its version: ids must be unique "
                f"and start with {prefix!r} (got {wrong or 'a repeated id'}) and chunk_count "
                f"({doc.chunk_count}) must equal the {len(chunks)} chunks given; build ids "
                "with vector_store.chroma_store.chunk_id(doc_id, content_hash, index)"
            )


def _chunk_metadata(
    doc: DocumentRecord, metadata: Mapping[str, object], stamp: float
) -> dict[str, MetaValue]:
    # The store's own keys win: they decide which version a chunk belongs to.
    return {
        **clean(metadata),
        "doc_id": doc.doc_id,
        "content_hash": doc.content_hash,
        "written_at": stamp,
    }
