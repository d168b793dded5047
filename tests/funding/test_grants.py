"""Grants extracted from documents built by hand (all names, projects and sums are made up)."""

from __future__ import annotations

from typing import Any

import pytest

from funding.grants import extract_grants
from funding.models import Grant
from ingest.models import DocumentMeta, PageSpan, ParsedDocument


def _doc(
    text: str,
    *,
    title: str = "Testdokument",
    body: str | None = None,
    date: str | None = "2024-05-01",
    pages: tuple[PageSpan, ...] | None = None,
) -> ParsedDocument:
    meta = DocumentMeta(title=title, kind="other", date=date, body=body)
    spans = pages or (PageSpan(None, 0, len(text)),)
    return ParsedDocument("doc-test", "test-source", "test.txt", "hash", text, spans, meta)


def _only(text: str, **kwargs: Any) -> Grant:
    grants = extract_grants(_doc(text, **kwargs))
    assert len(grants) == 1, grants
    return grants[0]


def test_a_decided_grant_carries_every_field() -> None:
    text = "Socialnämnden har beslutat att ge Farsta 450 000 kronor till nya anhöriggrupper."
    grant = _only(text, title="Pengar till Farsta")
    assert grant == Grant(
        amount_sek=450_000,
        approximate=False,
        recipients=("Farsta",),
        purpose="nya anhöriggrupper",
        body="Socialnämnden",
        date="2024-05-01",
        status="decided",
        doc_id="doc-test",
        source="test-source",
        title="Pengar till Farsta",
        page=None,
        start=0,
        end=len(text),
        sentence=text,
    )


def test_an_approximate_amount_stays_approximate() -> None:
    grant = _only("Nämnden fördelar drygt 3 miljoner kronor till Bromma för läxhjälp.")
    assert (grant.amount_sek, grant.approximate) == (3_000_000, True)


def test_recipients_in_the_sentence_before_are_linked_and_the_span_covers_both() -> None:
    first = "Bromma och Kungsholmen ska samarbeta om läxhjälp för unga."
    second = "Nämnden satsar 600 000 kronor på läxhjälpen under hösten."
    text = f"Inledning utan siffror.\n\n{first} {second}"
    grant = _only(text)
    assert grant.recipients == ("Bromma", "Kungsholmen")
    assert grant.sentence == f"{first} {second}"


def test_an_amount_in_a_quote_borrows_the_recipients_of_the_paragraph_before() -> None:
    listed = (
        "Farsta, Skarpnäck och Uppsökarenheten får stöd till digitala verktyg i missbruksvården."
    )
    quoted = "– Därför satsar vi nu 820 000kr på digitala verktyg i missbruksvården, säger hon."
    text = f"{listed}\n\n– Det här är viktigt. {quoted.removeprefix('– ')}"
    grant = _only(text)
    assert grant.recipients == ("Farsta", "Skarpnäck", "Uppsökarenheten")
    assert grant.sentence.startswith("Farsta, Skarpnäck")
    assert grant.sentence.endswith("säger hon.")
    assert grant.status == "decided"


def test_across_paragraphs_one_shared_word_is_not_enough() -> None:
    text = "Farsta får stöd till läxhjälp.\n\n– Vi satsar 820 000 kronor på läxhjälp, säger hon."
    assert _only(text).recipients == ()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Farsta får 200 000 kronor för läxhjälp. Ytterligare 300 000 kronor går till läxhjälp.",
            id="neighbour-has-its-own-amount",
        ),
        pytest.param(
            "Bromma har fått en ny chef. Nämnden ger 400 000 kronor till sommarlovsaktiviteter.",
            id="no-shared-topic",
        ),
        pytest.param(
            "– Vi satsar 500 000 kronor på läxhjälp, säger Anna Exempel, ordförande i Farsta "
            "stadsdelsnämnd.",
            id="attribution-is-not-a-recipient",
        ),
        pytest.param(
            "Regeringen satsar 60 miljoner kronor på sex organisationer där Stadsmissionen är en.",
            id="relative-clause",
        ),
    ],
)
def test_recipients_are_not_borrowed_from_what_speaks_of_something_else(text: str) -> None:
    grants = extract_grants(_doc(text))
    assert grants[-1].recipients == ()


