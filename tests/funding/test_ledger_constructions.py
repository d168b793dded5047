"""The grants ledger on each construction real funding documents use, one named case each.

Every text is written for these tests: the organisations, places and figures are invented.
"""

from __future__ import annotations

import pytest

from funding.amounts import find_amounts
from funding.grants import EXTRACTOR_VERSION, extract_grants
from funding.models import Grant
from tests.funding.texts import parsed, rows


def _one(text: str, **kwargs: str) -> Grant:
    grants = extract_grants(parsed(text, **kwargs))
    assert len(grants) == 1, grants
    return grants[0]


# ---- who receives ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        pytest.param(
            "Kulturnämnden beviljar 1 200 tkr till ABF i Norrtälje kommun.",
            ("ABF i Norrtälje kommun",),
            id="amount-till-name-with-link-and-tail",
        ),
        pytest.param(
            "Nämnden har beslutat att bevilja föreningen Dans i Ring extra bidrag "
            "för år 2019 med 43 000 kr.",
            ("Föreningen Dans i Ring",),
            id="bevilja-kind-and-name-with-link",
        ),
        pytest.param(
            "Styrelsen beslutade att bevilja XYZ-föreningen Arken 15 000 kr i extra bidrag.",
            ("XYZ-föreningen Arken",),
            id="bevilja-compound-association",
        ),
        pytest.param(
            "För uppdraget får Myndigheten för delaktighet disponera 2 500 000 kronor.",
            ("Myndigheten för delaktighet",),
            id="far-body-for-purpose-name",
        ),
        pytest.param(
            "Stiftelsen Gröna Gläntan, som driver ett härbärge i Ekby, får 450 000 kronor.",
            ("Stiftelsen Gröna Gläntan",),
            id="name-relative-clause-far",
        ),
        pytest.param(
            "Nattcaféet Ljuset har beviljats 120 000 kronor av nämnden.",
            ("Nattcaféet Ljuset",),
            id="name-har-beviljats",
        ),
        pytest.param(
            "Östra stadsdelsförvaltningen tilldelas 4 miljoner kronor för sommarjobb.",
            ("Östra stadsdelsförvaltningen",),
            id="unit-tilldelas",
        ),
        pytest.param(
            "Kommunstyrelsen beslutade att ge Ekbacka fritidsgård 300 000 kr.",
            ("Ekbacka fritidsgård",),
            id="ge-name-with-institution-tail",
        ),
        pytest.param(
            "Regeringen ger Länsstyrelsen i Västerfors 3 miljoner kronor för arbetet.",
            ("Länsstyrelsen i Västerfors",),
            id="giver-is-not-the-receiver",
        ),
        pytest.param(
            "Nämnden avslog Ekby Schackklubbs ansökan om 15 000 kr.",
            ("Ekby Schackklubb",),
            id="applicant-in-the-genitive",
        ),
        pytest.param(
            "Ekby Hembygdsförening får stöd för att rusta upp sin lokal. "
            "Bidraget är på 75 000 kronor.",
            ("Ekby Hembygdsförening",),
            id="receiver-in-the-sentence-before",
        ),
        pytest.param(
            "Pengarna, 1,2 miljoner kronor, går till Ekbyhemmet.",
            ("Ekbyhemmet",),
            id="amount-then-gar-till",
        ),
        pytest.param(
            "Sammanlagt 4 miljoner kronor fördelas mellan Ekby IF och Ekby BK.",
            ("Ekby IF", "Ekby BK"),
            id="fordelas-mellan",
        ),
        pytest.param(
            "Till Ekby fritidsgård går 200 000 kronor.", ("Ekby fritidsgård",), id="till-x-gar-n"
        ),
        pytest.param(
            "Bidrag till Ekby Hembygdsförening, 40 000 kronor.",
            ("Ekby Hembygdsförening",),
            id="list-line-till-x-comma-n",
        ),
        pytest.param(
            "Mottagare: Ekby IF\nBelopp: 40 000 kronor", ("Ekby IF",), id="labelled-record"
        ),
        pytest.param(
            "Ekby stadsdelsnämnd: 300 000 kr", ("Ekby stadsdelsnämnd",), id="name-colon-n"
        ),
        pytest.param(
            "Enligt modellen skulle Ekby kommun få 18,7 miljoner kronor.",
            ("Ekby kommun",),
            id="name-skulle-fa",
        ),
        pytest.param(
            "I går beviljade Ekby kommun Föreningen Solstrålen 200 000 kronor.",
            ("Föreningen Solstrålen",),
            id="inverted-giver-then-receiver",
        ),
        pytest.param(
            "I dag ger socialnämnden Norrby Brukarförening 50 000 kronor för lokalhyra.",
            ("Norrby Brukarförening",),
            id="inverted-body-word-giver-then-receiver",
        ),
        pytest.param(
            "Kommunstyrelsen beviljade Ekby Brukarförening 80 000 kronor.",
            ("Ekby Brukarförening",),
            id="giver-before-verb-one-name-after",
        ),
        pytest.param(
            "En miljon går till Föreningen Solstrålen för lovaktiviteter.",
            ("Föreningen Solstrålen",),
            id="words-amount-gar-till",
        ),
        pytest.param(
            "Ekby Norrby regionen AB får 24 miljoner kronor till projektet Växthuset.",
            ("Ekby Norrby regionen AB",),
            id="company-with-lowercase-word-far",
        ),
        pytest.param(
            "Nämnden beviljar Ekby IF bidrag och 40 000 kr går till Norrby Bygg AB.",
            ("Norrby Bygg AB",),
            id="company-name-never-spans-a-clause",
        ),
    ],
)
def test_receivers_the_syntax_names(text: str, recipients: tuple[str, ...]) -> None:
    assert _one(text).recipients == recipients


