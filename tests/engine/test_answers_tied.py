"""End to end on a small corpus written for these tests: amounts tied to what is asked,
statuses labelled, boilerplate never quoted, recipients, reasons, English, follow-ups,
list sums and quote drafts."""

# The documents below keep their paragraphs on one line each, as real files do.
# ruff: noqa: E501

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.engine.types import Turn
from tests.engine.corpus import Corpus, check_answer, ingest_corpus, lead

DOCUMENTS = {
    "ekdalen-foreningsstod-2025.txt": """---
title: Föreningsstöd i Ekdalen 2025
date: 2025-03-04
kind: press_release
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Pressmeddelande • Mar 04, 2025 09:00 CET

Dnr SN 2025/0117

Socialnämnden i Stockholms stad har beslutat om föreningsstöd för 2025. Sammanlagt 42 föreningar får dela på 31 miljoner kronor.

Föreningen Fyrbåken får 640 000 kronor för läxhjälp till barn i Ekdalen. Pengarna ges eftersom många barn i Ekdalen saknar stöd med skolarbetet hemma.

Föreningen Ankaret får 410 000 kronor för samtalsgrupper för unga i Ekdalen.

Läs mer om föreningsstödet
""",
    "larkgarden-arrangorsbidrag.txt": """---
title: Arrangörsbidrag för Lärkgårdens sommarfest
date: 2025-02-10
kind: decision
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Stadsdelsnämnden i Stockholms stad beslutade att föreningar kan söka maximalt belopp 80 000 kr per ansökan för Lärkgårdens sommarfest.
""",
    "sjobacken-foreningsbidrag.txt": """---
title: Föreningsbidrag i Sjöbacken 2025
date: 2025-05-20
kind: news
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Stadsdelsnämnden i Stockholms stad fördelade föreningsbidrag på gårdagens sammanträde. Idrottsklubben Sjöbacken ville få de 90 000 kronor som de ansökt om, och inte 25 000 kronor som förvaltningen föreslagit.
""",
    "brobyggarna-esf.txt": """---
title: Projektet Brobyggarna får EU-pengar
date: 2025-01-15
kind: news
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Projektet Brobyggarna i Stockholms stad finansieras av Europeiska socialfonden med 300 000 euro under 2025.
""",
    "trygga-hem-regeringen.txt": """---
title: Regeringen satsar på Trygga hem
date: 2024-09-20
kind: press_release
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Regeringen avsätter 40 miljoner kronor per år under tre år för satsningen Trygga hem i Stockholms stad.
""",
    "ekdalen-utvecklingsmedel.txt": """---
title: Fördelning av lokala utvecklingsmedel i Ekdalen
date: 2025-04-02
kind: decision
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Stadsdelsnämnden i Stockholms stad beslutar att fördela lokala utvecklingsmedel enligt följande:

Ekdalens fritidsgård | 120 000 kr
Ekdalens bibliotek | 80 000 kr
Summa | 200 000 kr
""",
    "goteborg-laxhjalp.txt": """---
title: Göteborgs Stad stöder läxhjälp
date: 2025-03-01
kind: press_release
url: https://goteborg.se/press/laxhjalp
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Göteborgs Stad ger 150 000 kronor till läxhjälp i Ekdalen i Göteborg. Göteborgs Stad vill att fler barn i Göteborg klarar skolan.
""",
    "skarholmen-budget-2026.txt": """---
title: Skärholmens budget 2026 är lagd
date: 2026-01-12
kind: news
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Stadsdelsnämnden har lagt fram sitt förslag, som snart ska upp i kommunstyrelsen.

Förslag till årets budget är 702 miljoner kronor.
""",
    "ekdalen-nattvandring.txt": """---
title: Nattvandring i Ekdalen får stöd
date: 2025-06-02
kind: decision
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Stadsdelsnämnden i Stockholms stad avsätter 450 000 kronor för nattvandring i Ekdalen.

Nattvandringen i Ekdalen har hittills skötts av föreningar och grannar på frivillig basis, utan ersättning, och nämnden vill nu att arbetet blir mer stadigvarande under helgerna.

Arbetet följs upp av förvaltningen i slutet av året tillsammans med de föreningar som deltar.

Förra året lades inga pengar undan för detta.
""",
    "ensamhet-aldre-2027.txt": """---
title: Stöd mot ensamhet bland äldre 2027
date: 2026-11-03
kind: press_release
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Över 5 miljoner kronor kommer delas ut till föreningar som arbetar mot ensamhet bland äldre under 2027.

Föreningarna ordnar träffpunkter, telefonkedjor och promenadgrupper i flera stadsdelar, och många av dem har funnits i mer än tjugo år med hjälp av frivilliga som ringer upp och besöker äldre som bor ensamma hemma.

Ansökningarna har granskats av förvaltningen under hösten, och föreningarna får besked före jul om vilka verksamheter som kan fortsätta under det kommande året.

Driftsbidragen utgör merparten av summan och uppgår till 3,2 miljoner kronor.
""",
    "ekdalen-foreningsbidrag-fordelning.txt": """---
title: Så fördelades föreningsbidragen i Ekdalen
date: 2026-05-28
kind: news
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Stadsdelsnämnden i Stockholms stad fördelade föreningsbidragen för året på sitt senaste möte.

1. Gläntan Föreningen ansöker om totalt 60 000 kronor för sommarläger i Ekdalen.
Målgrupp Barn i närområdet

Förvaltningen föreslår att delvis bevilja föreningen bidrag om 32 000 kr.

2. Stigen Föreningen ansöker om totalt 45 000 kronor för läxhjälp i Ekdalen.
Målgrupp Skolbarn

Förvaltningen föreslår att bevilja föreningen bidrag om 41 000 kr.
""",
    "forskning-foraldrastod.txt": """---
title: Pågående forskning om stöd till föräldrar
date: 2025-09-01
kind: fou_plan
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Stöd till föräldrar vars barn är placerade

Studien följer föräldrar under och efter placeringen.

Projektledare: Karin Melkby, Ekdalens högskola Finansiering: ca 2,4 miljoner kr
""",
    "lindvik-budget-2026.txt": """---
title: Förslag: Så fördelas Lindviks budget 2026
date: 2026-01-09
kind: news
---
Fiktivt exempel – dokumentet är påhittat för fou-bots tester.

Stadsdelsnämnden i Lindvik har lagt fram sitt förslag inför det nya året.

Mest pengar i förslaget får hemtjänsten i Lindvik, 212,4 miljoner kronor.

Totalt landar årets budget på 688 miljoner kronor.

Fritidsgårdarna får 31,5 miljoner kronor.
""",
}


