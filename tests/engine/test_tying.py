"""Whether an amount answers the question: names, caps, pots, years, currency and status,
on sentences written for the tests."""

from __future__ import annotations

import pytest

from bot.engine.question import read_question
from bot.engine.tying import Where, asked, fits, local_status, named, role
from funding.amounts import find_amounts
from funding.models import Amount


def verdict(
    question: str, sentence: str, which: int = 0, document: str | None = None
) -> str | None:
    """Why the `which`-th amount of the sentence does not answer (None: it answers)."""
    want = asked(read_question(question))
    amount = find_amounts(sentence)[which]
    roles = role(sentence, amount)
    return fits(
        want, amount, roles, local_status(roles, None), Where(sentence, document or sentence)
    )


@pytest.mark.parametrize(
    ("question", "sentence", "which", "expected"),
    [
        pytest.param(
            "Hur mycket fick Föreningen Fyrbåken?",
            "Sammanlagt 42 verksamheter får dela på 31 miljoner kronor.",
            0,
            "names",
            id="a-pot-without-the-recipient-is-no-share",
        ),
        pytest.param(
            "Hur mycket fick Föreningen Lärkan i Ekdalen?",
            "De 42 föreningarna i Ekdalen, bland dem Lärkan, delar på totalt 31 miljoner kronor.",
            0,
            "pot",
            id="a-pot-is-not-a-share",
        ),
        pytest.param(
            "Hur mycket har Lisa Holms projekt om fältarbete fått?",
            "Projektledare: Lisa Holm, Ekdalens kommun. Finansiering: 2,4 miljoner kronor.",
            0,
            None,
            id="a-genitive-name-is-the-name",
        ),
        pytest.param(
            "Hur mycket har Lisa Holms projekt om fältarbete fått?",
            "Projektledare: Lisa Holmberg, Ekdalens kommun. Finansiering: 2,4 miljoner kronor.",
            0,
            "names",
            id="a-genitive-name-is-not-a-longer-name",
        ),
        pytest.param(
            "Hur mycket fick kvinnojourerna i Ekdalen?",
            "Av de 12 miljonerna fördelas totalt 7 miljoner kronor till 30 kvinnojourer i Ekdalen.",
            0,
            "pot",
            id="the-whole-a-clause-takes-a-part-of-is-no-share",
        ),
        pytest.param(
            "Hur mycket fick kvinnojourerna i Ekdalen?",
            "Av de 12 miljonerna fördelas totalt 7 miljoner kronor till 30 kvinnojourer i Ekdalen.",
            1,
            None,
            id="a-pot-is-what-the-group-it-goes-to-got",
        ),
        pytest.param(
            "Hur mycket fick föreningarna i Ekdalen?",
            "De 42 föreningarna i Ekdalen får dela på totalt 31 miljoner kronor.",
            0,
            None,
            id="a-pot-is-what-the-group-sharing-it-got",
        ),
        pytest.param(
            "Hur mycket fick kvinnojourerna i Ekdalen?",
            "De 42 föreningarna i Ekdalen får dela på totalt 31 miljoner kronor.",
            0,
            "pot",
            id="a-pot-of-another-group-is-not-theirs",
        ),
        pytest.param(
            "Hur mycket delades ut totalt till föreningarna i Ekdalen?",
            "De 42 föreningarna i Ekdalen får dela på totalt 31 miljoner kronor.",
            0,
            None,
            id="a-pot-answers-a-question-about-the-pot",
        ),
        pytest.param(
            "Hur mycket betalades faktiskt ut till Lärkgårdens fritidsgård?",
            "Lärkgårdens fritidsgård kan söka maximalt belopp 80 000 kr per ansökan.",
            0,
            "cap",
            id="a-cap-is-not-a-grant",
        ),
        pytest.param(
            "Hur mycket får man söka som mest för Lärkgårdens fritidsgård?",
            "Lärkgårdens fritidsgård kan söka maximalt belopp 80 000 kr per ansökan.",
            0,
            None,
            id="a-cap-answers-a-question-about-the-cap",
        ),
        pytest.param(
            "Hur mycket fick föreningarna i Ekdalen för sommarfesten?",
            "Föreningarna i Ekdalen kan få upp till 80 000 kr för sommarfesten.",
            0,
            "cap",
            id="upp-till-read-into-the-amount-is-a-cap",
        ),
        pytest.param(
            "Hur mycket fick föreningarna i Ekdalen för sommarfesten?",
            "Maxbeloppet för sommarfesten i Ekdalen är 80 000 kronor.",
            0,
            "cap",
            id="the-maximum-stated-as-a-predicate-is-a-cap",
        ),
        pytest.param(
            "Hur mycket föreslog förvaltningen att Idrottsklubben Sjöbacken skulle få?",
            "Idrottsklubben Sjöbacken ville få de 90 000 kronor som de ansökt om, och inte "
            "25 000 kronor som förvaltningen föreslagit.",
            0,
            "status",
            id="the-applied-figure-of-two-is-not-the-proposal",
        ),
        pytest.param(
            "Hur mycket föreslog förvaltningen att Idrottsklubben Sjöbacken skulle få?",
            "Idrottsklubben Sjöbacken ville få de 90 000 kronor som de ansökt om, och inte "
            "25 000 kronor som förvaltningen föreslagit.",
            1,
            None,
            id="the-second-figure-is-the-proposal-asked-for",
        ),
        pytest.param(
            "Hur mycket får Ekdalens stöd under tre år?",
            "Ekdalens stöd får 4 miljoner kronor per år.",
            0,
            "annual",
            id="one-year-is-not-a-three-year-total",
        ),
        pytest.param(
            "Hur mycket har Ekdalens kvinnojour beviljats?",
            "Ekdalens kvinnojour ansöker om 300 000 kronor för nästa år.",
            0,
            "status",
            id="an-application-is-not-a-grant",
        ),
        pytest.param(
            "Hur mycket ger budgetförslaget Ekdalens kvinnojour?",
            "Förvaltningen föreslår 300 000 kronor till Ekdalens kvinnojour.",
            0,
            None,
            id="a-proposal-answers-what-the-plan-gives",
        ),
        pytest.param(
            "Ekdalen fick 12 miljoner kronor – hur mycket av det gick till Lovgruppen?",
            "Ekdalen har fått 12 miljoner kronor för trygghetsarbetet.",
            0,
            "given",
            id="the-figure-the-question-gives-is-not-its-answer",
        ),
        pytest.param(
            "Hur mycket fick Ekdalens kvinnojour för 2026?",
            "Ekdalens kvinnojour beviljas 50 000 kronor för 2025 och 90 000 kronor för 2026.",
            0,
            "year",
            id="an-amount-for-another-year",
        ),
        pytest.param(
            "Hur mycket fick Ekdalens kvinnojour för 2026?",
            "Ekdalens kvinnojour beviljas 50 000 kronor för 2025 och 90 000 kronor för 2026.",
            1,
            None,
            id="the-amount-for-the-year-asked",
        ),
        pytest.param(
            "Hur mycket fick Ekdalens kvinnojour för 2024?",
            "För 2025 beviljas Ekdalens kvinnojour 90 000 kronor.",
            0,
            "year",
            id="a-year-opening-the-clause-is-the-amounts-year",
        ),
        pytest.param(
            "Hur mycket avsätts totalt till Ekdalens investeringar?",
            "Till Ekdalens investeringar avsätts 4 miljoner kronor, varav 500 000 kronor till lov.",
            0,
            None,
            id="varav-marks-the-total",
        ),
        pytest.param(
            "Hur mycket avsätts totalt per år till Ekdalens investeringar?",
            "Fyra miljoner kronor per år avsätts för Ekdalens investeringar, varav högst "
            "500 000 kronor per år till lov.",
            0,
            None,
            id="varav-later-in-the-sentence-marks-the-whole",
        ),
        pytest.param(
            "Med hur mycket höjs anslagen till Ekdalens kvinnojour?",
            "Ekdalens kvinnojour får höjda anslag om totalt 300 000 kronor.",
            0,
            None,
            id="by-how-much-asks-the-whole-change",
        ),
        pytest.param(
            "Hur mycket av Ekdalens pengar gick inte till Lovgruppen?",
            "Av dessa medel har 300 000 kronor gått till Lovgruppen.",
            0,
            "part",
            id="what-did-not-go-is-no-stated-amount",
        ),
        pytest.param(
            "Hur mycket beviljade Exempelfonden 2030?",
            "Exempelfonden har beviljat 42 miljoner kronor till 31 projekt för 2030.",
            0,
            None,
            id="what-a-giver-granted-is-its-pot",
        ),
        pytest.param(
            "Hur mycket projektbidrag fördelade Länsstyrelsen i Nordlän?",
            "Länsstyrelsen i Nordlän fördelar 5 525 000 kronor till 16 verksamheter.",
            0,
            None,
            id="what-a-giver-distributed-is-its-pot",
        ),
        pytest.param(
            "How much did Exempelfonden grant in 2030?",
            "Exempelfonden har beviljat 42 miljoner kronor till 31 projekt för 2030.",
            0,
            None,
            id="what-a-giver-granted-english",
        ),
        pytest.param(
            "Hur mycket beviljade Exempelfonden till Föreningen Solgläntan?",
            "Exempelfonden har beviljat 42 miljoner kronor till 31 projekt, bland dem "
            "Föreningen Solgläntan.",
            0,
            "pot",
            id="a-givers-pot-is-no-share-of-a-named-recipient",
        ),
        pytest.param(
            "How much did Exempelfonden give Solgläntan in 2030?",
            "Exempelfonden har beviljat 42 miljoner kronor till 31 projekt, bland dem Solgläntan.",
            0,
            "pot",
            id="a-givers-pot-is-no-share-of-an-indirect-object",
        ),
        pytest.param(
            "Hur mycket beviljade nämnden Solgläntan?",
            "Nämnden har beviljat 42 miljoner kronor till 31 projekt, bland dem Solgläntan.",
            0,
            "pot",
            id="a-givers-pot-is-no-share-of-a-swedish-indirect-object",
        ),
        pytest.param(
            "How much did Exempelfonden give to the youth strand specifically in 2030?",
            "Exempelfonden har beviljat 42 miljoner kronor till 31 projekt för 2030.",
            0,
            "pot",
            id="a-givers-pot-is-no-share-of-one-strand",
        ),
        pytest.param(
            "Hur mycket beviljade nämnden i föreningsbidrag 2021?",
            "För 2020 och 2021 har föreningsbidrag beviljats med 12,5 mnkr respektive 13,1 mnkr.",
            0,
            "year",
            id="respektive-gives-the-first-amount-the-first-year",
        ),
        pytest.param(
            "Hur mycket beviljade nämnden i föreningsbidrag 2021?",
            "För 2020 och 2021 har föreningsbidrag beviljats med 12,5 mnkr respektive 13,1 mnkr.",
            1,
            None,
            id="respektive-gives-the-second-amount-the-second-year",
        ),
        pytest.param(
            "Hur mycket godkändes sammanlagt för båda projekten i Ekdalen?",
            "Godkänna projektförslagen 1. Ekdalens läxläsning, 120 000 kr",
            0,
            "part",
            id="one-of-both-projects-is-not-their-sum",
        ),
        pytest.param(
            "Hur mycket fick Ekdalens kvinnojour av kommunstyrelsen?",
            "Ekdalens kvinnojour har begärt att kommunstyrelsen skjuter till 3 miljoner kronor.",
            0,
            "status",
            id="a-request-is-not-a-grant",
        ),
        pytest.param(
            "Hur mycket hade Ekdalens kvinnojour begärt att kommunstyrelsen skulle skjuta till?",
            "Ekdalens kvinnojour har begärt att kommunstyrelsen skjuter till 3 miljoner kronor.",
            0,
            None,
            id="a-request-answers-what-was-requested",
        ),
        pytest.param(
            "Hur mycket fanns totalt för att stödja kommuner och landsting i Ekdalen?",
            "För Ekdalen finns 40 000 000 kronor för att stödja kommuner och landsting.",
            0,
            None,
            id="two-nouns-joined-are-one-receiver-not-parts",
        ),
        pytest.param(
            "Hur mycket gick till kvinnofrid i föreningsbidragen och i lovpengarna, sammanlagt?",
            "Till kvinnofrid går 1 200 000 kronor av föreningsbidragen.",
            0,
            "part",
            id="two-places-joined-ask-a-sum-of-parts",
        ),
        pytest.param(
            "Hur många projekt beviljades totalt i satsningen?",
            "Satsningen omfattar totalt 9 miljoner kronor.",
            0,
            "count",
            id="a-count-is-never-an-amount",
        ),
    ],
)
def test_an_amount_answers_only_when_tied_to_the_question(
    question: str, sentence: str, which: int, expected: str | None
) -> None:
    assert verdict(question, sentence, which) == expected


