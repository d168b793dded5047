"""The composition root: builds the store and engine from settings, once per process."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from langchain_core.embeddings import Embeddings

from bot.engine.engine import Engine
from bot.engine.llm import make_llm_answerer
from bot.retrieval import HybridRetriever
from bot.settings import Settings
from bot.slack.services import Services
from bot.slack.store import FeedbackStore
from ingest.pipeline import IngestOptions, chunking_signature, ingest_paths
from ingest.report import IngestReport
from vector_store.chroma_store import ChunkStore
from vector_store.client import make_client
from vector_store.embeddings import load_embeddings, model_identity
from vector_store.lexical_cache import SnapshotFile


def configure_offline() -> None:
    """Make sure no library tries to reach a model hub or send telemetry."""
    # Process-level switches read by huggingface_hub and chromadb; never per call.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    # Model loading prints progress bars; a CLI and a bot log are better without them.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def configure_logging(settings: Settings) -> None:
    """Log to stderr at the configured level; quiet chatty libraries."""
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for noisy in ("httpx", "chromadb", "sentence_transformers", "urllib3", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def open_store(settings: Settings) -> ChunkStore:
    """The chunk store the settings point at: a Chroma server or the embedded database."""
    configure_offline()
    client = make_client(
        path=None if settings.chroma_host else settings.chroma_path,
        host=settings.chroma_host,
        port=settings.chroma_port,
    )

    def embeddings() -> Embeddings:
        # Loaded by the store on its first embedding: listing, searching the lexical index
        # and an ingest that finds nothing changed never import torch or load the model.
        return load_embeddings(settings.embedding_model, batch_size=settings.embedding_batch_size)

    return ChunkStore(
        client,
        collection=settings.collection,
        embeddings=embeddings,
        model_name=model_identity(settings.embedding_model),
        chunking=chunking_signature(settings.chunk_size),
    )


def ingest_options(settings: Settings, **kwargs: object) -> IngestOptions:
    """Ingest options with the chunk size the collection is built with and the batch size."""
    sizes = {"chunk_size": settings.chunk_size, "batch_chunks": settings.ingest_batch_chunks}
    return IngestOptions(**sizes, **kwargs)  # type: ignore[arg-type]


def snapshot_file(settings: Settings) -> SnapshotFile:
    """Where the lexical index and ledger of the configured collection are persisted."""
    if settings.chroma_host:
        location = f"http://{settings.chroma_host}:{settings.chroma_port}"
        folder = settings.index_cache_path or Path("data/index-cache")
        name = f"{settings.collection}@{settings.chroma_host}-{settings.chroma_port}"
    else:
        location = str(settings.chroma_path.resolve())
        # Inside the Chroma folder: deleting the store deletes its cache too.
        folder = settings.index_cache_path or settings.chroma_path
        name = settings.collection
    return SnapshotFile(folder / f"fou-index-{name}.npz", key=f"{location}/{settings.collection}")


def build_engine(settings: Settings, store: ChunkStore) -> Engine:
    """The answer engine over a store, with a chat model when one is configured."""
    retriever = HybridRetriever(store, cache=snapshot_file(settings))
    return Engine(
        retriever=retriever,
        ledger=retriever.ledger,
        llm=make_llm_answerer(settings),
        max_question_chars=settings.max_question_chars,
        top_k=settings.top_k,
    )


def make_services(settings: Settings) -> Services:
    """Everything the Slack bot needs, built once from the settings."""
    store = open_store(settings)
    # Bolt runs listeners in a thread pool; ingest runs one at a time per process.
    ingest_lock = threading.Lock()

    def ingest_upload(path: Path) -> IngestReport:
        options = ingest_options(settings, source_key=f"slack-upload/{path.name}")
        with ingest_lock:
            return ingest_paths([path], store, options)

    engine = build_engine(settings, store)
    engine.warm_up()
    return Services(
        engine=engine,
        overview=store.overview,
        ingest_file=ingest_upload,
        store=FeedbackStore.from_url(settings.database_url),
    )
