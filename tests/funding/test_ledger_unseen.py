"""The grants ledger on constructions of documents nobody tuned for, one named case each.

Every text is written for these tests: the organisations, places and figures are invented.
"""

from __future__ import annotations

import pytest

from funding.amounts import find_amounts
from funding.grants import extract_grants
from tests.funding.texts import parsed, rows

_LEAD = "Nämnden sammanträdde i går och gick igenom ärendena.\n\n"


def _rows(text: str) -> list[tuple[int, tuple[str, ...], str]]:
    return rows(_LEAD + text)


# ---- amounts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("Fonden ger SEK 500,000 till projektet.", 500_000, id="currency-first-commas"),
        pytest.param("Projektet får 500,000 SEK från fonden.", 500_000, id="commas-then-currency"),
        pytest.param("Föreningen får 0,5 miljoner kronor.", 500_000, id="leading-zero"),
        pytest.param("Nämnden beviljar 1 200\n000 kronor i år.", 1_200_000, id="wrapped-at-a-line"),
        pytest.param("Stiftelsen får 27, 1 miljoner kronor.", 27_100_000, id="space-after-comma"),
        pytest.param("de 12\n034 000 kronor ska fördelas", 12_034_000, id="wrapped-before-a-0"),
    ],
)
def test_figures_written_in_other_ways(text: str, value: int) -> None:
    assert [a.value for a in find_amounts(text)] == [value]


def test_a_table_of_figures_one_a_line_never_fuses_across_lines() -> None:
    assert [a.value for a in find_amounts("Ekby 200\n300 000 kr")] == [300_000]


def test_a_capitalised_qualifier_inside_a_name_is_part_of_the_name() -> None:
    (amount,) = find_amounts("Nämnden beviljar Lunk i Kring 40 000 kronor.")
    assert (amount.raw, amount.approximate) == ("40 000 kronor", False)
    (opening,) = find_amounts("Kring 40 000 kronor går till läger.")
    assert opening.approximate


# ---- status ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param(
            "Nämnden har avsatt 3 miljoner kronor för sommarlov.", "budget", id="har-avsatt"
        ),
        pytest.param("Nämnden avsatte 2 miljoner kronor till feriejobb.", "budget", id="avsatte"),
        pytest.param(
            "Föreningen Blå Dörren fick förra året 200 000 kronor.", "reported", id="last-year"
        ),
        pytest.param(
            "Föreningen Blå Dörren får 6 000 kronor mer än förra året.",
            "decided",
            id="compared-with-last-year",
        ),
        pytest.param(
            "Utan sänkningen hade Föreningen Grön Eld fått 120 000 kronor.",
            "reported",
            id="counterfactual-inverted-subject",
        ),
        pytest.param(
            "Nämnden tilldelar Föreningen Måsen ett bidrag på 55 000 kronor.",
            "decided",
            id="tilldelar-ett-bidrag-pa",
        ),
        pytest.param(
            "Bidraget till Föreningen Stjärnan sänks till 80 000 kronor.",
            "decided",
            id="sanks-till",
        ),
        pytest.param(
            "Totalt 60 miljoner kronor har fördelats till 25 kommuner.", "decided", id="fordelats"
        ),
        pytest.param(
            "Satsningen omfattar 150 miljoner kronor per år.", "budget", id="a-frame-omfattar"
        ),
        pytest.param(
            "Vid dagens sammanträde förmedlades drygt två miljoner kronor.",
            "decided",
            id="formedlades",
        ),
        pytest.param(
            "Under mars månad betalades 3 412 000 kronor ut i ekonomiskt bistånd.",
            "reported",
            id="paid-out-is-an-outcome",
        ),
    ],
)
def test_status_of_constructions(text: str, status: str) -> None:
    assert [row[2] for row in _rows(text)] == [status]


