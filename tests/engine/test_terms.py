"""Content terms: stemming, compounds, and how well a text covers a question's terms."""

from __future__ import annotations

import math

import pytest

from bot.engine.terms import (
    content_terms,
    coverage,
    matches,
    rarity,
    stem,
    strength,
    term_set,
    words,
)


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        pytest.param("missbruk", "missbruksvården", 1.0, id="modifier-of-a-compound-in-text"),
        pytest.param(stem("vård"), "missbruksvården", 1.0, id="head-of-a-compound-in-text"),
        pytest.param(stem("budgetöverskott"), "överskottet", 1.0, id="head-answers-compound"),
        pytest.param(stem("investeringsfond"), "investeringar", 0.5, id="modifier-only-half"),
        pytest.param(stem("missbruksprojekt"), "missbruksvård", 0.5, id="shared-modifier-half"),
        pytest.param(stem("projekt"), "projektet", 1.0, id="definite-form"),
        pytest.param(stem("skärholmen"), "Skärholmens stadsdelsförvaltning", 1.0, id="genitive"),
        pytest.param(stem("farsta"), "Skärholmens stadsdelsförvaltning", 0.0, id="absent"),
        pytest.param("2024", "under 2024", 1.0, id="number-exact"),
        pytest.param("202", "under 2024", 0.0, id="number-never-partial"),
        pytest.param("vår", "vårberg", 0.0, id="too-short-to-be-a-compound-part"),
    ],
)
def test_strength_of_a_term_in_a_text(term: str, text: str, expected: float) -> None:
    assert strength(term, term_set(text)) == expected


def test_matches_is_full_strength_only() -> None:
    assert matches("missbruk", term_set("missbruksvården"))
    assert not matches(stem("investeringsfond"), term_set("investeringar"))


@pytest.mark.parametrize(
    ("forms"),
    [
        pytest.param(("projektet", "projekt", "projekten"), id="projekt"),
        pytest.param(("beslutet", "beslut"), id="beslut"),
        pytest.param(("bidraget", "bidrag"), id="bidrag"),
        pytest.param(("arbetet", "arbete"), id="arbete"),
        pytest.param(("planen", "plan", "planer"), id="plan"),
        pytest.param(("stadsdelsförvaltningen", "stadsdelsförvaltningar"), id="long-compound"),
        pytest.param(("budgeten", "budget", "budgets"), id="budget-keeps-its-et"),
        pytest.param(("stödet", "stöd"), id="six-letter-definite"),
        pytest.param(
            ("syftet", "syfte"),
            id="syftet",
        ),
    ],
)
def test_definite_and_indefinite_forms_meet(forms: tuple[str, ...]) -> None:
    assert len({stem(form) for form in forms}) == 1, {form: stem(form) for form in forms}


def test_words_keep_hyphenated_compounds_whole_and_split() -> None:
    assert words("Rinkeby-Kista får FoU-medel") == [
        "rinkeby-kista", "rinkeby", "kista", "får", "fou-medel", "fou", "medel",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        pytest.param(
            "Hur mycket pengar fick Skärholmen för unga vuxna i Vårberg?",
            ["skärholm", "ung", "vuxn", "vårberg"],
            id="money-words-and-function-words-dropped",
        ),
        pytest.param(
            "Rinkeby-Kista får FoU-medel",
            ["rinkeby", "kist", "fou"],
            id="compound-counts-through-its-parts",
        ),
        pytest.param("Hur mycket totalt?", [], id="nothing-left"),
    ],
)
def test_content_terms(question: str, terms: list[str]) -> None:
    assert content_terms(question) == terms


def test_coverage_weighs_terms_and_counts_modifiers_half() -> None:
    stems = term_set("investeringar i missbruksvården")

    assert coverage([], stems) == 0.0
    assert coverage(["missbruk"], stems) == 1.0
    assert coverage([stem("investeringsfond")], stems) == 0.5
    assert coverage(["missbruk", "farst"], stems) == 0.5
    assert coverage(["missbruk", "farst"], stems, {"missbruk": 3.0, "farst": 1.0}) == 0.75


def test_rarity_weighs_a_rare_term_over_a_common_one() -> None:
    texts = [term_set("Skärholmen får pengar"), term_set("Farsta får pengar"), term_set("")]

    common, rare = stem("pengar"), stem("skärholmen")

    weights = rarity([common, rare], texts)

    assert weights[rare] == pytest.approx(math.log(1 + 4 / 1.5))  # in one text of three
    assert weights[common] == pytest.approx(math.log(1 + 4 / 2.5))  # in two of three
