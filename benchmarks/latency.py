"""Warm per-question latency of the extractive engine over a large synthetic store.

Run: `make bench-latency` (or `.venv/bin/python -m benchmarks.latency --chunks 50000`).
The store is built once through the real ingest pipeline and kept in data/bench-latency/,
keyed by the generator's parameters; an interrupted build resumes (ingest skips what it
already stored). Baselines in the same run: raw BM25 search, a raw Chroma query and the
query embedding alone, on the same questions. Start-up is measured too: the lexical index
and ledger rebuilt from Chroma against the same loaded from the persisted snapshot file.
A small corpus for a quick look: `--chunks 2000` (or `--quick`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar, cast

from langchain_core.embeddings import Embeddings

from benchmarks.common import (
    ROOT,
    median,
    peak_rss_mb,
    percentile,
    profiled,
    quiet_libraries,
    table,
    timed,
)
from benchmarks.latency_store import CHUNK_SIZE, HASHED_MODEL, HashedEmbeddings, settings_for
from benchmarks.synthetic import GENERATOR_VERSION, questions, write_documents
from bot.engine.engine import Engine
from bot.engine.ledger import Ledger
from bot.engine.types import Filters, Passage
from bot.retrieval import CANDIDATES, HybridRetriever
from bot.runtime import configure_offline, ingest_options, snapshot_file
from bot.settings import Settings
from ingest.pipeline import chunking_signature, ingest_paths
from vector_store.chroma_store import ChunkStore
from vector_store.client import make_client
from vector_store.embeddings import load_embeddings, model_identity
from vector_store.lexical_cache import SnapshotFile

CACHE = ROOT / "data" / "bench-latency"
CHUNKS_PER_DOC = 4  # what the generator's documents give at CHUNK_SIZE
SEED = 20240924
STAGE = 500  # documents ingested per step of the build
T = TypeVar("T")


class TimedEmbeddings(Embeddings):
    """The store's embedding model, timing every query embedding."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self.spent = 0.0
        self.calls = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        start = time.perf_counter()
        try:
            return self.inner.embed_query(text)
        finally:
            self.spent += time.perf_counter() - start
            self.calls += 1


class TimedRetriever:
    """The engine's retriever, timing retrieve, neighbours, document_text and ledger."""

    def __init__(self, inner: HybridRetriever) -> None:
        self.inner = inner
        self.spent: dict[str, float] = defaultdict(float)

    def _clock(self, part: str, call: Callable[[], T]) -> T:
        start = time.perf_counter()
        try:
            return call()
        finally:
            self.spent[part] += time.perf_counter() - start

    def retrieve(self, query: str, k: int, filters: Filters | None = None) -> list[Passage]:
        return self._clock("retrieve", lambda: self.inner.retrieve(query, k, filters))

    def neighbours(self, passage: Passage) -> list[Passage]:
        return self._clock("fetch", lambda: self.inner.neighbours(passage))

    def document_text(self, doc_id: str) -> str:
        return self._clock("fetch", lambda: self.inner.document_text(doc_id))

    def ledger(self) -> Ledger:
        return self._clock("fetch", self.inner.ledger)


def open_timed_store(settings: Settings, hashed: bool) -> tuple[ChunkStore, TimedEmbeddings]:
    """The store as open_store makes it, with the embedding model wrapped in a clock."""
    client = make_client(path=settings.chroma_path)
    inner: Embeddings = (
        cast(Embeddings, HashedEmbeddings())
        if hashed
        else load_embeddings(settings.embedding_model, batch_size=settings.embedding_batch_size)
    )
    embeddings = TimedEmbeddings(inner)
    store = ChunkStore(
        client,
        collection=settings.collection,
        embeddings=embeddings,
        model_name=HASHED_MODEL if hashed else model_identity(settings.embedding_model),
        chunking=chunking_signature(settings.chunk_size),
    )
    return store, embeddings


def build(
    folder: Path, target: int, store: ChunkStore, settings: Settings, budget: float
) -> dict[str, float]:
    """Grow the cached store towards `target` documents, STAGE at a time, within `budget`
    seconds; returns what it holds: documents, chunks, build seconds over all runs."""
    marker = folder / "built.json"
    state = json.loads(marker.read_text()) if marker.exists() else {"documents": 0, "seconds": 0}
    started = time.perf_counter()
    if state["documents"] < target:
        print(f"building {folder.name}: {state['documents']}/{target} documents so far", flush=True)
    while state["documents"] < target and time.perf_counter() - started < budget:
        end = min(target, state["documents"] + STAGE)
        paths = write_documents(folder / "corpus", SEED, state["documents"], end)
        with timed() as stage:
            ingest_paths(paths, store, ingest_options(settings))
        state = {"documents": end, "seconds": round(state["seconds"] + stage.wall, 1)}
        marker.write_text(json.dumps(state))
        print(f"  {end}/{target} documents, {state['seconds']:.0f} s of build", flush=True)
    return {**state, "chunks": store.count_chunks(), "this_run": time.perf_counter() - started}


