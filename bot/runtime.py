"""The composition root: builds the store and engine from settings, once per process.

Everything heavy (chromadb, the embedding model, langchain's model clients, Slack) is
imported inside the function that needs it, so a command pays only for what it uses.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from vector_store.errors import StoreError

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

    from bot.engine.engine import Engine
    from bot.engine.types import Answer, Filters, Turn
    from bot.retrieval import HybridRetriever
    from bot.settings import Settings
    from bot.slack.services import Services
    from ingest.pipeline import IngestOptions
    from vector_store.chroma_store import ChunkStore
    from vector_store.lexical_cache import SnapshotFile

# The file an embedded Chroma database keeps in its folder.
CHROMA_DATABASE_FILE = "chroma.sqlite3"


class NoIndex(StoreError):
    """A read-only command found no embedded store where the settings point."""


def configure_offline() -> None:
    """Make sure no library tries to reach a model hub or send telemetry."""
    # Process-level switches read by huggingface_hub and chromadb; never per call.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    # Model loading prints progress bars; a CLI and a bot log are better without them.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


class _AtLeast(logging.Filter):
    """Drop records below a level, whatever level the library later sets on its logger."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= self.level


NOISY_LOGGERS = ("httpx", "chromadb", "sentence_transformers", "urllib3", "bm25s")


def configure_logging(settings: Settings) -> None:
    """Log to stderr at the configured level; quiet chatty libraries."""
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    for noisy in NOISY_LOGGERS:
        logger = logging.getLogger(noisy)
        logger.setLevel(logging.WARNING)
        # bm25s sets its logger to DEBUG when it is imported, which is now after this runs.
        if not any(isinstance(f, _AtLeast) for f in logger.filters):
            logger.addFilter(_AtLeast(logging.WARNING))


def store_location(settings: Settings) -> str:
    """Where the store is: the embedded folder (absolute) or the server's host:port."""
    if settings.chroma_host:
        return f"Chroma server {settings.chroma_host}:{settings.chroma_port}"
    return f"embedded Chroma at {Path(settings.chroma_path).expanduser().resolve()}"


def ingest_hint() -> str:
    """How to fill the store, and what to check when it should not be empty."""
    return (
        "add documents with `fou-bot ingest FOLDER` (e.g. `fou-bot ingest examples/corpus`), "
        "run from the folder that holds your .env, or point FOU_CHROMA_PATH / "
        "FOU_CHROMA_HOST at the index you use"
    )


def embedded_store_exists(settings: Settings) -> bool:
    """True when the embedded store's folder holds a Chroma database."""
    return (Path(settings.chroma_path).expanduser() / CHROMA_DATABASE_FILE).is_file()


def open_store(settings: Settings, *, create: bool = True) -> ChunkStore:
    """The chunk store the settings point at: a Chroma server or the embedded database.

    With `create=False` (read-only commands) a missing embedded database is an error that
    says where fou-bot looked, instead of an empty database made on the spot.
    """
    configure_offline()
    if not create and not settings.chroma_host and not embedded_store_exists(settings):
        raise NoIndex(
            f"store: no index at {Path(settings.chroma_path).expanduser().resolve()} "
            f"(FOU_CHROMA_PATH, collection {settings.collection}); {ingest_hint()}"
        )
    from ingest.chunking import chunking_signature
    from vector_store.embeddings import load_embeddings, model_identity
    from vector_store.quick_import import chromadb_checks_off

    with chromadb_checks_off():  # chromadb's self-checks cost every command a few tenths of a s
        from vector_store.chroma_store import ChunkStore
        from vector_store.client import make_client

        client = make_client(
            path=None if settings.chroma_host else settings.chroma_path,
            host=settings.chroma_host,
            port=settings.chroma_port,
            timeout=settings.chroma_timeout,
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
        embed_chunks=settings.embedding_batch_size,
    )


def ingest_options(settings: Settings, **kwargs: object) -> IngestOptions:
    """Ingest options: the collection's chunk size, the batch size and the size limit."""
    from ingest.pipeline import IngestOptions

    limit = int(settings.max_file_mb * 2**20)
    sizes = {"chunk_size": settings.chunk_size, "batch_chunks": settings.ingest_batch_chunks}
    return IngestOptions(**sizes, max_file_bytes=limit, **kwargs)  # type: ignore[arg-type]