def test_table_rows_with_cells_are_one_grant_each_and_the_total_is_marked() -> None:
    text = (
        "Socialnämnden beslutar att fördela medel enligt tabellen.\n\n"
        "Stadsdel | Projekt | Belopp\n"
        "Skarpnäck | Läxhjälp i Bagarmossen | 250 000 kr\n"
        "Rinkeby-Kista | Mentorer för unga | 1 100 000 kr\n"
        "Summa | 1 350 000 kr"
    )
    grants = extract_grants(_doc(text))
    assert [(g.amount_sek, g.recipients, g.purpose, g.status) for g in grants] == [
        (250_000, ("Skarpnäck",), "Läxhjälp i Bagarmossen", "decided"),
        (1_100_000, ("Rinkeby-Kista",), "Mentorer för unga", "decided"),
        (1_350_000, (), "total", "decided"),
    ]
    assert [g.sentence for g in grants] == [
        "Skarpnäck | Läxhjälp i Bagarmossen | 250 000 kr",
        "Rinkeby-Kista | Mentorer för unga | 1 100 000 kr",
        "Summa | 1 350 000 kr",
    ]


def test_table_rows_with_column_gaps_and_bare_figures() -> None:
    text = (
        "Beviljade bidrag 2024 (kronor)\n\n"
        "Projekt Ljuspunkten  Rinkeby-Kista  350 000\n"
        "Projekt Stegen  Bromma  150 000\n"
    )
    grants = extract_grants(_doc(text))
    assert [(g.amount_sek, g.recipients, g.purpose, g.status) for g in grants] == [
        (350_000, ("Rinkeby-Kista",), "Projekt Ljuspunkten", "decided"),
        (150_000, ("Bromma",), "Projekt Stegen", "decided"),
    ]


def test_list_items_take_their_status_from_the_lead_in() -> None:
    text = (
        "Fonden fördelas till två organisationer:\n\n"
        "• Stiftelsen Gnistan 2 miljoner\n"
        "• Tjejjouren Kvick 1,5 miljoner"
    )
    grants = extract_grants(_doc(text))
    assert [(g.amount_sek, g.recipients, g.status) for g in grants] == [
        (2_000_000, ("Stiftelsen Gnistan",), "decided"),
        (1_500_000, ("Tjejjouren Kvick",), "decided"),
    ]


def test_a_wrapped_prose_line_ending_in_an_amount_is_not_a_row() -> None:
    text = "Socialnämnden beslutar att ge Bromma 250 000 kr\nsom ett bidrag till läxhjälp."
    grant = _only(text)
    assert grant.sentence == text
    assert grant.recipients == ("Bromma",)


@pytest.mark.parametrize(
    ("text", "title", "status"),
    [
        pytest.param(
            "Stiftelsen Exempelhjälpen ansöker om 750 000 kronor för läxhjälp.",
            "Testdokument",
            "applied",
            id="application",
        ),
        pytest.param(
            "Förvaltningen föreslår att Skarpnäck beviljas 300 000 kronor för sommarjobb.",
            "Testdokument",
            "proposed",
            id="proposal-in-the-sentence",
        ),
        pytest.param(
            "Bromma får 200 000 kronor till läxhjälp.",
            "Förslag till fördelning av bidrag 2025",
            "proposed",
            id="proposal-document",
        ),
        pytest.param(
            "Socialnämnden beslutar att ge Bromma 200 000 kronor till läxhjälp.",
            "Tjänsteutlåtande om läxhjälp",
            "proposed",
            id="draft-decision-in-a-proposal",
        ),
        pytest.param(
            "Socialnämnden beslutar, i enlighet med förvaltningens förslag, att ge Farsta "
            "500 000 kronor för anhörigstöd.",
            "Protokoll 2024-03-01",
            "decided",
            id="decision-that-names-the-proposal",
        ),
        pytest.param(
            "Ansökan om 750 000 kronor beviljades av nämnden i mars.",
            "Testdokument",
            "decided",
            id="granted-application",
        ),
        pytest.param(
            "I budgeten för nästa år avsätts 4 miljoner kronor till skyddat boende.",
            "Testdokument",
            "budget",
            id="budget",
        ),
        pytest.param(
            "Skarpnäck får 300 000 kronor till sommarjobb.",
            "Testdokument",
            "decided",
            id="present-giving-verb",
        ),
        pytest.param(
            "Projektet kostade 900 000 kronor förra året.",
            "Testdokument",
            "reported",
            id="reported",
        ),
        pytest.param(
            "Personal: 600 000 kr",
            "Ansökan om verksamhetsbidrag 2025",
            "applied",
            id="row-in-an-application",
        ),
    ],
)
def test_status(text: str, title: str, status: str) -> None:
    assert _only(text, title=title).status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param(
            "Planen innehåller ett sparkrav på 5 miljoner kronor.", "budget", id="savings"
        ),
        pytest.param("Nämnden ska minska kostnaderna med 4 miljoner kronor.", "budget", id="cut"),
        pytest.param("Överskottet blev 40 miljoner kronor.", "reported", id="surplus"),
        pytest.param(
            "Staden fick 3 miljoner kronor i högre skatteintäkter.", "reported", id="revenue"
        ),
        pytest.param("Staden minskade sin skuld med 2 miljarder kronor.", "reported", id="debt"),
    ],
)
def test_money_given_to_no_one_is_a_row_without_recipient(text: str, status: str) -> None:
    grant = _only(text)
    assert (grant.recipients, grant.status) == ((), status)


