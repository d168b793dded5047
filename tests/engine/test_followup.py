"""Follow-up questions: read against the earlier turn, unit by unit and end to end."""

from __future__ import annotations

import pytest

from bot.engine.followup import resolve_followup
from bot.engine.types import Turn
from tests.engine.corpus import Corpus, check_answer, lead

VARBERG = "Hur mycket fick Skärholmen för unga vuxna i Vårberg?"
HISTORY = (Turn(VARBERG, "350 000 kr, enligt FoU-dokument 21 maj 2024 [1]."),)
TABLE = "02-fou-medel-lokala-utvecklingsprojekt-2024"


@pytest.mark.parametrize(
    ("question", "resolved"),
    [
        pytest.param(
            "och Södermalm då?",
            "Hur mycket fick Södermalm för unga vuxna i Vårberg?",
            id="swaps-the-district",
        ),
        pytest.param(
            "Och Farsta då?", "Hur mycket fick Farsta för unga vuxna i Vårberg?", id="capitalised"
        ),
        pytest.param(
            "Och Rinkeby- Kista då?",
            "Hur mycket fick Rinkeby-Kista för unga vuxna i Vårberg?",
            id="broken-hyphen-canonical",
        ),
        pytest.param(
            "och Hägersten-Älvsjö och Södermalm då?",
            "Hur mycket fick Hägersten-Älvsjö och Södermalm för unga vuxna i Vårberg?",
            id="two-districts",
        ),
        pytest.param(
            "what about Farsta?",
            "Hur mycket fick Farsta för unga vuxna i Vårberg?",
            id="english-elliptic",
        ),
        pytest.param(
            "och 2025 då?",
            f"{VARBERG} och 2025 då?",
            id="elliptic-without-a-district-is-appended",
        ),
        pytest.param("Vad är MUST?", "Vad är MUST?", id="unrelated-stays"),
        pytest.param(
            "Hur mycket pengar fick Rinkeby-Kista för att förebygga att unga dras in i "
            "kriminalitet?",
            "Hur mycket pengar fick Rinkeby-Kista för att förebygga att unga dras in i "
            "kriminalitet?",
            id="full-question-with-a-district-stays",
        ),
        pytest.param(
            "Varför fick Farsta pengar?",
            "Varför fick Farsta pengar?",
            id="short-full-question-with-a-district-stays",
        ),
    ],
)
def test_a_follow_up_is_read_against_the_previous_question(question: str, resolved: str) -> None:
    assert resolve_followup(question, HISTORY) == resolved


def test_without_history_a_question_is_left_as_it_is() -> None:
    assert resolve_followup("och Södermalm då?", ()) == "och Södermalm då?"


def test_only_the_latest_turn_is_read() -> None:
    history = (HISTORY[0], Turn("Vad är MUST?", "Mutual Study Visits [1]."))

    assert resolve_followup("och Södermalm då?", history) == "Vad är MUST? och Södermalm då?"


@pytest.mark.parametrize(
    ("follow_up", "amount", "district"),
    [
        pytest.param("och Södermalm då?", 480_000, "Södermalms", id="sodermalm"),
        pytest.param(
            "Och Farsta då?",
            620_000,
            "Farsta",
            id="farsta",
        ),
    ],
)
def test_a_follow_up_answers_for_the_new_district_from_the_2024_table(
    example_corpus: Corpus, follow_up: str, amount: int, district: str
) -> None:
    first = example_corpus.engine.ask(VARBERG)
    assert first.amounts_sek == (350_000,)

    answer = example_corpus.engine.ask(follow_up, [Turn(VARBERG, first.text)])

    assert answer.question == follow_up
    assert answer.amounts_sek == (amount,)
    assert lead(answer).startswith(f"{amount:,} kr".replace(",", " "))
    assert answer.citations[0].source == TABLE
    assert district in answer.citations[0].quote
    check_answer(answer, example_corpus)