# ---- who receives ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        pytest.param(
            "Nämnden beviljar Lunk i Kring 40 000 kronor i år.",
            [(40_000, ("Lunk i Kring",), "decided")],
            id="name-joined-by-a-small-word",
        ),
        pytest.param(
            "Nämnden ger 300 000 kronor till kvinnojouren i Ekby.",
            [(300_000, ("Kvinnojouren i Ekby",), "decided")],
            id="a-body-known-by-its-place",
        ),
        pytest.param(
            "Verksamheten drivs av Stiftelsen Ljusglimt och får 500 000 kronor.",
            [(500_000, ("Stiftelsen Ljusglimt",), "decided")],
            id="drivs-av-and-receives",
        ),
        pytest.param(
            "Bidraget till Föreningen Stjärnan sänks från 100 000 till 80 000 kronor.",
            [
                (100_000, ("Föreningen Stjärnan",), "reported"),
                (80_000, ("Föreningen Stjärnan",), "decided"),
            ],
            id="grant-lowered-from-to",
        ),
        pytest.param(
            "Socialnämnden fördelar 2 mnkr för investeringar vid Ekbackens gård.",
            [(2_000_000, ("Ekbackens gård",), "decided")],
            id="investment-vid-a-unit",
        ),
        pytest.param(
            "Sociala resursnämnden beviljade Ekby Fältgrupp 250 000 kronor.",
            [(250_000, ("Ekby Fältgrupp",), "decided")],
            id="beviljade-a-name",
        ),
        pytest.param(
            "Stiftelsen stöttar Ekby Kulturskola med 500 000 kronor.",
            [(500_000, ("Ekby Kulturskola",), "decided")],
            id="stottar-a-name-med",
        ),
        pytest.param(
            "Ekby församling och Norrby församling delar på 200 000 kronor.",
            [(200_000, ("Ekby församling", "Norrby församling"), "decided")],
            id="two-names-share",
        ),
        pytest.param(
            "Ekby socialförvaltning får 3 miljoner kronor för fältarbetare.",
            [(3_000_000, ("Ekby socialförvaltning",), "decided")],
            id="place-and-a-compound-unit",
        ),
        pytest.param(
            "Stiftelsen Ekbygården får 2 miljoner för läger.",
            [(2_000_000, ("Stiftelsen Ekbygården",), "decided")],
            id="scaled-figure-a-receiver-gets-without-kronor",
        ),
        pytest.param(
            "Följande föreningar beviljas bidrag:\n- Ekby Schackklubb: 12 000 kronor\n"
            "- Norrby Dansförening: 18 000 kronor",
            [
                (12_000, ("Ekby Schackklubb",), "decided"),
                (18_000, ("Norrby Dansförening",), "decided"),
            ],
            id="a-place-before-a-compound-is-part-of-the-name",
        ),
        pytest.param(
            "Socialnämnden har en budget på 2,1 miljarder kronor för 2025.",
            [(2_100_000_000, (), "budget")],
            id="a-bodys-own-budget-has-no-receiver",
        ),
        pytest.param(
            "Föreningar kan söka högst 50 000 kr.",
            [(50_000, (), "budget")],
            id="a-plural-kind-is-a-category",
        ),
    ],
)
def test_receivers_of_constructions(
    text: str, rows: list[tuple[int, tuple[str, ...], str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Under 2023 fick Ekby Läxhjälp 90 000 kronor.", id="under-an-earlier-year"),
        pytest.param("Ekby Läxhjälp beviljades 90 000 kronor 2022.", id="granted-an-earlier-year"),
    ],
)
def test_money_given_in_an_earlier_year_than_the_papers_is_reported(text: str) -> None:
    assert [row[2] for row in _rows(text)] == ["reported"]


def test_only_the_earlier_amount_of_a_sentence_is_reported() -> None:
    text = (
        "Vi förstärker stödet med ytterligare 3 miljoner kronor utöver de 5 miljoner kronor "
        "som avsattes 2023."
    )
    statuses = {row[0]: row[2] for row in _rows(text)}
    assert statuses[5_000_000] == "reported"
    assert statuses[3_000_000] != "reported"


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        pytest.param(
            "Föreningen Blå Dörren arbetar med hemlösa. I år får den 300 000 kronor.",
            ("Föreningen Blå Dörren",),
            id="far-den",
        ),
        pytest.param(
            "Ekby Kvinnojour har funnits sedan 1985. Jouren får 400 000 kronor i bidrag.",
            ("Ekby Kvinnojour",),
            id="jouren-after-the-sentence-it-opens",
        ),
        pytest.param(
            "Förvaltningen har tagit emot en ansökan från Ekby Läxhjälp. Förvaltningen "
            "föreslår att föreningen beviljas 20 000 kronor.",
            ("Ekby Läxhjälp",),
            id="foreningen-after-an-applicant",
        ),
        pytest.param(
            "Socialnämnden har beslutat om bidragen. Föreningen får 20 000 kronor.",
            (),
            id="the-deciding-body-is-never-pointed-at",
        ),
    ],
)
def test_an_anaphor_points_to_the_name_of_the_sentence_before(
    text: str, recipients: tuple[str, ...]
) -> None:
    assert [row[1] for row in _rows(text)] == [recipients]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        pytest.param(
            "Föreningen Hopp fick 40 000 kronor i fjol och får i år 45 000 kronor.",
            [
                (40_000, ("Föreningen Hopp",), "reported"),
                (45_000, ("Föreningen Hopp",), "decided"),
            ],
            id="last-year-and-this-year-in-one-sentence",
        ),
        pytest.param(
            "Ekby IF har sökt 90 000 kronor men förvaltningen föreslår 60 000 kronor.",
            [(90_000, ("Ekby IF",), "applied"), (60_000, ("Ekby IF",), "proposed")],
            id="applied-but-proposed-less",
        ),
        pytest.param(
            "Ekby Kvinnojour ska få 300 000 kronor nästa år.",
            [(300_000, ("Ekby Kvinnojour",), "decided")],
            id="ska-fa",
        ),
        pytest.param(
            "Moderaterna vill ge Ekby Kvinnojour 500 000 kronor.",
            [(500_000, ("Ekby Kvinnojour",), "proposed")],
            id="a-sentence-alone-on-its-line-is-no-table-row",
        ),
        pytest.param(
            "Statsbidraget på 4 miljoner kronor betalas ut i juni.",
            [(4_000_000, (), "decided")],
            id="betalas-ut",
        ),
    ],
)
def test_two_clauses_and_lines_of_their_own(
    text: str, rows: list[tuple[int, tuple[str, ...], str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        pytest.param(
            "Beviljade bidrag:\nEkby IF – 40 000 kr\nNorrby BK – 30 000 kr",
            [(40_000, ("Ekby IF",), "decided"), (30_000, ("Norrby BK",), "decided")],
            id="a-short-caption-with-a-colon-gives-the-rows-status",
        ),
        pytest.param(
            "The city awards SEK 2 million to Ekby Women's Shelter.",
            [(2_000_000, ("Ekby Women's Shelter",), "decided")],
            id="english-awards",
        ),
        pytest.param(
            "Bidraget till RFSL Ekby är 300 000 kronor.",
            [(300_000, ("RFSL Ekby",), "decided")],
            id="bidraget-till-x-ar",
        ),
    ],
)
def test_captions_english_and_stated_grants(
    text: str, rows: list[tuple[int, tuple[str, ...], str]]
) -> None:
    assert _rows(text) == rows


def test_an_amount_wrapped_at_a_line_keeps_its_sentence() -> None:
    text = (
        "Nämnden har godkänt förvaltningens förslag om hur de 12\n"
        "034 000 kronor, som tidigare avsatts för föreningar, ska fördelas."
    )
    assert _rows(text) == [(12_034_000, (), "budget")]


def test_a_frame_under_forslag_till_beslut_is_proposed_too() -> None:
    text = (
        "Förslag till beslut\n"
        "Socialnämnden avsätter högst 2 miljoner kronor för sommarlovsaktiviteter.\n\n"
        "Beslut\nNämnden beslutade enligt förslaget."
    )
    assert [(row[0], row[2]) for row in _rows(text)] == [(2_000_000, "proposed")]


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        pytest.param(
            "Nämnden ger 2 miljoner kronor till Ekby ungdom.", ("Ekby ungdom",), id="lower-tail"
        ),
        pytest.param(
            "Nämnden ger 2 miljoner kronor till Ekby idag.", ("Ekby",), id="a-time-word-is-no-tail"
        ),
    ],
)
def test_a_one_word_name_keeps_its_lowercase_rest(text: str, recipients: tuple[str, ...]) -> None:
    assert [row[1] for row in _rows(text)] == [recipients]