def test_a_text_without_money_has_no_rows() -> None:
    text = "Mötet hölls 2024-03-01 och ärendet har Dnr 3.1-456/2024."
    assert extract_grants(_doc(text)) == []


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        pytest.param("Projektet får 300 000 euro från en EU-fond.", 300_000, "EUR", id="euro"),
        pytest.param(
            "Projektet finansieras med IR-medel: 3 090 000 NOK.", 3_090_000, "NOK", id="nok"
        ),
        pytest.param("Föreningen fick 40 000 danska kronor.", 40_000, "DKK", id="danish-kronor"),
        pytest.param("Stödet är USD 2 000 000 under tre år.", 2_000_000, "USD", id="usd-prefix"),
    ],
)
def test_a_foreign_amount_keeps_its_currency_and_has_no_kronor(
    text: str, amount: int, currency: str
) -> None:
    grant = _only(text)
    assert (grant.amount, grant.currency, grant.amount_sek) == (amount, currency, None)


def test_kronor_beside_a_foreign_amount_stay_kronor() -> None:
    text = "Projektet får 300 000 euro från en EU-fond och Farsta får 100 000 kronor."
    grants = extract_grants(_doc(text))
    assert [(g.amount, g.currency, g.amount_sek) for g in grants] == [
        (300_000, "EUR", None),
        (100_000, "SEK", 100_000),
    ]
    assert grants[1].recipients == ("Farsta",)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Förslaget innebär att Farsta får 100 000 kronor och Bromma 200 000 kronor.",
            id="recipient-before-each-amount",
        ),
        pytest.param(
            "Nämnden ger 100 000 kronor till Farsta och 200 000 kronor till Bromma.",
            id="recipient-after-each-amount",
        ),
    ],
)
def test_several_amounts_in_one_sentence_keep_their_own_recipients(text: str) -> None:
    grants = extract_grants(_doc(text))
    assert [(g.amount_sek, g.recipients) for g in grants] == [
        (100_000, ("Farsta",)),
        (200_000, ("Bromma",)),
    ]


def test_a_headline_repeating_a_figure_of_the_body_is_dropped() -> None:
    text = (
        "# Farsta får 100 000 kronor\n\n"
        "Socialnämnden har beslutat att Farsta får 100 000 kronor till läxhjälp."
    )
    grant = _only(text, title="Farsta får 100 000 kronor")
    assert grant.sentence.startswith("Socialnämnden")


def test_the_same_sum_said_twice_is_one_grant() -> None:
    text = (
        "Regeringen har beslutat om 10 miljoner kronor till föreningar.\n\n"
        "De 10 miljonerna fördelas till föreningar i hela landet."
    )
    assert _only(text).sentence.startswith("Regeringen")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Socialnämnden har beslutat att ge Farsta 100 000 kronor till läxhjälp.\n\n"
            "Sammanfattning: Farsta 100 000 kronor till läxhjälp.",
            id="decision-first",
        ),
        pytest.param(
            "Sammanfattning: Farsta 100 000 kronor till läxhjälp.\n\n"
            "Socialnämnden har beslutat att ge Farsta 100 000 kronor till läxhjälp.",
            id="decision-last",
        ),
    ],
)
def test_a_reported_restatement_yields_to_the_decision(text: str) -> None:
    assert _only(text).status == "decided"


