"""Ingest throughput against raw SentenceTransformer.encode, re-ingest time, peak memory.

Run: `make bench-ingest` (or `.venv/bin/python -m benchmarks.ingest_throughput --docs 2000`).
The baseline is the same model, loaded by sentence-transformers from the same folder,
encoding the same chunk texts with the same batch size, in the same run (half before the
ingest, half after). Wall time moves
with whatever else the machine runs; CPU time (all threads of this process) much less, so
both ratios are printed.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from benchmarks.common import (
    Timing,
    machine_load,
    peak_rss_mb,
    profiled,
    quiet_libraries,
    scaled_corpus,
    timed,
)
from bot.runtime import configure_offline, ingest_options, open_store
from bot.settings import Settings, load_settings
from ingest.chunking import chunk_text
from ingest.parse import parse_file
from ingest.pipeline import IngestOptions, ingest_paths
from vector_store.embeddings import load_embeddings

QUICK_DOCS = 30


@contextmanager
def embedding_clock() -> Iterator[Timing]:
    """Total wall time spent in HuggingFaceEmbeddings.embed_documents during the block."""
    from langchain_huggingface import HuggingFaceEmbeddings

    spent = Timing()
    original = HuggingFaceEmbeddings.embed_documents

    def clocked(self: HuggingFaceEmbeddings, texts: list[str]) -> list[list[float]]:
        start = time.perf_counter()
        try:
            return original(self, texts)
        finally:
            spent.wall += time.perf_counter() - start

    HuggingFaceEmbeddings.embed_documents = clocked  # type: ignore[method-assign]
    try:
        yield spent
    finally:
        HuggingFaceEmbeddings.embed_documents = original  # type: ignore[method-assign]


class RawEncoder:
    """The baseline: a SentenceTransformer loaded from the folder the store's model uses."""

    def __init__(self, settings: Settings) -> None:
        from sentence_transformers import SentenceTransformer

        embeddings = load_embeddings(
            settings.embedding_model, batch_size=settings.embedding_batch_size
        )
        folder = str(embeddings.model_name)  # type: ignore[attr-defined]  # the resolved path
        self.model = SentenceTransformer(folder, device="cpu", local_files_only=True)
        self.batch = settings.embedding_batch_size
        self.spent = Timing()

    def encode(self, texts: Sequence[str]) -> None:
        """Encode as HuggingFaceEmbeddings does (normalised, same batch size), timed."""
        with timed() as took:
            self.model.encode(list(texts), batch_size=self.batch, normalize_embeddings=True)
        self.spent.wall += took.wall
        self.spent.cpu += took.cpu


def pipeline_texts(corpus: Path, options: IngestOptions) -> list[str]:
    """The chunk texts ingest will store: parse_file and chunk_text, as _flush calls them."""
    texts: list[str] = []
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        parsed = parse_file(path.resolve(), key=str(path.resolve()), digest="-")
        texts.extend(c.text for c in chunk_text(parsed.text, parsed.pages, size=options.chunk_size))
    return texts


def main(argv: Sequence[str] | None = None) -> None:
    """Print chunks per second of ingest and of bare encoding, and their ratio.

    The baseline encodes half the texts before the ingest and half after it, so a change
    in the machine's load during the run weighs on both sides.
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=2000, help="Documents in the scaled corpus.")
    parser.add_argument("--quick", action="store_true", help=f"Only {QUICK_DOCS} documents.")
    parser.add_argument("--batch-chunks", type=int, help="Override IngestOptions.batch_chunks.")
    parser.add_argument("--profile", action="store_true", help="cProfile the first ingest.")
    args = parser.parse_args(argv)
    quiet_libraries()
    configure_offline()
    docs = QUICK_DOCS if args.quick else args.docs
    with tempfile.TemporaryDirectory(prefix="fou-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        count = scaled_corpus(corpus, docs)
        settings = load_settings(
            chroma_path=Path(tmp) / "chroma", chroma_host=None, collection="bench"
        )
        store = open_store(settings)
        options = ingest_options(settings)
        if args.batch_chunks:
            options = replace(options, batch_chunks=args.batch_chunks)
        texts = pipeline_texts(corpus, options)
        raw = RawEncoder(settings)
        raw.encode(texts[: raw.batch])  # warm-up, not counted
        raw.spent = Timing()
        load_before = machine_load()
        raw.encode(texts[: len(texts) // 2])
        memory_before = peak_rss_mb()
        with profiled(args.profile), embedding_clock() as embedding, timed() as first:
            report = ingest_paths([corpus], store, options)
        memory_after = peak_rss_mb()
        raw.encode(texts[len(texts) // 2 :])
        load_after = machine_load()
        with timed() as second:
            again = ingest_paths([corpus], store, options)
        same = sorted(texts) == sorted(c.text for c in store.live_chunks())
    chunks = report.totals()["chunks"]
    ingest_cps, raw_cps = chunks / first.wall, len(texts) / raw.spent.wall
    print(f"ingest throughput: {count} documents, batch_chunks={options.batch_chunks}")
    print(f"machine               {load_before} at start, {load_after.split()[2]} at end")
    print(f"documents             {count} ({report.totals()['failed']} failed)")
    print(f"chunks                {chunks} (baseline encodes the same texts: {same})")
    print(f"first ingest          {first.wall:.1f} s wall, {ingest_cps:.1f} chunks/s")
    print(f"  of which embedding  {embedding.wall:.1f} s ({embedding.wall / first.wall:.0%})")
    print(f"raw encode baseline   {raw.spent.wall:.1f} s wall, {raw_cps:.1f} chunks/s")
    print(f"ratio ingest/raw      {ingest_cps / raw_cps:.2f} wall   (target >= 0.80)")
    cpu_ratio = (chunks / first.cpu) / (len(texts) / raw.spent.cpu)
    print(f"ratio ingest/raw      {cpu_ratio:.2f} CPU time")
    print(f"re-ingest unchanged   {second.wall:.2f} s, {again.totals()['unchanged']} unchanged")
    print(f"ratio re-ingest/first {second.wall / first.wall:.3f}  (target <= 0.05)")
    print(
        f"peak memory (RSS)     {memory_after:.0f} MiB after ingest ({memory_before:.0f} before;"
        " both hold the baseline's copy of the model too)"
    )


if __name__ == "__main__":
    main()
