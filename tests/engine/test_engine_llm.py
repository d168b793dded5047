"""The real engine with a chat model: built by `build_engine`, asking through langchain-openai
the local OpenAI stand-in (tests/engine/openai_standin.py) about the example corpus."""

from __future__ import annotations

import re
import time

from pydantic import SecretStr

from bot.engine.engine import Engine
from bot.engine.grounding import numbers_in
from bot.engine.llm import LlmAnswerer
from bot.engine.types import Answer, Turn
from bot.runtime import build_engine
from bot.settings import load_settings
from prompts import load_prompt
from prompts.messages import LLM_FALLBACK_NOTICE_SV, LLM_UNGROUNDED_NOTICE_SV, NO_ANSWER_SV
from tests.engine.corpus import INJECTED_SOURCE, INJECTION, Corpus, check_answer
from tests.engine.openai_standin import OpenAIStandIn, RecordedRequest, Reply

QUESTION = "Hur mycket fick Skärholmen för unga vuxna i Vårberg?"
TABLE = "02-fou-medel-lokala-utvecklingsprojekt-2024"
TIMEOUT = 0.5

_SOURCE = re.compile(r'<källa nr="(?P<n>\d+)"[^>]*>\n(?P<text>.*?)\n</källa>', re.DOTALL)


def llm_engine(corpus: Corpus, server: OpenAIStandIn) -> Engine:
    """The composition root's engine over the corpus's store, with the stand-in as its model."""
    settings = load_settings(
        _env_file=None,
        chroma_path=corpus.settings.chroma_path,
        collection=corpus.settings.collection,
        llm_provider="openai",
        llm_model="standin-model",
        llm_base_url=server.base_url,
        llm_api_key=SecretStr("sk-test"),
        llm_timeout=TIMEOUT,
    )
    engine = build_engine(settings, corpus.store)
    assert isinstance(engine.llm, LlmAnswerer)
    return engine


def sources_sent(request: RecordedRequest) -> dict[int, str]:
    """The numbered passages the model was given, by number."""
    user = request.content("user")
    block = user[user.index("<källor>") : user.index("</källor>")]
    return {int(m["n"]): m["text"] for m in _SOURCE.finditer(block)}


def number_of(sent: dict[int, str], *words: str) -> int:
    """The number of the one source holding every word."""
    [n] = [n for n, text in sent.items() if all(w in text for w in words)]
    return n


def same_as_extractive(answer: Answer, extractive: Answer) -> bool:
    return (answer.text, answer.citations, answer.amounts_sek, answer.answered) == (
        extractive.text,
        extractive.citations,
        extractive.amounts_sek,
        extractive.answered,
    )


def test_the_retrieved_passages_reach_the_model_as_numbered_data(
    example_corpus: Corpus, openai_standin: OpenAIStandIn
) -> None:
    openai_standin.script(Reply(NO_ANSWER_SV))

    answer = llm_engine(example_corpus, openai_standin).ask(QUESTION)

    [request] = openai_standin.requests
    assert request.content("system") == load_prompt("answer").render(no_answer=NO_ANSWER_SV)
    user = request.content("user")
    assert user.rstrip().endswith(f"Fråga: {QUESTION}")
    sent = sources_sent(request)
    assert list(sent) == list(range(1, example_corpus.settings.top_k + 1))
    stored = [example_corpus.stored_text(d.source) for d in example_corpus.store.list_documents()]
    for text in sent.values():
        assert any(text in document for document in stored), text[:80]
    # The sentence the extractive answer quotes is among what the model read.
    extractive = example_corpus.engine.ask(QUESTION)
    assert any(extractive.citations[0].quote in text for text in sent.values())
    assert (answer.mode, answer.answered, answer.text) == ("llm", False, NO_ANSWER_SV)
    assert answer.citations == () and answer.amounts_sek == ()


