"""The store of one corpus: passages, the document registry and the grants ledger.

Chroma has no transactions, so the registry record of a document is the single pointer to
its live version: new chunks and grants are added first, then the record flips to the new
content hash (and grants extractor version), then the previous version's chunks and grants
go. Searches and the ledger only return records whose version matches the registry, so
records of an unfinished write are never seen; `collect_garbage` deletes them once they are
older than a grace period. A write commits a few documents at a time, so an interrupted
ingest keeps every group it finished; within a group passages are embedded and added a
few at a time, and a re-run of the same version reuses those already added, so a kill
loses at most the embedding work of the passages in flight.

The embedding model is loaded on the first write or dense search, not when the store
opens: listing, the lexical index and an ingest that finds nothing changed never need it.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeAlias, cast

import chromadb
from chromadb.api import ClientAPI
from chromadb.api.types import Where
from chromadb.errors import NotFoundError

from vector_store.batches import delete_ids, now, scan, slices, written_at
from vector_store.codec import clean
from vector_store.errors import ModelMismatch, StoreError
from vector_store.grants import Grant, GrantLedger, is_live
from vector_store.records import (
    ChunkRecord,
    DocumentRecord,
    IndexOverview,
    MetaValue,
    StoredChunk,
    chunk_id,
    version_prefix,
)

if TYPE_CHECKING:
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings
from vector_store.registry import GENERATION_ID, Registry

DEFAULT_GC_GRACE = timedelta(minutes=30)
# Passages per commit: the documents of one group go live together in one registry write.
COMMIT_CHUNKS = 256
# Passages embedded and added per call within a commit (one batch of the model by default).
# Those added before an interruption are found again by the re-run and not embedded twice,
# so a kill loses at most this much embedding work: about a second on 2 CPU cores.
EMBED_CHUNKS = 64
_DELETE_GROUP = 100
_NEWEST = 5

Item = tuple[DocumentRecord, Sequence[ChunkRecord]]
Filter = dict[str, Any]  # a Chroma `where` filter, e.g. {"kind": "news"}
EmbeddingsSource: TypeAlias = "Embeddings | Callable[[], Embeddings]"

__all__ = ["ChunkStore", "chunk_id", "distance_space"]


class ChunkStore:
    """Passages, documents and grants of one corpus, kept in three Chroma collections."""

    def __init__(
        self,
        client: ClientAPI,
        *,
        collection: str,
        embeddings: EmbeddingsSource,
        model_name: str,
        chunking: str,
        batch_size: int | None = None,
        commit_chunks: int = COMMIT_CHUNKS,
        embed_chunks: int = EMBED_CHUNKS,
    ) -> None:
        self.name = collection
        self._client = client
        self._load = _loader(embeddings)
        self._embeddings: Embeddings | None = None
        self._vectors: Chroma | None = None
        self._model_lock = threading.Lock()
        # Records per Chroma call; the client's maximum unless a smaller one is asked for.
        self._batch = min(batch_size or client.get_max_batch_size(), client.get_max_batch_size())
        self._commit_chunks = max(commit_chunks, 1)
        self._embed_chunks = max(embed_chunks, 1)
        self._built: dict[str, MetaValue] = {"embedding_model": model_name, "chunking": chunking}
        try:
            self._passages = client.get_collection(collection, embedding_function=None)
        except NotFoundError:
            self._vector_store()  # a new collection records the model's dimension
            self._passages = client.get_collection(collection, embedding_function=None)
        _check_built(self._passages, collection, self._built)
        self._registry = Registry(client, f"{collection}-documents", page=self._batch)
        self._grants = GrantLedger(client, f"{collection}-grants", page=self._batch)

    @property
    def model_loaded(self) -> bool:
        """Whether the embedding model has been loaded (it is once anything was embedded)."""
        return self._vectors is not None

    def _vector_store(self) -> Chroma:
        """The passages with the embedding model, loaded and checked on first use."""
        with self._model_lock:
            if self._vectors is None:
                # Imported here: it costs most of a second, and listing never embeds.
                from langchain_chroma import Chroma

                model = self._load()
                built = {**self._built, "embedding_dim": len(model.embed_query("dimension"))}
                vectors = Chroma(
                    collection_name=self.name,
                    embedding_function=model,
                    client=self._client,
                    # Metadata rather than `collection_configuration`: chromadb 1.5 turns it
                    # into hnsw.space=cosine without a legacy embedding-function entry that
                    # warns on read.
                    collection_metadata={"hnsw:space": "cosine", **built, "schema": 1},
                )
                created = self._client.get_collection(self.name, embedding_function=None)
                _check_built(created, self.name, built)
                self._embeddings, self._vectors = model, vectors
            return self._vectors

    # --- writing ---------------------------------------------------------------------

    def write_documents(
        self, items: Sequence[Item], grants: Mapping[str, Sequence[Grant]] | None = None
    ) -> None:
        """Store new versions of documents with their grants, a few documents per commit.

        Each document flips from its old version (passages and grants) to the new one in
        one registry write; a group's flip also moves the generation marker.
        """
        _validate(items)
        for group in self._groups(items):
            self._commit(group, grants or {})

    def _groups(self, items: Sequence[Item]) -> Iterator[Sequence[Item]]:
        """Consecutive documents of about `commit_chunks` passages; a document is never split."""
        start, count = 0, 0
        for end, (_, chunks) in enumerate(items):
            if end > start and count + len(chunks) > self._commit_chunks:
                yield items[start:end]
                start, count = end, 0
            count += len(chunks)
        if start < len(items):
            yield items[start:]

    def _commit(self, items: Sequence[Item], grants: Mapping[str, Sequence[Grant]]) -> None:
        started = now()
        docs = [doc for doc, _ in items]
        self._add_chunks(items, started)
        self._grants.add(docs, grants, started)
        previous = self._registry.records([doc.doc_id for doc in docs])
        self._flip(docs)
        aged = started - DEFAULT_GC_GRACE.total_seconds()
        self._delete_superseded(docs, previous, aged)
        self._grants.delete_superseded(docs, previous, aged)

    def _add_chunks(self, items: Sequence[Item], stamp: float) -> None:
        """Add the passages of all items, embedded in batches across documents."""
        ids: list[str] = []
        texts: list[str] = []
        metadatas: list[dict[str, MetaValue]] = []
        for doc, chunks in items:
            for chunk in chunks:
                ids.append(chunk.chunk_id)
                texts.append(chunk.text)
                metadatas.append(_chunk_metadata(doc, chunk.metadata, stamp))
        if not ids:
            return
        stored = self._resume(ids, texts, metadatas)
        # Shortest first: each call then pads its texts to about the same length, as one
        # encode call over all of them would.
        todo = sorted(
            (i for i, chunk in enumerate(ids) if chunk not in stored), key=lambda i: len(texts[i])
        )
        if not todo:
            return
        vectors = self._vector_store()
        step = min(self._batch, self._embed_chunks)
        for part in slices([len(texts[i]) for i in todo], step):
            picked = todo[part]
            vectors.add_texts(
                [texts[i] for i in picked],
                metadatas=[metadatas[i] for i in picked],
                ids=[ids[i] for i in picked],
            )

    def _resume(
        self, ids: Sequence[str], texts: Sequence[str], metadatas: Sequence[dict[str, MetaValue]]
    ) -> set[str]:
        """Ids of these passages already stored with the same text, by a write that was cut
        off before its flip; they are kept (stamped anew, so no garbage collection takes
        them before the flip) instead of being embedded again."""
        wanted = {chunk: i for i, chunk in enumerate(ids)}
        found: list[str] = []
        for start in range(0, len(ids), self._batch):
            got = self._passages.get(
                ids=list(ids[start : start + self._batch]), include=["documents"]
            )
            for record_id, text in zip(got["ids"], got["documents"] or [], strict=True):
                if text == texts[wanted[record_id]]:
                    found.append(record_id)
        for start in range(0, len(found), self._batch):
            part = found[start : start + self._batch]
            self._passages.update(ids=part, metadatas=[metadatas[wanted[i]] for i in part])
        return set(found)

    def _flip(self, docs: Sequence[DocumentRecord]) -> None:
        """Point the registry at the new versions: from here on searches see them."""
        self._registry.flip(docs)

    def _delete_superseded(
        self, docs: Sequence[DocumentRecord], previous: Mapping[str, DocumentRecord], aged: float
    ) -> None:
        """Delete the version each document had before, and its leftovers older than `aged`.

        Younger leftovers may be another writer's chunks of a version about to go live;
        they stay until `collect_garbage` finds them old and unowned.
        """
        clauses: list[dict[str, Any]] = []
        for doc in docs:
            stale: dict[str, Any] = {"written_at": {"$lt": aged}}
            before = previous.get(doc.doc_id)
            if before is not None and before.content_hash != doc.content_hash:
                stale = {"$or": [{"content_hash": before.content_hash}, stale]}
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

    def replace_grants(
        self, docs: Sequence[DocumentRecord], grants: Mapping[str, Sequence[Grant]]
    ) -> int:
        """Switch documents to grants read by another extractor version; passages stay.

        `docs` are the live records with their text and the new `extractor_version`. A
        document whose live version changed since it was read is left alone. Returns how
        many documents were switched.
        """
        live = self._registry.records([doc.doc_id for doc in docs])
        current = [
            doc
            for doc in docs
            if doc.doc_id in live and live[doc.doc_id].content_hash == doc.content_hash
        ]
        for start in range(0, len(current), self._commit_chunks):
            group = current[start : start + self._commit_chunks]
            stamp = now()
            self._grants.add(group, grants, stamp)
            previous = {doc.doc_id: live[doc.doc_id] for doc in group}
            self._flip(group)
            self._grants.delete_superseded(
                group, previous, stamp - DEFAULT_GC_GRACE.total_seconds()
            )
        return len(current)

    def remove_document(self, doc_id: str) -> None:
        """Remove a document, its passages and its grants; nothing happens if it is unknown."""
        self._registry.remove(doc_id)  # first: the document is gone from searches now
        self._passages.delete(where={"doc_id": doc_id})
        self._grants.remove(doc_id)
        self._registry.forget_removed(doc_id)

    def collect_garbage(self, *, grace: timedelta = DEFAULT_GC_GRACE) -> int:
        """Delete passages and grants no live document owns; returns how many went.

        Records younger than `grace` are kept: they may belong to a write still under way.
        """
        records = {doc.doc_id: doc for doc in self._registry.documents(with_text=False)}
        cutoff = now() - grace.total_seconds()
        stale = [
            record_id
            for record_id, _, meta in scan(self._passages, ["metadatas"], self._batch)
            if _owner_hash(records, meta) != meta.get("content_hash") and written_at(meta) < cutoff
        ]
        delete_ids(self._passages, stale, self._batch)
        self._registry.forget_removed()
        return len(stale) + self._grants.collect(records, cutoff)

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

    def has_documents(self) -> bool:
        """Whether the index holds any document: cheap, unlike listing them (the bot and
        `ask` check it before every start)."""
        return self._registry.any_document()

    def document_hashes(self) -> dict[str, str]:
        """doc_id -> content hash of the live version, for skipping unchanged files."""
        return self._registry.hashes()

    def embed_query(self, query: str) -> list[float]:
        """The query's vector, so callers can time embedding apart from searching."""
        self._vector_store()
        assert self._embeddings is not None  # set together with the vector store
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
            found = self._vector_store().similarity_search_by_vector_with_relevance_scores(
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
        """Every grant row (id, text, metadata) of any version, optionally filtered."""
        return self._grants.records(where)

    def live_grants(self) -> list[tuple[str, str, dict[str, MetaValue]]]:
        """The grants of the live version of every document: the ledger."""
        records = {doc.doc_id: doc for doc in self._registry.documents(with_text=False)}
        return [
            row
            for row in self._grants.records()
            if is_live(row[2], records.get(str(row[2].get("doc_id"))))
        ]

    def chunk_pages(self, doc: DocumentRecord) -> tuple[tuple[int | None, int, int], ...]:
        """Page spans of a live document as its passages record them, for old records."""
        where = {"$and": [{"doc_id": doc.doc_id}, {"content_hash": doc.content_hash}]}
        spans: dict[int | None, tuple[int, int]] = {}
        for _, _, meta in scan(
            self._passages, ["metadatas"], self._batch, where=cast(Where, where)
        ):
            page = meta.get("page")
            number = int(page) if isinstance(page, int | float) else None
            start, end = int(meta.get("start", 0)), int(meta.get("end", 0))
            low, high = spans.get(number, (start, end))
            spans[number] = (min(low, start), max(high, end))
        return tuple(sorted(((n, a, b) for n, (a, b) in spans.items()), key=lambda s: s[1]))

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
            grants=len(self.live_grants()),
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
            f"({built.get('embedding_dim', recorded.get('embedding_dim'))} dimensions) and "
            f"chunking {built['chunking']}; "
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
        prefix = version_prefix(doc.doc_id, doc.content_hash)
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


def _loader(embeddings: EmbeddingsSource) -> Callable[[], Embeddings]:
    """A function returning the model: the model itself when one is given."""
    if hasattr(embeddings, "embed_documents"):
        model = cast("Embeddings", embeddings)
        return lambda: model
    return embeddings


def _owner_hash(records: Mapping[str, DocumentRecord], meta: Mapping[str, MetaValue]) -> str | None:
    doc = records.get(str(meta.get("doc_id")))
    return doc.content_hash if doc is not None else None
