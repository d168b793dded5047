"""The bot's services start from the persisted index; the model loads in the background."""

from __future__ import annotations

import threading
from pathlib import Path

from bot.retrieval import HybridRetriever
from bot.runtime import EmptyIndexAware, make_services
from bot.settings import load_settings
from tests.cli.conftest import EXAMPLES, Cli


def test_services_are_ready_with_the_index_loaded_and_the_model_loading_behind(
    cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    name = "07-skarholmen-foraldrastod-sommarlov-2024.txt"
    (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    cli.ok("ingest", folder)
    settings = load_settings(
        chroma_path=cli.chroma,
        chroma_host=None,
        collection=cli.collection,
        database_url=f"sqlite:///{tmp_path / 'feedback.sqlite3'}",
        llm_provider="none",
    )

    services = make_services(settings)

    engine = services.engine
    assert isinstance(engine, EmptyIndexAware)
    retriever = engine._engine.retriever
    assert isinstance(retriever, HybridRetriever)
    assert retriever._snapshot is not None, "the lexical index is ready before connecting"
    warming = [t for t in threading.enumerate() if t.name == "fou-model-warm-up"]
    for thread in warming:
        thread.join(timeout=300)
    assert retriever.store.model_loaded, "the embedding model was loaded in the background"
    answer = engine.ask("Hur mycket fick Skärholmen för föräldrastöd?")
    assert answer.answered and 380_000 in answer.amounts_sek
