"""ChunkStore against an embedded store and a real `chroma run` server."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from chromadb.api import ClientAPI
from langchain_core.embeddings import Embeddings

from tests.vector_store.crashing import Crash, crashing
from vector_store.chroma_store import ChunkStore, chunk_id, distance_space
from vector_store.errors import ModelMismatch, StoreError
from vector_store.grants import Grant
from vector_store.records import ChunkRecord, DocumentRecord, MetaValue, grant_id

NEVER = timedelta(0)
StoreFactory = Callable[..., ChunkStore]
Options = dict[str, Any]

BUDGET = [
    "Socialnämnden fördelade 2,5 miljoner kronor till lokala utvecklingsarbeten 2013.",
    "Uppsökarenheten får pengar till studiebesök i Bukarest enligt modellen MUST.",
    "Missbruksvården i Skärholmen ska arbeta med evidensbaserad praktik.",
]
SECOND = ["Helt ny text om kvinnojourer och skyddat boende."]
SHELTERS = [
    "Kvinnojourerna får 12 miljoner kronor i budgeten för 2016.",
    "Skyddade boenden för våldsutsatta kvinnor byggs ut.",
]


def make_doc(
    doc_id: str,
    passages: Sequence[str],
    *,
    kind: str = "press_release",
    date: str | None = "2013-06-25",
    ingested_at: str = "2024-01-01T00:00:00+00:00",
    extra: Mapping[str, MetaValue] | None = None,
    chunk_meta: Mapping[str, object] | None = None,
) -> tuple[DocumentRecord, list[ChunkRecord]]:
    """A document whose stored text is its passages, and its chunks with proper ids."""
    text = "\n\n".join(passages)
    content_hash = hashlib.sha256(text.encode()).hexdigest()
    doc = DocumentRecord(
        doc_id=doc_id,
        source=doc_id,
        path=f"docs/{doc_id}.txt",
        content_hash=content_hash,
        title=f"Title of {doc_id}",
        kind=kind,
        text=text,
        chunk_count=len(passages),
        ingested_at=ingested_at,
        date=date,
        url=None,
        dnr=None,
        body="Socialnämnden",
        redactions=0,
        extra=dict(extra or {}),
    )
    chunks = [
        ChunkRecord(
            chunk_id=chunk_id(doc_id, content_hash, i),
            text=passage,
            metadata={
                "title": doc.title,
                "kind": kind,
                "source": doc_id,
                **(chunk_meta or {}),
            },  # type: ignore[dict-item]
        )
        for i, passage in enumerate(passages)
    ]
    return doc, chunks


def grant_rows(doc: DocumentRecord, *grants: tuple[str, int]) -> list[Grant]:
    """Ledger rows of one version of a document, with ids as the pipeline builds them."""
    return [
        (
            grant_id(doc.doc_id, doc.content_hash, doc.extractor_version, i),
            text,
            {"amount_sek": sek},
        )
        for i, (text, sek) in enumerate(grants)
    ]


def ids_of(store: ChunkStore, query: str, k: int = 10) -> list[str]:
    return [chunk.chunk_id for chunk in store.dense_search(query, k)]


class InterruptedStore(ChunkStore):
    """A store whose writes stop after the chunks are added, as Ctrl-C or a kill would."""

    def _flip(self, docs: Sequence[DocumentRecord]) -> None:
        raise KeyboardInterrupt


class FlipHookStore(ChunkStore):
    """A store that runs `before_flip` between adding its chunks and flipping the registry."""

    before_flip: Callable[[], None] = staticmethod(lambda: None)

    def _flip(self, docs: Sequence[DocumentRecord]) -> None:
        self.before_flip()
        super()._flip(docs)


# --- write and read ----------------------------------------------------------------------


def test_written_documents_read_back_equal(store: ChunkStore) -> None:
    budget, budget_chunks = make_doc("budget", BUDGET, extra={"year": 2013, "pages": "1-2"})
    shelters, shelter_chunks = make_doc("shelters", SHELTERS, kind="news", date="2016-01-10")
    store.write_documents([(budget, budget_chunks), (shelters, shelter_chunks)])

    assert store.get_document("budget") == budget
    assert store.get_document("missing") is None
    assert [doc.doc_id for doc in store.list_documents()] == ["budget", "shelters"]
    assert all(doc.text == "" for doc in store.list_documents())
    assert store.list_documents(with_text=True) == [budget, shelters]
    assert store.document_hashes() == {
        "budget": budget.content_hash,
        "shelters": shelters.content_hash,
    }
    assert store.count_chunks() == 5


def test_dense_search_finds_the_passage_with_its_metadata(store: ChunkStore) -> None:
    budget, budget_chunks = make_doc("budget", BUDGET)
    shelters, shelter_chunks = make_doc("shelters", SHELTERS, kind="news")
    store.write_documents([(budget, budget_chunks), (shelters, shelter_chunks)])

    hits = store.dense_search("studiebesök i Bukarest", 3)
    assert hits[0].chunk_id == budget_chunks[1].chunk_id
    assert hits[0].text == BUDGET[1]
    assert hits[0].metadata["doc_id"] == "budget"
    assert hits[0].metadata["title"] == "Title of budget"
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert 0 < hits[0].score <= 1


def test_dense_search_applies_a_metadata_filter(store: ChunkStore) -> None:
    budget, budget_chunks = make_doc("budget", BUDGET)
    shelters, shelter_chunks = make_doc("shelters", SHELTERS, kind="news")
    store.write_documents([(budget, budget_chunks), (shelters, shelter_chunks)])

    hits = store.dense_search("miljoner kronor", 10, where={"kind": "news"})
    assert {hit.metadata["doc_id"] for hit in hits} == {"shelters"}
    assert store.dense_search("miljoner kronor", 0) == []


def test_batches_smaller_than_a_write_store_everything(
    any_client: ClientAPI, make_store: StoreFactory
) -> None:
    store = make_store(any_client, batch_size=2)
    budget, budget_chunks = make_doc("budget", BUDGET)
    shelters, shelter_chunks = make_doc("shelters", SHELTERS)
    store.write_documents([(budget, budget_chunks), (shelters, shelter_chunks)])

    assert store.count_chunks() == 5
    assert len(store.live_chunks()) == 5  # read back in pages of two
    assert len(store.list_documents()) == 2


# --- how the collection was built -----------------------------------------------------------


def test_score_is_cosine_similarity(store: ChunkStore, embeddings: Embeddings) -> None:
    budget, chunks = make_doc("budget", BUDGET)
    store.write_documents([(budget, chunks)])
    query = "pengar till missbruksvård"

    hit = next(h for h in store.dense_search(query, 3) if h.chunk_id == chunks[2].chunk_id)
    q, v = embeddings.embed_query(query), embeddings.embed_documents([BUDGET[2]])[0]
    cosine = sum(a * b for a, b in zip(q, v, strict=True))
    # With squared L2 on unit vectors the score would be 2*cos - 1 instead.
    assert hit.score == pytest.approx(cosine, abs=1e-3)
    assert not math.isclose(hit.score, 2 * cosine - 1, abs_tol=1e-3)


def test_collection_records_cosine_model_and_chunking(
    any_client: ClientAPI, store: ChunkStore, store_options: Options
) -> None:
    collection = any_client.get_collection(store.name, embedding_function=None)
    assert distance_space(collection) == "cosine"
    assert collection.metadata is not None
    assert collection.metadata["embedding_model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert collection.metadata["embedding_dim"] == 384
    assert collection.metadata["chunking"] == store_options["chunking"]


@pytest.mark.parametrize(
    ("override", "named"),
    [
        pytest.param({"model_name": "intfloat/multilingual-e5-small"}, "e5-small", id="model"),
        pytest.param({"chunking": "sentences-400"}, "sentences-400", id="chunking"),
    ],
)
def test_reopening_with_another_model_or_chunking_is_refused(
    any_client: ClientAPI,
    make_store: StoreFactory,
    store_options: Options,
    override: dict[str, str],
    named: str,
) -> None:
    make_store(any_client)
    with pytest.raises(ModelMismatch) as caught:
        make_store(any_client, **override)
    message = str(caught.value)
    name, model = store_options["collection"], store_options["model_name"]
    assert f"collection '{name}' was built with model {model}" in message
    assert named in message
    assert "FOU_COLLECTION" in message


def test_reopening_with_the_same_build_sees_the_data(
    any_client: ClientAPI, make_store: StoreFactory
) -> None:
    budget, chunks = make_doc("budget", BUDGET)
    make_store(any_client).write_documents([(budget, chunks)])
    assert make_store(any_client).get_document("budget") == budget


def test_collection_with_another_distance_is_refused(
    any_client: ClientAPI, make_store: StoreFactory, store_options: Options
) -> None:
    any_client.create_collection(
        store_options["collection"],
        embedding_function=None,
        metadata={
            "hnsw:space": "l2",
            "embedding_model": store_options["model_name"],
            "embedding_dim": 384,
            "chunking": store_options["chunking"],
        },
    )
    with pytest.raises(StoreError, match="measures l2 distance, not cosine"):
        make_store(any_client)


# --- atomic replace and garbage collection ---------------------------------------------------


def test_replacing_a_document_leaves_exactly_one_version(store: ChunkStore) -> None:
    old, old_chunks = make_doc("budget", BUDGET)
    new, new_chunks = make_doc("budget", [*BUDGET[:1], "Ny text om hemlöshet och stöd."])
    store.write_documents([(old, old_chunks)])
    store.write_documents([(new, new_chunks)])

    assert store.get_document("budget") == new
    assert store.count_chunks() == 2
    assert {chunk.chunk_id for chunk in store.live_chunks()} == {c.chunk_id for c in new_chunks}
    assert set(ids_of(store, "studiebesök i Bukarest")) <= {c.chunk_id for c in new_chunks}


def test_interrupted_write_is_invisible_and_collected(
    any_client: ClientAPI, make_store: StoreFactory
) -> None:
    store = make_store(any_client)
    old, old_chunks = make_doc("budget", BUDGET)
    store.write_documents([(old, old_chunks)])
    new, new_chunks = make_doc("budget", SECOND)
    interrupted = make_store(any_client, store_class=InterruptedStore)
    with pytest.raises(KeyboardInterrupt):
        interrupted.write_documents([(new, new_chunks)])

    assert store.count_chunks() == 4  # the new chunk is stored ...
    assert new_chunks[0].chunk_id not in ids_of(store, "kvinnojourer och skyddat boende")
    assert store.get_document("budget") == old  # ... but the old version is what is live
    assert {c.chunk_id for c in store.live_chunks()} == {c.chunk_id for c in old_chunks}

    assert store.collect_garbage() == 0  # too young: it might be a write still under way
    assert store.collect_garbage(grace=NEVER) == 1
    assert store.count_chunks() == 3
    assert {c.chunk_id for c in store.live_chunks()} == {c.chunk_id for c in old_chunks}


@pytest.mark.parametrize(
    ("rerun", "leftovers"),
    [
        pytest.param(SECOND, 0, id="same-new-version"),
        # The interrupted version's chunks are young: they could be another writer's, so
        # they wait, invisible, for a garbage collection after the grace period.
        pytest.param(["En tredje version av texten."], 1, id="changed-again"),
    ],
)
def test_rerun_after_interruption_leaves_one_live_copy(
    any_client: ClientAPI, make_store: StoreFactory, rerun: list[str], leftovers: int
) -> None:
    store = make_store(any_client)
    store.write_documents([make_doc("budget", BUDGET)])
    with pytest.raises(KeyboardInterrupt):
        make_store(any_client, store_class=InterruptedStore).write_documents(
            [make_doc("budget", SECOND)]
        )

    final, final_chunks = make_doc("budget", rerun)
    assert store.collect_garbage() == 0  # as an ingest starts: young leftovers are kept
    store.write_documents([(final, final_chunks)])

    assert store.get_document("budget") == final
    assert [c.chunk_id for c in store.live_chunks()] == [final_chunks[0].chunk_id]
    assert store.count_chunks() == 1 + leftovers
    assert store.collect_garbage(grace=NEVER) == leftovers
    assert store.count_chunks() == 1


def test_concurrent_writers_of_one_document_keep_the_last_version_whole(
    any_client: ClientAPI, make_store: StoreFactory
) -> None:
    first = make_store(any_client)
    first.write_documents([make_doc("budget", BUDGET)])
    late, late_chunks = make_doc("budget", SECOND)
    slow = make_store(any_client, store_class=FlipHookStore)
    # Another writer stores a third version while the slow one is between adding its
    # chunks and flipping the registry; the slow writer then flips last and wins.
    slow.before_flip = lambda: first.write_documents([make_doc("budget", SHELTERS)])
    slow.write_documents([(late, late_chunks)])

    assert first.get_document("budget") == late
    assert {c.chunk_id for c in first.live_chunks()} == {c.chunk_id for c in late_chunks}
    assert first.collect_garbage(grace=NEVER) == len(SHELTERS)
    assert first.count_chunks() == len(late_chunks)


def test_garbage_of_a_removed_registry_record_is_collected(store: ChunkStore) -> None:
    budget, chunks = make_doc("budget", BUDGET)
    store.write_documents([(budget, chunks)])
    store.write_documents([(budget, chunks)], {"budget": grant_rows(budget, ("2,5 miljoner", 1))})
    store.remove_document("budget")
    assert store.collect_garbage(grace=NEVER) == 0  # remove already took chunks and grants


def test_invalid_writes_are_refused(store: ChunkStore) -> None:
    budget, chunks = make_doc("budget", BUDGET)
    wrong_id = [ChunkRecord("budget-0", chunks[0].text, chunks[0].metadata), *chunks[1:]]
    with pytest.raises(StoreError, match="start with 'budget:"):
        store.write_documents([(budget, wrong_id)])
    with pytest.raises(StoreError, match="appears twice"):
        store.write_documents([(budget, chunks), (budget, chunks)])
    with pytest.raises(StoreError, match=r"chunk_count \(3\) must equal the 2 chunks"):
        store.write_documents([(budget, chunks[:2])])
    assert store.count_chunks() == 0


# --- remove, generation, overview, grants ---------------------------------------------------


def test_remove_takes_the_document_its_chunks_and_grants(store: ChunkStore) -> None:
    budget, budget_chunks = make_doc("budget", BUDGET)
    shelters, shelter_chunks = make_doc("shelters", SHELTERS)
    store.write_documents(
        [(budget, budget_chunks), (shelters, shelter_chunks)],
        {"budget": grant_rows(budget, ("2,5 miljoner", 2_500_000))},
    )

    store.remove_document("budget")
    store.remove_document("budget")  # removing an unknown document is not an error
    assert store.get_document("budget") is None
    assert store.count_chunks() == 2
    assert store.list_grants() == []
    assert all(hit.metadata["doc_id"] == "shelters" for hit in store.dense_search("Bukarest", 5))


def test_generation_changes_on_every_write_and_only_then(store: ChunkStore) -> None:
    seen = [store.generation()]
    budget, chunks = make_doc("budget", BUDGET)
    store.write_documents([(budget, chunks)])
    seen.append(store.generation())
    store.dense_search("Bukarest", 2)
    store.list_documents()
    store.collect_garbage(grace=NEVER)
    assert store.generation() == seen[-1]
    store.replace_grants([replace(budget, extractor_version=1)], {})
    seen.append(store.generation())
    store.remove_document("budget")
    seen.append(store.generation())
    assert len(set(seen)) == 4
    assert store.get_document("budget") is None
    assert store.list_documents() == []  # the marker is not a document


def test_has_documents_tells_an_empty_index_without_listing_it(store: ChunkStore) -> None:
    assert not store.has_documents()
    budget, chunks = make_doc("budget", BUDGET)
    store.write_documents([(budget, chunks)])
    assert store.has_documents()
    store.remove_document("budget")
    assert not store.has_documents()  # the generation marker and removed records do not count


def test_overview_counts_and_orders(store: ChunkStore) -> None:
    old, old_chunks = make_doc("old", BUDGET, date="2013-06-25", ingested_at="2024-01-02")
    new, new_chunks = make_doc("new", SHELTERS, kind="news", date="2016-01-10")
    undated, undated_chunks = make_doc("undated", SHELTERS[:1], date=None, ingested_at="2024-03-01")
    store.write_documents(
        [(old, old_chunks), (new, new_chunks), (undated, undated_chunks)],
        {"old": grant_rows(old, ("2,5 miljoner", 1), ("MUST", 2))},
    )

    overview = store.overview()
    assert overview.documents == 3
    assert overview.chunks == 6
    assert overview.grants == 2
    assert overview.by_kind == {"press_release": 2, "news": 1}
    assert [doc.doc_id for doc in overview.newest] == ["new", "old", "undated"]
    assert overview.last_ingest == "2024-03-01"


def test_empty_store_overview(store: ChunkStore) -> None:
    overview = store.overview()
    assert (overview.documents, overview.chunks, overview.grants) == (0, 0, 0)
    assert overview.newest == ()
    assert overview.last_ingest is None
    assert store.dense_search("något", 3) == []
    assert store.live_chunks() == []


def test_grants_go_live_and_leave_with_their_version(store: ChunkStore) -> None:
    old, old_chunks = make_doc("budget", BUDGET)
    shelters, shelter_chunks = make_doc("shelters", SHELTERS)
    store.write_documents(
        [(old, old_chunks), (shelters, shelter_chunks)],
        {
            "budget": grant_rows(old, ("2,5 miljoner", 2_500_000), ("1,15 miljoner", 1_150_000)),
            "shelters": grant_rows(shelters, ("12 miljoner", 12_000_000)),
        },
    )
    new, new_chunks = make_doc("budget", [*BUDGET[:2], "Ny text."])
    store.write_documents(
        [(new, new_chunks)], {"budget": grant_rows(new, ("1,2 miljoner", 1_200_000))}
    )

    rows = sorted(store.live_grants(), key=lambda row: row[1])
    assert [(text, meta["amount_sek"], meta["doc_id"]) for _, text, meta in rows] == [
        ("1,2 miljoner", 1_200_000, "budget"),
        ("12 miljoner", 12_000_000, "shelters"),
    ]
    assert rows[0][2]["content_hash"] == new.content_hash
    assert len(store.list_grants()) == 2, "the old version's grants went with it"
    with pytest.raises(StoreError, match="repeat an id"):
        store.write_documents([(new, new_chunks)], {"budget": [*grant_rows(new, ("a", 1))] * 2})
    with pytest.raises(StoreError, match="another version"):
        store.write_documents([(new, new_chunks)], {"budget": grant_rows(old, ("a", 1))})


def test_grants_switch_to_a_new_extractor_version_without_embedding(
    any_client: ClientAPI, make_store: StoreFactory, embeddings: Embeddings
) -> None:
    doc, chunks = make_doc("budget", BUDGET)
    make_store(any_client).write_documents([(doc, chunks)], {"budget": grant_rows(doc, ("a", 1))})
    loads: list[str] = []
    store = make_store(any_client, embeddings=lambda: loads.append("model") or embeddings)
    before = store.generation()
    stored = store.get_document("budget")
    assert stored is not None
    newer = replace(stored, extractor_version=2)

    switched = store.replace_grants([newer], {"budget": grant_rows(newer, ("b", 2), ("c", 3))})

    assert switched == 1
    assert store.get_document("budget") == newer
    assert sorted(row[1] for row in store.live_grants()) == ["b", "c"]
    assert len(store.list_grants()) == 2
    assert store.generation() != before
    assert loads == [] and not store.model_loaded
    changed, _ = make_doc("budget", SECOND)
    assert store.replace_grants([replace(changed, extractor_version=3)], {}) == 0, "not live"
    assert sorted(row[1] for row in store.live_grants()) == ["b", "c"]


@pytest.mark.parametrize("writes", [pytest.param(n, id=f"after-{n}-writes") for n in range(6)])
def test_an_update_killed_between_any_two_writes_keeps_one_whole_version(
    embedded_client: ClientAPI, make_store: StoreFactory, writes: int
) -> None:
    old, old_chunks = make_doc("budget", BUDGET)
    make_store(embedded_client).write_documents(
        [(old, old_chunks)], {"budget": grant_rows(old, ("2,5 miljoner", 1), ("MUST", 2))}
    )
    new, new_chunks = make_doc("budget", SECOND)
    new_grants = {"budget": grant_rows(new, ("12 miljoner", 3))}
    dying = make_store(crashing(embedded_client, writes))
    crashed = False
    try:
        dying.write_documents([(new, new_chunks)], new_grants)
    except Crash:
        crashed = True
    # Passages, grants, the registry flip, then the old passages and grants deleted.
    assert crashed == (writes < 5)

    store = make_store(embedded_client)
    live = store.get_document("budget")
    assert live in (old, new)
    expected, passages = (
        (["2,5 miljoner", "MUST"], BUDGET) if live == old else (["12 miljoner"], SECOND)
    )
    assert sorted(row[1] for row in store.live_grants()) == expected
    assert store.overview().grants == len(expected)
    assert sorted(c.text for c in store.live_chunks()) == sorted(passages)

    store.write_documents([(new, new_chunks)], new_grants)
    store.collect_garbage(grace=NEVER)
    assert store.get_document("budget") == new
    assert [row[1] for row in store.list_grants()] == ["12 miljoner"]
    assert [c.text for c in store.live_chunks()] == SECOND
    assert store.count_chunks() == len(SECOND)


def test_commits_go_a_few_documents_at_a_time(
    embedded_client: ClientAPI, make_store: StoreFactory
) -> None:
    docs = [make_doc(f"doc-{i}", [f"Dokument {i} om stöd.", f"Mer text {i}."]) for i in range(5)]
    dying = make_store(crashing(embedded_client, 4), commit_chunks=4)  # two documents a group
    with pytest.raises(Crash):
        dying.write_documents(docs)

    store = make_store(embedded_client)
    # The first group (passages, grants, flip, delete) committed before the crash.
    assert [d.doc_id for d in store.list_documents()] == ["doc-0", "doc-1"]


class CountingEmbeddings(Embeddings):
    """The real model, counting the passages it embeds; dies on call `die_on` (from 1)."""

    def __init__(self, inner: Embeddings, die_on: int | None = None) -> None:
        self.inner = inner
        self.die_on = die_on
        self.calls = 0
        self.embedded: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        if self.calls == self.die_on:
            raise Crash(f"killed while embedding call {self.calls}")
        self.embedded.extend(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def test_a_rerun_after_a_kill_mid_group_embeds_only_what_was_not_added(
    embedded_client: ClientAPI, make_store: StoreFactory, embeddings: Embeddings
) -> None:
    docs = [make_doc(f"doc-{i}", [f"Dokument {i} om stöd.", f"Mer text {i}."]) for i in range(6)]
    texts = [c.text for _, chunks in docs for c in chunks]
    # One commit for all six documents, four passages per embedding call; the second dies.
    dying = CountingEmbeddings(embeddings, die_on=2)
    killed = make_store(embedded_client, embeddings=dying, commit_chunks=100, embed_chunks=4)
    with pytest.raises(Crash):
        killed.write_documents(docs)
    assert len(dying.embedded) == 4
    assert make_store(embedded_client).list_documents() == []  # nothing went live
    assert not make_store(embedded_client).has_documents()

    rerun = CountingEmbeddings(embeddings)
    store = make_store(embedded_client, embeddings=rerun, commit_chunks=100, embed_chunks=4)
    store.write_documents(docs)

    # The four passages added before the kill are not embedded again; the rest once.
    assert sorted(rerun.embedded) == sorted(set(texts) - set(dying.embedded))
    assert sorted(d.doc_id for d in store.list_documents()) == [f"doc-{i}" for i in range(6)]
    assert store.count_chunks() == 12
    assert store.collect_garbage(grace=NEVER) == 0  # the reused passages are live, not garbage
    reused = dying.embedded[0]
    assert [c.text for c in store.dense_search(reused, 1)] == [reused]


def test_passages_of_another_text_under_the_same_id_are_embedded_anew(
    embedded_client: ClientAPI, make_store: StoreFactory, embeddings: Embeddings
) -> None:
    doc, chunks = make_doc("doc-a", ["Första texten om stöd."])
    with pytest.raises(KeyboardInterrupt):
        make_store(embedded_client, store_class=InterruptedStore).write_documents([(doc, chunks)])
    # Same id (same document and content hash), other text: chunked differently since.
    changed = [replace(chunks[0], text="Samma dokument, annorlunda uppdelat.")]
    counting = CountingEmbeddings(embeddings)
    store = make_store(embedded_client, embeddings=counting)
    store.write_documents([(doc, changed)])

    assert counting.embedded == ["Samma dokument, annorlunda uppdelat."]
    assert [c.text for c in store.live_chunks()] == ["Samma dokument, annorlunda uppdelat."]


# --- metadata without None ----------------------------------------------------------------


def test_none_metadata_round_trips(store: ChunkStore) -> None:
    doc, chunks = make_doc(
        "undated",
        SHELTERS,
        date=None,
        extra={"year": 2016, "verified": True, "share": 0.5},
        chunk_meta={"page": None, "heading": "Budget"},
    )
    store.write_documents([(doc, chunks)])

    stored = store.get_document("undated")
    assert stored == doc
    assert stored is not None
    assert (stored.date, stored.url, stored.dnr) == (None, None, None)
    assert dict(stored.extra) == {"year": 2016, "verified": True, "share": 0.5}
    chunk = store.live_chunks()[0]
    assert "page" not in chunk.metadata
    assert chunk.metadata["heading"] == "Budget"
