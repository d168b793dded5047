"""Quote drafts for press staff: cited facts about the topic, and the politician's own words.

A draft never puts a document's sentence in the politician's mouth. It lists facts about
the topic (from documents about the municipality the topic names, or else the one the
politician's own documents are about), each cited, for the writer to build on; the
politician's earlier quotes are shown verbatim, cited, as style examples; and a
politician no document names is said to be unknown, plainly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from bot.engine.candidates import Candidate
from bot.engine.compose import Draft, quotes_in
from bot.engine.places import about
from bot.engine.question import Question, swedish_words
from bot.engine.receivers import is_body
from bot.engine.sentences import Span
from bot.engine.terms import content_terms, coverage, rarity, term_set
from bot.engine.types import Answer, Passage
from funding import Quote, canonical_district, find_receivers, find_recipients
from prompts.messages import DRAFT_MARK, QUOTE_DRAFT

# The city of the districts in funding/recipients.py's gazetteer.
DISTRICTS_CITY = "Stockholm"
_FACTS = 3
_ACRONYM = re.compile(r"^[A-ZÅÄÖ]{2,}$")
_STYLE_EXAMPLES = 3
# A fact's own sentence must carry at least this share of the topic's words: a figure in a
# sentence about something else is not tied to the topic.
_TOPIC_COVERAGE = 0.5


@dataclass(frozen=True)
class EarlierQuote:
    """Something the politician said, as a document quotes it."""

    passage: Passage
    doc_text: str
    quote: Quote

    @property
    def text(self) -> str:
        """The quote, verbatim from the stored text."""
        return self.doc_text[self.quote.start : self.quote.end]


@dataclass(frozen=True)
class Politician:
    """What the documents hold about the person a quote is drafted for."""

    name: str
    documents: tuple[str, ...] = ()  # ids of the documents naming them
    places: tuple[str, ...] = ()  # municipalities those documents are about
    quotes: tuple[EarlierQuote, ...] = ()

    @property
    def found(self) -> bool:
        """Whether any document names the politician."""
        return bool(self.documents)


def find_politician(
    name: str, passages: Sequence[Passage], text_of: Callable[[str], str]
) -> Politician:
    """The documents among `passages` that name the politician, and their quotes there."""
    pattern = _name_pattern(name)
    documents: list[str] = []
    places: list[str] = []
    quotes: list[EarlierQuote] = []
    for passage in passages:
        if passage.doc_id in documents:
            continue
        text = text_of(passage.doc_id)
        own = [q for q in quotes_in(text) if same_person(q.speaker, name)]
        if not own and not pattern.search(text):
            continue
        documents.append(passage.doc_id)
        places.extend(sorted(municipalities(passage, text)))
        quotes.extend(EarlierQuote(_holding(q, passage, passages), text, q) for q in own)
    return Politician(
        name, tuple(documents), tuple(dict.fromkeys(places)), tuple(quotes[:_STYLE_EXAMPLES])
    )


def same_person(speaker: str, name: str) -> bool:
    """A quote's speaker is the politician: the same full name, or the surname alone given."""
    said, asked = speaker.casefold().split(), name.casefold().split()
    if not said or not asked:
        return False
    if len(asked) == 1 or len(said) == 1:
        return said[-1] == asked[-1]
    return (said[0], said[-1]) == (asked[0], asked[-1])


def topic_facts(
    question: Question,
    found: Sequence[Candidate],
    places: Sequence[str],
    own_documents: Sequence[str] = (),
) -> list[Candidate]:
    """The best sentences about the topic, none of them a quote, none from elsewhere;
    from the politician's own documents when those hold any."""
    facts: list[Candidate] = []
    seen: set[str] = set()
    terms = topic_terms(question)
    # Rare topic words ("Frölunda") weigh more than the ones every sentence shares.
    weights = rarity(terms, [term_set(c.text) for c in found])
    for candidate in found:
        key = " ".join(candidate.text.split())
        if key in seen or not _about_topic(question, terms, candidate, weights):
            continue
        named = municipalities(candidate.passage, candidate.doc_text)
        if places and named and not named.intersection(places):
            continue
        if _quoted(candidate):
            continue  # someone's words are not a fact to put in the politician's mouth
        seen.add(key)
        facts.append(candidate)
    own = [f for f in facts if f.passage.doc_id in own_documents]
    return (own or facts)[:_FACTS]


def topic_terms(question: Question) -> tuple[str, ...]:
    """The words a fact must carry: an English topic's Swedish words, when it has any."""
    if question.language == "en":
        swedish = content_terms(swedish_words(question.text))
        if swedish:
            return tuple(swedish)
    return question.terms


