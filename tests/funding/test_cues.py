"""The cue lexicon: the words that say how far money got, shared by ledger and engine."""

from __future__ import annotations

import re

import pytest

from funding import cued_status, cues


@pytest.mark.parametrize(
    ("text", "pattern", "expected"),
    [
        pytest.param("Ansökan från Lindö IK avslås.", cues.REFUSED, True, id="avslås"),
        pytest.param("Bidraget beviljas inte i år.", cues.REFUSED, True, id="beviljas-inte"),
        pytest.param("Stödet beviljas enligt plan.", cues.REFUSED, False, id="beviljas"),
        pytest.param("Föreningen ansöker om 40 000 kr.", cues.APPLIED, True, id="ansöker"),
        pytest.param("De sökta medlen räcker inte.", cues.APPLIED, True, id="sökta"),
        pytest.param("Nämnden vill satsa 2 mnkr.", cues.PROPOSED, True, id="vill"),
        pytest.param("Motionen ger 3 mnkr till parken.", cues.PROPOSED, True, id="motion"),
        pytest.param("Bidrag till motionsaktiviteter.", cues.PROPOSED, False, id="exercise"),
        pytest.param("Nämnden föreslår 1 mnkr.", cues.PROPOSED, True, id="föreslår"),
        pytest.param("Man kan också söka 5 000 kr.", cues.MAY_APPLY_RULE, True, id="kan-söka"),
    ],
)
def test_a_cue_group_reads_its_words(text: str, pattern: re.Pattern[str], expected: bool) -> None:
    assert bool(pattern.search(text)) is expected


def test_a_ceiling_is_lower_case_only() -> None:
    ceiling = re.compile(rf"\b(?:{cues.CEILING})\b", re.IGNORECASE)

    assert ceiling.search("med ett tak på 50 000 kronor")
    assert not ceiling.search("Tak över huvudet får 50 000 kronor")


def test_an_application_is_a_noun_apart_from_applying() -> None:
    applying = re.compile(rf"\b(?:{cues.APPLYING})\b", re.IGNORECASE)
    application_for = re.compile(rf"\b(?:{cues.APPLICATION_FOR})\b", re.IGNORECASE)

    assert not applying.search("Beviljas enligt ansökan.")
    assert application_for.search("En ansökan om 20 000 kr kom in.")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param("Ansökan avslogs.", "refused", id="refused"),
        pytest.param("Föreningen ansöker om bidrag.", "applied", id="applied"),
        pytest.param("Nämnden har beslutat att ge bidrag.", "decided", id="decided"),
        pytest.param("Förvaltningen föreslår ett bidrag.", "proposed", id="proposed"),
        pytest.param("Det hade kunnat bli mer.", "reported", id="counterfactual"),
        pytest.param("Projektet pågår.", None, id="nothing-said"),
    ],
)
def test_a_text_says_how_far_the_money_got(text: str, status: str | None) -> None:
    assert cued_status(text, None) == status