def row(name: str, ms: Sequence[float], share: float | None = None) -> list[object]:
    shown = "" if share is None else f"{share:.0%}"
    return [name, median(ms), percentile(ms, 95), sum(ms) / max(len(ms), 1), shown]


def main(argv: Sequence[str] | None = None) -> None:
    """Build or reuse the store, ask the questions warm, print latency and its parts."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chunks", type=int, default=50_000, help="About this many chunks.")
    parser.add_argument("--questions", type=int, default=200, help="Questions asked warm.")
    parser.add_argument("--budget", type=float, default=25, help="Minutes of building per run.")
    parser.add_argument("--quick", action="store_true", help="400 chunks, 20 questions.")
    parser.add_argument("--profile", action="store_true", help="cProfile the questions.")
    parser.add_argument("--build-only", action="store_true", help="Build the store, ask nothing.")
    parser.add_argument(
        "--embedding",
        choices=("model", "hashed"),
        default="model",
        help="hashed: a near-free stand-in for the model, to build a large store in minutes "
        "and measure start-up and the lexical path (dense results then mean nothing).",
    )
    args = parser.parse_args(argv)
    quiet_libraries()
    configure_offline()
    chunks, n = (400, 20) if args.quick else (args.chunks, args.questions)
    target = max(1, chunks // CHUNKS_PER_DOC)
    hashed = args.embedding == "hashed"
    folder = CACHE / (
        f"{GENERATOR_VERSION}-seed{SEED}-docs{target}-size{CHUNK_SIZE}"
        + ("-hashed" if hashed else "")
    )
    settings = settings_for(folder)
    store, embeddings = open_timed_store(settings, hashed)
    built = build(folder, target, store, settings, args.budget * 60)
    docs = built["documents"]
    if args.build_only:
        print(f"store: {built['chunks']} chunks in {docs} documents, {built['seconds']:.0f} s")
        return
    ready, startup = measure_startup(store, folder, hashed)
    retriever = TimedRetriever(ready)
    engine = Engine(retriever=retriever, ledger=retriever.ledger, top_k=settings.top_k)
    asked = questions(SEED, docs, n + 1)
    with timed() as first:
        engine.ask(asked[0])  # warm-up: builds the lexical index and the ledger
    embeddings.calls = 0
    with profiled(args.profile):
        totals, parts = ask_all(engine, retriever, embeddings, asked[1:])
    dense_runs = embeddings.calls
    baselines = measure_baselines(settings, embeddings.inner, retriever.inner, asked[1:])
    whole = sum(totals) or 1.0
    partial = "" if docs >= target else f" (PARTIAL: {docs} of {target} documents; re-run)"
    print(f"latency: {built['chunks']} chunks in {docs} documents{partial}")
    if hashed:
        print(
            "embedding: the hashed stand-in, not the model: start-up and the lexical path are "
            "real, dense rankings and query-embedding times are not"
        )
    print(
        f"store build: {built['seconds']:.0f} s in all runs, "
        f"{built['chunks'] / max(built['seconds'], 1e-9):.1f} chunks/s"
        + ("" if built["this_run"] > 1 else " (cached)")
    )
    print(
        f"bot ready (lexical index and ledger): rebuilt from Chroma {startup['rebuild']:.2f} s; "
        f"first start, rebuilding and writing the snapshot {startup['first']:.2f} s; "
        f"restart from the persisted snapshot ({startup['mib']:.0f} MiB) {startup['loaded']:.2f} s"
    )
    print(
        f"ratio start-up persisted/rebuild: {startup['loaded'] / max(startup['rebuild'], 1e-9):.3f}"
    )
    print(
        f"bot ready, whole process (interpreter, imports, store, snapshot): "
        f"{startup['process']:.2f} s (target < 5 s)"
    )
    print(f"first question (index already loaded): {first.wall:.2f} s")
    print(f"{len(totals)} questions asked warm; dense search ran for {dense_runs} of them")
    rows = [
        row("engine.ask, total", totals, 1.0),
        *(row(f"  {label}", parts[key], sum(parts[key]) / whole) for key, label in PARTS),
        *(row(f"baseline: {name}", ms) for name, ms in baselines.items()),
    ]
    print(table(["ms per question", "p50", "p95", "mean", "share"], rows))
    p95 = percentile(totals, 95)
    for name, ms in baselines.items():
        print(f"ratio p95 engine.ask / {name}: {p95 / max(percentile(ms, 95), 1e-9):.1f}")
    print(f"target p95 < 150 ms: {'met' if p95 < 150 else 'MISSED'} ({p95:.1f} ms)")
    print(f"peak memory (RSS): {peak_rss_mb():.0f} MiB")


def measure_startup(
    store: ChunkStore, folder: Path, hashed: bool
) -> tuple[HybridRetriever, dict[str, float]]:
    """Seconds until the index and ledger are ready: rebuilt, rebuilt and saved, loaded."""
    cache = snapshot_file(settings_for(folder))  # where the bot itself keeps it
    cache.path.unlink(missing_ok=True)
    with timed() as rebuild:
        HybridRetriever(store).snapshot()  # as every start did before the snapshot file
    with timed() as first:
        HybridRetriever(store, cache=cache).snapshot()
    restarted = HybridRetriever(store, cache=cache)
    with timed() as loaded:
        restarted.snapshot()
    return restarted, {
        "rebuild": rebuild.wall,
        "first": first.wall,
        "loaded": loaded.wall,
        "mib": cache.path.stat().st_size / 2**20,
        "process": whole_process_start(folder, cache, hashed),
    }


# A fresh process that does what `fou-bot slack` does before it connects, on this store:
# import the Slack layer, then `make_services` (settings, store, feedback database, lexical
# index and ledger from the snapshot; the model loads in a background thread). With the
# hashed stand-in, the model it would load is that stand-in, put where the loader finds it.
_PROCESS = """
import sys
from pathlib import Path
import slack_bolt  # noqa: F401
from bot.runtime import make_services
from benchmarks.latency_store import HASHED_MODEL, settings_for
folder, model, snapshot = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
settings = settings_for(folder, model)
if model == HASHED_MODEL:
    import vector_store.embeddings as embeddings
    from benchmarks.latency_store import HashedEmbeddings
    embeddings._cache[(model, settings.embedding_batch_size)] = HashedEmbeddings()
    embeddings.check_model = lambda name: None