def test_a_grounded_reply_is_shown_with_its_citation_kept(
    example_corpus: Corpus, openai_standin: OpenAIStandIn
) -> None:
    engine = llm_engine(example_corpus, openai_standin)
    openai_standin.script(Reply(NO_ANSWER_SV))
    engine.ask(QUESTION)
    n = number_of(sources_sent(openai_standin.requests[0]), "Skärholmens", "350 000 kr")
    openai_standin.script(Reply(f"Skärholmen fick 350 000 kr för Unga vuxna i Vårberg [{n}]."))

    answer = engine.ask(QUESTION)

    assert answer.mode == "llm"
    assert answer.notice is None
    assert answer.answered
    assert answer.text == "Skärholmen fick 350 000 kr för Unga vuxna i Vårberg [1]."
    [citation] = answer.citations
    assert citation.source == TABLE
    assert "350 000 kr" in citation.quote
    assert answer.amounts_sek == (350_000,)
    assert answer.retrieved == example_corpus.engine.ask(QUESTION).retrieved
    check_answer(answer, example_corpus)


def test_a_figure_in_no_source_falls_back_to_the_extractive_answer(
    example_corpus: Corpus, openai_standin: OpenAIStandIn
) -> None:
    openai_standin.script(Reply("Skärholmen fick 9 miljoner kronor för unga vuxna i Vårberg [1]."))

    answer = llm_engine(example_corpus, openai_standin).ask(QUESTION)

    # 9 000 000 is in none of the passages the model was given.
    sent = sources_sent(openai_standin.requests[0])
    assert all(9_000_000 not in numbers_in(text) for text in sent.values())
    assert answer.mode == "llm-fallback"
    assert answer.notice == LLM_UNGROUNDED_NOTICE_SV
    assert same_as_extractive(answer, example_corpus.engine.ask(QUESTION))
    assert "9 miljoner" not in answer.text


def test_a_model_that_times_out_falls_back_with_the_notice(
    example_corpus: Corpus, openai_standin: OpenAIStandIn
) -> None:
    engine = llm_engine(example_corpus, openai_standin)
    openai_standin.script(Reply("Skärholmen fick 350 000 kr [1].", delay=TIMEOUT * 6))
    started = time.perf_counter()

    answer = engine.ask(QUESTION)

    elapsed = time.perf_counter() - started
    assert answer.mode == "llm-fallback"
    assert answer.notice == LLM_FALLBACK_NOTICE_SV
    assert same_as_extractive(answer, example_corpus.engine.ask(QUESTION))
    assert TIMEOUT <= elapsed < TIMEOUT * 4
    assert len(openai_standin.requests) == 1  # no retry


def test_a_follow_up_reaches_the_model_resolved_and_with_the_earlier_turn(
    example_corpus: Corpus, openai_standin: OpenAIStandIn
) -> None:
    openai_standin.script(Reply(NO_ANSWER_SV))
    history = [Turn(QUESTION, "350 000 kr, enligt FoU-dokument 21 maj 2024 [1].")]

    llm_engine(example_corpus, openai_standin).ask("och Södermalm då?", history)

    user = openai_standin.requests[0].content("user")
    assert f"Fråga: {QUESTION}\nSvar: 350 000 kr, enligt FoU-dokument 21 maj 2024." in user
    assert user.rstrip().endswith("Fråga: Hur mycket fick Södermalm för unga vuxna i Vårberg?")


def test_an_injected_instruction_never_reaches_the_model_and_an_obeyed_one_is_caught(
    injected_corpus: Corpus, openai_standin: OpenAIStandIn
) -> None:
    question = "Hur mycket fick Skärholmen för föräldrastöd?"
    engine = llm_engine(injected_corpus, openai_standin)
    openai_standin.script(Reply(NO_ANSWER_SV))
    engine.ask(question)
    [request] = openai_standin.requests
    sent = sources_sent(request)
    assert INJECTION not in request.content("system")
    # The planted sentence is blanked from what the model reads: it cannot obey or quote it.
    assert sent and all(INJECTION not in text and "99" not in text for text in sent.values())
    real = number_of(sent, "380 000 kronor")
    assert "99" not in sent[real]
    # The model obeys the injection but cites the real press release: caught by grounding.
    openai_standin.script(Reply(f"Skärholmen fick 99 miljoner kronor [{real}]."))

    answer = engine.ask(question)

    assert answer.mode == "llm-fallback"
    assert answer.notice == LLM_UNGROUNDED_NOTICE_SV
    assert same_as_extractive(answer, injected_corpus.engine.ask(question))
    assert "99" not in answer.text
    assert INJECTED_SOURCE not in [c.source for c in answer.citations]