def test_far_den_after_a_sentence_with_its_own_amount() -> None:
    text = "Föreningen Blå Dörren fick förra året 200 000 kronor. I år får den 300 000 kronor."
    assert _rows(text) == [
        (200_000, ("Föreningen Blå Dörren",), "reported"),
        (300_000, ("Föreningen Blå Dörren",), "decided"),
    ]


def test_a_body_asking_for_money_is_its_would_be_receiver() -> None:
    text = "Ekby stadsdelsförvaltning hemställer om 1,5 miljoner kronor från kommunstyrelsen."
    assert _rows(text) == [(1_500_000, ("Ekby stadsdelsförvaltning",), "applied")]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        pytest.param(
            "Nämnden beviljar bidrag till följande organisationer: Ekby IF 40 000 kr, "
            "Norrby BK 30 000 kr och Väster SK 20 000 kr.",
            [
                (40_000, ("Ekby IF",), "decided"),
                (30_000, ("Norrby BK",), "decided"),
                (20_000, ("Väster SK",), "decided"),
            ],
            id="a-list-after-a-colon",
        ),
        pytest.param(
            "Nämnden beviljade 2023 Föreningen Ekby Hopp 45 000 kronor.",
            [(45_000, ("Föreningen Ekby Hopp",), "reported")],
            id="beviljade-an-earlier-year",
        ),
        pytest.param(
            "Förvaltningen bedömer att Ekby Hopp bör beviljas 40 000 kronor.",
            [(40_000, ("Ekby Hopp",), "proposed")],
            id="bor-beviljas",
        ),
        pytest.param(
            "Ekby Hopp beviljas 40 000 kronor av sökta 60 000 kronor.",
            [(40_000, ("Ekby Hopp",), "decided"), (60_000, (), "applied")],
            id="granted-of-the-sum-applied-for",
        ),
        pytest.param(
            "Föreningen Ekby Hopp har sökt 50 000 kronor för läger. Ansökan avslås eftersom "
            "verksamheten inte uppfyller kraven.",
            [(50_000, ("Föreningen Ekby Hopp",), "refused")],
            id="applied-then-refused-in-the-next-sentence",
        ),
    ],
)
def test_decision_papers(text: str, rows: list[tuple[int, tuple[str, ...], str]]) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        pytest.param(
            "Kamratföreningen spelstopp beviljas 312 000 kronor i bidrag.",
            ("Kamratföreningen spelstopp",),
            id="a-compound-body-and-its-lowercase-name",
        ),
        pytest.param(
            "Därtill tilldelas föreningsbidrag på 17 miljoner kronor till 45 föreningar.",
            (),
            id="a-sentence-adverb-is-no-name",
        ),
        pytest.param(
            "Bidrag beviljas med 40 000 kronor per förening.", (), id="a-word-for-money-is-no-name"
        ),
    ],
)
def test_what_opens_a_sentence_before_the_verb(text: str, recipients: tuple[str, ...]) -> None:
    assert [row[1] for row in _rows(text)] == [recipients]


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        pytest.param(
            "Nämnden beviljar Assyriska barn- och ungdomsföreningen i Ekby 27 300 kronor.",
            ("Assyriska barn- och ungdomsföreningen i Ekby",),
            id="compound-parts-joined-by-och",
        ),
        pytest.param(
            "Nämnden beviljar Syriska ungdomsföreningen 20 000 kronor.",
            ("Syriska ungdomsföreningen",),
            id="an-adjective-and-a-body-compound",
        ),
    ],
)
def test_a_name_is_never_cut_after_its_first_word(text: str, recipients: tuple[str, ...]) -> None:
    assert [row[1] for row in _rows(text)] == [recipients]


