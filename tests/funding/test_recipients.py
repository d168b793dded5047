"""The recipient gazetteer: districts, units and organisations (all sentences are made up)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from funding.recipients import (
    canonical_district,
    deciding_bodies,
    find_receivers,
    find_recipients,
    gives_or_decides,
)


def _names(text: str) -> list[str]:
    return [name for name, _, _ in find_recipients(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Pengar till Rinkeby-Kista i år.", ["Rinkeby-Kista"], id="hyphen"),
        pytest.param("Pengar till Rinkeby- Kista i år.", ["Rinkeby-Kista"], id="pdf-broken-hyphen"),
        pytest.param("Pengar till Rinkeby Kista i år.", ["Rinkeby-Kista"], id="space"),
        pytest.param("Pengar till Rinkeby–Kista i år.", ["Rinkeby-Kista"], id="en-dash"),
        pytest.param("Pengar till Rinkeby-\nKista i år.", ["Rinkeby-Kista"], id="line-break"),
        pytest.param("Pengar till RINKEBY-KISTA i år.", ["Rinkeby-Kista"], id="capitals"),
        pytest.param("Skärholmens stadsdelsförvaltning får stöd.", ["Skärholmen"], id="genitive"),
        pytest.param(
            "Även den ideella föreningen Tryggare Hem Stockholm får medel.",
            ["Föreningen Tryggare Hem Stockholm"],
            id="association-in-running-text",
        ),
        pytest.param(
            "Enskede-Årsta-Vantör och Hässelby-Vällingby.",
            ["Enskede-Årsta-Vantör", "Hässelby-Vällingby"],
            id="three-parts",
        ),
        pytest.param(
            "Hägersten-Älvsjö, Älvsjö och Hägersten-Liljeholmen.",
            ["Hägersten-Älvsjö", "Älvsjö", "Hägersten-Liljeholmen"],
            id="longest-first",
        ),
        pytest.param(
            "Södermalm, Östermalm, Norrmalm och Kungsholmen.",
            ["Södermalm", "Östermalm", "Norrmalm", "Kungsholmen"],
            id="inner-city",
        ),
        pytest.param(
            "Bromma, Farsta, Skarpnäck och Spånga-Tensta.",
            ["Bromma", "Farsta", "Skarpnäck", "Spånga-Tensta"],
            id="outer",
        ),
        pytest.param("Satsningen i Järvas stadsdelar.", ["Järva"], id="jarva-genitive"),
    ],
)
def test_districts_are_found_under_one_spelling(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Exempelvis ges stadens Uppsökarenhet medel.", ["Uppsökarenheten"], id="uppsokarenhet"
        ),
        pytest.param("Uppsökarenheten reser i maj.", ["Uppsökarenheten"], id="uppsokarenheten"),
        pytest.param(
            "Stöd ges till enheten för hemlösa.", ["Enheten för hemlösa"], id="enheten-for-hemlosa"
        ),
        pytest.param(
            "Frälsningsarmén och Röda korset delar.",
            ["Frälsningsarmén", "Röda Korset"],
            id="known-organisations",
        ),
        pytest.param(
            "Rädda Barnen och Svenska Kyrkan delar.",
            ["Rädda Barnen", "Svenska kyrkan"],
            id="two-word-organisations",
        ),
        pytest.param("Pengar till Stadsmissionen.", ["Stadsmissionen"], id="stadsmissionen"),
        pytest.param(
            "Pengar till Malmö Stadsmission.", ["Malmö Stadsmission"], id="city-stadsmission"
        ),
        pytest.param(
            "Pengar till Exempelstads Kyrkliga Stadsmission.",
            ["Exempelstads Kyrkliga Stadsmission"],
            id="kyrkliga-stadsmission",
        ),
        pytest.param(
            "Hyresgästföreningen och Pensionärsförbundet.",
            ["Hyresgästföreningen", "Pensionärsförbundet"],
            id="body-shapes",
        ),
        pytest.param(
            "Pengar till Stiftelsen Gröna Gången.", ["Stiftelsen Gröna Gången"], id="stiftelsen-x"
        ),
        pytest.param("Pengar till Tjejjouren Fyren.", ["Tjejjouren Fyren"], id="jouren-x"),
        pytest.param(
            "arbetsmarknadsnämnden får mer.",
            ["Arbetsmarknadsnämnden"],
            id="lowercase-body-capitalised",
        ),
    ],
)
def test_units_and_organisations_are_found(text: str, expected: list[str]) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Alla stadsdelsnämnder och stadsdelsförvaltningen får besked.", id="generic-kinds"
        ),
        pytest.param("Stadsdelsnämnden har yttrat sig.", id="generic-definite"),
        pytest.param("Verksamheten på Kaféet Östermalm får stöd.", id="district-inside-a-name"),
        pytest.param(
            "Hon var samordnare i Projekt Farsta förra året.", id="district-inside-a-project"
        ),
        pytest.param("Föreningen får pengar av en idrottsförening.", id="generic-associations"),
        pytest.param("Järvafältet och Brommaplan.", id="district-as-part-of-a-word"),
    ],
)
def test_words_that_are_not_recipients_are_left_out(text: str) -> None:
    assert _names(text) == []


def test_offsets_cover_the_name_as_written() -> None:
    text = "Stöd till Rinkeby- Kista, Skärholmens förvaltning och Röda Korset."
    found = find_recipients(text)
    assert [text[start:end] for _, start, end in found] == [
        "Rinkeby- Kista",
        "Skärholmens",
        "Röda Korset",
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param("Rinkeby- Kista", "Rinkeby-Kista", id="broken"),
        pytest.param("spånga tensta", "Spånga-Tensta", id="lowercase-space"),
        pytest.param("Tensta", None, id="not-a-district"),
    ],
)
def test_canonical_district(written: str, expected: str | None) -> None:
    assert canonical_district(written) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Socialnämnden har beslutat att ge Farsta 2 miljoner kronor.",
            ["Farsta"],
            id="decider-before-a-verb",
        ),
        pytest.param(
            "Socialnämnden i Exempelstad har på sitt möte beslutat att ge Farsta pengar.",
            ["Farsta"],
            id="words-between-decider-and-verb",
        ),
        pytest.param(
            "Idag fattar kommunstyrelsen beslut om pengar till Bromma.",
            ["Bromma"],
            id="inverted-order",
        ),
        pytest.param("Farsta har fått statsbidrag från Socialstyrelsen.", ["Farsta"], id="source"),
        pytest.param(
            "Ansökan har bedömts av Uppsökarenheten, och Farsta får pengar.",
            ["Farsta"],
            id="agent",
        ),
        pytest.param(
            "Arbetsmarknadsnämnden ska få pengar och socialnämnden likaså.",
            ["Arbetsmarknadsnämnden", "Socialnämnden"],
            id="bodies-that-receive",
        ),
        pytest.param(
            "Bromma får pengar som Socialnämnden har beslutat om.",
            ["Bromma"],
            id="a-later-clause-does-not-make-a-decider",
        ),
    ],
)
def test_find_receivers_leaves_out_who_decides_or_pays(text: str, expected: list[str]) -> None:
    assert [name for name, _, _ in find_receivers(text)] == expected


def test_deciding_bodies_are_found_with_their_offsets() -> None:
    text = (
        "Idag fattar socialnämnden beslut. Farsta får pengar. Kommunfullmäktige har beslutat "
        "om budgeten, och regeringen gav statsbidrag. OFU beviljar bidrag."
    )
    found = deciding_bodies(text)
    assert [name for _, name in found] == [
        "Socialnämnden",
        "Kommunfullmäktige",
        "Regeringen",
        "Organisations- och föreningsutskottet",
    ]
    assert all(text[start:].lower().startswith(("soc", "kom", "reg", "ofu")) for start, _ in found)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        pytest.param("Socialnämnden beviljar Farsta stöd.", "Socialnämnden", True, id="gives"),
        pytest.param("Socialnämnden beviljar Farsta stöd.", "Farsta", False, id="receives"),
        pytest.param("Farsta (stadsdelsnämnden) fördelar medlen.", "Farsta", True, id="bracket"),
        pytest.param("Farsta som får stöd, beslutar själv.", "Farsta", False, id="clause"),
    ],
)
def test_gives_or_decides(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    assert gives_or_decides(text, start, start + len(name)) is expected


def test_the_name_patterns_compile_on_first_use_not_at_import() -> None:
    # A CLI start imports the module without reading a grant: it must not compile them.
    code = (
        "import funding.recipients as r; "
        "lazy = [p for p in vars(r).values() if isinstance(p, r._Lazy)]; "
        "assert lazy and all(p._compiled is None for p in lazy)"
    )
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": root}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