@pytest.fixture(scope="module")
def tied(tmp_path_factory: pytest.TempPathFactory, embeddings: object) -> Iterator[Corpus]:
    """The corpus above, ingested once into a store of its own."""
    folder = tmp_path_factory.mktemp("tied-corpus")
    docs = folder / "documents"
    docs.mkdir()
    for name, text in DOCUMENTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    yield ingest_corpus(folder / "chroma", [docs], collection="tied")


@pytest.mark.parametrize(
    ("question", "amounts"),
    [
        pytest.param(
            "Hur mycket fick Föreningen Fyrbåken?", (640_000,), id="the-share-not-the-pot"
        ),
        pytest.param(
            "Hur mycket fick Föreningen Solrosen?", (), id="no-figure-for-a-recipient-not-named"
        ),
        pytest.param(
            "Hur mycket finansiering har Karin Melkbys projekt om stöd till föräldrar fått?",
            (2_400_000,),
            id="a-person-named-in-the-genitive",
        ),
        pytest.param(
            "Hur mycket fick Föreningen Ankaret för läxhjälp?",
            (),
            id="an-amount-for-another-purpose-than-the-one-asked",
        ),
        pytest.param(
            "Hur mycket fick Tallen för läxhjälp i Ekdalen?",
            (),
            id="a-recipient-no-document-names-gets-no-figure",
        ),
        pytest.param(
            "Hur mycket betalades ut till Lärkgårdens sommarfest?", (), id="a-cap-is-not-a-payment"
        ),
        pytest.param(
            "Hur mycket föreslog förvaltningen att Idrottsklubben Sjöbacken skulle få?",
            (25_000,),
            id="the-second-figure-when-it-is-the-one-asked-for",
        ),
        pytest.param(
            "Hur mycket ville Idrottsklubben Sjöbacken få?",
            (90_000,),
            id="what-the-recipient-wanted-is-its-application",
        ),
        pytest.param(
            "How much do the 42 associations in Ekdalen share?",
            (31_000_000,),
            id="a-question-about-what-is-shared-asks-the-pot",
        ),
        pytest.param(
            "Hur mycket har Idrottsklubben Sjöbacken beviljats?",
            (),
            id="an-application-is-no-grant",
        ),
        pytest.param(
            "Hur mycket får Trygga hem under tre år?", (), id="one-year-is-not-the-three-year-total"
        ),
        pytest.param("Hur mycket pengar får projektet Brobyggarna?", (), id="euro-is-never-kronor"),
        pytest.param(
            "Hur stor är Lindviks budget 2026 enligt förslaget?",
            (688_000_000,),
            id="the-sentence-saying-the-key-word-over-a-share-tied-by-the-title",
        ),
        pytest.param(
            "Hur stor är Skärholmens budget 2026 enligt förslaget?",
            (702_000_000,),
            id="a-district-named-by-the-title-is-where-the-amount-is",
        ),
        pytest.param(
            "Hur mycket la stadsdelsnämnden undan för nattvandring i Ekdalen?",
            (450_000,),
            id="a-particle-of-the-question-is-no-key-word",
        ),
        pytest.param(
            "Vad föreslogs Gläntan få i Ekdalen?",
            (32_000,),
            id="the-association-is-the-one-its-list-item-names",
        ),
        pytest.param(
            "Vad föreslogs Stigen få i Ekdalen?",
            (41_000,),
            id="the-association-of-the-next-item-is-the-next-one",
        ),
        pytest.param(
            "Hur mycket driftsbidrag gick till föreningar som arbetar mot ensamhet bland äldre 2027?",
            (3_200_000,),
            id="the-sentence-saying-the-key-word-over-a-better-one-without-it",
        ),
    ],
)
def test_an_amount_is_stated_only_when_tied_to_the_question(
    tied: Corpus, question: str, amounts: tuple[int, ...]
) -> None:
    answer = tied.engine.ask(question)

    assert answer.amounts_sek == amounts, answer.text
    if answer.answered:
        check_answer(answer, tied)


