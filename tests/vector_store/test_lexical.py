"""BM25 with Swedish stems and compounds, and the index that follows the store's generation."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from chromadb.api import ClientAPI

from vector_store.chroma_store import ChunkStore, chunk_id
from vector_store.compounds import Lexicon, split_compound
from vector_store.lexical import LexicalIndex, tokenize
from vector_store.lexical_cache import LiveCorpus, SnapshotFile
from vector_store.records import ChunkRecord, DocumentRecord, MetaValue, StoredChunk


def chunks(*texts: str) -> list[StoredChunk]:
    return [StoredChunk(f"c{i}", text, {}) for i, text in enumerate(texts)]


def found(index: LexicalIndex, query: str, k: int = 10) -> list[str]:
    return [chunk for chunk, _ in index.search(query, k)]


# --- tokens --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        pytest.param("Socialnämnden beslutade", ["socialnämnd", "beslut"], id="stems"),
        pytest.param("och det är i att", [], id="only-stopwords"),
        pytest.param(
            "Budgeten för 2013: 150 000 kr", ["budget", "2013", "150", "000", "kr"], id="numbers"
        ),
        pytest.param("2,5 miljoner", ["2", "5", "miljon"], id="decimal-comma"),
        pytest.param("FoU-medel_till x", ["fou", "medel"], id="hyphen-underscore"),
        pytest.param("MISSBRUKET, missbruk!", ["missbruk", "missbruk"], id="case-and-inflection"),
    ],
)
def test_tokenize(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == tokens


def test_stemming_finds_other_inflections() -> None:
    index = LexicalIndex.build(chunks("Missbruket ökar.", "Budgeten för kvinnojourer."))
    assert found(index, "missbruk") == ["c0"]
    assert found(index, "budget") == ["c1"]


# --- compounds -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "known", "parts"),
    [
        pytest.param("missbruksvården", ["missbruk", "vården"], ("missbruk", "vård"), id="link-s"),
        pytest.param("kvinnojourerna", ["kvinnor", "jour"], ("kvinn", "jour"), id="link-o-stems"),
        pytest.param(
            "socialtjänstnämnden",
            ["social", "socialtjänst", "nämnd"],
            ("socialtjänst", "nämnd"),
            id="longest-head",
        ),
        pytest.param(
            "familjevårdsrapport",
            ["familj", "vård", "rapport"],
            ("familj", "vård", "rapport"),
            id="three-parts",
        ),
        pytest.param("vårdnadshavare", ["vård", "havare"], (), id="unknown-middle"),
        pytest.param("delaktighet", ["del", "aktighet"], (), id="short-head"),
        pytest.param("stadsdel", ["stad", "delar"], (), id="too-short"),
        pytest.param("utvecklingsarbeten", ["projekt"], (), id="unknown-parts"),
    ],
)
def test_split_compound(word: str, known: list[str], parts: tuple[str, ...]) -> None:
    assert split_compound(word, Lexicon.of(known)) == parts


def test_a_part_finds_the_compound_when_the_corpus_knows_the_part() -> None:
    text = "Pengar till missbruksvården i Skärholmen."
    index = LexicalIndex.build(
        chunks(text, "Missbruk är vanligt bland unga vuxna.", "Vård och omsorg.", "Kvinnojourer.")
    )
    assert "missbruk" not in tokenize(text)  # stems alone would not find it
    assert set(found(index, "missbruk")) == {"c0", "c1"}
    assert set(found(index, "vård")) == {"c0", "c2"}


def test_a_part_finds_the_compound_the_corpus_only_uses_whole() -> None:
    index = LexicalIndex.build(
        chunks("Pengar till missbruksvården i Skärholmen.", "Kvinnojourer får stöd.")
    )
    assert found(index, "missbruk") == ["c0"]
    assert found(index, "missbruket") == ["c0"]


def test_compound_query_finds_inflected_compound_and_its_parts() -> None:
    index = LexicalIndex.build(
        chunks(
            "Socialnämnden fördelade pengar till lokala utvecklingsarbeten.",
            "Utveckling av arbetet med unga vuxna.",
            "Kvinnojourerna får stöd.",
        )
    )
    hits = found(index, "utvecklingsarbete")
    assert hits[0] == "c0"  # the whole compound ranks first
    assert set(hits) == {"c0", "c1"}


def test_no_false_split_of_a_word_that_starts_like_another() -> None:
    index = LexicalIndex.build(chunks("Vårdnadshavare ska informeras.", "Vård av äldre."))
    assert found(index, "vård") == ["c1"]


# --- search --------------------------------------------------------------------------------


def test_numbers_are_searchable() -> None:
    index = LexicalIndex.build(
        chunks("Beslut 2013 om 150 000 kronor.", "Beslut 2014 om 300 000 kronor.")
    )
    assert found(index, "2013") == ["c0"]
    assert found(index, "150") == ["c0"]


def test_results_are_best_first_and_limited_to_k() -> None:
    index = LexicalIndex.build(
        chunks(
            "Kvinnojourer kvinnojourer kvinnojourer får pengar.",
            "Kvinnojourer nämns en gång i en lång text om budget och annat.",
            "Budget för skolan.",
            "Ingenting relevant här.",
        )
    )
    results = index.search("kvinnojourer budget", 2)
    assert [chunk for chunk, _ in results] == ["c0", "c1"]
    assert results[0][1] > results[1][1] > 0


@pytest.mark.parametrize(
    ("texts", "query", "k"),
    [
        pytest.param((), "missbruk", 5, id="empty-index"),
        pytest.param(("Missbruk är vanligt och det ökar.",), "och det är", 5, id="stopwords-only"),
        pytest.param(("Missbruk ökar.",), "Kvinnojourer", 5, id="unknown-words"),
        pytest.param(("Missbruk ökar.",), "missbruk", 0, id="k-zero"),
    ],
)
def test_searches_that_find_nothing(texts: tuple[str, ...], query: str, k: int) -> None:
    index = LexicalIndex.build(chunks(*texts))
    assert index.search(query, k) == []


def test_empty_passages_are_indexed_without_error() -> None:
    index = LexicalIndex.build(chunks("", "och i", "Missbruk ökar."))
    assert len(index) == 3
    assert found(index, "missbruk") == ["c2"]


# --- the index that follows the store -------------------------------------------------------


class RecordingSource:
    """A CorpusSource that serves set passages and records how often it was read."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.passages = chunks(*texts)
        self.marker = "g1"
        self.generation_reads = 0
        self.chunk_reads = 0

    def generation(self) -> str:
        self.generation_reads += 1
        return self.marker

    def live_chunks(self) -> list[StoredChunk]:
        self.chunk_reads += 1
        return list(self.passages)

    def live_grants(self) -> list[tuple[str, str, dict[str, MetaValue]]]:
        return [("g:0", "Stöd till jourer.", {"amount_sek": 1000, "doc_id": "d"})]

    def list_documents(self) -> list[DocumentRecord]:
        return [replace(_document("d", "Stöd till jourer.")[0], text="")]  # as stores list them