def test_the_deciding_body_is_kept_apart_from_the_receiver() -> None:
    grant = _one("Kulturnämnden fördelar 3 mnkr till Ekby Folkets Hus.")
    assert (grant.recipients, grant.body) == (("Ekby Folkets Hus",), "Kulturnämnden")


def test_one_figure_each_for_several_receivers_is_one_row_per_receiver() -> None:
    text = "Sollentuna Kvinnojour, Tjejzonen, Björkgården och Nattvandrarna får 100 000 kr vardera."
    assert rows(text) == [
        (100_000, ("Sollentuna Kvinnojour",), "decided"),
        (100_000, ("Tjejzonen",), "decided"),
        (100_000, ("Björkgården",), "decided"),
        (100_000, ("Nattvandrarna",), "decided"),
    ]


def test_a_cap_for_each_named_area_is_a_budget_row_per_area() -> None:
    text = "Områdena Ekbacken, Norrby och Söderby kan söka ett belopp på 25 000 kronor var."
    assert rows(text) == [
        (25_000, ("Områdena Ekbacken",), "budget"),
        (25_000, ("Norrby",), "budget"),
        (25_000, ("Söderby",), "budget"),
    ]


def test_two_amounts_each_with_its_own_receiver() -> None:
    text = "Enligt beslutet får Ekby kommun 2,3 miljoner kronor och Region Västerfors 1,1 miljoner."
    assert rows(text) == [
        (2_300_000, ("Ekby kommun",), "decided"),
        (1_100_000, ("Region Västerfors",), "decided"),
    ]


def test_names_in_a_relative_clause_each_own_their_amount() -> None:
    text = (
        "Bland mottagarna märks Ungdomens Hus, som får 90 000 kronor, och Ekby BK, som får 60 000."
    )
    assert [(a, r) for a, r, _ in rows(text)] == [
        (90_000, ("Ungdomens Hus",)),
        (60_000, ("Ekby BK",)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("I Ekby är motsvarande belopp 2 miljoner kronor.", id="district-as-place"),
        pytest.param("Förskolan får 392 miljoner kronor i budgeten.", id="activity-area"),
        pytest.param("Den totala ramen för bidragen är 5 miljoner kronor.", id="frame"),
    ],
)
def test_no_receiver_where_none_is_named(text: str) -> None:
    assert _one(text).recipients == ()


