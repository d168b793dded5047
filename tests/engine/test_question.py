"""Reading a question: its kind, language, people, recipients, years, threshold and subject."""

from __future__ import annotations

import pytest

from bot.engine.question import read_question, search_text


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # amount
        pytest.param(
            "Hur mycket pengar fick Skärholmen för att utveckla arbetet med unga vuxna?",
            "amount",
            id="amount-hur-mycket",
        ),
        pytest.param("hur mkt pengar får Rinkeby-Kista?", "amount", id="amount-informal-mkt"),
        pytest.param("Hur stor är socialnämndens budget för 2025?", "amount", id="amount-hur-stor"),
        pytest.param(
            "Vilket belopp föreslog förvaltningen i september 2024 för Housing First Unga?",
            "amount",
            id="amount-belopp",
        ),
        pytest.param("Vad kostade MUST-resan till Köpenhamn?", "amount", id="amount-kostade"),
        pytest.param(
            "Hur många mnkr begärde nämnden för nya boenden?", "amount", id="amount-hur-manga-mnkr"
        ),
        pytest.param(
            "How many millions did the committee ask for?", "amount", id="amount-how-many-millions"
        ),
        pytest.param(
            "What was Lindvik's budget for 2026?", "amount", id="amount-english-what-was-budget"
        ),
        pytest.param(
            "What grant did the association receive?", "amount", id="amount-english-what-grant"
        ),
        pytest.param("Vad var Lindviks budget 2026?", "amount", id="amount-vad-var-budgeten"),
        pytest.param("Vad är en budget?", "onboarding", id="onboarding-vad-ar-en-budget"),
        pytest.param(
            "How much money did the Gothenburg committee allocate to young adults in Frölunda?",
            "amount",
            id="amount-english",
        ),
        # recipients
        pytest.param(
            "Vilka fick dela på de 2,5 miljonerna mot våld i nära relationer?",
            "recipients",
            id="recipients-vilka",
        ),
        pytest.param("Vem fick pengar för Housing First?", "recipients", id="recipients-vem-fick"),
        pytest.param(
            "Which organisation got FoU funding for peer support after addiction treatment?",
            "recipients",
            id="recipients-english",
        ),
        pytest.param(
            "Vilka av projekten pågår över ett år?", "recipients", id="over-without-money"
        ),
        # why
        pytest.param(
            "Varför fick Skärholmen pengar till projektet Unga vuxna i Vårberg?",
            "why",
            id="why-varfor",
        ),
        pytest.param(
            "Vad ska Rinkeby-Kistas 12 miljoner användas till?", "why", id="why-anvandas-till"
        ),
        pytest.param("Why did Skärholmen get money?", "why", id="why-english"),
        # who said
        pytest.param(
            "Vem sa att inget barn ska behöva vänta på hjälp när det är våld hemma?",
            "who_said",
            id="who-said-vem-sa",
        ),
        pytest.param(
            "Har vi något citat från Leyla Forsmark om MUST?", "who_said", id="who-said-citat"
        ),
        pytest.param(
            "What did Henrik Ståhlberg say about Rinkeby-Kista?",
            "who_said",
            id="who-said-english",
        ),
        # when
        pytest.param("När antogs FoU-planen för 2024–2026?", "when", id="when-nar"),
        pytest.param(
            "Vilket datum beslutade socialnämnden om FoU-medlen?", "when", id="when-datum"
        ),
        pytest.param(
            "When was the decision on Housing First Unga made?", "when", id="when-english"
        ),
        pytest.param(
            "Vem kallade det för trygghet från första lektionen?", "who_said", id="who-called-it"
        ),
        pytest.param("Who called it a fresh start?", "who_said", id="who-called-it-english"),
        # aggregate
        pytest.param(
            "Hur mycket fick Skärholmen totalt enligt dokumenten?", "aggregate", id="agg-totalt"
        ),
        pytest.param(
            "Lägg ihop Södermalms och Farstas FoU-medel 2024 – hur mycket blir det?",
            "aggregate",
            id="agg-lagg-ihop",
        ),
        pytest.param("Vilka projekt fick mer än en miljon?", "aggregate", id="agg-threshold"),
        pytest.param("Hur mycket ökade budgeten?", "aggregate", id="agg-change"),
        pytest.param("How much did Rinkeby-Kista get in total?", "aggregate", id="agg-english"),
        pytest.param(
            "Vilka projekt fick mer än 300 000?",
            "aggregate",
            id="agg-threshold-bare-number",
        ),
        pytest.param(
            "What does the state's 30 million a year for shelters add up to over 2021-2023?",
            "aggregate",
            id="agg-what-does-it-add-up-to",
        ),
        pytest.param(
            "Räkna ihop stödet till fältarbetet och läxhjälpen i Farsta.",
            "aggregate",
            id="agg-rakna-ihop",
        ),
        # onboarding
        pytest.param("Vad är FoU-planen?", "onboarding", id="onboarding-vad-ar"),
        pytest.param(
            "Vad menas med evidensbaserad praktik?", "onboarding", id="onboarding-menas-med"
        ),
        pytest.param("Förklara FoU-rådet", "onboarding", id="onboarding-forklara"),
        pytest.param("Hur ansöker jag om FoU-medel?", "onboarding", id="onboarding-ansoker"),
        pytest.param("What is MUST?", "onboarding", id="onboarding-english"),
        pytest.param(
            "How do I apply for FoU funds for a project in my district?",
            "onboarding",
            id="onboarding-how-do-i",
        ),
        pytest.param(
            "What does MUST stand for?",
            "onboarding",
            id="onboarding-stand-for",
        ),
        # anything else
        pytest.param("Vad hände på mötet?", "open", id="open"),
    ],
)
def test_the_kind_of_a_question(question: str, kind: str) -> None:
    assert read_question(question).kind == kind