def test_a_table_aligned_with_spaces_names_its_rows_and_columns() -> None:
    text = (
        "Förslag till fördelning\n"
        "Organisation                 Sökt belopp       Förslag\n"
        "Ekby Kvinnojour              400 000           300 000\n"
        "Norrby Tjejjour              200 000           150 000\n"
    )
    assert _rows(text) == [
        (400_000, ("Ekby Kvinnojour",), "applied"),
        (300_000, ("Ekby Kvinnojour",), "proposed"),
        (200_000, ("Norrby Tjejjour",), "applied"),
        (150_000, ("Norrby Tjejjour",), "proposed"),
    ]


def test_a_sub_item_heading_carries_its_name_to_the_proposal() -> None:
    text = (
        "3.2 Ekby Kvinnojour\n"
        "Ekby Kvinnojour ansöker om 400 000 kr för 2025. Förvaltningen föreslår 300 000 kr."
    )
    assert _rows(text) == [
        (400_000, ("Ekby Kvinnojour",), "applied"),
        (300_000, ("Ekby Kvinnojour",), "proposed"),
    ]


def test_in_minutes_a_sum_named_for_a_receiver_without_a_cue_is_decided() -> None:
    text = (
        "Protokoll fört vid sammanträde\n\n§ 4 Organisationsbidrag\n"
        "Till Ekby Kvinnojour 300 000 kronor för jourverksamhet i Ekby under hela året."
    )
    grants = extract_grants(parsed(text, kind="decision"))
    assert [(g.amount, g.recipients, g.status) for g in grants] == [
        (300_000, ("Ekby Kvinnojour",), "decided")
    ]


