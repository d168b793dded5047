"""Fixtures for the engine tests: a scripted OpenAI-compatible server and sample evidence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from langchain_core.embeddings import Embeddings

from bot.engine.evidence import Evidence
from bot.engine.types import Answer, Citation
from tests.engine.corpus import CORPUS, Corpus, ingest_corpus, write_injected_corpus
from tests.engine.openai_standin import OpenAIStandIn


@pytest.fixture
def openai_standin() -> Iterator[OpenAIStandIn]:
    """A running stand-in; the test fails if it scripted replies it never used."""
    server = OpenAIStandIn()
    server.start()
    try:
        yield server
    finally:
        server.stop()
    assert server.unscripted == 0, f"{server.unscripted} request(s) had no scripted reply"
    assert server.pending == 0, f"{server.pending} scripted reply(ies) were never requested"


def evidence(n: int, source: str, passage: str, *, date: str, kind: str = "decision") -> Evidence:
    """Evidence [n] whose citation quotes the first sentence of the passage."""
    citation = Citation(
        n=n,
        source=source,
        title=f"Titel för {source}",
        kind=kind,
        date=date,
        page=1,
        url=None,
        path=f"docs/{source}.md",
        quote=passage.split(". ")[0],
    )
    return Evidence(n=n, citation=citation, passage=passage)


# Three sources a question about Skärholmen could retrieve: the decision, an earlier
# application for another district, and a press release.
APPLICATION = evidence(
    1,
    "ansokan-rinkeby",
    "Rinkeby-Kista stadsdelsförvaltning ansökte om 3 miljoner kronor för uppsökande arbete. "
    "Ansökan behandlas under våren.",
    date="2023-11-20",
    kind="other",
)
DECISION = evidence(
    2,
    "beslut-skarholmen",
    "Socialnämnden beslutade att bevilja Skärholmens stadsdelsförvaltning 2 500 000 kronor "
    "i FoU-medel. Pengarna ska användas för att utveckla arbetet med unga vuxna. "
    "Uppföljning sker i december.",
    date="2024-03-12",
)
PRESS = evidence(
    3,
    "press-unga-vuxna",
    "Staden satsar på unga vuxna. – Det här är en viktig satsning, säger socialborgarrådet "
    "Anna Exempelsson. Totalt fördelas 12 mnkr till fyra stadsdelar.",
    date="2024-04-02",
    kind="press_release",
)
EVIDENCE = (APPLICATION, DECISION, PRESS)


@pytest.fixture
def fallback() -> Answer:
    """The extractive answer the engine would show without a model."""
    return Answer(
        question="Hur mycket fick Skärholmen för arbetet med unga vuxna?",
        text="2 500 000 kr, enligt beslut 12 mars 2024 [1].",
        answered=True,
        citations=(replace(DECISION.citation, n=1),),
        amounts_sek=(2_500_000,),
        retrieved=("beslut-skarholmen", "ansokan-rinkeby", "press-unga-vuxna"),
        latency_ms=12.0,
    )


# --- The example corpus, ingested once per run (helpers in tests/engine/corpus.py) ----------


@pytest.fixture(scope="session")
def example_corpus(tmp_path_factory: pytest.TempPathFactory, embeddings: Embeddings) -> Corpus:
    """examples/corpus/ ingested once into an embedded store, with the real extractive engine."""
    chroma = tmp_path_factory.mktemp("example-corpus")
    return ingest_corpus(chroma, [CORPUS], collection="examples")


@pytest.fixture(scope="session")
def injected_corpus(tmp_path_factory: pytest.TempPathFactory, embeddings: Embeddings) -> Corpus:
    """A store of its own: a document carrying a prompt injection and one real press release."""
    folder = tmp_path_factory.mktemp("injected-corpus")
    documents = write_injected_corpus(folder / "documents")
    return ingest_corpus(folder / "chroma", documents, collection="injected")
