"""Which of a sentence's amounts is the answer: the last total after an addition, the
n-th amount of a 'respektive' for the n-th name."""

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
    "norrdal-laxhjalp-2031": f"""---
title: Läxhjälp i Norrdal
date: 2031-03-01
kind: decision
---
{_FICTION}

Stadsdelsnämnden har beslutat att läxhjälpsgrupperna Solgläntan och Björkhagen får 120 000
respektive 95 000 kronor för läsåret.
""",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("amount-picking")
    paths = write_documents(folder / "docs", DOCUMENTS)
    return ingest_corpus(folder / "chroma", paths, collection="amount_picking")


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


@pytest.mark.parametrize(
    ("question", "amount"),
    [
        pytest.param("Hur mycket fick Solgläntan för läxhjälp?", 120_000, id="the-first-name"),
        pytest.param("Hur mycket fick Björkhagen för läxhjälp?", 95_000, id="the-second-name"),
    ],
)
def test_respektive_gives_the_nth_name_the_nth_amount(
    corpus: Corpus, question: str, amount: int
) -> None:
    answer = corpus.engine.ask(question)
    assert answer.amounts_sek == (amount,), answer.text
    check_answer(answer, corpus)


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        pytest.param(
            "Totalt har drygt 40 projekt beviljats stöd och fler än 40 000 ekdalsbor har deltagit.",
            True,
            id="people",
        ),
        pytest.param("Bidraget på sammanlagt 96 000, som gick till två lag.", False, id="row-end"),
        pytest.param("Lärkgården får 96 000 kronor.", False, id="kronor"),
        pytest.param(
            "Sammanlagt ville oppositionen att 75 000 skulle beviljas Lärkgården.",
            False,
            id="before-a-verb",
        ),
    ],
)
def test_a_bare_figure_before_a_noun_counts_things_not_kronor(sentence: str, counted: bool) -> None:
    from bot.engine.amount_answer import counts_something
    from funding import find_amounts

    amount = next(a for a in find_amounts(sentence) if "000" in a.raw)
    assert counts_something(sentence, amount) is counted
