"""Finding, normalising and rendering sums of money (all sentences are made up)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from funding.amounts import amount_forms, figures_in, find_amounts, format_sek, parse_amount


def _only(text: str) -> tuple[int, str, bool, str]:
    amounts = find_amounts(text)
    assert len(amounts) == 1, amounts
    (amount,) = amounts
    return amount.value, amount.currency, amount.approximate, amount.raw


@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        pytest.param(
            "Nämnden gav 2,5 miljoner kronor.",
            2_500_000,
            "2,5 miljoner kronor",
            id="decimal-miljoner-kronor",
        ),
        pytest.param("Vi lägger 1 150 000kr på det.", 1_150_000, "1 150 000kr", id="kr-glued"),
        pytest.param(
            "Projektet får 380 000 kronor.", 380_000, "380 000 kronor", id="grouped-kronor"
        ),
        pytest.param("Ramen är 12 mnkr.", 12_000_000, "12 mnkr", id="mnkr"),
        pytest.param("Ramen är 12 mkr.", 12_000_000, "12 mkr", id="mkr"),
        pytest.param("Ramen är 12 Mkr.", 12_000_000, "12 Mkr", id="Mkr-capital"),
        pytest.param("Enheten får 500 tkr.", 500_000, "500 tkr", id="tkr"),
        pytest.param(
            "Budgeten är 1,2 miljarder.", 1_200_000_000, "1,2 miljarder", id="miljarder-in-budget"
        ),
        pytest.param("Ramen är 1,2 mdkr.", 1_200_000_000, "1,2 mdkr", id="mdkr"),
        pytest.param(
            "Anslaget är 35 miljoner.", 35_000_000, "35 miljoner", id="bare-miljoner-with-cue"
        ),
        pytest.param(
            "Satsningen omfattar 250 miljoner kronor.",
            250_000_000,
            "250 miljoner kronor",
            id="250-miljoner-kronor",
        ),
        pytest.param("Bidraget är 84 mnkr.", 84_000_000, "84 mnkr", id="84-mnkr"),
        pytest.param("Hon söker 2 000 000 kr.", 2_000_000, "2 000 000 kr", id="space-groups"),
        pytest.param("Hon söker 2.000.000 kr.", 2_000_000, "2.000.000 kr", id="dot-groups"),
        pytest.param("Resan kostar 260 435 kronor.", 260_435, "260 435 kronor", id="odd-figure"),
        pytest.param(
            "Bidraget på 3 275 000 betalas i maj.",
            3_275_000,
            "3 275 000",
            id="bare-grouped-with-cue",
        ),
        pytest.param(
            "The grant is SEK 5 million.", 5_000_000, "SEK 5 million", id="sek-prefix-english"
        ),
        pytest.param(
            "Bidraget är 5 million kronor.", 5_000_000, "5 million kronor", id="million-kronor"
        ),
        pytest.param("Bidraget är 5 MSEK.", 5_000_000, "5 MSEK", id="msek"),
        pytest.param(
            "Bidraget är 2\u00a0500\u00a0000 kr.", 2_500_000, "2\u00a0500\u00a0000 kr", id="nbsp"
        ),
        pytest.param(
            "Bidraget är 2\u2009500\u2009000 kr.",
            2_500_000,
            "2\u2009500\u2009000 kr",
            id="thin-space",
        ),
        pytest.param(
            "Bidraget är 2\u202f500\u202f000 kr.",
            2_500_000,
            "2\u202f500\u202f000 kr",
            id="narrow-nbsp",
        ),
        pytest.param("Avgiften är 450 kr/år.", 450, "450 kr/år", id="per-year-slash"),
        pytest.param(
            "Avgiften är 450 kronor per år.", 450, "450 kronor per år", id="per-year-words"
        ),
        pytest.param("Stödet är 2 milj. kr i år.", 2_000_000, "2 milj. kr", id="milj-dot-kr"),
        pytest.param("Biljetten kostar 120:-.", 120, "120:-", id="colon-dash"),
        pytest.param(
            "Nämnden ger fem miljoner kronor.", 5_000_000, "fem miljoner kronor", id="word-fem"
        ),
        pytest.param(
            "Staden satsar en halv miljard kronor.",
            500_000_000,
            "en halv miljard kronor",
            id="word-halv-miljard",
        ),
        pytest.param(
            "Fonden delar ut två och en halv miljon kronor.",
            2_500_000,
            "två och en halv miljon kronor",
            id="word-och-en-halv",
        ),
        pytest.param(
            "Budgeten ökar med tjugofem miljoner.",
            25_000_000,
            "tjugofem miljoner",
            id="word-compound",
        ),
        pytest.param(
            "Bidraget är tvåhundrafemtio tusen kronor.",
            250_000,
            "tvåhundrafemtio tusen kronor",
            id="word-hundreds",
        ),
        pytest.param(
            "Budgeten och fem miljoner till.", 5_000_000, "fem miljoner", id="word-after-och"
        ),
    ],
)
def test_a_sum_is_found_normalised_in_sek(text: str, value: int, raw: str) -> None:
    assert _only(text) == (value, "SEK", False, raw)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        pytest.param(
            "Projektet får € 2 million från fonden.", 2_000_000, "EUR", id="euro-sign-prefix"
        ),
        pytest.param(
            "Projektet får €2 million från fonden.", 2_000_000, "EUR", id="euro-sign-glued"
        ),
        pytest.param(
            "Projektet får 2 miljoner euro från fonden.", 2_000_000, "EUR", id="miljoner-euro"
        ),
        pytest.param("Projektet får EUR 350 000 från fonden.", 350_000, "EUR", id="eur-code"),
        pytest.param("Projektet får 420 000 euro från fonden.", 420_000, "EUR", id="grouped-euro"),
        pytest.param("The fund pays USD 3 million.", 3_000_000, "USD", id="usd"),
    ],
)
def test_other_currencies_keep_their_value_and_currency(
    text: str, value: int, currency: str
) -> None:
    found_value, found_currency, _, _ = _only(text)
    assert (found_value, found_currency) == (value, currency)


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        pytest.param(
            "Nämnden ger cirka 2,5 miljoner kronor.", "cirka 2,5 miljoner kronor", id="cirka"
        ),
        pytest.param("Nämnden ger ca 2,5 miljoner kronor.", "ca 2,5 miljoner kronor", id="ca"),
        pytest.param(
            "Nämnden ger ca. 2,5 miljoner kronor.", "ca. 2,5 miljoner kronor", id="ca-dot"
        ),
        pytest.param(
            "Nämnden ger c:a 2,5 miljoner kronor.", "c:a 2,5 miljoner kronor", id="c-colon-a"
        ),
        pytest.param(
            "Nämnden ger drygt 2,5 miljoner kronor.", "drygt 2,5 miljoner kronor", id="drygt"
        ),
        pytest.param(
            "Nämnden ger ungefär 2,5 miljoner kronor.", "ungefär 2,5 miljoner kronor", id="ungefar"
        ),
        pytest.param(
            "Nämnden ger omkring 2,5 miljoner kronor.", "omkring 2,5 miljoner kronor", id="omkring"
        ),
        pytest.param(
            "Nämnden ger runt 2,5 miljoner kronor.", "runt 2,5 miljoner kronor", id="runt"
        ),
        pytest.param(
            "Nämnden ger nästan 2,5 miljoner kronor.", "nästan 2,5 miljoner kronor", id="nastan"
        ),
        pytest.param(
            "Nämnden ger närmare 2,5 miljoner kronor.", "närmare 2,5 miljoner kronor", id="narmare"
        ),
        pytest.param(
            "Nämnden ger knappt 2,5 miljoner kronor.", "knappt 2,5 miljoner kronor", id="knappt"
        ),
        pytest.param(
            "Nämnden ger över 2,5 miljoner kronor.", "över 2,5 miljoner kronor", id="over-sv"
        ),
        pytest.param("Över 40 mnkr i bidrag.", "Över 40 mnkr", id="over-capital"),
        pytest.param(
            "Nämnden ger mer än 2,5 miljoner kronor.", "mer än 2,5 miljoner kronor", id="mer-an"
        ),
        pytest.param("The board gives about SEK 3 million.", "about SEK 3 million", id="about"),
        pytest.param(
            "The board gives approximately 3 million kronor.",
            "approximately 3 million kronor",
            id="approximately",
        ),
        pytest.param(
            "The board gives around 3 million kronor.", "around 3 million kronor", id="around"
        ),
        pytest.param(
            "The board gives over 3 million kronor.", "over 3 million kronor", id="over-en"
        ),
        pytest.param(
            "The board gives more than 3 million kronor.",
            "more than 3 million kronor",
            id="more-than",
        ),
    ],
)
def test_a_qualified_sum_is_approximate_and_keeps_its_qualifier(text: str, raw: str) -> None:
    _, _, approximate, found_raw = _only(text)
    assert (approximate, found_raw) == (True, raw)


@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        pytest.param(
            "Budgeten är 2-3 miljoner.",
            2_000_000,
            "2-3 miljoner",
            id="hyphen-scale-applies-to-both",
        ),
        pytest.param(
            "Budgeten är 2–3 miljoner kronor.", 2_000_000, "2–3 miljoner kronor", id="en-dash"
        ),
        pytest.param("Budgeten är 1,5-2 mnkr.", 1_500_000, "1,5-2 mnkr", id="decimal-low-end"),
        pytest.param(
            "Budgeten är mellan 2 och 3 miljoner kronor.",
            2_000_000,
            "mellan 2 och 3 miljoner kronor",
            id="mellan-och",
        ),
        pytest.param("Avgiften är 5-10 000 kr.", 5_000, "5-10 000 kr", id="low-end-borrows-zeros"),
        pytest.param("Avgiften är 500-1 000 kr.", 500, "500-1 000 kr", id="low-end-keeps-its-own"),
        pytest.param(
            "Stödet är 2 till 3 miljoner kronor.", 2_000_000, "2 till 3 miljoner kronor", id="till"
        ),
    ],
)
def test_a_range_is_its_lower_bound_and_approximate(text: str, value: int, raw: str) -> None:
    assert _only(text) == (value, "SEK", True, raw)


def test_a_change_from_one_sum_to_another_is_two_sums_not_a_range() -> None:
    text = "Stödet ökade från 4 miljoner 2019 till 9 miljoner 2021 i budgeten."
    assert [(a.value, a.approximate) for a in find_amounts(text)] == [
        (4_000_000, False),
        (9_000_000, False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Beslutet fattades 2013 om bidrag.", id="year"),
        pytest.param("Mötet hölls 2013-06-25 om medel till budgeten.", id="iso-date"),
        pytest.param("Mötet hölls den 4 maj 2021 om bidrag.", id="written-date"),
        pytest.param("Ring 08-123 45 678 om bidraget.", id="phone-landline"),
        pytest.param("Ring 070-123 45 67 om bidraget.", id="phone-mobile"),
        pytest.param("Ring 076 12 34 567 om bidraget.", id="phone-grouped"),
        pytest.param("Adress: Exempelgatan 12 123 45 Stockholm, bidrag.", id="street-and-postcode"),
        pytest.param("Dnr 3.1.2-456/2019 gäller bidraget.", id="case-number"),
        pytest.param("Bidraget ökade med 12 %.", id="percent-sign"),
        pytest.param("Bidraget ökade med 12 procent.", id="percent-word"),
        pytest.param("Budgeten räcker till 250 platser.", id="places"),
        pytest.param("Budgeten når 30 personer.", id="people"),
        pytest.param("Budgeten når 2 miljoner invånare.", id="miljoner-people"),
        pytest.param("Budgeten når 1 200 personer.", id="grouped-count"),
        pytest.param("Se sidan 12 i bilagan om medel.", id="page-number"),
        pytest.param("Omkring 500-1 000 unga saknar bostad trots bidrag.", id="count-range"),
        pytest.param(
            "Staden har 35 miljoner besökare per år.", id="miljoner-without-money-context"
        ),
        pytest.param("Projektet pågick i 12-18 månader med bidrag.", id="month-range"),
    ],
)
def test_numbers_that_are_not_money_are_not_amounts(text: str) -> None:
    assert find_amounts(text) == []


def test_offsets_point_at_the_raw_text() -> None:
    text = "Först 1 150 000 kr, sedan cirka 2 mnkr och till sist 300 tkr i bidrag."
    amounts = find_amounts(text)
    assert [a.raw for a in amounts] == ["1 150 000 kr", "cirka 2 mnkr", "300 tkr"]
    assert all(text[a.start : a.end] == a.raw for a in amounts)


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        pytest.param("mer än en miljon", 1_000_000, id="en-miljon"),
        pytest.param("en halv miljard", 500_000_000, id="halv-miljard"),
        pytest.param("halv miljon kronor", 500_000, id="halv-miljon"),
        pytest.param("2,5 miljoner", 2_500_000, id="decimal"),
        pytest.param("över 500 000 kr", 500_000, id="grouped-kr"),
        pytest.param("500 000", 500_000, id="grouped-bare"),
        pytest.param("500000", 500_000, id="ungrouped-bare"),
        pytest.param("tio tusen kronor", 10_000, id="tio-tusen"),
        pytest.param("hundra tusen", 100_000, id="hundra-tusen"),
        pytest.param("tre miljarder", 3_000_000_000, id="tre-miljarder"),
        pytest.param("mellan 2 och 3 miljoner", 2_000_000, id="range"),
        pytest.param("12 mnkr", 12_000_000, id="mnkr"),
    ],
)
def test_parse_amount_reads_one_phrase(phrase: str, value: int) -> None:
    assert parse_amount(phrase) == value


@pytest.mark.parametrize(
    "phrase",
    [
        pytest.param("", id="empty"),
        pytest.param("ett par miljoner", id="vague"),
        pytest.param("2 miljoner euro", id="not-sek"),
        pytest.param("2 miljoner eller 3 miljoner", id="two-values"),
        pytest.param("hur mycket fick de", id="no-figure"),
    ],
)
def test_parse_amount_refuses_what_is_not_one_sek_amount(phrase: str) -> None:
    assert parse_amount(phrase) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(1_150_000, "1 150 000 kr", id="million"),
        pytest.param(950, "950 kr", id="small"),
        pytest.param(0, "0 kr", id="zero"),
        pytest.param(1_200_000_000, "1 200 000 000 kr", id="billion"),
    ],
)
def test_format_sek_groups_thousands_with_spaces(value: int, expected: str) -> None:
    assert format_sek(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(
            1_150_000,
            {"1 150 000", "1150000", "1,15 miljoner", "1,15 mnkr", "1150 tkr"},
            id="1150000",
        ),
        pytest.param(2_500_000, {"2 500 000", "2,5 miljoner", "2,5 mkr"}, id="2500000"),
        pytest.param(12_000_000, {"12 mnkr", "12 miljoner", "12 000 000"}, id="12000000"),
        pytest.param(1_000_000, {"1 miljon", "en miljon"}, id="singular"),
        pytest.param(
            500_000_000, {"500 miljoner", "0,5 miljarder", "en halv miljard"}, id="half-billion"
        ),
        pytest.param(5_000_000, {"fem miljoner"}, id="word"),
        pytest.param(350_000, {"350 000", "350 tkr"}, id="thousands"),
    ],
)
def test_amount_forms_include_the_usual_spellings(value: int, expected: set[str]) -> None:
    assert expected <= amount_forms(value)


@pytest.mark.parametrize(
    "value", [1_150_000, 2_500_000, 500_000_000, 260_435, 1_000_000, 75_000, 1_150_001]
)
def test_every_form_reads_back_as_the_same_value(value: int) -> None:
    assert {form: parse_amount(form) for form in amount_forms(value)} == dict.fromkeys(
        amount_forms(value), value
    )


def test_amount_forms_never_round_a_figure() -> None:
    # 1 150 001 is not "1,15 miljoner": a scaled form needs at most three decimals.
    assert not any("milj" in form or "mnkr" in form for form in amount_forms(1_150_001))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("cirka 2,5 miljoner kronor", {2_500_000}, id="amount-not-its-parts"),
        pytest.param("1 150 000kr", {1_150_000}, id="grouped"),
        pytest.param("mellan 2 och 3 miljoner", {2_000_000, 3_000_000}, id="range-both-ends"),
        pytest.param(
            "12,5 procent av 40 personer år 2013", {Decimal("12.5"), 40, 2013}, id="plain-numbers"
        ),
        pytest.param("2 miljoner invånare", {2_000_000}, id="any-scaled-figure"),
        pytest.param("en halv miljard", {500_000_000}, id="words"),
        pytest.param("inga siffror här", set(), id="none"),
    ],
)
def test_figures_in_gives_normalised_values(text: str, expected: set[Decimal | int]) -> None:
    assert figures_in(text) == expected


def test_figures_in_compares_values_not_spellings() -> None:
    quote = "Nämnden satsar 2 500 000 kr på projektet."
    assert figures_in("2,5 miljoner kronor") <= figures_in(quote)
    assert not figures_in("2,6 miljoner kronor") <= figures_in(quote)
    assert 2_500_000 in figures_in(quote)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The grant is SEK 2,500,000 a year.", [2_500_000], id="english-groups"),
        pytest.param("Avgiften är 2,500 kr.", [2_500], id="three-decimals-in-kronor-are-groups"),
        pytest.param("The fund pays USD 2,500 million.", [2_500_000_000], id="english-scale"),
        pytest.param("Budgeten är 2,500 miljoner kronor.", [2_500_000], id="swedish-scale"),
        pytest.param("Avgiften är 2,50 kr.", [3], id="ore-rounds-to-whole-kronor"),
    ],
)
def test_commas_mean_decimals_in_swedish_and_thousands_in_english(
    text: str, expected: list[int]
) -> None:
    assert [a.value for a in find_amounts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Farsta och Bromma får 2 och 3 miljoner kronor.", [2_000_000, 3_000_000], id="och"
        ),
        pytest.param("De får 2 respektive 3,5 mnkr.", [2_000_000, 3_500_000], id="respektive"),
        pytest.param(
            "Beslutet från 2014 och 3 miljoner kronor.", [3_000_000], id="a-year-is-not-scaled"
        ),
    ],
)
def test_a_scale_written_once_applies_to_each_listed_figure(text: str, expected: list[int]) -> None:
    assert [a.value for a in find_amounts(text)] == expected


def test_a_grouped_figure_introduced_as_a_count_is_not_money() -> None:
    assert find_amounts("Antal hushåll med bidrag under året: 12 500") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Partiet levererar en halv miljard till välfärden.", [500_000_000], id="given-to"
        ),
        pytest.param("Vi lägger 40 miljoner extra till skolan.", [40_000_000], id="extra-till"),
        pytest.param(
            "Resorna ökade från 2 miljoner till 3 miljoner resenärer.", [], id="a-count-going-up"
        ),
        pytest.param(
            "Nämnden vill att 35 miljoner som går till fritidsgårdarna i Ekby.",
            [35_000_000],
            id="som-gar-till",
        ),
        pytest.param(
            "En miljon går till lovaktiviteter i Norrby.", [1_000_000], id="words-gar-till"
        ),
        pytest.param("Staden har 2 miljoner träd.", [], id="no-money-word-anywhere"),
        pytest.param("Staden har 25 nya miljoner träd.", [], id="fresh-count-no-money"),
    ],
)
def test_a_scaled_figure_without_currency_needs_money_around_it(
    text: str, expected: list[int]
) -> None:
    assert [a.value for a in find_amounts(text)] == expected


@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        pytest.param(
            "Kommunen satsar 25 nya miljoner på äldreomsorgen.",
            25_000_000,
            "25 nya miljoner",
            id="digits-nya",
        ),
        pytest.param(
            "Regionen skjuter till tio extra miljoner kronor.",
            10_000_000,
            "tio extra miljoner kronor",
            id="words-extra",
        ),
    ],
)
def test_an_adjective_between_figure_and_scale_word_keeps_the_scale(
    text: str, value: int, raw: str
) -> None:
    found = _only(text)
    assert (found[0], found[3]) == (value, raw)
