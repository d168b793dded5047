"""ingest_paths end to end, on embedded Chroma and on a real `chroma run` server."""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from chromadb.api import ClientAPI
from langchain_core.embeddings import Embeddings

from bot.runtime import ingest_options
from bot.settings import DEFAULT_EMBEDDING_MODEL, load_settings
from funding import grants as ingest_grants
from funding.grants import extract_grants
from ingest import regrant as regrant_module
from ingest.models import ParsedDocument
from ingest.parse import document_id, parse_file
from ingest.pipeline import IngestOptions, ProgressUpdate, chunking_signature, ingest_paths
from ingest.redact import REDACTION_TOKEN
from ingest.report import IngestReport
from tests.conftest import TEST_CHUNKING, TEST_MODEL
from tests.vector_store.crashing import Crash, crashing
from vector_store.chroma_store import ChunkStore
from vector_store.client import make_client
from vector_store.embeddings import model_identity
from vector_store.records import DocumentRecord, MetaValue, StoredChunk

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "corpus"
DATA = REPO / "tests" / "data"
DEV_DOCS = REPO.parent / "shared" / "corpus" / "dev" / "docs"
APPLICATION = "11-ansokan-kvinnojouren-lindansaren-2025"
PERSONNUMMER_FORMS = ("19840517-9824", "840517-9824", "198405179824", "8405179824")
NOW = timedelta(0)

StoreFactory = Callable[..., ChunkStore]
Grant = tuple[str, str, dict[str, MetaValue]]


class CountingEmbeddings(Embeddings):
    """The real model behind a memo; records every passage text the store asks to embed."""

    def __init__(self, model: Embeddings, memo: dict[str, list[float]]) -> None:
        self.model = model
        self.memo = memo
        self.embedded: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded.extend(texts)
        missing = [text for text in dict.fromkeys(texts) if text not in self.memo]
        if missing:
            self.memo.update(zip(missing, self.model.embed_documents(missing), strict=True))
        return [list(self.memo[text]) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.model.embed_query(text)


@pytest.fixture(scope="module")
def memo() -> dict[str, list[float]]:
    """Vectors already computed in this module: the same passage is embedded once."""
    return {}


@pytest.fixture
def counting(embeddings: Embeddings, memo: dict[str, list[float]]) -> CountingEmbeddings:
    return CountingEmbeddings(embeddings, memo)


@pytest.fixture
def store(any_client: ClientAPI, make_store: StoreFactory, counting: Embeddings) -> ChunkStore:
    """A fresh collection, embedded and on the server, that counts what it embeds."""
    return make_store(any_client, embeddings=counting)


# --- helpers ---------------------------------------------------------------------------


def text_files(folder: Path = EXAMPLES) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))