def test_foreningen_points_back_to_the_association_named_before() -> None:
    text = (
        "Ekby Schackklubb ansöker om 20 000 kronor för en turnering. Förvaltningen föreslår "
        "att bevilja föreningen bidraget på 15 000 kr."
    )
    assert rows(text) == [
        (20_000, ("Ekby Schackklubb",), "applied"),
        (15_000, ("Ekby Schackklubb",), "proposed"),
    ]


def test_a_numbered_item_carries_its_name_to_the_proposal_below_it() -> None:
    text = (
        "1. Ekby IF Föreningen ansöker om totalt 80 000 kronor för ett sommarläger.\n"
        "Målgrupp Barn 7-12 år\n\n"
        "Förvaltningen föreslår att bevilja 30 000 kronor för lägret.\n\n"
        "2. Ekby Scoutkår Föreningen ansöker om 12 000 kronor."
    )
    assert rows(text) == [
        (80_000, ("Ekby IF",), "applied"),
        (30_000, ("Ekby IF",), "proposed"),
        (12_000, ("Ekby Scoutkår",), "applied"),
    ]


# ---- tables ---------------------------------------------------------------------------


def test_a_table_row_names_its_receiver_and_the_header_gives_each_column_its_status() -> None:
    text = (
        "Bidrag 2021\n"
        "Förening | Sökt belopp | Beviljat\n"
        "PRO Ekby | 5 000 kr | 1 869 kronor\n"
        "Ekby IF | 12 000 kr | 8 000 kr"
    )
    assert rows(text) == [
        (5_000, ("PRO Ekby",), "applied"),
        (1_869, ("PRO Ekby",), "decided"),
        (12_000, ("Ekby IF",), "applied"),
        (8_000, ("Ekby IF",), "decided"),
    ]


def test_cells_without_a_unit_take_the_headers_unit() -> None:
    text = (
        "Nämnden har beslutat om bidragen.\n"
        "Förening | Beviljat (tkr)\n"
        "Ekby IF | 250\n"
        "Ekby BK | 1 200"
    )
    assert rows(text) == [
        (250_000, ("Ekby IF",), "decided"),
        (1_200_000, ("Ekby BK",), "decided"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Nämnden beslutade om följande bidrag (tkr):\nFöreningen Solstrålen 120\n"
            "Ekby Brukarförening 80\n\nÖvrigt: inget.",
            [
                (120_000, ("Föreningen Solstrålen",), "decided"),
                (80_000, ("Ekby Brukarförening",), "decided"),
            ],
            id="tkr-in-brackets",
        ),
        pytest.param(
            "Följande föreningar beviljas bidrag, belopp i kronor:\n- Ekby IF: 4 500\n"
            "- Norrby BK: 3 000",
            [(4_500, ("Ekby IF",), "decided"), (3_000, ("Norrby BK",), "decided")],
            id="belopp-i-kronor-dashed-list",
        ),
        pytest.param(
            "Bidrag beviljades (kr):\nEkby IF 2024\nKontakt (tel):\nAnna 0701",
            [],
            id="a-year-and-no-unit-are-no-money",
        ),
    ],
)
def test_list_rows_take_the_unit_of_their_lead_in(
    text: str, expected: list[tuple[int, tuple[str, ...], str]]
) -> None:
    assert rows(text) == expected


def test_in_an_annual_report_money_given_is_reported() -> None:
    text = (
        "Ekbyfonden fördelade 300 miljoner kronor till 200 projekt. "
        "Nästa år ska fonden fördela 20 miljoner kronor."
    )
    assert rows(text, title="Ekbyfondens verksamhetsberättelse 2023", kind="report") == [
        (300_000_000, (), "reported"),
        (20_000_000, (), "budget"),
    ]
    assert rows(text)[0][2] == "decided"


def test_a_category_column_names_no_receiver() -> None:
    text = (
        "Idag tog nämnden beslut om fördelningen.\n\n"
        "Område | Belopp\n"
        "Kvinnofrid | 1 500 000 kr\n"
        "Psykisk hälsa | 2 100 000 kr"
    )
    assert rows(text) == [
        (1_500_000, (), "decided"),
        (2_100_000, (), "decided"),
    ]