def test_a_figure_not_tied_is_shown_as_evidence_and_not_as_the_answer(tied: Corpus) -> None:
    answer = tied.engine.ask("Hur mycket betalades ut till Lärkgårdens sommarfest?")

    assert not answer.answered
    assert "tak" in lead(answer)  # what the evidence does state
    assert any("80 000 kr" in c.quote for c in answer.citations)


def test_a_proposal_is_answered_with_its_label(tied: Corpus) -> None:
    answer = tied.engine.ask(
        "Hur mycket föreslog förvaltningen att Idrottsklubben Sjöbacken skulle få?"
    )

    assert answer.answered
    assert lead(answer).startswith("Det är ett förslag")


def test_a_euro_figure_does_not_answer_a_question_asking_kronor(tied: Corpus) -> None:
    answer = tied.engine.ask("Hur mycket i svenska kronor får projektet Brobyggarna?")

    assert not answer.answered
    assert answer.amounts_sek == ()
    assert "annan valuta" in lead(answer)
    assert any("300 000 euro" in c.quote for c in answer.citations)


def test_a_euro_figure_is_answered_as_written(tied: Corpus) -> None:
    answer = tied.engine.ask("Hur mycket pengar får projektet Brobyggarna?")

    assert answer.answered
    assert "300 000 euro" in lead(answer)


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Hur mycket fick Föreningen Fyrbåken?", id="amount"),
        pytest.param("Varför fick Föreningen Fyrbåken pengar?", id="why"),
        pytest.param("När beslutade socialnämnden om föreningsstödet i Ekdalen?", id="when"),
        pytest.param("Vilka föreningar fick föreningsstöd i Ekdalen 2025?", id="recipients"),
    ],
)
def test_boilerplate_is_never_quoted(tied: Corpus, question: str) -> None:
    answer = tied.engine.ask(question)

    for citation in answer.citations:
        assert "Dnr" not in citation.quote
        assert "Pressmeddelande •" not in citation.quote
        assert "Läs mer" not in citation.quote