def test_a_foreign_currency_amount_is_never_kronor() -> None:
    want = asked(read_question("Hur mycket fick Fjordprosjektet?"))
    sentence = "Fjordprosjektet får 500 000 norska kronor."
    krone = Amount(500_000, "NOK", False, "500 000 norska kronor", 20, 41)
    assert fits(want, krone, set(), "granted", Where(sentence, sentence)) is None
    assert krone.currency != "SEK"  # the engine states it as written, never in amounts_sek


def test_a_name_said_of_another_amount_elsewhere_in_the_document_does_not_tie() -> None:
    document = "Föreningen Fyrbåken får 40 000 kronor.\nFöreningen Ankaret får 55 000 kronor."
    assert (
        verdict("Hur mycket fick Fyrbåken?", "Föreningen Ankaret får 55 000 kronor.", 0, document)
        == "names"
    )


def test_a_name_that_is_the_document_topic_ties_a_sentence_without_it() -> None:
    document = "Projektet Nya vägar startar i höst.\n\nFinansiering: ca 3,9 miljoner kr."
    assert (
        verdict(
            "Hur mycket finansiering får Nya vägar?",
            "Finansiering: ca 3,9 miljoner kr.",
            0,
            document,
        )
        is None
    )


@pytest.mark.parametrize(
    ("question", "names"),
    [
        pytest.param(
            "Hur mycket fick Stiftelsen Ljusglimt för BOJ-projektet?",
            ("Stiftelsen Ljusglimt", "BOJ"),
            id="names-and-acronyms",
        ),
        pytest.param("Vad sa socialnämnden om budgeten?", (), id="a-deciding-body-is-no-name"),
        pytest.param(
            "Exakt hur stor är budgeten? Rubriken säger något annat",
            (),
            id="a-sentence-opening-is-no-name",
        ),
    ],
)
def test_the_names_a_question_asks_about(question: str, names: tuple[str, ...]) -> None:
    assert named(read_question(question)) == names


