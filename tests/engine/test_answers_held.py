"""End to end on a small corpus written for these tests: recipients that are listed,
reasons that follow the money, definitions, sums that must not be computed, and amounts
never taken from a sentence about something else."""

# The documents below keep their paragraphs on one line each, as real files do.
# ruff: noqa: E501

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.engine.aggregate import _unread_row, coordinated
from bot.engine.clauses import own_clauses
from bot.engine.compose import shown_quote
from bot.engine.grounding import ungrounded_figures
from bot.engine.question import read_question
from funding import Grant, find_amounts
from tests.engine.corpus import Corpus, check_answer, ingest_corpus, lead

DOCUMENTS = {
    "norrdal-jourer-2026.txt": """---
title: Jourerna i Norrdal får mer 2026
date: 2026-01-20
kind: press_release
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Socialnämnden i Stockholms stad har fördelat stödet till jourerna för 2026.

Bland annat får Tallkottens jour, Vindrosens jour och Kompassens jour högre verksamhetsbidrag 2026. Jourerna får höjda anslag om totalt 2,4 miljoner kronor.

Under 2026 ska socialförvaltningen utveckla samarbetet med jourerna.

Verksamhetsbidragen till organisationer i Norrdal uppgår till 9,1 miljoner kronor.
""",
    "grannlyftet-norrdal.txt": """---
title: Grannlyftet i Norrdal
date: 2026-02-03
kind: news
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

I Grannlyftet är målet att fler boende ska känna sig trygga på kvällarna.

Grannlyftet är en samverkansmodell mellan bostadsbolag, skolor och föreningar i Norrdal. Arbetet leds av stadsdelens fältgrupp.

Bland de samverkande aktörerna finns bostadsbolaget Norrdalshem, Norrdalsskolan, fältgruppen och Föreningen Lyktan.
""",
    "vastergard-kvallsoppet.txt": """---
title: Kvällsöppet på Västergårds fritidsgård
date: 2026-03-12
kind: press_release
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Stadsdelsnämnden har i dag beslutat att anslå 1,2 miljoner kronor till Västergårds fritidsgård för kvällsöppet.

Fritidsgården ligger vid torget och har i dag öppet måndag till torsdag mellan klockan tre och nio på kvällen. Personalen består av sex fritidsledare, och under sommaren kommer även feriearbetande ungdomar att arbeta på gården. Gården har ett café, en musikstudio, en idrottshall och ett rum för läxläsning, och den samarbetar med skolorna i området kring lovaktiviteter. Varje vår ordnar gården en musikfestival tillsammans med föreningarna i stadsdelen, och på hösten hålls en turnering i bordtennis för alla åldrar.

Pengarna kommer att permanenta ett tidigare försök med öppet till midnatt på fredagar.
""",
    "ekasen-sommarjobb.txt": """---
title: Sommarjobb i Ekåsen
date: 2026-04-20
kind: press_release
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Stadsdelen satsar på sommarjobb för unga i år.

Syftet är att fler unga ska få arbetslivserfarenhet. Ekåsens fritidsgård får 300 000 kronor för sommarjobb till unga.
""",
    "norrdal-arrangorsbidrag.txt": """---
title: Arrangörsbidrag i Norrdal
date: 2026-04-01
kind: decision
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Områdena Björkås, Granås och Lindås kan söka ett arrangörsbidrag på 20 000 kronor var och Norrdal ett belopp på 40 000 kronor.
""",
    "lagerbidrag-2026.txt": """---
title: Bidrag till lägerverksamhet 2026
date: 2026-02-17
kind: decision
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Socialnämnden beviljar 500 000 kronor till Föreningen Tallkotten, 200 000 kronor till Föreningen Vindrosen och 100 000 kronor till Föreningen Kompassen för lägerverksamhet.
""",
    "ekbacken-projektforslag.txt": """---
title: Ekbackens stadsdelsnämnd – sammanträde 2026-05-14
date: 2026-05-14
kind: meeting_agenda
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Stadsdelsnämnden beslutar att godkänna samverkansgruppens förslag om lokala projekt enligt följande:
1. Ljusgården; läxhjälp för unga, 200 000 kr
2. Bryggan; sommarläger för barn, 150 000 kr
""",
}


@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory, embeddings: object) -> Iterator[Corpus]:
    """The corpus above, ingested once into a store of its own."""
    folder = tmp_path_factory.mktemp("held-corpus")
    docs = folder / "documents"
    docs.mkdir()
    for name, text in DOCUMENTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    yield ingest_corpus(folder / "chroma", [docs], collection="held")


