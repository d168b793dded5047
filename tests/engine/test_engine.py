"""The real engine end to end: the example corpus, a prompt injection, and hand-written fakes.

The example corpus is ingested once per run (`example_corpus`, tests/engine/conftest.py);
every answered answer goes through `check_answer`: [n] markers, quotes verbatim in the
stored text, every figure grounded, every amount in a cited quote unless computed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import pytest

from bot.engine.engine import Engine
from bot.engine.errors import QuestionTooLong
from bot.engine.grounding import amounts_sek
from bot.engine.ledger import DocumentInfo, Ledger
from bot.engine.types import Answer, Filters, Passage
from bot.evaluation import EvalQuestion, load_questions
from funding.models import Grant
from prompts.messages import DRAFT_MARK_SV, NO_ANSWER_EN, NO_ANSWER_SV
from tests.engine.corpus import (
    COMPUTED,
    INJECTED_SOURCE,
    INJECTION,
    QUESTIONS,
    SKARHOLMEN_PRESS,
    Corpus,
    check_answer,
    check_declined,
    lead,
    names_a_date,
)

PLAN = "01-fou-plan-socialtjansten-2024-2026"
TABLE = "02-fou-medel-lokala-utvecklingsprojekt-2024"
INTRO = "03-introduktion-fou-for-nya-medarbetare"
VIOLENCE = "06-pressmeddelande-vald-i-nara-relationer-2024"
SKARHOLMEN = "07-skarholmen-foraldrastod-sommarlov-2024"
GOTEBORG = "08-goteborg-unga-vuxna-frolunda-2024"
JARVA = "09-jarvabladet-rinkeby-kista-12-mnkr"
AGENDA = "10-socialnamnden-dagordning-2024-09-24"
APPLICATION = "11-ansokan-kvinnojouren-lindansaren-2025"
DECISION = "12-protokollsutdrag-housing-first-unga-2024-10-22"
BUDGET = "13-socialnamnden-budget-2025-sammanfattning"
FARSTA = "14-farsta-anhorigstod-2025"
EURO = "05-spanga-tensta-esf-projekt-nya-steg"


def sources(answer: Answer) -> list[str]:
    return [c.source for c in answer.citations]


# --- The checks every answer goes through ----------------------------------------------


def _requote(answer: Answer, quote: str) -> Answer:
    return replace(answer, citations=(replace(answer.citations[0], quote=quote),))


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        pytest.param(
            lambda a: _requote(a, a.citations[0].quote.replace("350", "360")),
            "not verbatim",
            id="quote-not-in-the-document",
        ),
        pytest.param(
            lambda a: replace(a, text=a.text.replace("350 000 kr,", "450 000 kr,")),
            "450 000",
            id="figure-in-no-quote",
        ),
        pytest.param(
            lambda a: replace(a, amounts_sek=(450_000,)), "in no cited quote", id="amount-unquoted"
        ),
        pytest.param(
            lambda a: replace(a, text=a.text.replace("[1]", "")), "no [n] marker", id="no-marker"
        ),
        pytest.param(
            lambda a: replace(a, citations=(*a.citations, replace(a.citations[0], n=2))),
            "markers",
            id="citation-never-marked",
        ),
    ],
)
def test_the_answer_checks_catch_what_they_are_for(
    example_corpus: Corpus, tamper: Callable[[Answer], Answer], message: str
) -> None:
    answer = example_corpus.engine.ask("Hur mycket fick Skärholmen för unga vuxna i Vårberg?")
    check_answer(answer, example_corpus)

    with pytest.raises(AssertionError, match=re.escape(message)):
        check_answer(tamper(answer), example_corpus)


# --- The example question set ---------------------------------------------------------

# Answers the engine gets wrong today; strict, so a fix turns the marker into a failure
# that asks for its removal.
KNOWN_MISSES: dict[str, str] = {}


ENGLISH_QUESTIONS = {"ex011", "ex014", "ex028", "ex030", "ex034"}


def _question_params(kind: str) -> Sequence[object]:
    params = []
    for question in load_questions(QUESTIONS):
        if (question.kind == "unanswerable") != (kind == "unanswerable"):
            continue
        reason = KNOWN_MISSES.get(question.id)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(question, id=question.id, marks=marks))
    return params


@pytest.mark.parametrize("question", _question_params("answerable"))
def test_an_example_question_is_answered_from_its_gold_document(
    example_corpus: Corpus, question: EvalQuestion
) -> None:
    answer = example_corpus.engine.ask(question.question)

    assert answer.answered, answer.text
    assert set(sources(answer)) & set(question.gold_docs), sources(answer)
    if question.gold_amount_sek is not None:
        assert question.gold_amount_sek in answer.amounts_sek
    for words in question.must_mention:
        assert words.lower() in answer.text.lower(), f"{words!r} missing: {answer.text}"
    if question.id in ENGLISH_QUESTIONS:
        assert "enligt" not in lead(answer), lead(answer)
    computed = [question.gold_amount_sek or 0] if question.kind == "aggregate" else []
    check_answer(answer, example_corpus, computed)


@pytest.mark.parametrize("question", _question_params("unanswerable"))
def test_an_unanswerable_example_question_is_declined(
    example_corpus: Corpus, question: EvalQuestion
) -> None:
    answer = example_corpus.engine.ask(question.question)

    check_declined(answer)
    expected = NO_ANSWER_EN if question.id in ENGLISH_QUESTIONS else NO_ANSWER_SV
    assert answer.text.startswith(expected)
    if answer.citations:
        check_answer(answer, example_corpus)


def test_the_question_set_has_every_kind_the_tests_rely_on() -> None:
    # Guards the parametrisation above: an empty or renamed set must not pass silently.
    kinds = [q.kind for q in load_questions(QUESTIONS)]
    assert len(kinds) == 35
    assert kinds.count("unanswerable") == 5
    assert set(kinds) == {
        "amount", "recipients", "why", "who_said", "when", "aggregate", "onboarding",
        "unanswerable",
    }  # fmt: skip


# --- Amounts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "amount", "written", "source"),
    [
        pytest.param(
            "Hur mycket fick Skärholmen för unga vuxna i Vårberg?",
            350_000,
            "350 000 kr",
            TABLE,
            id="table-row",
        ),
        pytest.param(
            "hur mkt pengar får Rinkeby-Kista för att förebygga att unga dras in i kriminalitet?",
            12_000_000,
            "12 mnkr",
            JARVA,
            id="mnkr-informal-question",
        ),
        pytest.param(
            "Hur mycket medel har Farsta fått till stöd för anhöriga till unga med missbruk?",
            900_000,
            "drygt 900 000 kronor",
            FARSTA,
            id="drygt-kept",
        ),
        pytest.param(
            "Hur stor är ramen för lokala utvecklingsprojekt per år enligt FoU-planen?",
            4_000_000,
            "cirka 4 miljoner kronor",
            PLAN,
            id="cirka-kept",
            marks=pytest.mark.xfail(
                strict=True,
                reason="sentences.py ends a sentence at the PDF line break after '4' in "
                "'cirka 4\\nmiljoner kronor per år', so the amount is never read and the "
                "3 920 000 kr decision answers instead",
            ),
        ),
        pytest.param(
            "Hur mycket pengar avsätts i budgeten för 2025 för att utöka MUST-studiebesöken?",
            500_000,
            "500 tkr",
            BUDGET,
            id="tkr",
        ),
        pytest.param(
            "Hur stor är socialnämndens budget för 2025?",
            1_200_000_000,
            "1,2 miljarder kronor",
            BUDGET,
            id="miljarder",
        ),
    ],
)
def test_an_amount_is_answered_as_written_with_its_value_in_sek(
    example_corpus: Corpus, question: str, amount: int, written: str, source: str
) -> None:
    answer = example_corpus.engine.ask(question)

    assert answer.answered, answer.text
    assert answer.amounts_sek == (amount,)
    assert lead(answer).startswith(written), lead(answer)
    assert sources(answer)[0] == source
    assert written in " ".join(answer.citations[0].quote.split())
    check_answer(answer, example_corpus)


@pytest.mark.parametrize(
    ("question", "amount", "source", "swedish"),
    [
        pytest.param(
            "How much did Skärholmen get for young adults in Vårberg?",
            350_000,
            TABLE,
            "Skärholmens stadsdelsförvaltning | 350 000 kr",
            id="skarholmen",
        ),
        pytest.param(
            "How much money did the Gothenburg committee allocate to young adults in Frölunda?",
            1_600_000,
            GOTEBORG,
            "har beslutat att fördela 1,6 miljoner kronor",
            id="frolunda",
        ),
    ],
)
def test_an_english_question_is_answered_in_english_from_swedish_sources(
    example_corpus: Corpus, question: str, amount: int, source: str, swedish: str
) -> None:
    answer = example_corpus.engine.ask(question)

    assert answer.answered, answer.text
    assert answer.amounts_sek == (amount,)
    assert sources(answer) == [source]
    assert "according to the" in lead(answer)
    assert "enligt" not in lead(answer)
    # The quote stays the Swedish source, verbatim.
    assert swedish in answer.citations[0].quote
    check_answer(answer, example_corpus)


def test_an_amount_in_euro_is_not_converted(example_corpus: Corpus) -> None:
    answer = example_corpus.engine.ask(
        "Hur mycket pengar får Spånga-Tensta från EU-projektet Nya steg?"
    )

    assert answer.answered, answer.text
    assert lead(answer).startswith("420 000 euro")
    assert answer.amounts_sek == ()
    assert amounts_sek(answer.text) == ()  # no kronor figure anywhere in the answer
    assert sources(answer) == [EURO]
    check_answer(answer, example_corpus)


FROLUNDA = "08-goteborg-unga-vuxna-frolunda-2024"  # Gothenburg's; names Stockholm in passing


def test_a_document_about_the_municipality_asked_about_answers(example_corpus: Corpus) -> None:
    answer = example_corpus.engine.ask("Hur mycket fick unga vuxna i Frölunda av Göteborgs stad?")

    assert answer.amounts_sek == (1_600_000,), answer.text
    assert sources(answer) == [FROLUNDA]
    check_answer(answer, example_corpus)


def test_a_document_about_another_municipality_is_never_cited(example_corpus: Corpus) -> None:
    answer = example_corpus.engine.ask("Hur mycket fick unga vuxna i Frölunda av Stockholms stad?")

    assert FROLUNDA not in sources(answer)
    assert 1_600_000 not in answer.amounts_sek


def test_a_question_about_another_municipality_is_declined(example_corpus: Corpus) -> None:
    check_declined(
        example_corpus.engine.ask("Hur mycket fick unga vuxna i Frölunda av Stockholms stad?")
    )


# --- Applications, proposals and decisions ---------------------------------------------


def test_an_application_is_not_a_grant(example_corpus: Corpus) -> None:
    answer = example_corpus.engine.ask(
        "Hur mycket har Kvinnojouren Lindansaren beviljats för 2025?"
    )

    check_declined(answer)
    # Honest about what the documents do say: an amount applied for, shown as such.
    assert "sökt belopp" in answer.text
    assert "1 400 000 kronor" in answer.text
    assert sources(answer) == [APPLICATION]
    assert "ansöker om 1 400 000 kronor" in answer.citations[0].quote
    check_answer(answer, example_corpus)


def test_the_amount_applied_for_is_answered_when_asked(example_corpus: Corpus) -> None:
    answer = example_corpus.engine.ask(
        "Hur mycket har Kvinnojouren Lindansaren sökt i bidrag för 2025?"
    )

    assert answer.answered
    assert answer.amounts_sek == (1_400_000,)
    assert lead(answer).startswith("Dokumenten visar bara ett sökt belopp")
    check_answer(answer, example_corpus)


HOUSING_FIRST = "Hur mycket fick Stiftelsen Tryggt Tak för Housing First Unga?"


def test_a_later_decision_wins_over_the_proposal_it_changed(example_corpus: Corpus) -> None:
    answer = example_corpus.engine.ask(HOUSING_FIRST)

    assert answer.answered, answer.text
    assert answer.amounts_sek == (2_200_000,)
    assert lead(answer).startswith("2 200 000 kronor")
    assert sources(answer)[0] == DECISION
    assert "22 oktober 2024" in lead(answer)
    check_answer(answer, example_corpus)


def test_a_later_decision_shows_the_proposal_and_both_dates(example_corpus: Corpus) -> None:
    answer = example_corpus.engine.ask(HOUSING_FIRST)

    assert lead(answer).startswith("2 200 000 kronor")
    assert "1,8 miljoner kronor" in lead(answer)
    assert "22 oktober 2024" in lead(answer) or "2024-10-22" in lead(answer)
    assert "24 september 2024" in lead(answer) or "2024-09-24" in lead(answer)
    assert {DECISION, AGENDA} <= set(sources(answer))


def test_a_proposal_is_called_a_proposal(example_corpus: Corpus) -> None:
    answer = example_corpus.engine.ask(
        "Vilket belopp föreslog förvaltningen i september 2024 för Housing First Unga?"
    )

    assert answer.amounts_sek == (1_800_000,)
    assert lead(answer).startswith("Det är ett förslag, inte ett beslut: 1,8 miljoner kronor")
    # The proposal leads; the later decision that changed it is shown after it, dated.
    assert sources(answer)[0] == AGENDA
    assert "Senare" in lead(answer)
    check_answer(answer, example_corpus)


# --- Recipients, why, who said, when ----------------------------------------------------


def test_recipients_of_a_table_are_every_district_row_each_cited(
    example_corpus: Corpus,
) -> None:
    answer = example_corpus.engine.ask(
        "Vilka stadsdelsförvaltningar fick FoU-medel till lokala utvecklingsprojekt 2024?"
    )

    assert answer.answered
    districts = ["Skärholmen", "Rinkeby-Kista", "Södermalm", "Farsta", "Spånga-Tensta"]
    for district in [*districts, "Hägersten-Älvsjö"]:
        assert district in lead(answer)
        assert any(district in c.quote for c in answer.citations), district
    assert set(sources(answer)) == {TABLE}
    # Stockholm's own districts only: not Göteborg's Frölunda, not the organisations.
    assert "Frölunda" not in answer.text
    assert "Stegvis Söder" not in lead(answer)
    check_answer(answer, example_corpus)


@pytest.mark.xfail(
    strict=True,
    reason="recipients_answer._table_rows answers with every row of the table that holds the best "
    "sentence, not with the row about peer support (Föreningen Stegvis Söder)",
)
def test_a_recipient_question_names_only_the_recipient_asked_about(
    example_corpus: Corpus,
) -> None:
    answer = example_corpus.engine.ask(
        "Which organisation got FoU funding for peer support after addiction treatment?"
    )

    assert "Stegvis Söder" in lead(answer)
    assert "Skärholmen" not in lead(answer)


def test_why_quotes_the_purpose(example_corpus: Corpus) -> None:
    answer = example_corpus.engine.ask(
        "Varför fick Skärholmen pengar till projektet Unga vuxna i Vårberg?"
    )

    assert answer.answered
    assert sources(answer) == [TABLE]
    assert "varken arbetar eller studerar" in " ".join(answer.citations[0].quote.split())
    check_answer(answer, example_corpus)


@pytest.mark.parametrize(
    ("question", "speaker", "words", "source"),
    [
        pytest.param(
            "Vem sa att inget barn ska behöva vänta på hjälp när det är våld hemma?",
            "Cecilia Wahlgård (S)",
            "Inget barn ska behöva vänta på hjälp när det är våld hemma.",
            VIOLENCE,
            id="found-by-its-words",
        ),
        pytest.param(
            "Har vi något citat från Leyla Forsmark om MUST?",
            "Leyla Forsmark (V)",
            "ett billigt sätt att bli bättre",
            BUDGET,
            id="found-by-the-speaker",
        ),
        pytest.param(
            "Vad sa Henrik Ståhlberg om Rinkeby-Kista?",
            "Henrik Ståhlberg (M)",
            "de borde ha kommit för två år sedan",
            JARVA,
            id="speaker-and-district",
            marks=pytest.mark.xfail(
                strict=True,
                reason="question._persons drops every name when the question names a "
                "recipient (`part in recipients` is always true), so Tomas Engqvist's quote "
                "is chosen; see test_question.py",
            ),
        ),
    ],
)
def test_who_said_names_speaker_and_party_and_quotes_verbatim(
    example_corpus: Corpus, question: str, speaker: str, words: str, source: str
) -> None:
    answer = example_corpus.engine.ask(question)

    assert answer.answered, answer.text
    assert lead(answer).startswith(speaker)
    [citation] = answer.citations
    assert citation.source == source
    assert words in citation.quote
    assert speaker.split(" (")[0] in citation.quote
    check_answer(answer, example_corpus)


@pytest.mark.parametrize(
    ("question", "date", "source"),
    [
        pytest.param(
            "När antogs FoU-planen för 2024–2026?", "21 november 2023", INTRO, id="adopted"
        ),
        pytest.param(
            "När fattades beslutet om bidraget till Housing First Unga?",
            "22 oktober 2024",
            DECISION,
            id="decided",
        ),
    ],
)
def test_when_leads_with_the_date(
    example_corpus: Corpus, question: str, date: str, source: str
) -> None:
    answer = example_corpus.engine.ask(question)

    assert lead(answer).startswith(date), lead(answer)
    assert sources(answer)[0] == source
    check_answer(answer, example_corpus)


# --- Aggregates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "total", "cited"),
    [
        pytest.param(
            "Hur mycket fick Skärholmen totalt enligt dokumenten?",
            730_000,
            {TABLE, SKARHOLMEN},
            id="skarholmen-two-documents",
        ),
        pytest.param(
            "Hur mycket pengar har Rinkeby-Kista fått sammanlagt?",
            13_150_000,
            {TABLE, JARVA},
            id="rinkeby-kista-mnkr-and-kr",
        ),
        pytest.param(
            "Lägg ihop Södermalms och Farstas FoU-medel 2024 – hur mycket blir det?",
            1_100_000,
            {TABLE},
            id="sum-of-named-parts",
        ),
    ],
)
def test_a_total_is_computed_from_cited_parts_and_marked_computed(
    example_corpus: Corpus, question: str, total: int, cited: set[str]
) -> None:
    answer = example_corpus.engine.ask(question)

    assert answer.answered, answer.text
    assert answer.amounts_sek == (total,)
    assert set(sources(answer)) == cited
    assert "summa beräknad av fou-bot" in lead(answer)
    # The parts are the amounts the cited quotes state, one per citation, and add up.
    parts = [amounts_sek(c.quote) for c in answer.citations]
    assert all(len(p) == 1 for p in parts), parts
    assert sum(p[0] for p in parts) == total
    check_answer(answer, example_corpus, computed=[total])


@pytest.mark.parametrize(
    ("question", "threshold", "year", "included", "excluded"),
    [
        pytest.param(
            "Vilka projekt fick mer än en miljon?",
            1_000_000,
            None,
            {1_150_000, 2_200_000, 12_000_000},
            {350_000, 540_000},
            id="over-a-million",
        ),
        pytest.param(
            "Vilka projekt fick över 500 000 kr 2024?",
            500_000,
            "2024",
            {540_000, 620_000, 1_150_000},
            {410_000, 480_000, 900_000},
            id="over-500000-in-2024",
        ),
    ],
)
def test_a_threshold_lists_only_amounts_over_it(
    example_corpus: Corpus,
    question: str,
    threshold: int,
    year: str | None,
    included: set[int],
    excluded: set[int],
) -> None:
    answer = example_corpus.engine.ask(question)

    assert answer.answered, answer.text
    assert answer.amounts_sek
    assert all(amount > threshold for amount in answer.amounts_sek), answer.amounts_sek
    assert included <= set(answer.amounts_sek)
    assert not excluded & set(answer.amounts_sek)
    bullets = [line for line in answer.text.splitlines() if line.startswith("•")]
    assert len(bullets) == len(answer.amounts_sek)
    assert all(line.rstrip().endswith("]") for line in bullets), bullets
    if year is not None:
        assert all((c.date or "").startswith(year) for c in answer.citations)
    check_answer(answer, example_corpus, restated=[threshold])


@pytest.mark.xfail(
    strict=True,
    reason="aggregate._over_threshold skips rows with purpose 'total' but not the decision "
    "sentence allocating the whole 3 920 000 kr, which is listed as a project beside its "
    "own parts",
)
def test_a_threshold_list_does_not_count_a_total_as_a_project(example_corpus: Corpus) -> None:
    answer = example_corpus.engine.ask("Vilka projekt fick mer än en miljon?")

    assert 3_920_000 not in answer.amounts_sek


# --- Onboarding ---------------------------------------------------------------------------


def test_onboarding_explains_a_programme_from_the_glossary_and_a_document(
    example_corpus: Corpus,
) -> None:
    answer = example_corpus.engine.ask("Vad är MUST?")

    assert answer.answered
    assert lead(answer).startswith("MUST: Mutual Study Visits")
    assert "(ordlistan)" in lead(answer)
    assert "MUST" in answer.citations[0].quote
    check_answer(answer, example_corpus)


def test_explain_a_term(example_corpus: Corpus) -> None:
    answer = example_corpus.engine.explain("FoU-plan")

    assert answer.answered
    assert lead(answer).startswith("FoU-plan: ")
    assert "forsknings- och utvecklingsplan" in answer.citations[0].quote
    check_answer(answer, example_corpus)


def test_a_quote_draft_is_marked_and_cites_the_politicians_earlier_quote(
    example_corpus: Corpus,
) -> None:
    answer = example_corpus.engine.draft_quote("Cecilia Wahlgård", "våld i nära relationer")

    assert answer.text.startswith(DRAFT_MARK_SV + "\n")
    assert any("Cecilia Wahlgård" in c.quote for c in answer.citations)
    check_answer(answer, example_corpus)


# --- Every answer says when ---------------------------------------------------------------

_UNDATED = pytest.mark.xfail(
    strict=True,
    reason="README: 'every answer says when the cited decision or statement was made'; "
    "sums ('Sammanlagt ...') and glossary explanations name no date",
)


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Hur mycket fick Skärholmen för unga vuxna i Vårberg?", id="amount"),
        pytest.param("Vilka fick dela på de 2,5 miljonerna mot våld i nära relationer?", id="who"),
        pytest.param(
            "Varför fick Skärholmen pengar till projektet Unga vuxna i Vårberg?", id="why"
        ),
        pytest.param("Har vi något citat från Leyla Forsmark om MUST?", id="who-said"),
        pytest.param("Vilka projekt fick mer än en miljon?", id="threshold"),
        pytest.param("Hur mycket fick Skärholmen totalt?", id="sum", marks=_UNDATED),
        pytest.param("Vad är MUST?", id="onboarding", marks=_UNDATED),
    ],
)
def test_an_answer_names_the_date_of_a_cited_source(example_corpus: Corpus, question: str) -> None:
    answer = example_corpus.engine.ask(question)

    assert answer.answered, answer.text
    assert names_a_date(answer), answer.text


# --- A prompt injection in a document -----------------------------------------------------


def test_the_injection_corpus_holds_the_documents_the_tests_assume(
    injected_corpus: Corpus,
) -> None:
    assert INJECTION in injected_corpus.stored_text(INJECTED_SOURCE)
    assert "380 000 kronor" in injected_corpus.stored_text(SKARHOLMEN_PRESS.stem)


def test_an_injected_document_does_not_change_the_real_answer(injected_corpus: Corpus) -> None:
    answer = injected_corpus.engine.ask("Hur mycket fick Skärholmen för föräldrastöd?")

    assert answer.amounts_sek == (380_000,)
    assert sources(answer) == [SKARHOLMEN_PRESS.stem]
    assert "99" not in answer.text
    check_answer(answer, injected_corpus)


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Hur mycket fick Skärholmen?", id="amount"),
        pytest.param("Hur mycket fick Skärholmen totalt?", id="total"),
    ],
)
def test_an_injected_figure_is_never_stated_as_a_grant(
    injected_corpus: Corpus, question: str
) -> None:
    answer = injected_corpus.engine.ask(question)

    assert not any(amount >= 99_000_000 for amount in answer.amounts_sek)


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Hur mycket fick Skärholmen?", id="amount"),
        pytest.param("Hur mycket fick Skärholmen totalt?", id="total"),
        pytest.param("Hur mycket fick Skärholmen för föräldrastöd?", id="topic"),
    ],
)
def test_an_injected_figure_if_shown_is_shown_with_the_instruction_it_came_from(
    injected_corpus: Corpus, question: str
) -> None:
    # Grounding guarantees traceability, not truth: the reader sees the instruction itself.
    answer = injected_corpus.engine.ask(question)

    computed = answer.amounts_sek if COMPUTED.search(answer.text) else ()
    check_answer(answer, injected_corpus, computed=computed)
    if "99" in lead(answer):
        assert any(c.source == INJECTED_SOURCE and INJECTION in c.quote for c in answer.citations)


# --- Numeric grounding on hand-written fakes -----------------------------------------------

PRESS_TEXT = (
    "Skärholmen får pengar till föräldrastöd\n\n"
    "Socialnämnden har beviljat Skärholmens stadsdelsförvaltning 380 000 kronor "
    "för föräldrastöd under 2024.\n"
)
TABLE_TEXT = (
    "Fördelning av medel\n\n"
    "Projekt | Mottagare | Belopp\n"
    "Unga vuxna i Vårberg | Skärholmens stadsdelsförvaltning | 350 000 kr\n"
)


def passage(doc_id: str, text: str, title: str, date: str, kind: str) -> Passage:
    return Passage(
        chunk_id=f"{doc_id}:0",
        doc_id=doc_id,
        source=doc_id,
        title=title,
        kind=kind,
        date=date,
        page=None,
        url=None,
        path=f"docs/{doc_id}.md",
        body="Socialnämnden",
        text=text,
        start=0,
        end=len(text),
    )


PASSAGES = (
    passage("press", PRESS_TEXT, "Skärholmen får pengar", "2024-04-02", "press_release"),
    passage("beslut", TABLE_TEXT, "Fördelning av medel", "2024-06-11", "decision"),
)


class FakeRetriever:
    """Serves fixed passages and records every call the engine makes."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self.passages = list(passages)
        self.calls: list[tuple[str, str]] = []

    def retrieve(self, query: str, k: int, filters: Filters | None = None) -> list[Passage]:
        self.calls.append(("retrieve", query))
        return self.passages[:k]

    def document_text(self, doc_id: str) -> str:
        self.calls.append(("document_text", doc_id))
        return next(p.text for p in self.passages if p.doc_id == doc_id)

    def neighbours(self, passage: Passage) -> list[Passage]:
        self.calls.append(("neighbours", passage.chunk_id))
        return []