def upload_key(path: Path) -> str:
    """The source key of an uploaded file: by its content, so another file of the same name
    is another document, and the same file uploaded twice stays one."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return f"slack-upload/{digest.hexdigest()[:16]}/{path.name}"


def snapshot_file(settings: Settings) -> SnapshotFile:
    """Where the lexical index and ledger of the configured collection are persisted."""
    from vector_store.lexical_cache import SnapshotFile

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
    from bot.engine.engine import Engine

    llm = None
    if settings.llm_provider != "none":
        # langchain's model clients take a second to import; extractive answers never do.
        from bot.engine.llm import make_llm_answerer

        llm = make_llm_answerer(settings)
    retriever = open_retriever(settings, store)
    return Engine(
        retriever=retriever,
        ledger=retriever.ledger,
        llm=llm,
        max_question_chars=settings.max_question_chars,
        top_k=settings.top_k,
        home_municipality=settings.home_municipality,
    )


class EmptyIndexAware:
    """An engine that says plainly when the index holds no documents, and how to fill it.

    The count is read again only when the store's generation changes (one lookup by id).
    """

    def __init__(self, engine: Engine, store: ChunkStore) -> None:
        self._engine = engine
        self._store = store
        self._seen: tuple[str, bool] | None = None
        self._lock = threading.Lock()

    def is_empty(self) -> bool:
        generation = self._store.generation()
        with self._lock:
            if self._seen is None or self._seen[0] != generation:
                self._seen = (generation, not self._store.has_documents())
            return self._seen[1]

    def ask(
        self, question: str, history: Sequence[Turn] = (), filters: Filters | None = None
    ) -> Answer:
        if self.is_empty():
            return empty_index_answer(question)
        return self._engine.ask(question, history, filters)

    def draft_quote(self, politician: str, topic: str) -> Answer:
        if self.is_empty():
            return empty_index_answer(f"{politician}: {topic}")
        return self._engine.draft_quote(politician, topic)

    def explain(self, term: str) -> Answer:
        if self.is_empty():
            return empty_index_answer(term)
        return self._engine.explain(term)

    def warm_up(self, *, model: bool = True) -> None:
        self._engine.warm_up(model=model)

    def warm_model(self) -> None:
        self._engine.warm_model()


def empty_index_answer(question: str) -> Answer:
    """The answer to anything while no document is indexed: say so and how to fill it."""
    from bot.engine.types import Answer
    from prompts.messages import EMPTY_INDEX_SV

    return Answer(question=question, text=EMPTY_INDEX_SV, answered=False, citations=())


def make_services(settings: Settings) -> Services:
    """Everything the Slack bot needs, built once from the settings."""
    from bot.slack.services import Services
    from bot.slack.store import FeedbackStore
    from ingest.report import IngestReport
    from vector_store.embeddings import check_model

    store = open_store(settings)
    if not store.has_documents():
        logging.getLogger(__name__).warning(
            "the index (%s, collection %s) holds no documents; the bot will say so to "
            "everyone who asks; %s",
            store_location(settings),
            settings.collection,
            ingest_hint(),
        )
    # Bolt runs listeners in a thread pool; ingest runs one at a time per process.
    ingest_lock = threading.Lock()

    def ingest_upload(path: Path) -> IngestReport:
        # Imported on the first upload: the loaders (pypdf, python-docx) and the extractor
        # cost every start half a second that most bot processes never need.
        from ingest.pipeline import ingest_paths

        options = ingest_options(settings, source_key=upload_key(path))
        with ingest_lock:
            return ingest_paths([path], store, options)

    engine = EmptyIndexAware(build_engine(settings, store), store)
    # The lexical index and ledger are ready before the bot connects. The embedding model
    # (seconds of importing torch) loads in the background: BM25 answers most questions
    # alone, and a dense search that comes first waits for the model under the store's lock.
    engine.warm_up(model=False)
    check_model(settings.embedding_model)  # a model that is not there fails the start now

    def warm_model() -> None:
        try:
            engine.warm_model()
        except StoreError as exc:
            logging.getLogger(__name__).error("%s; questions that need dense search fail", exc)

    threading.Thread(target=warm_model, name="fou-model-warm-up", daemon=True).start()
    return Services(
        engine=engine,
        overview=store.overview,
        ingest_file=ingest_upload,
        store=FeedbackStore.from_url(settings.database_url),
    )


def open_retriever(settings: Settings, store: ChunkStore) -> HybridRetriever:
    """The bot's retrieval over `store`, its lexical index loaded from the persisted
    snapshot while Chroma is unchanged (and saved there when it had to be rebuilt)."""
    from bot.retrieval import HybridRetriever

    return HybridRetriever(store, dense_weight=settings.dense_weight, cache=snapshot_file(settings))
