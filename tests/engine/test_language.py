"""Telling a Swedish question from an English one."""

from __future__ import annotations

import pytest

from bot.engine.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Hur mycket pengar fick Skärholmen?", "sv", id="swedish"),
        pytest.param("Hur mycket fick Skarholmen for unga vuxna", "sv", id="swedish-no-aao"),
        pytest.param("Vad är FoU-medel?", "sv", id="swedish-short"),
        pytest.param("Vilka stadsdelar fick pengar 2024?", "sv", id="swedish-plural"),
        pytest.param("och Södermalm då?", "sv", id="swedish-follow-up"),
        pytest.param("How much money did Skärholmen get?", "en", id="english-with-swedish-name"),
        pytest.param("What is MUST?", "en", id="english-short"),
        pytest.param(
            "What grant did Föreningen Fyrbåken receive?",
            "en",
            id="english-with-a-two-word-swedish-name",
        ),
        pytest.param(
            "When was the decision on Bostad först in Rinkeby-Kista made?",
            "en",
            id="english-with-swedish-terms",
        ),
        pytest.param("Which districts got funding for outreach work?", "en", id="english"),
        pytest.param("FoU?", "sv", id="undecided-is-swedish"),
        pytest.param("", "sv", id="empty-is-swedish"),
        pytest.param("2024", "sv", id="only-a-number"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected
