"""The fitted sentence scorer: every feature has a weight, and the score is a probability."""

from __future__ import annotations

import pytest

from bot.engine.boilerplate import heading_like, is_boilerplate
from bot.engine.scoring import FEATURES, model


def test_the_weights_file_names_every_feature_and_a_cut() -> None:
    fitted = model()

    assert len(fitted.weights) == len(FEATURES)
    assert 0.0 < fitted.min_score < 1.0


def test_more_of_the_question_in_the_sentence_scores_higher() -> None:
    fitted = model()
    low = [0.0] * len(FEATURES)
    high = list(low)
    high[FEATURES.index("sentence_cov")] = 1.0

    assert 0.0 < fitted.score(low) < fitted.score(high) < 1.0


@pytest.mark.parametrize(
    ("text", "boilerplate"),
    [
        pytest.param("Pressmeddelande • Mar 04, 2025 09:00 CET", True, id="dateline"),
        pytest.param("Publicerad 2025-03-04 10:12", True, id="published"),
        pytest.param("Dnr SN 2025/0117", True, id="case-number"),
        pytest.param("Av Anna Exempelsson", True, id="byline"),
        pytest.param("Läs mer om föreningsstödet", True, id="link-text"),
        pytest.param("Sid 2 (70)", True, id="page-header"),
        pytest.param("Föreningen Fyrbåken får 640 000 kronor.", False, id="a-grant"),
        pytest.param("Ekdalens fritidsgård | 120 000 kr", False, id="a-table-row"),
        pytest.param("Dela på 31 miljoner får 42 föreningar.", False, id="dela-pa-is-no-link"),
        pytest.param(
            "För kommentarer: Eva Exempel, enhetschef, tel 08-123 45 67, eva.exempel@example.se",
            True,
            id="contact-line",
        ),
        pytest.param(
            "För mer information: Per Prov, presschef, 070-111 22 33.", True, id="contact-phone"
        ),
        pytest.param("Kontakt: press@example.se", True, id="contact-email"),
        pytest.param(
            "Din position: Hem > Exempelstad > Socialnämnden > Sammanträde 2019-04-02",
            True,
            id="breadcrumb",
        ),
        pytest.param("Startsida > Nyheter > Stöd till föreningar", True, id="breadcrumb-arrows"),
        pytest.param(
            "Föreningen ringer upp på tel 08-123 45 67 och får 50 000 kronor.",
            False,
            id="a-grant-mentioning-a-phone",
        ),
        pytest.param("Bidraget ökar > 10 procent 2024.", False, id="one-greater-than-sign"),
        pytest.param(
            "Mer information: ansökan ska ha kommit in senast den 1 mars.",
            False,
            id="mer-information-opening-content",
        ),
    ],
)
def test_boilerplate_is_recognised(text: str, boilerplate: bool) -> None:
    assert is_boilerplate(text) is boilerplate


def test_a_heading_is_a_short_line_without_figures_or_ending() -> None:
    assert heading_like("Föreningsstöd i Ekdalen")
    assert not heading_like("Föreningen Fyrbåken får 640 000 kronor.")