@pytest.mark.parametrize(
    ("question", "language"),
    [
        pytest.param("Hur mycket fick Skärholmen?", "sv", id="swedish"),
        pytest.param("hur mkt fick Farsta", "sv", id="swedish-informal"),
        pytest.param("How much did Skärholmen get?", "en", id="english-naming-a-district"),
        pytest.param("What is MUST?", "en", id="english-short"),
    ],
)
def test_the_language_of_a_question(question: str, language: str) -> None:
    assert read_question(question).language == language


@pytest.mark.parametrize(
    ("question", "persons"),
    [
        pytest.param(
            "Har vi något citat från Leyla Forsmark om MUST?", ("Leyla Forsmark",), id="swedish"
        ),
        pytest.param("What did Henrik Ståhlberg say?", ("Henrik Ståhlberg",), id="english"),
        pytest.param(
            "Vad sa socialborgarrådet Cecilia Wahlgård om våld?",
            ("Cecilia Wahlgård",),
            id="after-a-title",
        ),
        pytest.param("Hur mycket fick Stiftelsen Tryggt Tak?", (), id="organisation-not-person"),
        pytest.param(
            "When was the decision on Housing First Unga made?", (), id="programme-not-person"
        ),
        pytest.param(
            "Vad sa Henrik Ståhlberg om Rinkeby-Kista?",
            ("Henrik Ståhlberg",),
            id="person-and-district",
        ),
    ],
)
def test_the_people_a_question_names(question: str, persons: tuple[str, ...]) -> None:
    assert read_question(question).persons == persons


@pytest.mark.parametrize(
    ("question", "recipients"),
    [
        pytest.param("Hur mycket fick Rinkeby-Kista?", ("Rinkeby-Kista",), id="hyphen"),
        pytest.param("Hur mycket fick Rinkeby- Kista?", ("Rinkeby-Kista",), id="broken-hyphen"),
        pytest.param("Hur mycket fick Hägersten Älvsjö?", ("Hägersten-Älvsjö",), id="no-hyphen"),
        pytest.param(
            "Hur mycket fick Hägersten-Älvsjö och Södermalm?",
            ("Hägersten-Älvsjö", "Södermalm"),
            id="two",
        ),
        pytest.param(
            "Lägg ihop Södermalms och Farstas FoU-medel 2024",
            ("Södermalm", "Farsta"),
            id="genitive",
        ),
        pytest.param(
            "Hur mycket fick Stiftelsen Tryggt Tak?", ("Stiftelsen Tryggt Tak",), id="organisation"
        ),
        pytest.param("Hur mycket fick Bromma?", ("Bromma",), id="district-without-documents"),
        pytest.param("Vad är MUST?", (), id="none"),
    ],
)
def test_the_recipients_a_question_names(question: str, recipients: tuple[str, ...]) -> None:
    assert read_question(question).recipients == recipients


