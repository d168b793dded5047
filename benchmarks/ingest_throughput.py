"""Ingest throughput against raw SentenceTransformer.encode, re-ingest time, peak memory.

Run: `make bench-ingest` (or `.venv/bin/python -m benchmarks.ingest_throughput --docs 2000`).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from benchmarks.common import peak_rss_mb, scaled_corpus, timed
from bot.runtime import configure_offline, ingest_options, open_store
from bot.settings import load_settings
from ingest.pipeline import ingest_paths
from vector_store.embeddings import load_embeddings


def main() -> None:
    """Print chunks per second of ingest and of bare encoding, and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=2000, help="Documents in the scaled corpus.")
    args = parser.parse_args()
    configure_offline()
    with tempfile.TemporaryDirectory(prefix="fou-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        count = scaled_corpus(corpus, args.docs)
        settings = load_settings(
            chroma_path=Path(tmp) / "chroma", chroma_host=None, collection="bench"
        )
        store = open_store(settings)
        options = ingest_options(settings)
        with timed() as first:
            report = ingest_paths([corpus], store, options)
        memory_after_ingest = peak_rss_mb()
        with timed() as second:
            again = ingest_paths([corpus], store, options)
        texts = [c.text for c in store.live_chunks()]
        model = load_embeddings(settings.embedding_model, batch_size=settings.embedding_batch_size)
        with timed() as raw:
            model.embed_documents(texts)
    chunks = report.totals()["chunks"]
    ingest_cps = chunks / first[0]
    raw_cps = len(texts) / raw[0]
    print(f"documents            {count} ({report.totals()['failed']} failed)")
    print(f"chunks               {chunks}")
    print(f"first ingest         {first[0]:.1f} s, {ingest_cps:.1f} chunks/s")
    print(f"raw encode baseline  {raw[0]:.1f} s, {raw_cps:.1f} chunks/s")
    print(f"ratio ingest/raw     {ingest_cps / raw_cps:.2f}   (target >= 0.80)")
    print(f"re-ingest unchanged  {second[0]:.2f} s, {again.totals()['unchanged']} unchanged")
    print(f"ratio re-ingest/first {second[0] / first[0]:.3f}  (target <= 0.05)")
    print(f"peak memory          {memory_after_ingest:.0f} MiB after ingest")


if __name__ == "__main__":
    main()
