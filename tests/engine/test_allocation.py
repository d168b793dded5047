"""An earlier and a later figure are shown only for one allocation: same recipient, purpose."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

from tests.engine.corpus import check_answer, ingest_corpus, lead
from tests.engine.dialog_texts import (
    FIRST_DECISION,
    OTHER_PURPOSE,
    OTHER_RECIPIENT,
    RESTATED,
    write_documents,
)

_BOTH_DATES = ("Tidigare", "Senare")


@pytest.mark.parametrize(
    ("second", "question", "shown"),
    [
        pytest.param(
            RESTATED,
            "Hur mycket fick Skarpnäck för barn i årskurs 4–6?",
            True,
            id="same-recipient-same-purpose-shows-both",
        ),
        pytest.param(
            OTHER_PURPOSE,
            "Hur mycket fick Skarpnäck för barn i årskurs 4–6?",
            False,
            id="same-recipient-other-purpose",
        ),
        pytest.param(
            OTHER_RECIPIENT,
            "Hur mycket gick till läxhjälp för barn i årskurs 4–6?",
            False,
            id="same-purpose-other-recipient",
        ),
    ],
)
def test_an_earlier_figure_needs_the_same_recipient_and_purpose(
    tmp_path: Path, embeddings: Embeddings, second: tuple[str, str], question: str, shown: bool
) -> None:
    paths = write_documents(tmp_path / "docs", dict([FIRST_DECISION, second]))
    corpus = ingest_corpus(tmp_path / "chroma", paths, collection="allocation")

    answer = corpus.engine.ask(question)

    assert answer.answered, answer.text
    check_answer(answer, corpus)
    both = any(word in lead(answer) for word in _BOTH_DATES)
    assert both is shown, answer.text
    if shown:
        assert {c.source for c in answer.citations} == {FIRST_DECISION[0], RESTATED[0]}
    else:
        assert len({c.source for c in answer.citations}) == 1, answer.text
        assert len(answer.amounts_sek) == 1