def copy_files(names: Sequence[str], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def statuses(report: IngestReport) -> dict[str, str]:
    """file name -> status (files of one run have distinct names in these tests)."""
    return {Path(f.path).name: f.status for f in report.files}


def live_by_doc(store: ChunkStore) -> dict[str, list[StoredChunk]]:
    found: dict[str, list[StoredChunk]] = defaultdict(list)
    for chunk in store.live_chunks():
        found[str(chunk.metadata["doc_id"])].append(chunk)
    return found


def live_grants(store: ChunkStore) -> dict[str, list[Grant]]:
    """Grants of the live version of each document, as the bot's ledger reads them."""
    hashes = store.document_hashes()
    found: dict[str, list[Grant]] = defaultdict(list)
    for grant in store.list_grants():
        doc_id = str(grant[2].get("doc_id"))
        if hashes.get(doc_id) == grant[2].get("content_hash"):
            found[doc_id].append(grant)
    return found


def expected_grants(path: Path) -> int:
    """How many grants the file states as it is now (or the example it was copied from)."""
    path = path if path.exists() else EXAMPLES / path.name
    stat = path.stat()
    return _grants_in(path, stat.st_mtime_ns, stat.st_size)


@functools.cache
def _grants_in(path: Path, mtime_ns: int, size: int) -> int:
    return len(extract_grants(parse_file(path, key=str(path), digest="expected")))


def assert_one_copy_each(store: ChunkStore) -> list[DocumentRecord]:
    """Every visible document has exactly its chunk_count passages and all of its grants."""
    docs = store.list_documents()
    live = live_by_doc(store)
    grants = live_grants(store)
    assert set(live) <= {d.doc_id for d in docs}, "passages of an unregistered document"
    for doc in docs:
        chunks = live[doc.doc_id]
        prefix = f"{doc.doc_id}:{doc.content_hash[:12]}:"
        assert all(c.chunk_id.startswith(prefix) for c in chunks), doc.source
        indexes = sorted(int(c.metadata["chunk_index"]) for c in chunks)
        assert indexes == list(range(doc.chunk_count)), f"{doc.source}: {indexes}"
        assert len(grants[doc.doc_id]) == expected_grants(Path(doc.path)), doc.source
    return docs


def assert_no_leftovers(store: ChunkStore) -> None:
    """Once leftovers of any age are collected, only live passages remain."""
    store.collect_garbage(grace=NOW)
    docs = store.list_documents()
    assert store.count_chunks() == sum(d.chunk_count for d in docs)
    assert len(store.list_grants()) == sum(len(g) for g in live_grants(store).values())


# --- the example corpus, ingested once per backend -----------------------------------------


@dataclass
class Ingested:
    store: ChunkStore
    report: IngestReport
    embedder: CountingEmbeddings
    progress: list[ProgressUpdate]


@pytest.fixture(
    scope="module",
    params=[
        pytest.param("embedded", id="embedded"),
        pytest.param("server", id="server", marks=pytest.mark.server),
    ],
)
def corpus(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    embeddings: Embeddings,
    memo: dict[str, list[float]],
) -> Ingested:
    """examples/corpus ingested into a fresh collection: embedded, then on the server."""
    if request.param == "embedded":
        client = make_client(path=tmp_path_factory.mktemp("corpus") / "chroma")
    else:
        host, port = request.getfixturevalue("chroma_server")
        client = make_client(host=host, port=port)
    embedder = CountingEmbeddings(embeddings, memo)
    store = ChunkStore(
        client,
        collection=f"t-{uuid.uuid4().hex[:16]}",
        embeddings=embedder,
        model_name=model_identity(TEST_MODEL),
        chunking=TEST_CHUNKING,
    )
    progress: list[ProgressUpdate] = []
    report = ingest_paths([EXAMPLES], store, IngestOptions(), progress.append)
    return Ingested(store, report, embedder, progress)


def test_every_example_file_is_ingested_once(corpus: Ingested) -> None:
    files = sorted(EXAMPLES.iterdir())

    totals = corpus.report.totals()

    assert (totals["added"], totals["failed"], totals["redactions"]) == (14, 0, 1)
    assert [u.path for u in corpus.progress] == [*(str(p.resolve()) for p in files), None]
    assert {u.total for u in corpus.progress} == {len(files)}
    done = [u.done for u in corpus.progress]
    assert done == sorted(done) and (done[0], done[-1]) == (0, len(files))
    docs = assert_one_copy_each(corpus.store)
    assert sorted(d.source for d in docs) == [p.stem for p in files]
    chunks_of = {d.path: d.chunk_count for d in docs}
    assert {f.path: f.chunks for f in corpus.report.files} == chunks_of
    assert totals["chunks"] == len(corpus.store.live_chunks()) == sum(chunks_of.values())
    assert totals["grants"] == sum(len(g) for g in live_grants(corpus.store).values())


@pytest.mark.parametrize(
    ("name", "expected", "pages"),
    [
        pytest.param(
            f"{APPLICATION}.txt",
            {
                "title": "Ansökan om tidsbegränsat bidrag 2025 – Kvinnojouren Lindansaren",
                "kind": "other",
                "date": "2024-10-01",
                "url": "https://fou-bot.example/socialnamnden/ansokningar/2024/lindansaren-2025",
                "dnr": "3.1.2-301/2024",
            },
            {None},
            id="txt-front-matter",
        ),
        pytest.param(
            "07-skarholmen-foraldrastod-sommarlov-2024.txt",
            {
                "title": "Skärholmen får 380 000 kronor till föräldrastöd och "
                "sommarlovsaktiviteter",
                "kind": "press_release",
                "date": "2024-04-02",
                "url": None,
            },
            {None},
            id="txt-no-front-matter",
        ),
        pytest.param(
            "06-pressmeddelande-vald-i-nara-relationer-2024.md",
            {
                "title": "Socialnämnden satsar 2,5 miljoner kronor mot våld i nära relationer",
                "kind": "press_release",
                "date": "2024-03-14",
                "url": "https://fou-bot.example/press/2024/vald-i-nara-relationer",
            },
            {None},
            id="md",
        ),
        pytest.param(
            "09-jarvabladet-rinkeby-kista-12-mnkr.html",
            {
                "title": "Rinkeby-Kista får 12 mnkr för att förebygga att unga dras in i "
                "kriminalitet",
                "date": "2024-09-05",
                "url": "https://fou-bot.example/jarvabladet/nyheter/2024/09/rinkeby-kista-12-mnkr",
            },
            {None},
            id="html",
        ),
        pytest.param(
            "01-fou-plan-socialtjansten-2024-2026.pdf",
            {
                "title": "Forsknings- och utvecklingsplan för socialtjänsten 2024-2026",
                "kind": "fou_plan",
                "date": "2023-11-21",
                "url": None,
            },
            {1, 2, 3},
            id="pdf",
        ),
        pytest.param(
            "02-fou-medel-lokala-utvecklingsprojekt-2024.pdf",
            {"dnr": "3.1.2-118/2024"},
            {1, 2, 3},
            id="pdf-with-table",
        ),
    ],
)
def test_each_format_is_stored_with_its_metadata(
    corpus: Ingested, name: str, expected: dict[str, str | None], pages: set[int | None]
) -> None:
    path = (EXAMPLES / name).resolve()
    record = corpus.store.get_document(document_id(str(path)))
    assert record is not None
    chunks = live_by_doc(corpus.store)[record.doc_id]

    assert {k: getattr(record, k) for k in expected} == expected
    assert (record.source, record.path) == (path.stem, str(path))
    assert {c.metadata.get("page") for c in chunks} == pages
    for chunk in chunks:
        meta = chunk.metadata
        assert {k: meta.get(k) for k in expected} == expected
        assert (meta["source"], meta["doc_id"]) == (record.source, record.doc_id)
        assert record.text[int(meta["start"]) : int(meta["end"])] == chunk.text
        # Each PDF page opens with a running header naming it ("Sida 2 (3)").
        for number in pages - {None, meta.get("page")}:
            assert f"Sida {number} (3)" not in chunk.text


def test_a_personnummer_is_redacted_before_anything_is_stored(corpus: Ingested) -> None:
    path = (EXAMPLES / f"{APPLICATION}.txt").resolve()
    result = next(f for f in corpus.report.files if f.path == str(path))
    stored = [d.text for d in corpus.store.list_documents(with_text=True)]
    stored += [c.text for c in corpus.store.live_chunks()]
    stored += [g[1] for g in corpus.store.list_grants()]

    assert result.redactions == 1
    assert PERSONNUMMER_FORMS[0] in path.read_text(encoding="utf-8")
    for text in stored:
        assert not any(number in text for number in PERSONNUMMER_FORMS)
    record = corpus.store.get_document(document_id(str(path)))
    assert record is not None and record.redactions == 1
    assert record.text.count(REDACTION_TOKEN) == 1
    assert "070-174 06 12" in record.text, "a phone number is not a personnummer"


def test_ingesting_the_same_folder_again_changes_and_embeds_nothing(corpus: Ingested) -> None:
    store = corpus.store
    before = (len(corpus.embedder.embedded), store.generation(), store.count_chunks())

    again = ingest_paths([EXAMPLES], store, IngestOptions())

    assert [f.status for f in again.files] == ["unchanged"] * 14
    assert (len(corpus.embedder.embedded), store.generation(), store.count_chunks()) == before
    assert again.totals()["chunks"] == 0


# --- changes, pruning and identity ---------------------------------------------------------

SMALL = (
    "06-pressmeddelande-vald-i-nara-relationer-2024.md",
    "07-skarholmen-foraldrastod-sommarlov-2024.txt",
    "12-protokollsutdrag-housing-first-unga-2024-10-22.txt",
)
SKARHOLMEN = SMALL[1]


def test_a_changed_file_is_updated_to_exactly_one_version(
    store: ChunkStore, counting: CountingEmbeddings, tmp_path: Path
) -> None:
    folder = copy_files(SMALL, tmp_path / "docs")
    ingest_paths([folder], store, IngestOptions())
    changed = folder / SKARHOLMEN
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("380 000", "390 000")
        + "\nUppföljningen redovisas för socialnämnden i december 2024.\n",
        encoding="utf-8",
    )
    embedded_before = len(counting.embedded)

    report = ingest_paths([folder], store, IngestOptions())

    assert statuses(report) == {SMALL[0]: "unchanged", SKARHOLMEN: "updated", SMALL[2]: "unchanged"}
    assert_one_copy_each(store)
    doc_id = document_id(str(changed.resolve()))
    new = [c.text for c in live_by_doc(store)[doc_id]]
    assert sorted(counting.embedded[embedded_before:]) == sorted(new), "only its passages"
    assert any("390 000" in text for text in new)
    assert any("i december 2024" in text for text in new)
    assert not any("380 000" in text for text in new)
    amounts = [g[2]["amount_sek"] for g in store.list_grants(where={"doc_id": doc_id})]
    assert amounts == [390_000]
    assert_no_leftovers(store)


