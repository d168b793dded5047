"""The optional chat model: built from settings, asked with the prompt files, checked after.

A model reply is shown only when it cites the evidence it was given and every figure in
it appears in a passage it cites. Anything else (timeout, HTTP error, rate limit, empty
or uncited reply, an ungrounded figure) returns the extractive answer, marked
"llm-fallback" with a notice, so a wrong figure never reaches a press quote.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from dataclasses import replace

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_ollama import ChatOllama
from langchain_openai import ChatOpenAI
from pydantic import SecretStr

from bot.engine.errors import LlmConfigError, ModelReplyError, UngroundedFigureError
from bot.engine.evidence import Evidence
from bot.engine.grounding import amounts_sek
from bot.engine.language import Language, detect_language
from bot.engine.llm_reply import CheckedReply, check_reply, is_no_answer
from bot.engine.quotes import copies_a_source
from bot.engine.types import Answer, Turn
from bot.settings import Settings
from prompts import load_prompt
from prompts.messages import (
    DRAFT_MARK,
    LLM_FALLBACK_NOTICE,
    LLM_UNGROUNDED_NOTICE,
    NO_ANSWER,
)

log = logging.getLogger(__name__)

_MAX_HISTORY_TURNS = 3
_MARKER = re.compile(r"\s*\[\s*\d+(?:\s*[-–,;]\s*\d+)*\s*\]")
_TAG = re.compile(r"<(?=\s*/?\s*(?:källa|källor|tidigare_citat|ordlista)\b)", re.IGNORECASE)


def make_chat_model(settings: Settings) -> BaseChatModel | None:
    """The chat model the settings name, or None when answers are extractive only."""
    if settings.llm_provider == "none":
        return None
    if settings.llm_provider == "ollama":
        return ChatOllama(
            model=settings.llm_model,
            base_url=settings.llm_base_url,
            temperature=0,
            client_kwargs={"timeout": settings.llm_timeout},
        )
    key = settings.llm_api_key.get_secret_value()
    if not key and settings.llm_base_url is None:
        raise LlmConfigError(
            "llm: FOU_LLM_PROVIDER=openai needs FOU_LLM_API_KEY for api.openai.com; "
            "set the key, or set FOU_LLM_BASE_URL to a local OpenAI-compatible server"
        )
    return ChatOpenAI(
        model=settings.llm_model,
        base_url=settings.llm_base_url,
        # Local servers (llama.cpp, vLLM) ignore the key, but the client requires one.
        api_key=SecretStr(key or "not-needed"),
        timeout=settings.llm_timeout,
        # No retries: a retry doubles the wait in Slack, and the extractive answer is
        # ready now; a 429 or 5xx falls back at once.
        max_retries=0,
        temperature=0,
        # Chat Completions is what every OpenAI-compatible server speaks.
        use_responses_api=False,
    )


def make_llm_answerer(settings: Settings) -> LlmAnswerer | None:
    """An answerer over the configured chat model, or None when answers are extractive."""
    model = make_chat_model(settings)
    return LlmAnswerer(model) if model is not None else None


class LlmAnswerer:
    """Ask the chat model with the prompt files; show its reply only when it checks out."""

    def __init__(self, model: BaseChatModel) -> None:
        self._model = model
        # Loaded now so a broken prompt file fails at start-up, not mid-answer.
        self._system = load_prompt("answer")
        self._question = load_prompt("answer_user")
        self._quote = load_prompt("quote")
        self._onboarding = load_prompt("onboarding")

    def answer(
        self,
        question: str,
        history: Sequence[Turn],
        evidence: Sequence[Evidence],
        fallback: Answer,
    ) -> Answer:
        """Answer from the numbered evidence, or return `fallback` marked "llm-fallback"."""
        user = self._question.render(
            history=render_history(history),
            question=question,
            context=render_context(evidence),
        )
        return self._ask(detect_language(question), user, evidence, fallback)

    def draft_quote(
        self,
        politician: str,
        topic: str,
        evidence: Sequence[Evidence],
        style_examples: Sequence[str],
        fallback: Answer,
    ) -> Answer:
        """Draft a quote for `politician` on `topic` from cited facts, marked as a draft."""
        started = time.perf_counter()
        language = detect_language(topic)
        user = self._quote.render(
            politician=politician,
            topic=topic,
            context=render_context(evidence),
            style_examples=_neutralise("\n".join(f"- {q}" for q in style_examples) or "(inga)"),
            draft_mark=DRAFT_MARK[language],
        )
        answer = self._ask(language, user, evidence, fallback)
        sources = [*(item.passage for item in evidence), *style_examples]
        if answer.mode == "llm" and copies_a_source(_MARKER.sub("", answer.text), sources):
            # A sentence of a document is not something the politician said.
            log.warning("llm: the quote draft copies a source; showing the extractive draft")
            return _fall_back(fallback, LLM_FALLBACK_NOTICE[language], started)
        if answer.mode == "llm" and answer.answered and DRAFT_MARK[language] not in answer.text:
            # The mark is the code's promise, not the model's: add it when the model forgot.
            answer = replace(answer, text=f"{DRAFT_MARK[language]}\n{answer.text}")
        return answer

    def explain(
        self,
        term: str,
        glossary_entry: str | None,
        evidence: Sequence[Evidence],
        fallback: Answer,
    ) -> Answer:
        """Explain `term` for a newcomer from the evidence and the glossary entry."""
        entry = glossary_entry or "(ingen förklaring i ordlistan)"
        user = self._onboarding.render(
            term=term, glossary=_neutralise(entry), context=render_context(evidence)
        )
        # The glossary is ours and vetted, so its wording may ground the explanation.
        extra = (entry,) if glossary_entry else ()
        return self._ask(detect_language(term), user, evidence, fallback, extra)

    def _ask(
        self,
        language: Language,
        user: str,
        evidence: Sequence[Evidence],
        fallback: Answer,
        extra_grounding: Sequence[str] = (),
    ) -> Answer:
        started = time.perf_counter()
        messages: list[BaseMessage] = [
            SystemMessage(self._system.render(no_answer=NO_ANSWER[language])),
            HumanMessage(user),
        ]
        try:
            reply = str(self._model.invoke(messages).text)
        except Exception as exc:
            # Whatever fails in the call (timeout, refused connection, 4xx/5xx, 429, a
            # body that is not JSON), the extractive answer is ready and is shown.
            log.warning("llm: the model call failed (%s: %s)", type(exc).__name__, exc)
            return _fall_back(fallback, LLM_FALLBACK_NOTICE[language], started)
        if is_no_answer(reply):
            return replace(
                fallback,
                text=NO_ANSWER[language],
                answered=False,
                citations=(),
                amounts_sek=(),
                mode="llm",
                notice=None,
                latency_ms=_elapsed(fallback, started),
            )
        try:
            checked = check_reply(reply, evidence, extra_grounding)
        except UngroundedFigureError as exc:
            log.warning("llm: %s", exc)
            return _fall_back(fallback, LLM_UNGROUNDED_NOTICE[language], started)
        except ModelReplyError as exc:
            log.warning("llm: unusable reply (%s): %.200r", exc, reply)
            return _fall_back(fallback, LLM_FALLBACK_NOTICE[language], started)
        return _answer(checked, fallback, started)


def render_context(evidence: Sequence[Evidence]) -> str:
    """The numbered sources as the model reads them: tagged data, never instructions."""
    blocks = []
    for item in evidence:
        c = item.citation
        attributes = {"nr": str(item.n), "titel": c.title, "typ": c.kind, "datum": c.date}
        attributes["sida"] = str(c.page) if c.page is not None else None
        head = " ".join(f'{k}="{_attribute(v)}"' for k, v in attributes.items() if v)
        blocks.append(f"<källa {head}>\n{_neutralise(item.passage.strip())}\n</källa>")
    return "\n\n".join(blocks)


def render_history(history: Sequence[Turn]) -> str:
    """The last few turns; old citation markers are dropped since the numbers changed."""
    turns = list(history)[-_MAX_HISTORY_TURNS:]
    if not turns:
        return "(inget)"
    return "\n\n".join(
        f"Fråga: {t.question}\nSvar: {_MARKER.sub('', t.answer).strip()}" for t in turns
    )


def _answer(checked: CheckedReply, fallback: Answer, started: float) -> Answer:
    return Answer(
        question=fallback.question,
        text=checked.text,
        answered=True,
        citations=checked.citations,
        amounts_sek=amounts_sek(checked.text),
        retrieved=fallback.retrieved,
        mode="llm",
        latency_ms=_elapsed(fallback, started),
    )


def _fall_back(fallback: Answer, notice: str, started: float) -> Answer:
    return replace(
        fallback, mode="llm-fallback", notice=notice, latency_ms=_elapsed(fallback, started)
    )


def _elapsed(fallback: Answer, started: float) -> float:
    # The fallback's own time covers retrieval and the extractive answer; add the model's.
    return fallback.latency_ms + (time.perf_counter() - started) * 1000


def _neutralise(text: str) -> str:
    # A passage must not close the <källa> block and speak outside it.
    return _TAG.sub("‹", text)


def _attribute(value: str) -> str:
    return " ".join(value.replace('"', "'").split())
