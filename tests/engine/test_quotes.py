"""Quote drafts on test-written documents: cited facts about the topic, never words put in
a politician's mouth, earlier quotes verbatim as style, an unknown politician said plainly.

Extractive mode reads a real store; LLM mode asks the OpenAI stand-in through the same
engine, so both obey the same rules.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from langchain_core.embeddings import Embeddings

from bot.engine.quotes import copies_a_source, same_person, topic_names
from bot.engine.types import Answer
from prompts.messages import DRAFT_MARK, DRAFT_MARK_SV, LLM_FALLBACK_NOTICE_SV, QUOTE_DRAFT
from tests.engine.corpus import Corpus, check_answer, check_declined, ingest_corpus
from tests.engine.dialog_texts import (
    ABSENT,
    GOTEBORG_FACT,
    OTHER_CITY_POLITICIAN,
    POLITICIAN,
    POLITICIAN_QUOTE,
    QUOTE_DOCUMENTS,
    STOCKHOLM_FACT,
    write_documents,
)
from tests.engine.openai_standin import OpenAIStandIn, Reply
from tests.engine.test_engine_llm import llm_engine, sources_sent

STOCKHOLM, GOTEBORG = QUOTE_DOCUMENTS
SV = QUOTE_DRAFT["sv"]
NIGHT_PATROL = "nattpatrullen för hemlösa unga"
PARK_TEAM = "parkteamet för unga i Angered"


@pytest.fixture(scope="module")
def quote_corpus(tmp_path_factory: pytest.TempPathFactory, embeddings: Embeddings) -> Corpus:
    """A Stockholm press release quoting a politician, and another city's programme."""
    folder = tmp_path_factory.mktemp("quote-corpus")
    paths = write_documents(folder / "docs", QUOTE_DOCUMENTS)
    return ingest_corpus(folder / "chroma", paths, collection="quotes")


def sources(answer: Answer) -> set[str]:
    return {c.source for c in answer.citations}


def check_no_words_put_in_a_mouth(answer: Answer, name: str) -> None:
    """Nothing is presented as said by `name` except quotes a document attributes to them."""
    for line in answer.text.splitlines():
        if re.search(rf"\b(säger|says|sa|sade|said)\b[^”]*{name}", line):
            assert line.startswith("> ”"), f"attributed outside a quote line: {line!r}"
            [marker] = re.findall(r"\[(\d+)\]$", line)
            citation = answer.citations[int(marker) - 1]
            assert name in citation.quote, line
        elif not line.startswith("> ”"):
            assert not re.search(r"Förslag|Suggestion|”– ", line), line


def test_a_politician_absent_from_the_documents_is_said_to_be(quote_corpus: Corpus) -> None:
    answer = quote_corpus.engine.draft_quote(ABSENT, NIGHT_PATROL)

    assert answer.text.startswith(DRAFT_MARK_SV + "\n")
    assert SV["absent"].format(name=ABSENT) in answer.text
    assert SV["style"].format(name=ABSENT) not in answer.text
    assert answer.answered
    # The facts are listed as facts, each cited, and none of them is anybody's quote.
    assert sources(answer) == {STOCKHOLM}
    assert " ".join(STOCKHOLM_FACT.split()) in answer.text
    assert all(POLITICIAN_QUOTE not in c.quote for c in answer.citations)
    assert answer.amounts_sek == (900_000,)
    # A figure of a sentence about something else (the follow-up) is not a fact of the topic.
    assert "december 2024" not in answer.text
    check_no_words_put_in_a_mouth(answer, ABSENT)
    check_answer(answer, quote_corpus)


