"""Follow-up questions: read against the earlier turn, unit by unit and end to end."""

from __future__ import annotations

import pytest
from langchain_core.embeddings import Embeddings

from bot.engine.followup import resolve, resolve_followup
from bot.engine.types import Turn
from tests.engine.corpus import Corpus, check_answer, ingest_corpus, lead
from tests.engine.dialog_texts import (
    FIRST_DISTRICT,
    FIRST_REASON,
    FOLLOWUP_DOCUMENTS,
    SECOND_DISTRICT,
    SECOND_REASON,
    write_documents,
)

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


# --- Follow-ups that point back: "de", "det", "they" keep the thread's topic ----------------

ELDERLY = "Hur mycket fick Hässelby-Vällingby för att bryta ensamheten bland äldre?"
FIRST, SECOND = FOLLOWUP_DOCUMENTS


@pytest.fixture(scope="module")
def followup_corpus(tmp_path_factory: pytest.TempPathFactory, embeddings: Embeddings) -> Corpus:
    """Two districts granted money for the same thing, for different reasons."""
    folder = tmp_path_factory.mktemp("followup-corpus")
    paths = write_documents(folder / "docs", FOLLOWUP_DOCUMENTS)
    return ingest_corpus(folder / "chroma", paths, collection="followups")


@pytest.mark.parametrize(
    ("question", "resolved", "inherits"),
    [
        pytest.param(
            "Varför fick de pengarna?",
            f"Varför fick de pengarna? ({FIRST_DISTRICT} bryta ensamheten bland äldre)",
            True,
            id="de",
        ),
        pytest.param(
            "Vad ska det användas till?",
            f"Vad ska det användas till? ({FIRST_DISTRICT} bryta ensamheten bland äldre)",
            True,
            id="det",
        ),
        pytest.param(
            "Why did they get it?",
            f"Why did they get it? ({FIRST_DISTRICT} bryta ensamheten bland äldre)",
            True,
            id="they",
        ),
        pytest.param(
            "Hur mycket?",
            f"Hur mycket? ({FIRST_DISTRICT} bryta ensamheten bland äldre)",
            True,
            id="no-subject-of-its-own",
        ),
        pytest.param(
            "Varför fick Bromma pengarna?",
            "Varför fick Bromma pengarna?",
            False,
            id="own-district-stands",
        ),
        pytest.param(
            "Vad gör Stockholm för de äldre?",
            "Vad gör Stockholm för de äldre?",
            False,
            id="own-municipality-stands",
        ),
        pytest.param(
            "Vilka projekt finns det för missbruksvård?",
            "Vilka projekt finns det för missbruksvård?",
            False,
            id="dummy-det-is-no-anaphor",
        ),
    ],
)
def test_a_question_pointing_back_inherits_the_previous_topic(
    question: str, resolved: str, inherits: bool
) -> None:
    history = (Turn(ELDERLY, "450 000 kronor [1].", (FIRST,)),)

    result = resolve(question, history)

    assert result.text == resolved
    assert result.sources == ((FIRST,) if inherits else ())


def test_a_chain_of_follow_ups_keeps_the_first_topic() -> None:
    history = (
        Turn(ELDERLY, "450 000 kronor [1].", (FIRST,)),
        Turn("Varför fick de pengarna?", "Till träffpunkter [1].", (FIRST,)),
    )

    result = resolve("När beslutades det?", history)

    assert FIRST_DISTRICT in result.text
    assert result.sources == (FIRST,)


@pytest.mark.parametrize(
    "follow_up",
    [
        pytest.param("Varför fick de pengarna?", id="de"),
        pytest.param("Vad ska det användas till?", id="det"),
        pytest.param("Why did they get the money?", id="they"),
    ],
)
def test_a_follow_up_pointing_back_keeps_the_district(
    followup_corpus: Corpus, follow_up: str
) -> None:
    engine = followup_corpus.engine
    first = engine.ask(ELDERLY)
    assert first.amounts_sek == (450_000,)
    turn = Turn.of(ELDERLY, first)
    assert turn.sources == (FIRST,)

    answer = engine.ask(follow_up, [turn])

    assert answer.answered, answer.text
    assert {c.source for c in answer.citations} == {FIRST}
    quoted = " ".join(" ".join(c.quote.split()) for c in answer.citations)
    assert FIRST_REASON in quoted
    assert SECOND_REASON not in answer.text
    check_answer(answer, followup_corpus)


def test_a_follow_up_naming_another_district_switches(followup_corpus: Corpus) -> None:
    engine = followup_corpus.engine
    turn = Turn.of(ELDERLY, engine.ask(ELDERLY))

    answer = engine.ask(f"Varför fick {SECOND_DISTRICT} pengarna?", [turn])

    assert {c.source for c in answer.citations} == {SECOND}
    assert SECOND_REASON in " ".join(" ".join(c.quote.split()) for c in answer.citations)
    check_answer(answer, followup_corpus)


@pytest.mark.parametrize(
    ("cited", "reason"),
    [
        pytest.param(FIRST, FIRST_REASON, id="first-districts-source"),
        pytest.param(SECOND, SECOND_REASON, id="second-districts-source"),
    ],
)
def test_the_previous_answers_sources_are_searched_first(
    followup_corpus: Corpus, cited: str, reason: str
) -> None:
    # The earlier question names no district: only the cited source says which one.
    history = [Turn("Hur mycket pengar gick till ensamhet bland äldre?", "[1]", (cited,))]

    answer = followup_corpus.engine.ask("Varför fick de pengarna?", history)

    assert {c.source for c in answer.citations} == {cited}
    assert reason in " ".join(" ".join(c.quote.split()) for c in answer.citations)


def test_sources_that_do_not_answer_fall_back_to_the_whole_corpus(
    followup_corpus: Corpus,
) -> None:
    history = [Turn(ELDERLY, "[1]", ("a-source-no-longer-indexed",))]

    answer = followup_corpus.engine.ask("Varför fick de pengarna?", history)

    assert answer.answered
    assert {c.source for c in answer.citations} == {FIRST}
