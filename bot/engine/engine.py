"""The answer engine: question in, short cited answer out, every figure grounded."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from bot.engine.aggregate import answer_aggregate
from bot.engine.amount_answer import answer_amount
from bot.engine.candidates import Candidate, about_elsewhere, candidates
from bot.engine.compose import Draft, off_topic
from bot.engine.dates import date_phrase
from bot.engine.errors import QuestionTooLong
from bot.engine.evidence import Evidence
from bot.engine.followup import resolve
from bot.engine.general_answer import answer_general
from bot.engine.grounding import ungrounded_figures
from bot.engine.ledger import Ledger
from bot.engine.onboarding import answer_onboarding, glossary_entry
from bot.engine.places import HOME_MUNICIPALITY
from bot.engine.question import Question, read_question, search_text
from bot.engine.quote_answer import answer_quote
from bot.engine.quotes import draft_quote as compose_draft
from bot.engine.quotes import find_politician, topic_facts, with_status
from bot.engine.recipients_answer import answer_recipients
from bot.engine.tying import named
from bot.engine.types import Answer, Citation, Filters, Passage, Retriever, Turn
from bot.engine.wording import phrase
from funding import format_sek, normalize_text, without_instructions

log = logging.getLogger(__name__)

RETRIEVE_K = 10
# How far a follow-up searches for passages of the sources the previous answer cited.
PREFERRED_K = 50


class LlmAnswerer(Protocol):
    """Rewrites an extractive answer with a chat model, or returns the fallback."""

    def answer(
        self, question: str, history: Sequence[Turn], evidence: Sequence[Evidence], fallback: Answer
    ) -> Answer:
        """The model's answer, checked; `fallback` on any failure."""
        ...

    def draft_quote(
        self,
        politician: str,
        topic: str,
        evidence: Sequence[Evidence],
        style_examples: Sequence[str],
        fallback: Answer,
    ) -> Answer:
        """A quote draft from cited facts, or `fallback`."""
        ...

    def explain(
        self, term: str, glossary_entry: str | None, evidence: Sequence[Evidence], fallback: Answer
    ) -> Answer:
        """An explanation for a newcomer, or `fallback`."""
        ...