def test_a_remark_on_applications_above_a_table_leaves_its_rows_allocations() -> None:
    text = (
        "I dag tog nämnden beslut om fördelningen av bidragen. Till nämnden har 40 "
        "föreningar ansökt om bidrag.\n\n"
        "Förening | Belopp\n"
        "Ekby IF | 10 000 kr"
    )
    assert rows(text) == [(10_000, ("Ekby IF",), "decided")]


def test_a_sub_row_names_its_group_and_itself() -> None:
    text = (
        "Länsstyrelsen har fördelat medlen enligt nedan:\n\n"
        "Kommun | Belopp\n"
        "Ekby\n"
        "- Vuxennämnden | 191 000 kr\n"
        "Västerfors | 357 500 kr"
    )
    assert rows(text) == [
        (191_000, ("Ekby", "Vuxennämnden"), "decided"),
        (357_500, ("Västerfors",), "decided"),
    ]


# ---- how far the money got ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param(
            "Nämnden har beslutat att avslå ansökan om 33 000 kr från Föreningen Solrosen.",
            "refused",
            id="refusal",
        ),
        pytest.param(
            "Förvaltningen föreslår att nämnden hos kommunstyrelsen ska hemställa om 1,4 Mkr.",
            "applied",
            id="hemstallan",
        ),
        pytest.param(
            "Med den gamla modellen hade Lindö fått 18,7 miljoner kronor.",
            "reported",
            id="counterfactual-hade",
        ),
        pytest.param(
            "Med det nya systemet skulle Västra Ekby ha fått femtio miljoner kronor mindre.",
            "reported",
            id="counterfactual-skulle-ha",
        ),
        pytest.param(
            "Resultat för hela året väntas bli 5 miljoner kronor.", "reported", id="result"
        ),
        pytest.param(
            "Sedan 2015 har Ekbyfonden delat ut cirka 40 miljoner kronor till 120 projekt.",
            "reported",
            id="running-total-since-a-year",
        ),
        pytest.param(
            "Under perioden har Ekbyfonden fördelat 2 miljarder kronor.",
            "reported",
            id="running-total-over-the-period",
        ),
        pytest.param(
            "Under perioden 2021-2027 fördelar Ekbyfonden över 2 miljarder kronor.",
            "budget",
            id="programme-frame-for-a-period",
        ),
        pytest.param("Utlyst belopp: 15 miljoner kronor", "budget", id="call-amount-key"),
        pytest.param(
            "Regeringen ger Ekby länsråd i uppdrag att fördela 40 miljoner kronor till kommuner.",
            "budget",
            id="a-mandate-to-distribute",
        ),
        pytest.param(
            "Totalt inkom ett 40-tal ansökningar som motsvarade över 1,5 miljoner kronor.",
            "applied",
            id="applications-received-inkom",
        ),
        pytest.param(
            "Nämnden fick in ansökningar om totalt 2 miljoner kronor.",
            "applied",
            id="applications-received-fick-in",
        ),
        pytest.param(
            "Av 40 ansökningar beviljades 12, totalt 900 000 kronor.",
            "decided",
            id="applications-granted-are-decided",
        ),
        pytest.param(
            "Fondens årsredovisning har lämnats in. Den visar att Ekbyfonden fördelade "
            "närmare 300 miljoner kronor till 200 projekt.",
            "reported",
            id="what-a-report-shows",
        ),
        pytest.param(
            "Beslutet visar att nämnden beviljar 40 000 kr till Ekby IF.",
            "decided",
            id="a-decision-shown-is-decided",
        ),
        pytest.param(
            "Ekbyfonden utlyser 3 miljoner kronor för lokala projekt.", "budget", id="call-verb"
        ),
        pytest.param(
            "Nämnden beslutar att bevilja Ekby Scoutkår 20 000 kr.", "decided", id="minutes"
        ),
        pytest.param(
            "Sociala nämnden har godkänt förvaltningens förslag. 1 500 000 kronor delas ut "
            "till föreningar.",
            "decided",
            id="news-paraphrase-delas-ut",
        ),
        pytest.param(
            "Stödet är på en miljon kronor, som ska fördelas i höst.", "decided", id="words"
        ),
        pytest.param(
            "Nämnden visar ett underskott på 14 miljoner kronor.", "reported", id="deficit"
        ),
        pytest.param("I korthet: 35 miljoner till trygghetsarbete.", "decided", id="n-till-x"),
        pytest.param(
            "Ekby kvinnojour får höjda anslag om totalt 1,6 miljoner kronor.",
            "decided",
            id="receives-an-anslag",
        ),
        pytest.param(
            "Ekby IF vill att 50 000 kronor ska beviljas till lägret.", "proposed", id="wish"
        ),
        pytest.param("Föreningarna kan söka högst 25 000 kronor var.", "budget", id="cap-kan-soka"),
        pytest.param(
            "Länsstyrelsen ska under året fördela 19 miljoner kronor i bidrag.",
            "budget",
            id="pot-ska-fordela",
        ),
    ],
)
def test_status(text: str, status: str) -> None:
    assert _one(text).status == status


