"""The numeric grounding check: figures compared by value, whatever their spelling."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.engine.grounding import (
    amounts_sek,
    figures_in,
    is_grounded,
    numbers_in,
    ungrounded_figures,
)

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


def d(*values: str | int) -> set[Decimal]:
    return {Decimal(v) for v in values}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2 500 000 kr", d(2500000), id="space-groups"),
        pytest.param(f"2{NBSP}500{NBSP}000 kr", d(2500000), id="nbsp-groups"),
        pytest.param(f"2{NNBSP}500{NNBSP}000 kr", d(2500000), id="narrow-nbsp-groups"),
        pytest.param(f"2{THIN}500{THIN}000 kr", d(2500000), id="thin-space-groups"),
        pytest.param("2 500 000,50 kr", d("2500000.5"), id="groups-with-decimal-comma"),
        pytest.param("2,5 miljoner kronor", d(2500000), id="decimal-comma-millions"),
        pytest.param("2,5 milj. kr", d(2500000), id="milj-abbreviation"),
        pytest.param("12 mnkr", d(12000000), id="mnkr"),
        pytest.param("12 Mkr", d(12000000), id="mkr"),
        pytest.param("3 MSEK", d(3000000), id="msek"),
        pytest.param("500 tkr", d(500000), id="tkr"),
        pytest.param("500 tusen kronor", d(500000), id="tusen"),
        pytest.param("1,2 miljarder", d(1200000000), id="miljarder"),
        pytest.param("1,2 mdkr", d(1200000000), id="mdkr"),
        pytest.param("SEK 2.5 million", d(2500000), id="english-million"),
        pytest.param("2,500,000 SEK", d(2500000), id="english-groups"),
        pytest.param("2.500.000 kr", d(2500000), id="dot-groups"),
        pytest.param("2,500", d("2.5", 2500), id="ambiguous-comma-both-readings"),
        pytest.param("2.5m", d(2500000), id="attached-m"),
        pytest.param("500k", d(500000), id="attached-k"),
        pytest.param("5 m", d(5), id="spaced-m-is-metres"),
        pytest.param("12 %", d(12), id="percent-sign"),
        pytest.param("12,5 procent", d("12.5"), id="percent-word"),
        pytest.param("3 procentenheter", d(3), id="percentage-points"),
        pytest.param("under 2024", d(2024), id="year"),
        pytest.param("FoU-plan 2024–2026", d(2024, 2026), id="year-range"),
        pytest.param("beslutet 2024-03-12", d(2024), id="iso-date-gives-its-year"),
        pytest.param("den 12 mars 2024", d(2024), id="swedish-date-gives-its-year"),
        pytest.param("tre miljoner kronor", d(3000000), id="words-millions"),
        pytest.param("en halv miljon", d(500000), id="half-a-million-sv"),
        pytest.param("två och en halv miljoner", d(2500000), id="two-and-a-half-sv"),
        pytest.param("half a million", d(500000), id="half-a-million-en"),
        pytest.param("fyra stadsdelar", d(4), id="count-in-words"),
        pytest.param("en rapport och ett beslut", set(), id="articles-are-not-figures"),
        pytest.param("se [1], [2, 3] och [4–5]", set(), id="citation-markers"),
        pytest.param("1. Första\n2) Andra", set(), id="list-numbering"),
        pytest.param("kl. 13.00", d(13), id="time"),
        pytest.param("Dnr 1.2.3-456/2024", d(123, 456, 2024), id="case-number"),
        pytest.param("Ingen siffra här.", set(), id="none"),
    ],
)
def test_numbers_in_normalises(text: str, expected: set[Decimal]) -> None:
    assert numbers_in(text) == expected


@pytest.mark.parametrize(
    ("answer", "quotes", "expected"),
    [
        pytest.param(
            "Skärholmen fick 2,5 miljoner [1].",
            ["Nämnden beviljar 2 500 000 kr till Skärholmen."],
            [],
            id="millions-grounded-by-grouped-kronor",
        ),
        pytest.param(
            "Skärholmen fick 3 miljoner [1].",
            ["Nämnden beviljar 2 500 000 kr till Skärholmen."],
            ["3 miljoner"],
            id="different-amount",
        ),
        pytest.param(
            "Skärholmen fick knappt 2,5 miljoner [1].",
            ["Nämnden beviljar 2 480 000 kr."],
            ["2,5 miljoner"],
            id="rounded-is-not-grounded",
        ),
        pytest.param(
            "Totalt 5 miljoner [1][2].",
            ["2 miljoner till A.", "3 miljoner till B."],
            ["5 miljoner"],
            id="a-sum-is-not-grounded",
        ),
        pytest.param(
            "SEK 2.5 million [1].", ["2,5 miljoner kronor"], [], id="english-answer-swedish-source"
        ),
        pytest.param("500 tkr [1].", ["500 000 kronor"], [], id="tkr-vs-kronor"),
        pytest.param(
            "2 500 000 kr [1].", [f"2{THIN}500{THIN}000 kr"], [], id="thin-space-in-the-source"
        ),
        pytest.param("tre miljoner kronor [1].", ["3 000 000 kr"], [], id="words-vs-digits"),
        pytest.param("fem stadsdelar [1].", ["fyra stadsdelar"], ["fem"], id="wrong-count"),
        pytest.param("4 stadsdelar [1].", ["fyra stadsdelar"], [], id="count-digits-vs-words"),
        pytest.param(
            "Se [1], [2] och [12].", ["Inga siffror."], [], id="citation-markers-are-ignored"
        ),
        pytest.param(
            "1. Skärholmen: 2 500 000 kr [1]\n2. Rinkeby: 3 000 000 kr [2]",
            ["2 500 000 kr", "3 000 000 kr"],
            [],
            id="list-numbering-is-ignored",
        ),
        pytest.param("Beslutet fattades 2024 [1].", ["beslut 2023"], ["2024"], id="wrong-year"),
        pytest.param("Under 2024 [1].", ["2024-03-12"], [], id="year-grounded-by-iso-date"),
        pytest.param("Beslut den 12 mars 2024 [1].", ["2024-03-12"], [], id="date-in-words-vs-iso"),
        pytest.param(
            "Beslut den 14 mars 2024 [1].", ["2024-03-12"], ["14 mars 2024"], id="wrong-day"
        ),
        pytest.param(
            "Beslut den 12 mars 2023 [1].", ["2024-03-12"], ["12 mars 2023"], id="wrong-year-date"
        ),
        pytest.param("Beslut den 12 mars [1].", ["2024-03-12"], [], id="date-without-year"),
        pytest.param("Decided on March 12, 2024 [1].", ["den 12 mars 2024"], [], id="english-date"),
        pytest.param("12 % [1].", ["12 procent"], [], id="percent-sign-vs-word"),
        pytest.param("12,5 % [1].", ["12 procent"], ["12,5 %"], id="different-percentage"),
        pytest.param(
            "3 miljoner, sedan 3 miljoner igen.", [], ["3 miljoner"], id="each-figure-listed-once"
        ),
        pytest.param(
            f"2{NBSP}500{NBSP}000 kr [1].", [], [f"2{NBSP}500{NBSP}000 kr"], id="written-as-is"
        ),
        pytest.param("Ett förslag, inte ett beslut [1].", [], [], id="no-figures"),
        pytest.param(
            "2 500 000 kr, enligt beslut 12 mars 2024 [1].",
            ["beviljar 2,5 miljoner kronor", "2024-03-12"],
            [],
            id="extractive-answer-with-metadata-date",
        ),
        pytest.param(
            "2 500 000 kr, enligt beslut 12 mars 2024 [1].",
            ["beviljar 2,5 miljoner kronor"],
            ["12 mars 2024"],
            id="extractive-answer-without-its-date",
        ),
    ],
)
def test_ungrounded_figures(answer: str, quotes: list[str], expected: list[str]) -> None:
    assert ungrounded_figures(answer, quotes) == expected
    assert is_grounded(answer, quotes) is (expected == [])


def test_figures_are_reported_in_the_order_they_are_written() -> None:
    text = "99 miljoner den 1 maj 2024, sedan 12 %."

    assert [f.written for f in figures_in(text)] == ["99 miljoner", "1 maj 2024", "12 %"]
    assert [f.start for f in figures_in(text)] == [0, 16, 34]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2,5 mnkr, 500 000 kronor och 12 %", (2_500_000, 500_000), id="currency-only"),
        pytest.param("SEK 2.5 million", (2_500_000,), id="currency-before"),
        pytest.param("2,5 miljoner", (), id="no-currency-named"),
        pytest.param("3 miljoner kr och 3 000 000 kr", (3_000_000,), id="distinct"),
    ],
)
def test_amounts_sek(text: str, expected: tuple[int, ...]) -> None:
    assert amounts_sek(text) == expected


def test_a_figure_a_pdf_wrapped_across_lines_grounds_the_same_figure_on_one_line() -> None:
    from bot.engine.engine import grounding_material
    from bot.engine.types import Citation

    quote = "Nämnden fördelar de 12\n450 000 kronor som avsatts."
    cited = Citation(1, "doc", "Fördelning", "decision", None, 2, None, "doc.pdf", quote)
    answer = "Enligt beslut [1]:\n> ”Nämnden fördelar de 12 450 000 kronor som avsatts.” [1]"

    assert ungrounded_figures(answer, grounding_material([cited], "sv")) == []
    assert ungrounded_figures(answer.replace("12 450", "13 450"), [quote]) == ["13 450 000 kronor"]