@pytest.mark.parametrize("prune", [pytest.param(True, id="prune"), pytest.param(False, id="keep")])
def test_prune_removes_documents_whose_files_are_gone(
    store: ChunkStore, tmp_path: Path, prune: bool
) -> None:
    folder = copy_files(SMALL, tmp_path / "docs")
    elsewhere = copy_files(["14-farsta-anhorigstod-2025.md"], tmp_path / "elsewhere")
    ingest_paths([folder, elsewhere], store, IngestOptions())
    gone = folder / SKARHOLMEN
    doc_id = document_id(str(gone.resolve()))
    assert store.list_grants(where={"doc_id": doc_id}), "the file states a grant"
    gone.unlink()

    report = ingest_paths([folder], store, IngestOptions(prune=prune))

    sources = {d.source for d in store.list_documents()}
    assert "14-farsta-anhorigstod-2025" in sources, "files outside the folder stay"
    if prune:
        assert [(f.path, f.status) for f in report.files if f.status != "unchanged"] == [
            (str(gone.resolve()), "removed")
        ]
        assert gone.stem not in sources
        assert doc_id not in live_by_doc(store)
        assert store.list_grants(where={"doc_id": doc_id}) == []
        assert store.count_chunks() == sum(d.chunk_count for d in store.list_documents())
    else:
        assert report.count("removed") == 0
        assert gone.stem in sources
    assert_one_copy_each(store)