def test_index_is_rebuilt_only_when_the_generation_changed() -> None:
    source = RecordingSource(["Missbruk ökar."])
    live = LiveCorpus(source)

    assert live.search("missbruk", 3) == live.search("missbruk", 3)
    assert (source.generation_reads, source.chunk_reads, live.builds) == (2, 1, 1)

    source.passages = chunks("Kvinnojourer får stöd.")
    assert live.search("kvinnojourer", 3) == []  # unchanged generation: the old index
    source.marker = "g2"
    assert [c for c, _ in live.search("kvinnojourer", 3)] == ["c0"]
    assert (source.chunk_reads, live.builds) == (2, 2)


TEXTS = (
    "Missbruksvården i Skärholmen får 2,5 miljoner kronor.",
    "Kvinnojourerna får tolv miljoner i budgeten för 2016.",
    "Uppsökarenheten gör studiebesök i Bukarest.",
)
QUERIES = ("missbruk", "kvinnojour", "Bukarest 2016", "miljoner", "missbruksvården")


def test_a_cached_snapshot_answers_as_the_built_one(tmp_path: Path) -> None:
    source = RecordingSource(TEXTS)
    cache = SnapshotFile(tmp_path / "cache" / "index.npz", key="store/fou")
    built = LiveCorpus(source, cache)
    expected = {query: built.search(query, 3) for query in QUERIES}
    first = built.current()

    restarted = LiveCorpus(source, SnapshotFile(cache.path, key="store/fou"))
    loaded = restarted.current()

    assert (built.builds, restarted.builds, restarted.loads, source.chunk_reads) == (1, 0, 1, 1)
    assert {query: restarted.search(query, 3) for query in QUERIES} == expected
    assert all(expected.values())
    assert (loaded.chunks, loaded.documents, loaded.grants) == (
        first.chunks,
        first.documents,
        first.grants,
    )
    assert list(cache.path.parent.iterdir()) == [cache.path], "no temporary file is left"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:-200]), id="cut-short"),
        pytest.param(lambda path: path.write_bytes(b"PK\x03\x04" + b"x" * 50), id="garbage"),
        pytest.param(lambda path: path.write_bytes(b""), id="empty"),
        pytest.param(lambda path: path.unlink(), id="missing"),
    ],
)
def test_a_broken_cache_file_is_ignored_and_rewritten(
    tmp_path: Path, damage: Callable[[Path], object], caplog: pytest.LogCaptureFixture
) -> None:
    source = RecordingSource(TEXTS)
    cache = SnapshotFile(tmp_path / "index.npz", key="store/fou")
    expected = LiveCorpus(source, cache).search("missbruk", 3)
    damage(cache.path)

    again = LiveCorpus(source, cache)

    assert again.search("missbruk", 3) == expected
    assert (again.builds, again.loads) == (1, 0)
    third = LiveCorpus(source, cache)
    assert third.search("missbruk", 3) == expected
    assert (third.builds, third.loads) == (0, 1), "the rebuilt snapshot was cached again"