def test_money_of_the_last_term_of_office_is_reported() -> None:
    text = "Föreningen Hopp fick under förra mandatperioden 90 000 kronor."
    assert [row[2] for row in _rows(text)] == ["reported"]


def test_the_subject_that_gets_the_money_is_the_receiver_not_the_project_it_is_for() -> None:
    rows = _rows("Norrdals kommun får 2,5 miljoner kronor till projektet Trygg start i skolan.")
    assert rows == [(2_500_000, ("Norrdals kommun",), "decided")]


@pytest.mark.parametrize(
    ("text", "receivers"),
    [
        pytest.param(
            "Vid mötet beviljade Exempelfonden 2 miljoner kronor till 40 projekt.",
            (),
            id="inverted-subject-is-the-giver",
        ),
        pytest.param(
            "Nämnden beviljade Föreningen Solbacken 50 000 kronor till läxhjälp.",
            ("Föreningen Solbacken",),
            id="object-after-the-verb-is-the-receiver",
        ),
        pytest.param(
            "I dag beviljade nämnden Föreningen Solbacken 50 000 kronor till läxhjälp.",
            ("Föreningen Solbacken",),
            id="inverted-subject-then-the-receiver",
        ),
    ],
)
def test_who_gets_what_a_giving_verb_gives(text: str, receivers: tuple[str, ...]) -> None:
    assert [r for _, r, _ in _rows(text)] == [receivers]