@pytest.mark.parametrize(
    ("question", "years"),
    [
        pytest.param("När antogs FoU-planen för 2024–2026?", (2024, 2026), id="range"),
        pytest.param("Hur mycket FoU-medel fördelade socialnämnden 2019?", (2019,), id="one"),
        pytest.param("Hur mycket fick Farsta 2025 och 2024?", (2024, 2025), id="sorted"),
        pytest.param("Hur mycket är 2 000 000 kronor?", (), id="amount-is-not-a-year"),
        pytest.param("Vad ska Rinkeby-Kistas 12 miljoner användas till?", (), id="none"),
    ],
)
def test_the_years_a_question_names(question: str, years: tuple[int, ...]) -> None:
    assert read_question(question).years == years


@pytest.mark.parametrize(
    ("question", "threshold"),
    [
        pytest.param("Vilka projekt fick mer än en miljon?", 1_000_000, id="mer-an-en-miljon"),
        pytest.param("Vilka projekt fick över 500 000 kr 2024?", 500_000, id="over-kr"),
        pytest.param("Vilka fick minst 2,5 miljoner kronor?", 2_500_000, id="minst-decimal"),
        pytest.param("Vilka projekt fick mer än 300 000?", 300_000, id="bare-number-is-kronor"),
        pytest.param(
            "Which projects got more than 2 million kronor?", 2_000_000, id="english-digits"
        ),
        pytest.param(
            "Which projects got more than one million?",
            1_000_000,
            id="english-words",
        ),
        pytest.param("Who got over a million kronor?", 1_000_000, id="english-a-million"),
        pytest.param("Which got more than two billion?", 2_000_000_000, id="english-billion"),
        pytest.param("Hur mycket fick Skärholmen?", None, id="none"),
        pytest.param(
            "What does 30 million a year add up to over 2021-2023?", None, id="over-a-period"
        ),
        pytest.param("Vilka fick bidrag under mer än 2019 års ram?", None, id="a-year-is-no-bar"),
        pytest.param("Vilka fick mer än 2 019 kronor?", 2019, id="a-figure-in-kronor-is"),
    ],
)
def test_the_threshold_of_a_question(question: str, threshold: int | None) -> None:
    assert read_question(question).threshold == threshold


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        pytest.param("Vad är MUST?", "MUST", id="vad-ar"),
        pytest.param("Vad är FoU-planen?", "FoU-planen", id="definite"),
        pytest.param("Vad menas med evidensbaserad praktik?", "evidensbaserad praktik", id="two"),
        pytest.param("Förklara FoU-rådet", "FoU-rådet", id="no-question-mark"),
        pytest.param("Vad innebär en FoU-plan för en stadsdel?", "FoU-plan", id="article-and-for"),
        pytest.param("What is MUST?", "MUST", id="english"),
        pytest.param("What does EBP mean?", "EBP", id="english-mean"),
        pytest.param("Hur mycket fick Skärholmen?", None, id="not-onboarding"),
    ],
)
def test_the_subject_of_an_onboarding_question(question: str, subject: str | None) -> None:
    assert read_question(question).subject == subject


@pytest.mark.parametrize(
    ("question", "asks_granted"),
    [
        pytest.param("Hur mycket fick Skärholmen?", True, id="fick"),
        pytest.param(
            "Hur mycket har Kvinnojouren Lindansaren beviljats för 2025?", True, id="beviljats"
        ),
        pytest.param("How much was Stiftelsen Tryggt Tak granted?", True, id="english"),
        pytest.param(
            "Hur mycket har Kvinnojouren Lindansaren sökt i bidrag för 2025?", False, id="sokt"
        ),
        pytest.param(
            "Vilket belopp föreslog förvaltningen för Housing First Unga?", False, id="foreslog"
        ),
        pytest.param("Hur stor är socialnämndens budget för 2025?", False, id="budget"),
    ],
)
def test_whether_a_question_asks_about_money_granted(question: str, asks_granted: bool) -> None:
    assert read_question(question).asks_granted is asks_granted


def test_an_english_question_is_searched_with_its_swedish_words_too() -> None:
    question = read_question("How much money did the committee allocate to young adults?")

    assert search_text(question).startswith(question.text)
    assert "unga" in search_text(question).removeprefix(question.text).split()


def test_a_swedish_question_is_searched_as_written() -> None:
    question = read_question("Hur mycket fick Skärholmen?")

    assert search_text(question) == "Hur mycket fick Skärholmen?"