def test_different_statuses_of_the_same_sum_are_different_facts() -> None:
    text = (
        "Stiftelsen Gnistan ansöker om 800 000 kronor för läxhjälp.\n\n"
        "Förvaltningen föreslår att Stiftelsen Gnistan beviljas 800 000 kronor för läxhjälp."
    )
    assert [g.status for g in extract_grants(_doc(text))] == ["applied", "proposed"]


@pytest.mark.parametrize(
    ("text", "body", "expected"),
    [
        pytest.param(
            "Idag fattar kommunstyrelsen beslut om 2 miljoner kronor till Bromma.",
            None,
            "Kommunstyrelsen",
            id="inverted-order",
        ),
        pytest.param(
            "Socialnämnden i Exempelstad har på sitt möte beslutat att ge Skärholmen 1 miljon "
            "kronor.",
            None,
            "Socialnämnden",
            id="words-between-body-and-verb",
        ),
        pytest.param(
            "Farsta har fått 700 000 kronor i statsbidrag från Socialstyrelsen.",
            None,
            "Socialstyrelsen",
            id="funder",
        ),
        pytest.param(
            "Socialnämnden har beslutat att ge Bromma 1 miljon kronor.",
            "Kommunfullmäktige",
            "Kommunfullmäktige",
            id="metadata-wins",
        ),
        pytest.param("Bromma får 1 miljon kronor.", None, None, id="none-stated"),
    ],
)
def test_the_deciding_body_is_never_a_recipient(
    text: str, body: str | None, expected: str | None
) -> None:
    grant = _only(text, body=body)
    assert grant.body == expected
    assert all(name not in ("Socialnämnden", "Kommunstyrelsen") for name in grant.recipients)
    assert grant.recipients


def test_the_page_comes_from_the_page_spans() -> None:
    first = "Sida ett handlar om annat."
    second = "Nämnden ger Farsta 300 000 kronor till läxhjälp."
    text = f"{first}\n\n{second}"
    pages = (PageSpan(1, 0, len(first)), PageSpan(2, len(first) + 2, len(text)))
    grant = _only(text, pages=pages)
    assert (grant.page, grant.sentence) == (2, second)


_MIXED = (
    "Stockholms stad\n\n"
    "Socialnämnden har fattat beslut om att fördela cirka 4 miljoner kronor till lokala "
    "projekt. Farsta och Bromma\nfår stöd till läxhjälp i högstadiet.\n\n"
    "– Läxhjälpen är viktig. Därför satsar vi 900 000kr på läxhjälp i högstadiet, säger "
    "Eva Exempel.\n\n"
    "Tabell\nFarsta | Läxhjälp | 450 000 kr\nBromma | Läxhjälp | 450 000 kr\n\n"
    "Planen innehåller också ett sparkrav på 2 miljoner kronor."
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_MIXED, id="mixed"),
        pytest.param(_MIXED.replace("\n", "\r\n"), id="windows-line-ends"),
        pytest.param("  \n\n  Bromma får 200 000 kronor.  \n\n", id="surrounding-blanks"),
    ],
)
def test_every_span_is_an_exact_slice_of_the_text(text: str) -> None:
    grants = extract_grants(_doc(text))
    assert grants
    for grant in grants:
        assert text[grant.start : grant.end] == grant.sentence
        assert grant.sentence == grant.sentence.strip()


def test_the_mixed_document_reads_as_expected() -> None:
    grants = extract_grants(_doc(_MIXED))
    assert [(g.amount_sek, g.recipients, g.approximate) for g in grants] == [
        (4_000_000, (), True),
        (900_000, ("Farsta", "Bromma"), False),
        (450_000, ("Farsta",), False),
        (450_000, ("Bromma",), False),
        (2_000_000, (), False),  # the savings demand: a budget row without recipient
    ]


def test_respektive_pairs_recipients_and_amounts_in_order() -> None:
    text = "Socialnämnden har beslutat att Farsta och Bromma får 2 respektive 3 miljoner kronor."
    grants = extract_grants(_doc(text))
    assert [(g.amount_sek, g.recipients) for g in grants] == [
        (2_000_000, ("Farsta",)),
        (3_000_000, ("Bromma",)),
    ]