def draft_quote(
    question: Question, topic: str, politician: Politician, facts: Sequence[Candidate]
) -> Draft:
    """A marked draft: cited facts for the writer, then the politician's quotes as style."""
    words = QUOTE_DRAFT["sv" if question.language == "sv" else "en"]
    draft = Draft(question)
    draft.lines.append(DRAFT_MARK[question.language])
    status = politician_status(politician, question.language)
    if status:
        draft.lines.append(status)
    if facts:
        draft.lines.append(words["facts"].format(topic=topic, name=politician.name))
        known = bool(question.places or politician.places)
        for fact in facts:
            marker = draft.citations.cite_candidate(fact)
            place = "" if known else _place_note(fact)
            draft.lines.append(f"• ”{' '.join(fact.text.split())}” {marker}{place}")
            draft.amounts.extend(a.value for a in fact.amounts if a.currency == "SEK")
        if not known and any(_place_note(f) for f in facts):
            draft.lines.append(words["unknown_place"])
    else:
        draft.answered = False
        where = ", ".join(question.places or politician.places or (question.home,))
        key = "no_facts_in" if where else "no_facts"
        draft.lines.append(words[key].format(topic=topic, places=where))
    if politician.quotes:
        draft.lines.append(words["style"].format(name=politician.name))
        for earlier in politician.quotes:
            span = Span(earlier.quote.start, earlier.quote.end)
            marker = draft.citations.cite(earlier.passage, earlier.doc_text, span)
            draft.lines.append(f"> ”{' '.join(earlier.text.split())}” {marker}")
    return draft


def politician_status(politician: Politician, language: str) -> str | None:
    """The line saying the documents never name, or never quote, the politician."""
    words = QUOTE_DRAFT["sv" if language == "sv" else "en"]
    if not politician.found:
        return words["absent"].format(name=politician.name)
    if not politician.quotes:
        return words["unquoted"].format(name=politician.name)
    return None


def with_status(
    answer: Answer, politician: Politician, language: str, extractive: Answer
) -> Answer:
    """A language model's draft with the code's own lines: the mark, what the documents
    know of the politician, that the wording is the model's, and the earlier quotes."""
    if answer.mode != "llm" or not answer.answered:
        return answer
    words = QUOTE_DRAFT["sv" if language == "sv" else "en"]
    mark = DRAFT_MARK[language]
    status = politician_status(politician, language)
    lines = [mark, *([status] if status else []), words["model"].format(name=politician.name)]
    lines.append(answer.text.replace(mark, "").strip())
    said = {q.text for q in politician.quotes}
    style = [c for c in extractive.citations if c.quote in said]
    citations = list(answer.citations)
    if style:
        lines.append(words["style"].format(name=politician.name))
    for citation in style:
        citations.append(replace(citation, n=len(citations) + 1))
        lines.append(f"> ”{' '.join(citation.quote.split())}” [{len(citations)}]")
    return replace(answer, text="\n".join(lines), citations=tuple(citations))


def copies_a_source(text: str, sources: Sequence[str], run: int = 10) -> bool:
    """True when `text` repeats `run` words in a row from one of the sources."""
    said = _words(text)
    shingles = {tuple(said[i : i + run]) for i in range(len(said) - run + 1)}
    if not shingles:
        return False
    for source in sources:
        words = _words(source)
        if any(tuple(words[i : i + run]) in shingles for i in range(len(words) - run + 1)):
            return True
    return False


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _name_pattern(name: str) -> re.Pattern[str]:
    parts = [re.escape(part) for part in name.split()] or [re.escape(name)]
    gap = r"\s+"
    return re.compile(rf"(?<!\w){gap.join(parts)}(?!\w)")


def _holding(quote: Quote, passage: Passage, passages: Sequence[Passage]) -> Passage:
    """The retrieved passage of the document that holds the quote, for its page."""
    for p in passages:
        if p.doc_id == passage.doc_id and p.start <= quote.start < p.end:
            return p
    return passage


def _about_topic(
    question: Question, terms: Sequence[str], candidate: Candidate, weights: dict[str, float]
) -> bool:
    # The candidate's own score weighs the question's words in both languages; what counts
    # here is the share of the topic's words (its Swedish ones, for an English topic).
    if not candidate.text.rstrip(' ”"»').endswith((".", "!")):
        return False  # a heading or table cell rather than a statement
    required = [r for r in question.recipients if not is_body(r)]
    present = {name for name, _, _ in find_receivers(candidate.paragraph)}
    if any(r not in present for r in required):
        return False
    # The programme or place the topic names ("Frölunda", "Housing First") must be there.
    context = f"{candidate.passage.title} {candidate.paragraph}".casefold()
    if any(name.casefold() not in context for name in topic_names(question.text)):
        return False
    return coverage(terms, term_set(candidate.text), weights) >= _TOPIC_COVERAGE


def topic_names(topic: str) -> list[str]:
    """The proper names of a topic: capitalised words after the first, and acronyms."""
    words = re.findall(r"[\w-]+", topic)
    names = [w for i, w in enumerate(words) if (i > 0 and w[:1].isupper()) or _ACRONYM.match(w)]
    if len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper():
        names.insert(0, words[0])  # "Housing First", "Unga vuxna i Vårberg"
    return list(dict.fromkeys(names))


def _quoted(candidate: Candidate) -> bool:
    span = candidate.span
    return any(q.start < span.end and span.start < q.end for q in quotes_in(candidate.doc_text))


def municipalities(passage: Passage, text: str) -> frozenset[str]:
    """The municipalities a document is about: those it names, else the city whose
    districts it names (the recipients gazetteer holds Stockholm's districts)."""
    named = about(passage.title, passage.url or passage.source, text)
    if named:
        return named
    if any(canonical_district(name) for name, _, _ in find_recipients(text)):
        return frozenset({DISTRICTS_CITY})
    return frozenset()


def _place_note(fact: Candidate) -> str:
    places = sorted(municipalities(fact.passage, fact.doc_text))
    return f" ({', '.join(places)})" if places else ""