def test_a_recipients_answer_lists_the_recipients_not_the_deciding_body(tied: Corpus) -> None:
    answer = tied.engine.ask("Vilka föreningar fick föreningsstöd i Ekdalen 2025?")

    assert "Fyrbåken" in answer.text
    assert "Ankaret" in answer.text
    assert not lead(answer).startswith("Socialnämnden")


def test_a_why_answer_quotes_the_reason(tied: Corpus) -> None:
    answer = tied.engine.ask("Varför fick Föreningen Fyrbåken pengar?")

    assert answer.answered
    assert any("eftersom" in c.quote for c in answer.citations), answer.text


def test_an_english_question_is_answered_in_english_with_swedish_quotes(tied: Corpus) -> None:
    answer = tied.engine.ask("How much did Föreningen Fyrbåken get?")

    assert answer.answered, answer.text
    assert answer.amounts_sek == (640_000,)
    assert "according to" in lead(answer)
    assert any("Föreningen Fyrbåken får 640 000 kronor" in c.quote for c in answer.citations)


def test_an_english_what_was_question_gets_the_amount_in_english(tied: Corpus) -> None:
    answer = tied.engine.ask("What grant did Föreningen Fyrbåken receive?")

    assert answer.amounts_sek == (640_000,), answer.text
    assert "according to" in lead(answer)


def test_a_follow_up_keeps_the_topic_and_asks_for_its_own_name(tied: Corpus) -> None:
    first_question = "Hur mycket fick Föreningen Fyrbåken?"
    first = tied.engine.ask(first_question)

    answer = tied.engine.ask("och Föreningen Ankaret då?", [Turn(first_question, first.text)])

    assert answer.amounts_sek == (410_000,)


def test_a_list_is_summed_from_its_rows_without_its_total_row(tied: Corpus) -> None:
    answer = tied.engine.ask(
        "Summera posterna i fördelningen av lokala utvecklingsmedel i Ekdalen – hur mycket?"
    )

    assert answer.amounts_sek == (200_000,), answer.text
    cited = " ".join(c.quote for c in answer.citations)
    assert "Ekdalens fritidsgård" in cited and "Ekdalens bibliotek" in cited
    assert "Summa" not in cited
    check_answer(answer, tied, computed=(200_000,))


def test_a_quote_draft_puts_no_document_sentence_in_the_politicians_mouth(tied: Corpus) -> None:
    answer = tied.engine.draft_quote("Anna Exempelsson", "läxhjälp i Ekdalen")

    assert "Anna Exempelsson förekommer inte i dokumenten" in answer.text
    for line in answer.text.splitlines():
        if "säger Anna Exempelsson" in line:
            assert not any(" ".join(c.quote.split()) in line for c in answer.citations)
    assert all("goteborg" not in c.source for c in answer.citations), "another city's facts"