def test_an_amount_said_to_be_for_another_project_is_not_tied_by_its_paragraph() -> None:
    paragraph = (
        "Föreningen Ljusgården driver tre verksamheter: Kvarnen, Bryggan och Lotsen. "
        "Föreningen Ljusgården har ansökt om 900 000 kronor för Kvarnen."
    )
    sentence = "Föreningen Ljusgården har ansökt om 900 000 kronor för Kvarnen."
    want = asked(read_question("Hur mycket sökte Föreningen Ljusgården för Lotsen?"))
    amount = find_amounts(sentence)[0]
    roles = role(sentence, amount)
    where = Where(sentence, paragraph, paragraph, want.names)
    assert fits(want, amount, roles, local_status(roles, None), where) == "names"


def test_the_giver_asked_about_is_named_by_the_document_not_the_sentence() -> None:
    question = "Hur mycket fick kvinnojourerna av Ekfonden 2024?"
    sentence = "Av dem går 9 miljoner kronor till kvinnojourerna i länet."
    document = f"Ekfonden fördelar 30 miljoner kronor 2024.\n\n{sentence}"
    assert asked(read_question(question)).givers == ("Ekfonden",)
    assert verdict(question, sentence, 0, document) is None
    assert verdict(question, sentence, 0, document.replace("Ekfonden", "Länsfonden")) == "names"


def test_a_giver_alone_is_what_the_question_names() -> None:
    want = asked(read_question("Hur mycket fick man av Ekfonden 2024?"))
    assert (want.names, want.givers) == (("Ekfonden",), ())