def test_a_politicians_earlier_quote_is_shown_verbatim_and_cited_as_style(
    quote_corpus: Corpus,
) -> None:
    answer = quote_corpus.engine.draft_quote(POLITICIAN, NIGHT_PATROL)

    style = SV["style"].format(name=POLITICIAN)
    assert style in answer.text
    assert SV["absent"].format(name=POLITICIAN) not in answer.text
    after = answer.text.split(style)[1]
    [quoted] = [c for c in answer.citations if POLITICIAN_QUOTE in c.quote]
    assert quoted.source == STOCKHOLM
    assert f"[{quoted.n}]" in after
    # The fact lines come before the style examples and never hold the quote.
    facts = answer.text.split(style)[0]
    assert POLITICIAN_QUOTE not in facts
    assert " ".join(STOCKHOLM_FACT.split()) in facts
    check_no_words_put_in_a_mouth(answer, POLITICIAN)
    check_answer(answer, quote_corpus)


@pytest.mark.parametrize(
    ("politician", "topic"),
    [
        pytest.param(POLITICIAN, PARK_TEAM, id="politicians-documents-imply-stockholm"),
        pytest.param(ABSENT, "Stockholms parkteam för unga i Angered", id="topic-names-stockholm"),
    ],
)
def test_a_topic_only_another_municipality_covers_gives_no_facts(
    quote_corpus: Corpus, politician: str, topic: str
) -> None:
    answer = quote_corpus.engine.draft_quote(politician, topic)

    check_declined(answer)
    assert GOTEBORG not in sources(answer)
    assert "2,4 miljoner" not in answer.text
    assert SV["no_facts_in"].format(topic=topic, places="Stockholm") in answer.text
    check_no_words_put_in_a_mouth(answer, politician)


def test_the_other_citys_politician_gets_that_citys_facts(quote_corpus: Corpus) -> None:
    answer = quote_corpus.engine.draft_quote(OTHER_CITY_POLITICIAN, PARK_TEAM)

    assert answer.answered
    assert sources(answer) == {GOTEBORG}
    assert " ".join(GOTEBORG_FACT.split()) in answer.text
    assert SV["style"].format(name=OTHER_CITY_POLITICIAN) in answer.text
    check_no_words_put_in_a_mouth(answer, OTHER_CITY_POLITICIAN)
    check_answer(answer, quote_corpus)


def test_without_a_known_municipality_no_other_citys_facts_are_offered(
    quote_corpus: Corpus,
) -> None:
    # The drafts are for the City of Stockholm's press staff: with nothing naming another
    # municipality, a topic only Göteborg's documents cover gives no facts at all.
    answer = quote_corpus.engine.draft_quote(ABSENT, PARK_TEAM)

    assert SV["absent"].format(name=ABSENT) in answer.text
    assert not answer.answered
    assert GOTEBORG not in sources(answer)
    assert not [line for line in answer.text.splitlines() if line.startswith("• ")]
    assert SV["no_facts_in"].format(topic=PARK_TEAM, places="Stockholm") in answer.text


def test_drafts_are_for_the_home_municipality_the_settings_name(quote_corpus: Corpus) -> None:
    # FOU_HOME_MUNICIPALITY=Göteborg: the drafts are for Göteborg's press staff instead.
    engine = replace(quote_corpus.engine, home_municipality="Göteborg")
    answer = engine.draft_quote(ABSENT, PARK_TEAM)

    assert sources(answer) == {GOTEBORG}
    assert " ".join(GOTEBORG_FACT.split()) in answer.text
    check_no_words_put_in_a_mouth(answer, ABSENT)


def test_an_english_topic_is_drafted_in_english_from_the_swedish_facts(
    quote_corpus: Corpus,
) -> None:
    answer = quote_corpus.engine.draft_quote(POLITICIAN, "the support for homeless young people")

    en = QUOTE_DRAFT["en"]
    assert answer.text.startswith(DRAFT_MARK["en"] + "\n")
    assert (
        en["facts"].format(topic="the support for homeless young people", name=POLITICIAN)
        in answer.text
    )
    assert " ".join(STOCKHOLM_FACT.split()) in answer.text
    assert en["style"].format(name=POLITICIAN) in answer.text
    check_no_words_put_in_a_mouth(answer, POLITICIAN)
    check_answer(answer, quote_corpus)


# --- LLM mode: the same rules ------------------------------------------------------------


