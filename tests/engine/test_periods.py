"""A yearly amount over the period its own sentence states, asked for as a whole."""

from __future__ import annotations

import pytest

from bot.engine.periods import period_years
from bot.evaluation import EvalQuestion, result_row, summarise
from tests.engine.corpus import Corpus, check_answer, ingest_corpus
from tests.engine.dialog_texts import write_documents

_FICTION = "Fiktivt exempel – dokumentet är påhittat för fou-bots tester."

DOCUMENTS = {
    "regeringen-unga-hemloshet-2019": f"""---
title: Regeringen satsar på unga i hemlöshet
date: 2019-03-14
kind: press_release
---
{_FICTION}

Regeringen har beslutat att satsa 40 miljoner kronor per år i tre år på stöd till unga i
hemlöshet. Pengarna går till ideella organisationer som möter unga som saknar bostad.
""",
    "lansstyrelsen-kvinnojourer-2021": f"""---
title: Länsstyrelsen fördelar stöd till kvinnojourer
date: 2021-02-01
kind: decision
---
{_FICTION}

Länsstyrelsen i Norrbotten fördelar 5 miljoner kronor årligen mellan 2021 och 2024 till
kvinnojourernas arbete med skyddat boende i länet.
""",
    "kommunstyrelsen-forslag-fältarbete-2024": f"""---
title: Förslag om fältarbete i ytterstaden
date: 2024-04-02
kind: meeting_agenda
---
{_FICTION}

Förslag till beslut: kommunstyrelsen föreslår att 2 miljoner kronor per år i fyra år avsätts
till fältarbete i ytterstaden.
""",
}


@pytest.mark.parametrize(
    ("text", "years"),
    [
        pytest.param("40 miljoner kronor per år i tre år", 3, id="words"),
        pytest.param("5 miljoner kronor årligen mellan 2021 och 2024", 4, id="between-years"),
        pytest.param("2 miljoner om året under 2016–2019", 4, id="year-range"),
        pytest.param("for 4 years, 10 million a year", 4, id="english-digits"),
        pytest.param("i tre år, sedan i fem år", None, id="two-periods-say-nothing"),
        pytest.param("40 miljoner kronor per år", None, id="no-period"),
        pytest.param("sedan 1990 och 2024", None, id="not-a-running-period"),
    ],
)
def test_the_period_a_sentence_states(text: str, years: int | None) -> None:
    assert period_years(text) == years


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("periods")
    paths = write_documents(folder / "docs", DOCUMENTS)
    return ingest_corpus(folder / "chroma", paths, collection="periods")


@pytest.mark.parametrize(
    ("question", "yearly", "years"),
    [
        pytest.param(
            "Hur mycket blir satsningen på unga i hemlöshet totalt över alla tre åren?",
            40_000_000,
            3,
            id="per-year-for-three-years",
        ),
        pytest.param(
            "Hur mycket får kvinnojourerna i Norrbotten sammanlagt under hela perioden?",
            5_000_000,
            4,
            id="yearly-between-two-years",
        ),
    ],
)
def test_a_yearly_amount_is_multiplied_by_the_years_its_sentence_states(
    corpus: Corpus, question: str, yearly: int, years: int
) -> None:
    answer = corpus.engine.ask(question)
    assert answer.answered, answer.text
    assert answer.amounts_sek == (yearly * years,), answer.text
    assert f"× {years} år" in answer.text, answer.text
    # The count of years is fou-bot's reading of the period the quote states.
    check_answer(answer, corpus, computed=[yearly * years, years])


def test_a_period_the_question_names_otherwise_is_not_computed(corpus: Corpus) -> None:
    answer = corpus.engine.ask(
        "Hur mycket blir satsningen på unga i hemlöshet totalt under fem år?"
    )
    assert 200_000_000 not in answer.amounts_sek and 120_000_000 not in answer.amounts_sek
    check_answer(answer, corpus)


def test_the_yearly_amount_answers_a_question_about_one_year(corpus: Corpus) -> None:
    answer = corpus.engine.ask("Hur mycket per år satsar regeringen på unga i hemlöshet?")
    assert answer.amounts_sek == (40_000_000,), answer.text
    check_answer(answer, corpus)


def test_a_proposed_yearly_amount_is_multiplied_as_a_proposal(corpus: Corpus) -> None:
    answer = corpus.engine.ask("Hur mycket blir fältarbetet i ytterstaden totalt under fyra år?")
    assert answer.amounts_sek == (8_000_000,), answer.text
    assert answer.text.startswith("Det är ett förslag, inte ett beslut:"), answer.text
    check_answer(answer, corpus, computed=[8_000_000, 4])


def test_the_eval_counts_a_period_total_and_its_count_of_years_as_computed(
    corpus: Corpus,
) -> None:
    text = "Hur mycket får kvinnojourerna i Norrbotten sammanlagt under hela perioden?"
    question = EvalQuestion("p", text, "amount", ("lansstyrelsen-kvinnojourer-2021",), None, ())
    row = result_row(question, corpus.engine.ask(text))
    assert "× 4 år" in row["answer"], row["answer"]  # the quote says "mellan 2021 och 2024"

    summary = summarise([question], [row])

    assert (summary["ungrounded_answers"], summary["computed_answers"]) == (0, 1)