def grant(doc: Passage, amount: int, sentence: str) -> Grant:
    start = doc.text.index(sentence)
    return Grant(
        amount_sek=amount,
        approximate=False,
        recipients=("Skärholmen",),
        purpose=None,
        body="Socialnämnden",
        date=doc.date,
        status="decided",
        doc_id=doc.doc_id,
        source=doc.source,
        title=doc.title,
        page=None,
        start=start,
        end=start + len(sentence),
        sentence=sentence,
    )


def fake_engine(press_amount: int, max_question_chars: int = 2000) -> tuple[Engine, FakeRetriever]:
    """An engine whose ledger says the press release granted `press_amount`."""
    press, table = PASSAGES
    grants = [
        grant(press, press_amount, PRESS_TEXT.split("\n\n")[1].strip()),
        grant(table, 350_000, TABLE_TEXT.splitlines()[-1]),
    ]
    info = {p.doc_id: DocumentInfo(p.kind, None, p.path) for p in PASSAGES}
    ledger = Ledger.of(grants, info)
    retriever = FakeRetriever(PASSAGES)
    engine = Engine(retriever, lambda: ledger, max_question_chars=max_question_chars)
    return engine, retriever


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Hur mycket fick Skärholmen totalt?", id="sum"),
        pytest.param("Vilka projekt fick mer än 300 000 kr?", id="threshold"),
    ],
)
def test_a_ledger_that_matches_its_documents_gives_a_grounded_answer(question: str) -> None:
    engine, _ = fake_engine(380_000)

    answer = engine.ask(question)

    assert answer.answered, answer.text
    assert "380 000 kr" in answer.text
    quotes = {c.source: c.quote for c in answer.citations}
    assert set(quotes) == {"press", "beslut"}
    assert "380 000 kronor" in quotes["press"]


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Hur mycket fick Skärholmen totalt?", id="sum"),
        pytest.param("Vilka projekt fick mer än 300 000 kr?", id="threshold"),
    ],
)
def test_a_figure_in_no_cited_quote_is_never_shown_as_fact(
    question: str, caplog: pytest.LogCaptureFixture
) -> None:
    # The ledger says 3 800 000 where the cited sentence says 380 000 (a stale or misread
    # ledger): the composed answer states a figure no quote holds, so it is withheld.
    engine, _ = fake_engine(3_800_000)

    with caplog.at_level(logging.WARNING, logger="bot.engine.engine"):
        answer = engine.ask(question)

    check_declined(answer)
    assert "3 800 000" not in answer.text
    assert answer.citations == ()
    assert "3 800 000 kr" in caplog.text


