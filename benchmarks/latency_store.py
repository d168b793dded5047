"""The latency benchmark's store: its settings and a near-free stand-in for the model.

Kept apart from `benchmarks.latency` so that a process timing the bot's start imports only
this (settings, numpy and hashlib), not the benchmark's generator and ingest machinery.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from bot.settings import Settings, load_settings

HASHED_MODEL = "bench/hashed-bag-of-words-384"
CHUNK_SIZE = 1000


def settings_for(folder: Path, model: str | None = None) -> Settings:
    """The bot's settings on the benchmark's store, its snapshot kept in index-cache/."""
    chosen = {"embedding_model": model} if model else {}
    return load_settings(
        chroma_path=folder / "chroma",
        chroma_host=None,
        collection="latency",
        chunk_size=CHUNK_SIZE,
        index_cache_path=folder / "index-cache",
        database_url=f"sqlite:///{folder / 'feedback.sqlite3'}",
        **chosen,
    )


class HashedEmbeddings:
    """Each word adds a fixed random vector picked by its hash. For building a large store
    quickly to measure start-up and the lexical path (`--embedding hashed`); its dense
    rankings mean nothing. Speaks langchain's `Embeddings` interface."""

    dim = 384

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.embed_query(text) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        vector = np.zeros(self.dim, dtype=np.float32)
        for word in text.lower().split():
            seed = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "big")
            vector += np.random.default_rng(seed).standard_normal(self.dim, dtype=np.float32)
        norm = float(np.linalg.norm(vector)) or 1.0
        unit: list[float] = (vector / norm).tolist()
        return unit
