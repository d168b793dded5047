"""Sentences and paragraphs of a stored text, as exact spans for quoting."""

from __future__ import annotations

import pytest

from bot.engine.sentences import Span, paragraph_of, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Skärholmen får 380 000 kronor. Pengarna går till föräldrastöd!  Varför? Se nedan.",
            [
                "Skärholmen får 380 000 kronor.",
                "Pengarna går till föräldrastöd!",
                "Varför?",
                "Se nedan.",
            ],
            id="full-stop-exclamation-question",
        ),
        pytest.param(
            "Vi arbetar t.ex. med unga vuxna. Det går bra.",
            ["Vi arbetar t.ex. med unga vuxna.", "Det går bra."],
            id="abbreviation-before-lower-case",
        ),
        pytest.param(
            "Ansökan skickas till för\n\nstadsövergripande sociala frågor. Sedan bedöms den.",
            ["Ansökan skickas till för\n\nstadsövergripande sociala frågor.", "Sedan bedöms den."],
            id="pdf-break-inside-a-sentence",
        ),
        pytest.param(
            "Beslutet fattades den 11 juni 2024. 2025 följs det upp.",
            ["Beslutet fattades den 11 juni 2024.", "2025 följs det upp."],
            id="sentence-starting-with-a-digit",
        ),
        pytest.param(
            "– Inget barn ska behöva vänta. Det är viktigt, säger Cecilia Wahlgård (S).",
            ["– Inget barn ska behöva vänta.", "Det är viktigt, säger Cecilia Wahlgård (S)."],
            id="quote-dash",
        ),
        pytest.param(
            "Projekt | Mottagare | Belopp\n"
            "Unga vuxna i Vårberg | Skärholmens stadsdelsförvaltning | 350 000 kr\n"
            "Totalt | 3 920 000 kr\n\nSamtliga belopp är exklusive moms.",
            [
                "Projekt | Mottagare | Belopp",
                "Unga vuxna i Vårberg | Skärholmens stadsdelsförvaltning | 350 000 kr",
                "Totalt | 3 920 000 kr",
                "Samtliga belopp är exklusive moms.",
            ],
            id="table-rows",
        ),
        pytest.param(
            "Det gäller bl.a. Farsta och Skärholmen. Nästa mening.",
            ["Det gäller bl.a. Farsta och Skärholmen.", "Nästa mening."],
            id="abbreviation-before-a-name",
        ),
        pytest.param(
            "Resan kostar ca. 95 000 kr. Den görs i maj.",
            ["Resan kostar ca. 95 000 kr.", "Den görs i maj."],
            id="abbreviation-before-a-figure",
        ),
        pytest.param(
            "Ramen för lokala utvecklingsprojekt är cirka 4\nmiljoner kronor per år. Nästa.",
            ["Ramen för lokala utvecklingsprojekt är cirka 4\nmiljoner kronor per år.", "Nästa."],
            id="pdf-break-after-a-figure",
        ),
        pytest.param(
            "Nämnden fördelar de 12\n450 000 kronor som avsatts. Nästa.",
            ["Nämnden fördelar de 12\n450 000 kronor som avsatts.", "Nästa."],
            id="pdf-break-inside-a-figure",
        ),
        pytest.param(
            "Föreningen Solbacken 1 200\n300 000 kr beviljas. Nästa.",
            ["Föreningen Solbacken 1 200\n300 000 kr beviljas.", "Nästa."],
            id="pdf-break-inside-a-figure-of-millions",
        ),
        pytest.param(
            "Solbacken | 12 000 kr\n450 personer deltog.",
            ["Solbacken | 12 000 kr", "450 personer deltog."],
            id="a-row-then-a-line-opening-on-a-number",
        ),
    ],
)
def test_sentences_of_a_text(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_are_exact_offsets_into_the_text() -> None:
    text = "  Första meningen här.   Andra meningen här.\n"

    spans = sentence_spans(text)

    assert spans == [Span(2, 22), Span(25, 44)]
    assert [text[s.start : s.end] for s in spans] == ["Första meningen här.", "Andra meningen här."]


def test_spans_of_a_slice_are_offsets_into_the_whole_text() -> None:
    text = "Ett. Två tre. Fyra fem. Sex."
    start, end = text.index("Två"), text.index("Sex")

    spans = sentence_spans(text, start, end)

    assert [text[s.start : s.end] for s in spans] == ["Två tre.", "Fyra fem."]
    assert spans[0].start == start


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        pytest.param("Andra", "Andra stycket till för\n\nstadsövergripande arbete.", id="joined"),
        pytest.param("stadsöver", "Andra stycket till för\n\nstadsövergripande arbete.", id="2nd"),
        pytest.param("Första", "Första stycket.", id="first"),
        pytest.param("Tredje", "Tredje stycket.", id="last"),
    ],
)
def test_a_paragraph_spans_pdf_breaks_inside_a_sentence(anchor: str, expected: str) -> None:
    text = (
        "Första stycket.\n\nAndra stycket till för\n\nstadsövergripande arbete.\n\nTredje stycket."
    )

    span = paragraph_of(text, text.index(anchor))

    assert text[span.start : span.end] == expected