def test_items_under_forslag_till_beslut_are_proposed_until_the_minutes_decide() -> None:
    text = (
        "Protokoll från kulturnämndens sammanträde\n\n"
        "Ärende 4. Bidrag till föreningar\n\n"
        "Förslag till beslut\n"
        "Nämnden beslutar att bevilja Ekby Scoutkår 20 000 kr.\n\n"
        "Beslut\n"
        "Nämnden beslutar att bevilja Ekby Scoutkår 25 000 kr."
    )
    assert rows(text) == [
        (20_000, ("Ekby Scoutkår",), "proposed"),
        (25_000, ("Ekby Scoutkår",), "decided"),
    ]


def test_an_agendas_items_are_proposed() -> None:
    grant = _one("Nämnden beslutar att bevilja Ekby IF 20 000 kr.", kind="meeting_agenda")
    assert grant.status == "proposed"


# ---- figures and currencies -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("Resultatet var 27, 1 miljoner kronor.", 27_100_000, id="pdf-decimal-space"),
        pytest.param("Budgeten är 315, 2 miljoner kronor.", 315_200_000, id="pdf-decimal-3-digits"),
        pytest.param(
            "Staten fördelade en miljard femtiotusen kronor till kommunerna.",
            1_000_050_000,
            id="figure-in-parts",
        ),
        pytest.param("Stödet är tvåhundratusen kronor.", 200_000, id="fused-thousands"),
        pytest.param("Regionen satsar femtio miljoner kronor.", 50_000_000, id="tens-in-words"),
        pytest.param("Staden satsar en halv miljard kronor.", 500_000_000, id="half-a-billion"),
    ],
)
def test_figures_are_read_in_full(text: str, value: int) -> None:
    assert [a.value for a in find_amounts(text)] == [value]


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        pytest.param("Projektet finansieras med IR-medel: 3 090 000 NOK.", "NOK", id="nok"),
        pytest.param("Föreningen fick 40 000 danska kronor.", "DKK", id="danish-kronor"),
        pytest.param("Stödet är USD 2 000 000 under tre år.", "USD", id="usd-prefix"),
        pytest.param("Projektet får 1,2 MEUR från fonden.", "EUR", id="meur"),
        pytest.param(
            "Kommunen får 3 millioner kroner av staten, og det blir ikke mer. Pengene skal "
            "brukes til å styrke arbeidet etter at tiltaket ble evaluert.",
            "NOK",
            id="norwegian-kroner",
        ),
        pytest.param(
            "Kommunen får 3 mio. kr. af staten, og det er ikke nok. Pengene skal bruges til at "
            "styrke indsatsen efter at den blev evalueret.",
            "DKK",
            id="danish-kroner",
        ),
    ],
)
def test_a_foreign_amount_is_never_kronor(text: str, currency: str) -> None:
    grant = _one(text)
    assert (grant.currency, grant.amount_sek) == (currency, None)
    assert grant.amount > 0


def test_the_year_the_money_is_for() -> None:
    grant = _one("Nämnden beviljar Ekby IF 20 000 kr för år 2025.")
    assert grant.year == 2025


def test_the_extractor_has_a_version() -> None:
    # Stored with each document; ingest re-reads the grants of documents read by another one.
    assert isinstance(EXTRACTOR_VERSION, int) and EXTRACTOR_VERSION >= 2
