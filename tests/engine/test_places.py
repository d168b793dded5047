"""Municipalities in questions and documents: a document about another place does not answer."""

from __future__ import annotations

import pytest

from bot.engine.places import about, elsewhere, places_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Vad fick Stockholms stad?", ("Stockholm",), id="genitive"),
        pytest.param("What did Gothenburg allocate?", ("Göteborg",), id="english-name"),
        pytest.param("https://www.uppsala.se/nyheter", ("Uppsala",), id="in-a-link"),
        pytest.param("Malmö och Lunds kommun", ("Malmö", "Lund"), id="two"),
        pytest.param("Rinkeby-Kista och Skärholmen", (), id="districts-are-not-municipalities"),
        pytest.param("Lundaskolan och Stockholmsmodellen", (), id="inside-a-longer-word"),
    ],
)
def test_places_in(text: str, expected: tuple[str, ...]) -> None:
    assert places_in(text) == expected


def test_a_document_is_about_the_place_it_names_most() -> None:
    text = "Det handlar om Göteborgs Stad, inte om Stockholms stad. Göteborg satsar. Göteborg."
    assert about("Satsning", "", text) == {"Göteborg"}
    assert about("Stockholm och Göteborg", "", "Göteborg, Göteborg.") == {"Stockholm", "Göteborg"}
    assert about("Protokoll", "", "Socialnämnden beslutar.") == frozenset()


@pytest.mark.parametrize(
    ("places", "title", "link", "text", "expected"),
    [
        pytest.param(("Stockholm",), "Förslaget", "https://www.uppsala.se/x", "", True, id="other"),
        pytest.param(("Stockholm",), "Protokoll", "", "Nämnden beslutar.", False, id="no-place"),
        pytest.param(("Stockholm",), "Beslut", "", "Stockholms stad ger", False, id="same"),
        pytest.param((), "Beslut", "https://www.uppsala.se/x", "", False, id="none-asked"),
        pytest.param(
            ("Stockholm",),
            "Frölunda",
            "",
            "Göteborgs Stad, inte Stockholms stad. Göteborg.",
            True,
            id="passing-mention",
        ),
    ],
)
def test_elsewhere(
    places: tuple[str, ...], title: str, link: str, text: str, expected: bool
) -> None:
    assert elsewhere(places, title, link, text) is expected


def test_a_document_naming_no_municipality_is_about_the_home_one() -> None:
    minutes = ("Protokoll", "", "Stadsdelsnämnden beviljar 200 000 kronor till läxhjälp.")
    assert not elsewhere(("Stockholm",), *minutes)
    assert elsewhere(("Säffle",), *minutes)  # the index's own minutes say nothing of Säffle
    assert not elsewhere(("Säffle",), *minutes, home="Säffle")
    assert not elsewhere(("Uppsala", "Stockholm"), *minutes)
    # A file stem or link that names the place makes the document its, dashes or not.
    assert not elsewhere(("Uppsala",), "Nya pengar", "042-unt-uppsala-socialnamnd", "Nämnden.")


@pytest.mark.parametrize("place", ["Hylte", "Tranemo", "Upplands Väsby", "Östra Göinge"])
def test_a_small_municipality_is_known_too(place: str) -> None:
    text = f"{place} kommun beviljar 200 000 kronor till fritidsgårdar. {place} satsar vidare."
    assert places_in(text) == (place,)
    assert elsewhere(("Stockholm",), f"Beslut i {place}", "", text)


def test_a_name_that_is_also_a_word_is_not_read_as_a_place() -> None:
    assert places_in("Vi ska vara med på mark och berg, sa Nora i boden.") == ()