@pytest.mark.parametrize(
    ("marker", "key"),
    [
        pytest.param("g2", "store/fou", id="another-generation"),
        pytest.param("g1", "elsewhere/fou", id="another-store"),
    ],
)
def test_a_cache_of_another_generation_or_store_is_not_used(
    tmp_path: Path, marker: str, key: str
) -> None:
    source = RecordingSource(TEXTS)
    LiveCorpus(source, SnapshotFile(tmp_path / "index.npz", key="store/fou")).current()
    source.marker = marker
    source.passages = chunks("Helt andra texter om hemlöshet.")

    live = LiveCorpus(source, SnapshotFile(tmp_path / "index.npz", key=key))

    assert [c for c, _ in live.search("hemlöshet", 3)] == ["c0"]
    assert (live.builds, live.loads) == (1, 0)


def _document(doc_id: str, text: str) -> tuple[DocumentRecord, list[ChunkRecord]]:
    content_hash = hashlib.sha256(text.encode()).hexdigest()
    doc = DocumentRecord(
        doc_id=doc_id,
        source=doc_id,
        path=f"{doc_id}.txt",
        content_hash=content_hash,
        title=doc_id,
        kind="news",
        text=text,
        chunk_count=1,
        ingested_at="2024-01-01T00:00:00+00:00",
    )
    return doc, [ChunkRecord(chunk_id(doc_id, content_hash, 0), text, {"kind": "news"})]


def test_live_index_follows_the_store(embedded_store: ChunkStore, tmp_path: Path) -> None:
    cache = SnapshotFile(tmp_path / "index.npz", key="store")
    live = LiveCorpus(embedded_store, cache)
    assert live.search("missbruk", 3) == []

    embedded_store.write_documents([_document("a", "Pengar till missbruksvården.")])
    first = live.search("missbruk", 3)
    assert [chunk for chunk, _ in first] == [
        chunk_id("a", embedded_store.document_hashes()["a"], 0)
    ]
    live.search("missbruk", 3)
    assert live.builds == 2
    assert LiveCorpus(embedded_store, cache).search("missbruk", 3) == first

    embedded_store.remove_document("a")
    assert live.search("missbruk", 3) == []
    assert live.builds == 3


@pytest.mark.server
def test_two_processes_on_one_server_search_the_same_corpus(
    server_client: ClientAPI, make_store: Callable[..., ChunkStore], tmp_path: Path
) -> None:
    writer, reader = make_store(server_client), make_store(server_client)
    cache = SnapshotFile(tmp_path / "index.npz", key="server")
    live, other = LiveCorpus(reader, cache), LiveCorpus(reader, cache)
    assert live.search("kvinnojourer", 3) == other.search("kvinnojourer", 3) == []

    writer.write_documents([_document("b", "Kvinnojourerna får tolv miljoner.")])
    assert len(live.search("kvinnojourer", 3)) == 1
    assert other.search("kvinnojourer", 3) == live.search("kvinnojourer", 3)
    assert (live.builds, other.builds, other.loads) == (2, 0, 2), "one builds, the other loads"


def test_rows_packed_per_document_read_back_equal() -> None:
    from vector_store.lexical_cache import _packed, _unpacked

    rows = [
        ("a:0", "Första.", {"doc_id": "a", "title": "A", "page": 1, "chunk_index": 0}),
        ("a:1", "Andra.", {"doc_id": "a", "title": "A", "page": 2, "chunk_index": 1}),
        ("a:2", "Tredje.", {"doc_id": "a", "title": "A", "chunk_index": 2}),  # no page
        ("b:0", "Annan.", {"doc_id": "b", "title": "B", "url": "https://x.example/b"}),
    ]
    packed = _packed(rows)

    assert packed["shared"]["a"] == {"doc_id": "a", "title": "A"}
    assert list(_unpacked(packed)) == rows