def test_a_recipients_answer_quotes_the_sentence_listing_them(held: Corpus) -> None:
    answer = held.engine.ask("Vilka jourer fick höjt verksamhetsbidrag för 2026?")

    assert answer.answered, answer.text
    for name in ("Tallkottens jour", "Vindrosens jour", "Kompassens jour"):
        assert name in answer.text
    # The sentence naming the administration says what it will do, not who got money.
    assert "socialförvaltningen" not in lead(answer).lower()
    check_answer(answer, held)


def test_a_which_question_is_answered_by_the_enumerating_sentence(held: Corpus) -> None:
    answer = held.engine.ask("Vilka aktörer samverkar i Grannlyftet?")

    assert answer.answered, answer.text
    assert "Föreningen Lyktan" in answer.text
    assert "Norrdalsskolan" in answer.text
    check_answer(answer, held)


def test_a_numbered_list_is_quoted_with_a_line_per_item(held: Corpus) -> None:
    answer = held.engine.ask("Vilka projekt godkände Ekbackens stadsdelsnämnd i maj 2026?")

    assert answer.answered, answer.text
    assert "\n> 1. Ljusgården" in answer.text
    assert "\n> 2. Bryggan" in answer.text
    check_answer(answer, held)


def test_a_why_answer_quotes_what_the_money_does(held: Corpus) -> None:
    answer = held.engine.ask(
        "Stadsdelsnämnden anslog 1,2 miljoner till Västergårds fritidsgård – vad skulle pengarna åstadkomma?"
    )

    assert answer.answered, answer.text
    assert "permanenta ett tidigare försök" in answer.text
    check_answer(answer, held)


def test_a_why_answer_from_a_last_paragraph_quotes_no_empty_span(held: Corpus) -> None:
    answer = held.engine.ask("Varför får Ekåsens fritidsgård pengar för sommarjobb till unga?")

    assert answer.answered, answer.text
    check_answer(answer, held)  # every quote verbatim and not empty


def test_onboarding_quotes_the_definition_not_a_sentence_about_it(held: Corpus) -> None:
    answer = held.engine.ask("Vad är Grannlyftet?")

    assert answer.answered, answer.text
    first = answer.citations[0].quote
    assert first.startswith("Grannlyftet är en samverkansmodell"), first
    assert "fältgrupp" in first  # with the next sentence of its paragraph
    check_answer(answer, held)


def test_an_amount_is_not_taken_from_a_sentence_about_something_else(held: Corpus) -> None:
    answer = held.engine.ask("Med hur mycket höjdes anslagen till jourerna i Norrdal 2026?")

    # 9,1 miljoner are all organisations' grants: stating them would be a wrong figure.
    assert 9_100_000 not in answer.amounts_sek, answer.text
    check_answer(answer, held)


def test_figures_for_each_of_several_are_never_summed_as_written(held: Corpus) -> None:
    answer = held.engine.ask(
        "Om alla fyra områdena i Norrdal söker arrangörsbidraget, hur mycket blir det totalt?"
    )

    # 20 000 + 40 000 would leave out that three areas may apply for 20 000 each.
    assert 60_000 not in answer.amounts_sek, answer.text
    check_answer(answer, held, computed=answer.amounts_sek)


@pytest.mark.parametrize(
    ("quote", "shown"),
    [
        pytest.param("Ett två\ntre fyra.", "Ett två tre fyra.", id="a-sentence-on-one-line"),
        pytest.param(
            "Enligt följande:\n1. Ljusgården, 200 000 kr\n2. Bryggan",
            "Enligt följande:\n> 1. Ljusgården, 200 000 kr\n> 2. Bryggan",
            id="numbered-items",
        ),
        pytest.param("Listan:\n• A\n• B", "Listan:\n> • A\n> • B", id="bullets"),
    ],
)
def test_a_quote_is_shown_on_one_line_but_for_list_items(quote: str, shown: str) -> None:
    assert shown_quote(quote) == shown


def test_list_numbering_in_a_quoted_line_is_no_figure() -> None:
    text = "Projekten är:\n> 1. Ljusgården\n> 2. Bryggan"

    assert ungrounded_figures(text, ["Ljusgården Bryggan"]) == []
    assert ungrounded_figures("Det blev 2 projekt.", ["Ljusgården Bryggan"]) == ["2"]


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Vad skulle pengarna åstadkomma?", id="sv"),
        pytest.param("What should the money achieve?", id="en"),
    ],
)
def test_what_money_should_achieve_is_a_why_question(question: str) -> None:
    assert read_question(question).kind == "why"


