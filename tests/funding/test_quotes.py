"""find_quotes: who said what, in the ways Swedish press releases and news attribute it."""

from __future__ import annotations

import pytest

from funding.models import Quote
from funding.quotes import find_quotes

# All people, parties' statements and bodies below are fictional.


def said(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(q.speaker, q.role, q.party, q.text) for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "– Det här är en påhittad satsning, säger socialborgarrådet Anna Andersson (M).",
            ("Anna Andersson", "socialborgarråd", "M", "Det här är en påhittad satsning"),
            id="dash-role-before-name",
        ),
        pytest.param(
            "– Vi gör ett fiktivt arbete, säger biträdande socialborgarrådet Eva Ek (KD).",
            ("Eva Ek", "biträdande socialborgarråd", "KD", "Vi gör ett fiktivt arbete"),
            id="dash-two-word-role",
        ),
        pytest.param(
            "”Vi måste arbeta förebyggande”, säger Per Persson (S), ordförande i socialnämnden.",
            ("Per Persson", "ordförande i socialnämnden", "S", "Vi måste arbeta förebyggande"),
            id="quote-marks-role-after",
        ),
        pytest.param(
            "Inledning. ”Det är ett påhittat citat,” säger Lisa Berg-Holm (V), gruppledare.",
            ("Lisa Berg-Holm", "gruppledare", "V", "Det är ett påhittat citat"),
            id="quote-marks-comma-inside",
        ),
        pytest.param(
            "- Besparingarna är påhittade, säger Olle Mattsson Åkerlund (v) vice ordförande.",
            ("Olle Mattsson Åkerlund", "vice ordförande", "V", "Besparingarna är påhittade"),
            id="hyphen-dash-lower-case-party-no-comma",
        ),
        pytest.param(
            "– Pengarna räcker långt, säger Kim Nord i en kommentar till satsningen.",
            ("Kim Nord", None, None, "Pengarna räcker långt"),
            id="no-party-phrase-is-not-a-role",
        ),
        pytest.param(
            "– Vad bra det blir! säger Sara Ström (Fi).",
            ("Sara Ström", None, "Fi", "Vad bra det blir!"),
            id="exclamation-kept-party-fi",
        ),
        pytest.param(
            "Anna Andersson (KD), biträdande socialborgarråd, säger: Det här är fiktivt.",
            ("Anna Andersson", "biträdande socialborgarråd", "KD", "Det här är fiktivt."),
            id="name-first-same-line",
        ),
    ],
)
def test_single_attributions(text: str, expected: tuple[str, str | None, str | None, str]) -> None:
    assert said(text) == [expected]


def test_offsets_span_quote_and_attribution() -> None:
    text = "Rubrik\n\n– Ett fiktivt citat här, säger Anna Andersson (M).\n\nSlut."

    (quote,) = find_quotes(text)

    assert text[quote.start : quote.end] == "– Ett fiktivt citat här, säger Anna Andersson (M)"
    assert quote.text in text[quote.start : quote.end]


def test_every_quote_text_is_a_verbatim_slice() -> None:
    text = (
        "– Första påhittade stycket, säger Anna Andersson (M).\n\n"
        "– Andra stycket fortsätter citatet.\n\n"
        "”Ett citat inom citattecken”, säger Per Persson (S).\n"
    )

    quotes = find_quotes(text)

    assert len(quotes) == 3
    for quote in quotes:
        assert quote.text in text[quote.start : quote.end]


def test_quote_continues_in_next_dash_paragraph() -> None:
    text = (
        "– Det här är början på ett fiktivt citat, säger Anna Andersson (M).\n\n"
        "– Och här fortsätter hon i ett nytt stycke.\n\n"
        "Sedan kommer vanlig brödtext.\n\n"
        "– Detta stycke saknar talare och räknas inte."
    )

    assert said(text) == [
        ("Anna Andersson", None, "M", "Det här är början på ett fiktivt citat"),
        ("Anna Andersson", None, "M", "Och här fortsätter hon i ett nytt stycke."),
    ]


def test_attribution_in_a_later_dash_paragraph_covers_the_earlier_one() -> None:
    text = "– Först ett långt påhittat stycke.\n– Sedan resten, säger Per Persson (S)."

    assert [q.speaker for q in find_quotes(text)] == ["Per Persson", "Per Persson"]


def test_name_first_then_dash_paragraphs() -> None:
    text = (
        "Eva Ek (KD), biträdande socialborgarråd, säger:\n\n"
        "– Frivilligorganisationerna gör ett påhittat arbete.\n\n"
        "– Det är bra, men inte nog, säger hon, och fortsätter:\n\n"
        "– Vi behöver mer fiktiva resurser."
    )

    quotes = find_quotes(text)

    assert [q.text for q in quotes] == [
        "Frivilligorganisationerna gör ett påhittat arbete.",
        "Det är bra, men inte nog",
        "Vi behöver mer fiktiva resurser.",
    ]
    assert {(q.speaker, q.role, q.party) for q in quotes} == {
        ("Eva Ek", "biträdande socialborgarråd", "KD")
    }


def test_pronoun_and_surname_resolve_to_the_person_quoted_before() -> None:
    text = (
        "– Ett första fiktivt citat, säger Karin Berg (S), kommunstyrelsens ordförande.\n\n"
        "Brödtext emellan.\n\n"
        "– Ett andra fiktivt citat, säger hon.\n\n"
        "Mer brödtext.\n\n"
        "– Ett tredje fiktivt citat, säger Berg."
    )

    assert said(text) == [
        ("Karin Berg", "kommunstyrelsens ordförande", "S", "Ett första fiktivt citat"),
        ("Karin Berg", "kommunstyrelsens ordförande", "S", "Ett andra fiktivt citat"),
        ("Karin Berg", "kommunstyrelsens ordförande", "S", "Ett tredje fiktivt citat"),
    ]


def test_quote_wrapped_over_lines_as_in_a_pdf() -> None:
    text = "– Ett fiktivt citat som bryts\növer två rader, säger Anna\nAndersson (M).\nNästa."

    (quote,) = find_quotes(text)

    assert quote.speaker == "Anna Andersson"
    assert quote.text == "Ett fiktivt citat som bryts\növer två rader"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("– Godkännande av dagordning\n– Val av justerare", id="agenda-bullets"),
        pytest.param("– Ett citat utan talare, säger man.", id="no-name"),
        pytest.param("– Ett citat, säger hon.", id="pronoun-without-anyone-before"),
        pytest.param("– Ett citat, säger Socialstyrelsen.", id="single-word-not-a-known-name"),
        pytest.param("Hon säger att det är bra.", id="reported-speech"),
    ],
)
def test_unattributed_text_gives_no_quotes(text: str) -> None:
    assert find_quotes(text) == ()


def test_returns_quote_values() -> None:
    text = "– Ett fiktivt citat här, säger Anna Andersson (M)."

    assert find_quotes(text) == (
        Quote("Anna Andersson", None, "M", "Ett fiktivt citat här", 0, len(text) - 1),
    )
