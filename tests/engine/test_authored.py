"""Who said it, in a speech or opinion piece: its first-person sentences are its author's."""

from __future__ import annotations

import pytest

from tests.engine.corpus import Corpus, check_answer, check_declined, ingest_corpus
from tests.engine.dialog_texts import write_documents

_FICTION = "Fiktivt exempel – dokumentet är påhittat för fou-bots tester."

DOCUMENTS = {
    "anforande-budgetdebatt-2031": f"""---
title: Anförande vid budgetdebatten 2031
date: 2031-12-10
kind: other
---
{_FICTION}

Anförande hållet av Exempelstads socialborgarråd, Saga Provberg (C), vid kommunfullmäktiges
budgetsammanträde den 10 december 2031.

Ordförande, fullmäktige.

Skolan är den viktigaste skyddsfaktorn för barn. Jag kallar det för trygghet från första
lektionen. Därför får fältgruppen i Norrdal 2 miljoner kronor mer nästa år.
""",
    "nyhet-fritidsgard-2031": f"""---
title: Fritidsgården i Sydvik öppnar igen
date: 2031-05-02
kind: news
---
{_FICTION}

Fritidsgården i Sydvik öppnar igen efter renoveringen. Vi kallar det för en nystart för
kvarteret, står det på gårdens skylt.
""",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("authored")
    paths = write_documents(folder / "docs", DOCUMENTS)
    return ingest_corpus(folder / "chroma", paths, collection="authored")


def test_a_first_person_sentence_of_a_speech_is_its_speakers(corpus: Corpus) -> None:
    answer = corpus.engine.ask("Vem kallade det för trygghet från första lektionen?")
    assert answer.answered, answer.text
    assert answer.text.startswith("Saga Provberg (C) sa det"), answer.text
    assert "Jag kallar det för trygghet" in answer.citations[0].quote
    check_answer(answer, corpus)


def test_a_first_person_sentence_without_a_named_author_is_nobodys(corpus: Corpus) -> None:
    answer = corpus.engine.ask("Vem kallade det för en nystart för kvarteret?")
    check_declined(answer)  # a who-said answer is a speaker and a quote; here is no speaker