@dataclass
class Engine:
    """Answers questions from a retriever and the grants ledger; a chat model is optional."""

    retriever: Retriever
    ledger: Callable[[], Ledger]
    llm: LlmAnswerer | None = None
    max_question_chars: int = 2000
    top_k: int = 5
    home_municipality: str = HOME_MUNICIPALITY

    def ask(
        self, question: str, history: Sequence[Turn] = (), filters: Filters | None = None
    ) -> Answer:
        """Answer a question, resolving a follow-up against the earlier turns."""
        started = time.perf_counter()
        text = self._checked(question)
        resolved = resolve(text, history)
        read = replace(read_question(resolved.text), home=self.home_municipality)
        if resolved.text != text:
            # The thread gives the topic; the follow-up's own names are what it asks about.
            read = replace(read, focus=named(read_question(text)))
        answer, passages = self._search(read, resolved.sources, filters)
        if self.llm is not None:
            answer = self.llm.answer(resolved.text, history, self._evidence(passages), answer)
        return replace(answer, question=question, latency_ms=_ms(started))

    def _search(
        self, read: Question, preferred: Sequence[str], filters: Filters | None
    ) -> tuple[Answer, list[Passage]]:
        """The answer from the sources a follow-up inherits, else from the whole corpus."""
        query = search_text(read)
        if not preferred:
            passages = self.retriever.retrieve(query, RETRIEVE_K, filters)
            return self._answer(read, passages), passages
        found = self.retriever.retrieve(query, PREFERRED_K, filters)
        own = [p for p in found if p.source in preferred][:RETRIEVE_K]
        if own:
            answer = self._answer(read, own)
            if answer.answered:
                return answer, own
        passages = found[:RETRIEVE_K]
        return self._answer(read, passages), passages

    def warm_up(self, *, model: bool = True) -> None:
        """Do the one-time work (indexes, and the model unless `model` is False) now rather
        than on the first question."""
        warm = getattr(self.retriever, "warm_up", None)
        if callable(warm):
            warm(model=model)

    def warm_model(self) -> None:
        """Load the embedding model now (the retriever's, when it has one)."""
        warm = getattr(self.retriever, "warm_model", None)
        if callable(warm):
            warm()

    def draft_quote(self, politician: str, topic: str) -> Answer:
        """A marked quote draft: cited facts on the topic, the politician's quotes as style."""
        started = time.perf_counter()
        self._checked(f"{politician} {topic}")
        read = replace(read_question(topic), home=self.home_municipality)
        named = self.retriever.retrieve(politician, RETRIEVE_K)
        person = find_politician(politician, named, self.retriever.document_text)
        passages = self.retriever.retrieve(search_text(read), RETRIEVE_K)
        own = [p for p in named if p.doc_id in person.documents]
        found = candidates(read, [*passages, *own], self.retriever)
        # Neither the topic nor the politician's documents name a municipality: the bot's
        # users draft for the home municipality, so another city's facts are left out.
        places = read.places or person.places or (read.home,)
        facts = topic_facts(read, found, places, person.documents)
        draft = compose_draft(read, topic, person, facts)
        answer = self._finish(read, draft, passages)
        if self.llm is not None and facts:
            fact_passages = list({f.passage.chunk_id: f.passage for f in facts}.values())
            styles = [q.text for q in person.quotes]
            evidence = self._evidence(fact_passages)
            drafted = self.llm.draft_quote(politician, topic, evidence, styles, answer)
            answer = with_status(drafted, person, read.language, answer)
        return replace(answer, latency_ms=_ms(started))

    def explain(self, term: str) -> Answer:
        """Explain a term for a newcomer, from the glossary and the documents."""
        started = time.perf_counter()
        read = read_question(f"Vad är {term.strip(' ?')}?")
        passages = self.retriever.retrieve(term, RETRIEVE_K)
        answer = self._answer(read, passages)
        if self.llm is not None:
            entry = glossary_entry(read.subject)
            text = entry[1] if entry else None
            answer = self.llm.explain(term, text, self._evidence(passages), answer)
        return replace(answer, latency_ms=_ms(started))

    def _checked(self, question: str) -> str:
        text = " ".join(normalize_text(question).split())
        if len(text) > self.max_question_chars:
            raise QuestionTooLong(len(text), self.max_question_chars)
        return text

    def _answer(self, question: Question, passages: Sequence[Passage]) -> Answer:
        found = candidates(question, passages, self.retriever)
        draft = None if off_topic(found) else self._compose(question, found)
        return self._finish(question, draft, passages)

    def _compose(self, question: Question, found: Sequence[Candidate]) -> Draft | None:
        kind = question.kind
        if kind == "amount":
            return answer_amount(question, found, self.ledger())
        if kind == "aggregate":
            return answer_aggregate(
                question, found, self.ledger(), self._find, self.retriever.document_text
            )
        if kind == "recipients":
            return answer_recipients(question, found, self.ledger())
        if kind == "who_said":
            return answer_quote(question, found)
        if kind == "onboarding":
            return answer_onboarding(question, found)
        return answer_general(question, found)

    def _find(self, question: Question) -> list[Candidate]:
        passages = self.retriever.retrieve(search_text(question), RETRIEVE_K)
        return candidates(question, passages, self.retriever)

    def _finish(
        self, question: Question, draft: Draft | None, passages: Sequence[Passage]
    ) -> Answer:
        retrieved = tuple(dict.fromkeys(p.source for p in passages))[:RETRIEVE_K]
        if draft is not None:
            text = "\n".join(draft.lines)
            # Sums fou-bot computed are grounded in the cited parts they add up.
            allowed = [format_sek(v) for v in draft.computed]
            bad = ungrounded_figures(
                text,
                [
                    *grounding_material(draft.citations.items, question.language),
                    *allowed,
                    *draft.sources,
                ],
            )
            if not bad:
                if not draft.answered:
                    text = f"{phrase(question.language, 'no_answer')}\n{text}"
                return Answer(
                    question=question.text,
                    text=text,
                    answered=draft.answered,
                    citations=tuple(draft.citations.items),
                    amounts_sek=tuple(draft.amounts),
                    retrieved=retrieved,
                )
            log.warning("dropped an answer with ungrounded figures %s: %r", bad, question.text)
        return self._decline(question, passages, retrieved)

    def _decline(
        self, question: Question, passages: Sequence[Passage], retrieved: tuple[str, ...]
    ) -> Answer:
        lines = [phrase(question.language, "no_answer")]
        near = [p for p in passages if not self._elsewhere(question, p)] or list(passages)
        nearest = list(dict.fromkeys(f"{p.title} ({p.date or '–'})" for p in near))[:3]
        if nearest:
            lines.append(phrase(question.language, "nearest"))
            lines.extend(f"• {title}" for title in nearest)
        return Answer(
            question=question.text,
            text="\n".join(lines),
            answered=False,
            citations=(),
            retrieved=retrieved,
        )

    def _elsewhere(self, question: Question, passage: Passage) -> bool:
        """The passage's document is about another municipality than the one asked about."""
        if not question.places:
            return False
        return about_elsewhere(question, passage, self.retriever.document_text(passage.doc_id))

    def _evidence(self, passages: Sequence[Passage]) -> list[Evidence]:
        """The top passages, numbered, as the model may read and cite them."""
        evidence = []
        # A model never reads an instruction planted in a document, so cannot obey or quote it.
        readable = [(p, without_instructions(p.text)) for p in passages]
        readable = [(p, text) for p, text in readable if text.strip()]
        for n, (p, text) in enumerate(readable[: self.top_k], start=1):
            citation = Citation(
                n=n,
                source=p.source,
                title=p.title,
                kind=p.kind,
                date=p.date,
                page=p.page,
                url=p.url,
                path=p.path,
                quote=text.strip(),
            )
            evidence.append(Evidence(n=n, citation=citation, passage=text))
        return evidence


def grounding_material(citations: Sequence[Citation], language: str) -> list[str]:
    """What may ground a figure: each cited quote, its title and its date as written."""
    material: list[str] = []
    for c in citations:
        # The quote as the answer shows it, on one line: "17\n077 000 kronor" is one figure.
        quote = " ".join(c.quote.split())
        material.extend([quote, c.title, c.date or "", date_phrase(c.date, language) or ""])
    return material


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
