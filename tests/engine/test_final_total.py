"""Asked for the total, the last total after an addition is the sum: not the first figure."""

from __future__ import annotations

import pytest

from tests.engine.corpus import Corpus, check_answer, ingest_corpus
from tests.engine.dialog_texts import write_documents

_FICTION = "Fiktivt exempel – dokumentet är påhittat för fou-bots tester."

DOCUMENTS = {
    "ekdalen-extra-foreningsstod-2031": f"""---
title: Extra stöd till föreningar i Ekdalen
date: 2031-12-09
kind: press_release
---
{_FICTION}

Kommunstyrelsen i Ekdalen har beslutat om extra stöd till föreningar med anledning av höjda
energipriser. Totalt var 300 000 kr avsatt men kommunstyrelsen valde att skjuta till
ytterligare 80 000 kr, totalt 380 000 kr.
""",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("final-total")
    paths = write_documents(folder / "docs", DOCUMENTS)
    return ingest_corpus(folder / "chroma", paths, collection="final_total")


def test_the_total_after_an_addition_is_the_sum(corpus: Corpus) -> None:
    answer = corpus.engine.ask("Hur mycket blev det totalt i extra föreningsstöd i Ekdalen?")
    assert answer.amounts_sek == (380_000,), answer.text
    check_answer(answer, corpus)


def test_what_was_set_aside_first_is_still_the_first_figure(corpus: Corpus) -> None:
    answer = corpus.engine.ask(
        "Hur mycket extra föreningsstöd skjöt kommunstyrelsen i Ekdalen till?"
    )
    assert 380_000 not in answer.amounts_sek, answer.text
    check_answer(answer, corpus)