written = snapshot.stat().st_mtime_ns
make_services(settings)
assert snapshot.stat().st_mtime_ns == written, "the index was rebuilt, not loaded"
"""


def whole_process_start(folder: Path, cache: SnapshotFile, hashed: bool) -> float:
    """Seconds for a fresh bot process to be ready on the store (snapshot present)."""
    model = HASHED_MODEL if hashed else settings_for(folder).embedding_model
    command = [sys.executable, "-c", _PROCESS, str(folder), model, str(cache.path)]
    with timed() as took:
        subprocess.run(command, check=True, cwd=ROOT)
    return took.wall


PARTS = (
    ("embed", "query embedding"),
    ("search", "search (lexical+dense+fetch)"),
    ("fetch", "  of which fetch"),
    ("compose", "answer composition"),
)


def ask_all(
    engine: Engine, retriever: TimedRetriever, embeddings: TimedEmbeddings, asked: Sequence[str]
) -> tuple[list[float], dict[str, list[float]]]:
    """Ask each question; total ms and its parts (embedding, search, fetch, composition)."""
    totals: list[float] = []
    parts: dict[str, list[float]] = defaultdict(list)
    for question in asked:
        retriever.spent.clear()
        embeddings.spent = 0.0
        start = time.perf_counter()
        engine.ask(question)
        total = (time.perf_counter() - start) * 1000
        embed = embeddings.spent * 1000
        search = (retriever.spent["retrieve"] + retriever.spent["fetch"]) * 1000 - embed
        totals.append(total)
        parts["embed"].append(embed)
        parts["search"].append(search)
        parts["fetch"].append(retriever.spent["fetch"] * 1000)
        parts["compose"].append(total - embed - search)
    return totals, parts


def measure_baselines(
    settings: Settings, embeddings: Embeddings, retriever: HybridRetriever, asked: Sequence[str]
) -> dict[str, list[float]]:
    """Raw BM25 over the same index, a raw Chroma query, and the query embedding alone."""
    lexical = retriever.snapshot().lexical
    collection = make_client(path=settings.chroma_path).get_collection(settings.collection)
    found: dict[str, list[float]] = defaultdict(list)
    for question in asked:
        start = time.perf_counter()
        lexical.search(question, CANDIDATES)
        found["raw BM25 search (k=30)"].append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        vector = embeddings.embed_query(question)
        found["query embedding alone"].append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        collection.query(query_embeddings=[vector], n_results=CANDIDATES)
        found["raw Chroma query (k=30)"].append((time.perf_counter() - start) * 1000)
    return found


if __name__ == "__main__":
    main()