def test_an_amount_is_read_from_the_quoted_sentence() -> None:
    engine, retriever = fake_engine(380_000)

    answer = engine.ask("Hur mycket fick Skärholmen för föräldrastöd?")

    assert answer.amounts_sek == (380_000,)
    assert answer.text.startswith("380 000 kronor, enligt pressmeddelande 2 april 2024 [1].")
    assert answer.citations[0].quote == PRESS_TEXT.split("\n\n")[1].strip()
    assert retriever.calls[0] == ("retrieve", "Hur mycket fick Skärholmen för föräldrastöd?")


@pytest.mark.parametrize(
    ("method", "args", "length"),
    [
        pytest.param("ask", ("x" * 41,), 41, id="ask"),
        pytest.param("draft_quote", ("Anna Exempelsson", "z" * 30), 47, id="draft-quote"),
    ],
)
def test_a_question_over_the_limit_is_refused_before_retrieval(
    method: str, args: tuple[str, ...], length: int
) -> None:
    engine, retriever = fake_engine(380_000, max_question_chars=40)

    with pytest.raises(QuestionTooLong, match=f"{length} characters is over the limit of 40"):
        getattr(engine, method)(*args)

    assert retriever.calls == []


def test_the_length_limit_counts_words_not_runs_of_whitespace() -> None:
    engine, retriever = fake_engine(380_000, max_question_chars=40)

    answer = engine.ask("Hur   mycket\n\nfick Skärholmen?" + " " * 100)

    assert answer.question.startswith("Hur   mycket")
    assert retriever.calls[0] == ("retrieve", "Hur mycket fick Skärholmen?")
