"""A recipients answer names whom the ledger's rows of its sentences give money, in full."""

from __future__ import annotations

import pytest

from tests.engine.corpus import Corpus, check_answer, ingest_corpus
from tests.engine.dialog_texts import write_documents

_FICTION = "Fiktivt exempel – dokumentet är påhittat för fou-bots tester."

DOCUMENTS = {
    "norrby-protokoll-extra-bidrag-2023": f"""---
title: Protokoll, Norrby stadsdelsnämnd
date: 2023-12-11
kind: meeting_minutes
---
{_FICTION}

§ 4 Extra verksamhetsbidrag

Enhetschefen hade 2023-10-02 beslutat att bevilja föreningen Gröna Hand i Norrby extra
verksamhetsbidrag för år 2023 med 41 000 kr för att täcka hyran för odlingslotten.

Enhetschefen hade 2023-11-06 beslutat att bevilja Föreningen Vänskapsbron i Norrby
18 500 kr, som förskott till det bidrag som nämnden beslutar om i december.
""",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("recipients-ledger")
    paths = write_documents(folder / "docs", DOCUMENTS)
    return ingest_corpus(folder / "chroma", paths, collection="recipients_ledger")


def test_recipients_are_named_in_full_as_the_ledger_reads_them(corpus: Corpus) -> None:
    answer = corpus.engine.ask(
        "Vilka föreningar fick extra verksamhetsbidrag av enhetschefen 2023?"
    )

    assert answer.answered, answer.text
    lead = answer.text.splitlines()[0]
    assert "Gröna Hand i Norrby" in lead, lead
    assert "Vänskapsbron i Norrby" in lead, lead
    check_answer(answer, corpus)