def test_the_model_sees_only_the_topics_facts_and_its_draft_is_labelled(
    quote_corpus: Corpus, openai_standin: OpenAIStandIn
) -> None:
    openai_standin.script(
        Reply("Nattpatrullen får 900 000 kronor, och det märks på gatorna i Enskede.\nKällor: [1]")
    )

    answer = llm_engine(quote_corpus, openai_standin).draft_quote(ABSENT, NIGHT_PATROL)

    [request] = openai_standin.requests
    sent = sources_sent(request)
    assert sent and all(GOTEBORG_FACT not in text for text in sent.values())
    assert "(inga)" in request.content("user")
    assert answer.mode == "llm"
    lines = answer.text.splitlines()
    assert lines[:3] == [
        DRAFT_MARK_SV,
        SV["absent"].format(name=ABSENT),
        SV["model"].format(name=ABSENT),
    ]
    assert sources(answer) == {STOCKHOLM}
    check_answer(answer, quote_corpus)


def test_the_models_draft_shows_the_earlier_quotes_verbatim(
    quote_corpus: Corpus, openai_standin: OpenAIStandIn
) -> None:
    openai_standin.script(Reply("Med 900 000 kronor når vi unga som sover ute.\nKällor: [1]"))

    answer = llm_engine(quote_corpus, openai_standin).draft_quote(POLITICIAN, NIGHT_PATROL)

    assert POLITICIAN_QUOTE in openai_standin.requests[0].content("user")
    assert answer.mode == "llm"
    assert SV["style"].format(name=POLITICIAN) in answer.text
    [quoted] = [c for c in answer.citations if POLITICIAN_QUOTE in c.quote]
    assert answer.text.rstrip().endswith(f"[{quoted.n}]")
    check_answer(answer, quote_corpus)


def test_a_model_draft_copying_a_document_sentence_falls_back(
    quote_corpus: Corpus, openai_standin: OpenAIStandIn
) -> None:
    openai_standin.script(Reply(f"– {STOCKHOLM_FACT}\nKällor: [1]"))

    answer = llm_engine(quote_corpus, openai_standin).draft_quote(ABSENT, NIGHT_PATROL)

    assert (answer.mode, answer.notice) == ("llm-fallback", LLM_FALLBACK_NOTICE_SV)
    assert SV["absent"].format(name=ABSENT) in answer.text
    check_no_words_put_in_a_mouth(answer, ABSENT)


# --- The pieces ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("speaker", "name", "same"),
    [
        pytest.param("Maja Törnblad", "Maja Törnblad", True, id="full-name"),
        pytest.param("Törnblad", "Maja Törnblad", True, id="surname-in-the-text"),
        pytest.param("Maja Törnblad", "Törnblad", True, id="surname-asked"),
        pytest.param("Per Törnblad", "Maja Törnblad", False, id="same-surname-other-person"),
        pytest.param("Maja Lund", "Maja Törnblad", False, id="same-first-name"),
    ],
)
def test_a_speaker_is_the_politician_only_by_name(speaker: str, name: str, same: bool) -> None:
    assert same_person(speaker, name) is same


@pytest.mark.parametrize(
    ("topic", "names"),
    [
        pytest.param("unga vuxna i Frölunda", ["Frölunda"], id="a-place"),
        pytest.param("Housing First Unga", ["Housing", "First", "Unga"], id="a-programme"),
        pytest.param("satsningen på MUST", ["MUST"], id="an-acronym"),
        pytest.param("Satsningen på unga vuxna", [], id="capitalised-first-word-only"),
    ],
)
def test_the_names_a_topic_requires(topic: str, names: list[str]) -> None:
    assert topic_names(topic) == names


@pytest.mark.parametrize(
    ("draft", "copied"),
    [
        pytest.param(f"– {STOCKHOLM_FACT}", True, id="a-document-sentence"),
        pytest.param("Vi ger 900 000 kronor till nattpatrullen i Enskede.", False, id="own-words"),
    ],
)
def test_a_draft_copying_ten_words_of_a_source_is_caught(draft: str, copied: bool) -> None:
    assert copies_a_source(draft, [STOCKHOLM_FACT]) is copied