def test_a_figure_broken_over_two_lines_grounds_the_figure_on_one() -> None:
    # PDFs break lines anywhere: "25\nmiljoner kronor" in the source, on one line in the quote.
    assert ungrounded_figures("25 miljoner kronor", ["de 25\nmiljoner kronor som"]) == []
    assert ungrounded_figures("35 miljoner kronor", ["de 25\nmiljoner kronor som"]) == [
        "35 miljoner kronor"
    ]


def _row(text: str, line: str, amount: int) -> Grant:
    start = text.index(line)
    return Grant(
        amount_sek=amount,
        approximate=False,
        recipients=(),
        purpose=None,
        body=None,
        date="2026-01-01",
        status="budget",
        doc_id="doc-1",
        source="lista",
        title="Lista",
        page=None,
        start=start,
        end=start + len(line),
        sentence=line,
    )


_LIST = "Satsningar:\n• Läxhjälp 2 miljoner\n• Fältgrupp 3 miljoner\n• Nattvandring 1 miljoner\nTotalt 6 miljoner"


@pytest.mark.parametrize(
    ("read", "unread"),
    [
        pytest.param(
            [("• Läxhjälp 2 miljoner", 2_000_000), ("• Nattvandring 1 miljoner", 1_000_000)],
            True,
            id="a-line-between-rows-the-ledger-missed",
        ),
        pytest.param(
            [
                ("• Läxhjälp 2 miljoner", 2_000_000),
                ("• Fältgrupp 3 miljoner", 3_000_000),
                ("• Nattvandring 1 miljoner", 1_000_000),
            ],
            False,
            id="every-line-read",
        ),
    ],
)
def test_a_list_sum_needs_every_row_of_the_list(read: list[tuple[str, int]], unread: bool) -> None:
    rows = [_row(_LIST, line, amount) for line, amount in read]

    assert _unread_row(_LIST, rows) is unread


def test_a_sum_of_named_recipients_adds_each_ones_own_amount(held: Corpus) -> None:
    answer = held.engine.ask(
        "Hur mycket fick Föreningen Tallkotten och Föreningen Kompassen tillsammans för lägerverksamhet?"
    )

    assert answer.amounts_sek == (600_000,), answer.text
    check_answer(answer, held, computed=(600_000,))


@pytest.mark.parametrize(
    ("question", "names", "joined"),
    [
        pytest.param(
            "Hur mycket fick A, B och C tillsammans?", ["A", "B", "C"], ["A", "B", "C"], id="a-list"
        ),
        pytest.param("Hur mycket fick A och B?", ["B", "A"], ["A", "B"], id="in-question-order"),
        # "the third" is named in other words: a sum of A and B would leave it out.
        pytest.param("Lägg ihop A, B och den tredje", ["A", "B"], [], id="an-item-not-named"),
        pytest.param("Summera X, A och B", ["A", "B"], [], id="a-list-that-starts-earlier"),
        pytest.param("Hur mycket fick A i B?", ["A", "B"], [], id="no-list"),
    ],
)
def test_coordinated_names_are_a_whole_list(
    question: str, names: list[str], joined: list[str]
) -> None:
    assert coordinated(read_question(question), names) == joined


def test_each_amount_of_a_sentence_has_its_own_clause() -> None:
    text = (
        "Nämnden ger 400 000 kr till Ljusgården, 150 000 kr till Bryggan och Fyren får 90 000 kr."
    )
    amounts = find_amounts(text)
    clauses = own_clauses(text, amounts)

    assert [
        name
        for a in amounts
        for name in ("Ljusgården", "Bryggan", "Fyren")
        if name in clauses[a.start]
    ] == [
        "Ljusgården",
        "Bryggan",
        "Fyren",
    ]
    assert own_clauses("Fyren får 90 000 kr.", find_amounts("Fyren får 90 000 kr.")) == {}


@pytest.mark.parametrize(
    ("question", "amount"),
    [
        pytest.param(
            "Hur mycket fick Föreningen Vindrosen för lägerverksamhet?", 200_000, id="second"
        ),
        pytest.param(
            "Hur mycket fick Föreningen Kompassen för lägerverksamhet?", 100_000, id="third"
        ),
    ],
)
def test_of_several_amounts_in_a_sentence_the_named_ones_own_is_stated(
    held: Corpus, question: str, amount: int
) -> None:
    answer = held.engine.ask(question)

    assert answer.amounts_sek == (amount,), answer.text
    check_answer(answer, held)