def test_a_source_key_keeps_one_document_across_paths(store: ChunkStore, tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "beslut.txt", tmp_path / "b" / "beslut.txt"
    for path, amount in ((first, "100 000"), (second, "200 000")):
        path.parent.mkdir()
        path.write_text(
            f"Socialnämnden beviljar Farsta stadsdelsförvaltning {amount} kronor "
            "för stöd till anhöriga.\n",
            encoding="utf-8",
        )
    options = IngestOptions(source_key="slack-upload/beslut.txt")

    reports = [ingest_paths([path], store, options) for path in (first, second, second)]

    assert [r.files[0].status for r in reports] == ["added", "updated", "unchanged"]
    (doc,) = store.list_documents(with_text=True)
    assert (doc.doc_id, doc.path) == (document_id("slack-upload/beslut.txt"), options.source_key)
    assert "200 000" in doc.text
    assert [c.text for c in store.live_chunks()] == [doc.text]
    assert_no_leftovers(store)
    separate = ingest_paths([first], store, IngestOptions())
    assert separate.files[0].status == "added"
    assert len(store.list_documents()) == 2


# --- bad input ------------------------------------------------------------------------------

FAILING = {
    "corrupt.pdf": "the PDF is corrupt",
    "encrypted.pdf": "encrypted with a password",
    "scanned.pdf": "no extractable text",
    "tom.txt": "the file is empty",
    "latin1.txt": "not UTF-8",
    "tabell.xlsx": ".xlsx files are not supported",
    "bara-huvud.md": "no text besides its front matter",
}
WARNED = {
    "trasigt-huvud.md": "line 3 is not `key: value`",
    "oavslutat-huvud.md": "has no closing --- line",
}
BODY = "Socialnämnden beviljar Farsta stadsdelsförvaltning 620 000 kronor för anhörigstöd.\n"


def bad_input_folder(folder: Path) -> Path:
    folder.mkdir()
    for name in ("corrupt.pdf", "encrypted.pdf", "scanned.pdf", "encrypted_empty_password.pdf"):
        shutil.copy(DATA / name, folder / name)
    shutil.copy(EXAMPLES / SKARHOLMEN, folder / SKARHOLMEN)
    (folder / "tom.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("Socialnämnden beslutade om bidrag.\n".encode("latin-1"))
    (folder / "tabell.xlsx").write_bytes(b"PK\x03\x04 not really a spreadsheet")
    (folder / "bara-huvud.md").write_text("---\ntitle: Bara huvud\n---\n\n", encoding="utf-8")
    (folder / "trasigt-huvud.md").write_text(
        f"---\ntitle: Trasigt huvud\ndetta är ingen nyckelrad\n---\n{BODY}", encoding="utf-8"
    )
    (folder / "oavslutat-huvud.md").write_text(
        f"---\ntitle: Oavslutat huvud\n{BODY}", encoding="utf-8"
    )
    return folder


def test_bad_files_fail_alone_and_leave_nothing_behind(store: ChunkStore, tmp_path: Path) -> None:
    folder = bad_input_folder(tmp_path / "docs")

    report = ingest_paths([folder], store, IngestOptions())

    results = {Path(f.path).name: f for f in report.files}
    for name, reason in FAILING.items():
        result = results[name]
        assert result.status == "failed", name
        assert result.error is not None and result.error.startswith(f"ingest: {name}: "), name
        assert reason in result.error, result.error
    stored = {SKARHOLMEN, "encrypted_empty_password.pdf", *WARNED}
    assert {name for name, f in results.items() if f.status == "added"} == stored
    for name, warning in WARNED.items():
        assert any(warning in w for w in results[name].warnings), results[name].warnings
    stems = {Path(name).stem for name in stored}
    docs = store.list_documents(with_text=True)
    assert {d.source for d in docs} == stems
    assert {str(c.metadata["source"]) for c in store.live_chunks()} == stems
    assert {str(g[2]["source"]) for g in store.list_grants()} <= stems
    assert store.count_chunks() == sum(d.chunk_count for d in docs)
    broken = next(d for d in docs if d.source == "trasigt-huvud")
    assert broken.text.startswith("---\ntitle: Trasigt huvud"), "kept as text"
    assert not report.ok


def test_a_missing_path_fails_and_the_rest_is_ingested(store: ChunkStore, tmp_path: Path) -> None:
    missing = tmp_path / "finns-inte"
    present = copy_files([SKARHOLMEN], tmp_path / "docs") / SKARHOLMEN

    report = ingest_paths([missing, present], store, IngestOptions())

    failed, added = report.files
    assert (failed.path, failed.status) == (str(missing), "failed")
    assert failed.error is not None and str(missing) in failed.error
    assert "no such file or folder" in failed.error
    assert (added.path, added.status) == (str(present.resolve()), "added")
    assert [d.source for d in store.list_documents()] == [present.stem]


# --- interrupted writes -------------------------------------------------------------------


class InterruptedStore(ChunkStore):
    """Stops like Ctrl-C would: at the registry flip of one document's group."""

    stop_doc = ""

    def _flip(self, docs: Sequence[DocumentRecord]) -> None:
        # Chunks and grants of the group are in Chroma by now; the registry does not point
        # at them.
        if any(d.doc_id == self.stop_doc for d in docs):
            raise KeyboardInterrupt
        super()._flip(docs)


def test_an_interrupted_ingest_shows_nothing_half_stored_and_reruns_to_one_copy(
    any_client: ClientAPI, make_store: StoreFactory, counting: Embeddings, tmp_path: Path
) -> None:
    folder = copy_files([p.name for p in text_files()], tmp_path / "docs")
    stop = folder / f"{APPLICATION}.txt"
    interrupted = make_store(any_client, store_class=InterruptedStore, embeddings=counting)
    assert isinstance(interrupted, InterruptedStore)
    interrupted.stop_doc = document_id(str(stop.resolve()))
    options = IngestOptions(batch_chunks=6)  # several batches: some commit before the stop

    with pytest.raises(KeyboardInterrupt):
        ingest_paths([folder], interrupted, options)

    store = make_store(any_client, embeddings=counting)
    visible = assert_one_copy_each(store)
    assert 0 < len(visible) < len(text_files())
    assert APPLICATION not in {d.source for d in visible}
    probe = stop.read_text(encoding="utf-8").split("\n\n")[1]
    found = store.dense_search(probe, 10)
    assert found and {c.metadata["doc_id"] for c in found} <= {d.doc_id for d in visible}
    assert store.count_chunks() > sum(d.chunk_count for d in visible), "chunks were written"

    report = ingest_paths([folder], store, options)

    assert report.ok
    assert Counter(f.status for f in report.files) == {
        "unchanged": len(visible),
        "added": len(text_files()) - len(visible),
    }
    docs = assert_one_copy_each(store)
    assert sorted(d.source for d in docs) == [p.stem for p in text_files()]
    assert_no_leftovers(store)


def ledger_by_source(store: ChunkStore) -> dict[str, list[tuple[int, str]]]:
    """source -> its live grants as (amount, sentence), sorted."""
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for _, sentence, meta in store.live_grants():
        # A foreign amount has no amount_sek: its figure in its own currency is `amount`.
        found[str(meta["source"])].append((int(meta.get("amount_sek", meta["amount"])), sentence))
    return {source: sorted(rows) for source, rows in found.items()}


@pytest.mark.parametrize("writes", [pytest.param(n, id=f"after-{n}-writes") for n in (1, 4, 9)])
def test_an_update_killed_midway_keeps_every_grant_of_the_live_versions(
    embedded_client: ClientAPI,
    make_store: StoreFactory,
    counting: Embeddings,
    tmp_path: Path,
    writes: int,
) -> None:
    folder = copy_files([p.name for p in text_files()], tmp_path / "docs")
    store = make_store(embedded_client, embeddings=counting)
    options = IngestOptions(batch_chunks=6)
    ingest_paths([folder], store, options)
    ledger = ledger_by_source(store)
    assert sum(map(len, ledger.values())) > 10
    for path in folder.iterdir():  # a new version of every file, stating the same grants
        path.write_text(path.read_text(encoding="utf-8") + "\nSenast granskad 2025.\n")
    dying = make_store(crashing(embedded_client, writes), embeddings=counting)

    with pytest.raises(Crash):
        ingest_paths([folder], dying, options)

    store = make_store(embedded_client, embeddings=counting)
    assert ledger_by_source(store) == ledger, "every live document keeps all its grants"
    assert store.overview().grants == sum(map(len, ledger.values()))
    versions = {d.content_hash for d in store.list_documents()}
    assert {str(g[2]["content_hash"]) for g in store.live_grants()} <= versions
    report = ingest_paths([folder], store, options)
    assert report.count("updated") > 0 and report.ok
    assert ledger_by_source(store) == ledger
    assert_one_copy_each(store)
    assert_no_leftovers(store)


# --- a killed `fou-bot ingest` process --------------------------------------------------------

COPIES = 3  # 3 x 11 text files in commits of 16 passages: several groups to stop between


def segment_folders(chroma: Path) -> int:
    """Chroma makes a folder per vector segment when a collection gets its first vectors."""
    return sum(1 for p in chroma.iterdir() if p.is_dir()) if chroma.is_dir() else 0


def wait_for_segments(
    process: subprocess.Popen[bytes], chroma: Path, count: int, log: Path
) -> None:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"fou-bot ingest ended ({process.returncode}) early:\n{log.read_text()}")
        if segment_folders(chroma) >= count:
            return
        time.sleep(0.02)
    pytest.fail(f"fou-bot ingest wrote {segment_folders(chroma)} segments in 240 s")


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Processes a test starts; any still running at the end are killed."""
    processes: list[subprocess.Popen[bytes]] = []
    yield processes
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sig", "segments", "delay"),
    [
        # A group's passages are written first, then its grants and registry records (the
        # third segment: the first group is live).
        pytest.param(signal.SIGINT, 1, 1.0, id="sigint-while-writing"),
        pytest.param(signal.SIGKILL, 3, 0.0, id="sigkill-once-a-group-is-live"),
    ],
)
def test_a_killed_ingest_process_reruns_to_exactly_one_copy(
    tmp_path: Path,
    counting: Embeddings,
    started: list[subprocess.Popen[bytes]],
    sig: signal.Signals,
    segments: int,
    delay: float,
) -> None:
    docs = tmp_path / "docs"
    for copy in range(COPIES):
        folder = copy_files([p.name for p in text_files()], docs / f"kopia-{copy}")
        for path in folder.iterdir():  # a content of its own: equal files are stored once
            path.write_text(path.read_text(encoding="utf-8") + f"\nKopia {copy}.\n")
    chroma, collection, log = tmp_path / "chroma", f"t-{uuid.uuid4().hex[:16]}", tmp_path / "log"
    env = os.environ | {
        "FOU_CHROMA_PATH": str(chroma),
        "FOU_CHROMA_HOST": "",
        "FOU_COLLECTION": collection,
        "FOU_LOG_LEVEL": "WARNING",
        "FOU_INGEST_BATCH_CHUNKS": "16",
    }
    command = [str(Path(sys.executable).parent / "fou-bot"), "ingest", str(docs), "--json"]
    with log.open("wb") as output:
        # cwd: no .env of the project's folder is read
        process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=output, stderr=output)
    started.append(process)
    wait_for_segments(process, chroma, segments, log)
    time.sleep(delay)

    process.send_signal(sig)

    assert process.wait(timeout=60) != 0, f"not interrupted:\n{log.read_text()}"
    settings = load_settings(chroma_path=chroma, collection=collection, ingest_batch_chunks=16)
    store = ChunkStore(
        make_client(path=chroma),
        collection=collection,
        embeddings=counting,
        model_name=model_identity(DEFAULT_EMBEDDING_MODEL),
        chunking=chunking_signature(settings.chunk_size),
    )
    assert store.count_chunks() + len(store.list_grants()) > 0, "stopped before writing"
    visible = assert_one_copy_each(store)
    if sig == signal.SIGKILL:
        assert 0 < len(visible) < COPIES * len(text_files()), "the groups committed are kept"
    stored_at_kill = store.count_chunks()  # live, and added by the group that was cut off

    report = ingest_paths([docs], store, ingest_options(settings))

    assert report.ok
    assert report.count("unchanged") == len(visible)
    assert len(assert_one_copy_each(store)) == COPIES * len(text_files())
    assert_no_leftovers(store)
    # Nothing the killed run had added is embedded again: only what it never reached.
    assert len(counting.embedded) == store.count_chunks() - stored_at_kill


# --- the development corpus ---------------------------------------------------------------


@pytest.mark.skipif(not DEV_DOCS.is_dir(), reason=f"the shared dev corpus is not here ({DEV_DOCS})")
def test_the_dev_corpus_ingests_completely(
    embedded_client: ClientAPI, make_store: StoreFactory, counting: Embeddings
) -> None:
    store = make_store(embedded_client, embeddings=counting)
    files = sorted(p for p in DEV_DOCS.iterdir() if p.is_file() and not p.name.startswith("."))
    texts = [p for p in files if p.suffix == ".txt"]
    assert texts, f"no .txt documents in {DEV_DOCS}"

    report = ingest_paths([DEV_DOCS], store, IngestOptions())

    totals = report.totals()
    assert (totals["added"], totals["failed"]) == (len(files), 0), report.failures
    docs = store.list_documents()
    assert sorted(d.source for d in docs) == sorted(p.stem for p in files)
    live = live_by_doc(store)
    for doc in docs:
        assert len(live[doc.doc_id]) == doc.chunk_count > 0
        assert doc.title, f"{doc.path}: no title"
        if Path(doc.path).suffix != ".txt":
            continue  # a PDF has no front matter: its title and date come from the PDF
        declared = front_matter(Path(doc.path))
        assert (doc.title, doc.url, doc.kind) == (
            declared["title"],
            declared["url"],
            declared["kind"],
        )
        if declared["date"]:
            assert doc.date == declared["date"]


def front_matter(path: Path) -> dict[str, str]:
    """The `key: value` lines of a dev document's front matter, read naively."""
    head = path.read_text(encoding="utf-8").split("---\n")[1]
    pairs = (line.split(":", 1) for line in head.splitlines())
    return {key.strip(): value.strip() for key, value in pairs}


# --- duplicates, re-extraction and the embedding model ------------------------------------


def test_a_file_already_indexed_under_another_path_is_a_duplicate_stored_once(
    store: ChunkStore, tmp_path: Path
) -> None:
    first = copy_files([SKARHOLMEN], tmp_path / "a") / SKARHOLMEN
    ingest_paths([first], store, IngestOptions())
    second = copy_files([SKARHOLMEN], tmp_path / "b") / SKARHOLMEN
    third = copy_files([SKARHOLMEN], tmp_path / "c") / SKARHOLMEN

    report = ingest_paths([second.parent, third.parent], store, IngestOptions())

    assert [(f.status, f.duplicate_of) for f in report.files] == [
        ("duplicate", str(first.resolve())),
        ("duplicate", str(first.resolve())),
    ]
    assert report.totals()["duplicate"] == 2
    assert [d.path for d in store.list_documents()] == [str(first.resolve())]
    first.unlink()
    again = ingest_paths([second.parent], store, IngestOptions())
    assert statuses(again) == {SKARHOLMEN: "added"}, "the indexed copy's file is gone"


def test_two_equal_new_files_are_stored_once(store: ChunkStore, tmp_path: Path) -> None:
    folder = copy_files([SKARHOLMEN], tmp_path / "docs")
    shutil.copy(folder / SKARHOLMEN, folder / f"kopia-{SKARHOLMEN}")

    report = ingest_paths([folder], store, IngestOptions())

    found = {Path(f.path).name: f for f in report.files}
    assert statuses(report) == {SKARHOLMEN: "added", f"kopia-{SKARHOLMEN}": "duplicate"}
    assert found[f"kopia-{SKARHOLMEN}"].duplicate_of == found[SKARHOLMEN].path
    assert len(store.list_documents()) == 1
    assert_one_copy_each(store)


def only_the_largest(doc: ParsedDocument) -> list[ingest_grants.Grant]:
    """An 'improved' extractor for the test: it keeps only a document's largest grant."""
    found = ingest_grants.extract_grants(doc)
    return sorted(found, key=lambda g: g.amount_sek)[-1:]


def test_unchanged_files_get_the_grants_of_a_new_extractor_without_embedding(
    any_client: ClientAPI,
    make_store: StoreFactory,
    counting: CountingEmbeddings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = copy_files([p.name for p in text_files()], tmp_path / "docs")
    ingest_paths([folder], make_store(any_client, embeddings=counting), IngestOptions())
    loads: list[str] = []
    store = make_store(any_client, embeddings=lambda: loads.append("model") or counting)
    before = {d.doc_id: d for d in store.list_documents()}
    many = {d for d in before if len([g for g in live_grants(store)[d]]) > 1}
    assert many, "some document states more than one grant"
    monkeypatch.setattr(regrant_module, "EXTRACTOR_VERSION", ingest_grants.EXTRACTOR_VERSION + 1)
    monkeypatch.setattr(regrant_module, "extract_grants", only_the_largest)
    embedded = len(counting.embedded)

    report = ingest_paths([folder], store, IngestOptions())

    assert report.count("unchanged") == len(text_files())
    assert report.totals()["regranted"] == len(text_files())
    assert (loads, len(counting.embedded), store.model_loaded) == ([], embedded, False)
    for doc_id, rows in live_grants(store).items():
        assert len(rows) == 1, doc_id
    assert {d.doc_id: d.extractor_version for d in store.list_documents()} == dict.fromkeys(
        before, ingest_grants.EXTRACTOR_VERSION + 1
    )
    assert_no_leftovers(store)
    again = ingest_paths([folder], store, IngestOptions())
    assert again.totals()["regranted"] == 0


def test_regranting_reads_the_same_grants_as_a_fresh_ingest(
    corpus: Ingested, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = corpus.store
    fresh = sorted((g[0], g[1], sorted(g[2].items())) for g in store.live_grants())
    monkeypatch.setattr(regrant_module, "EXTRACTOR_VERSION", ingest_grants.EXTRACTOR_VERSION + 1)

    counts = regrant_module.regrant(store, store.list_documents())

    assert sum(counts.values()) == len(fresh)
    bumped = f"grant:v{ingest_grants.EXTRACTOR_VERSION + 1}:"
    again = sorted(
        (g[0].replace(bumped, f"grant:v{ingest_grants.EXTRACTOR_VERSION}:"), g[1], g[2])
        for g in store.live_grants()
    )
    volatile = {"written_at", "extractor_version"}
    assert [(i, t, [kv for kv in m if kv[0] not in volatile]) for i, t, m in fresh] == [
        (i, t, sorted((k, v) for k, v in m.items() if k not in volatile)) for i, t, m in again
    ]
    monkeypatch.undo()
    regrant_module.regrant(store, store.list_documents())  # back, for the tests that follow


def test_an_ingest_that_finds_nothing_changed_loads_no_embedding_model(
    any_client: ClientAPI, make_store: StoreFactory, counting: CountingEmbeddings, tmp_path: Path
) -> None:
    folder = copy_files(SMALL, tmp_path / "docs")
    ingest_paths([folder], make_store(any_client, embeddings=counting), IngestOptions())
    loads: list[str] = []
    store = make_store(any_client, embeddings=lambda: loads.append("model") or counting)

    report = ingest_paths([folder], store, IngestOptions())

    assert [f.status for f in report.files] == ["unchanged"] * len(SMALL)
    assert (loads, store.model_loaded) == ([], False)
    changed = folder / SKARHOLMEN
    changed.write_text(changed.read_text(encoding="utf-8") + "\nTillägg.\n", encoding="utf-8")
    assert statuses(ingest_paths([folder], store, IngestOptions()))[SKARHOLMEN] == "updated"
    assert (loads, store.model_loaded) == (["model"], True)


def test_page_spans_of_records_from_before_they_were_kept_come_from_the_passages(
    corpus: Ingested,
) -> None:
    path = (EXAMPLES / "02-fou-medel-lokala-utvecklingsprojekt-2024.pdf").resolve()
    record = corpus.store.get_document(document_id(str(path)))
    assert record is not None and len(record.pages) == 3

    derived = corpus.store.chunk_pages(record)

    assert [number for number, _, _ in derived] == [1, 2, 3]
    recorded = {number: (start, end) for number, start, end in record.pages}
    for number, start, end in derived:
        assert recorded[number][0] <= start < end <= recorded[number][1]


def test_a_file_changed_to_another_files_content_leaves_the_index(
    store: ChunkStore, tmp_path: Path
) -> None:
    folder = copy_files(SMALL[:2], tmp_path / "docs")
    ingest_paths([folder], store, IngestOptions())
    # The first file now holds the second one's text; a new file holds the first one's.
    first, second = folder / SMALL[0], folder / SKARHOLMEN
    old_first = first.read_bytes()
    first.write_bytes(second.read_bytes())
    (folder / "z-ny.md").write_bytes(old_first)

    report = ingest_paths([folder], store, IngestOptions())

    assert statuses(report) == {SMALL[0]: "duplicate", SKARHOLMEN: "unchanged", "z-ny.md": "added"}
    assert sorted(Path(d.path).name for d in store.list_documents()) == [SKARHOLMEN, "z-ny.md"]
    assert_one_copy_each(store)
    assert_no_leftovers(store)
