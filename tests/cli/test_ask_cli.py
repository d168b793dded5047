"""`fou-bot ask` and `fou-bot eval`, run in process on the example corpus."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from bot.cli import main
from bot.engine.types import Answer, Turn
from bot.retrieval import HybridRetriever
from bot.runtime import snapshot_file
from bot.settings import load_settings
from ingest.parse import parse_file
from prompts.messages import NO_ANSWER_SV
from tests.cli.conftest import EXAMPLES, REPO, Cli, Indexed

QUESTIONS = REPO / "examples" / "questions.yaml"
FILES = {p.stem: p for p in EXAMPLES.iterdir()}
RESULT_KEYS = {
    "id",
    "question",
    "answered",
    "answer",
    "amounts_sek",
    "citations",
    "retrieved",
    "mode",
    "latency_ms",
}
CITATION_KEYS = {"n", "source", "title", "url", "date", "page", "quote"}


def stored_texts(cli: Cli) -> dict[str, str]:
    """source -> the text the store keeps for it."""
    return {d.source: d.text for d in cli.store().list_documents(with_text=True)}


def ask(cli: Cli, question: str, **env: str | None) -> dict[str, Any]:
    result = cli.ok("ask", question, "--json", **env)
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def test_ask_json_answers_an_amount_with_verbatim_quotes(indexed: Indexed) -> None:
    answer = ask(indexed.cli, "Hur mycket fick Skärholmen för unga vuxna i Vårberg?")

    assert answer["answered"] is True
    assert 350_000 in answer["amounts_sek"]
    assert answer["citations"]
    texts = stored_texts(indexed.cli)
    for citation in answer["citations"]:
        assert citation["quote"] in texts[citation["source"]], citation
        assert f"[{citation['n']}]" in answer["text"]
    assert "02-fou-medel-lokala-utvecklingsprojekt-2024" in {
        c["source"] for c in answer["citations"]
    }


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Hur många elbussar köpte SL under 2022?", id="buses"),
        pytest.param("Vilket lag vann allsvenskan i fotboll 1998?", id="football"),
    ],
)
def test_ask_json_declines_what_the_documents_do_not_cover(indexed: Indexed, question: str) -> None:
    answer = ask(indexed.cli, question)

    assert answer["answered"] is False
    assert answer["text"].startswith(NO_ANSWER_SV)
    assert (answer["amounts_sek"], answer["citations"]) == ([], [])


def question_of(length: int) -> str:
    """A real question padded to exactly `length` characters, single-spaced."""
    text = "Hur mycket fick Skärholmen för unga vuxna i Vårberg"
    while len(text) < length:
        text += " och"
    text = text[: length - 1].rstrip()
    return text + "?" * (length - len(text))


@pytest.mark.parametrize(
    ("limit", "length", "exit_code"),
    [
        pytest.param(None, 2001, 1, id="over-the-default-2000"),
        pytest.param("80", 81, 1, id="over-a-set-limit"),
        pytest.param("80", 80, 0, id="at-the-limit"),
    ],
)
def test_a_question_over_the_length_limit_is_refused(
    indexed: Indexed, limit: str | None, length: int, exit_code: int
) -> None:
    question = question_of(length)
    assert len(question) == length

    result = indexed.cli.run("ask", question, FOU_MAX_QUESTION_CHARS=limit)

    assert result.exit_code == exit_code, result.output
    if exit_code:
        refused = " ".join(result.stderr.split())
        assert f"{length} characters is over the limit of {limit or 2000}" in refused
        assert "FOU_MAX_QUESTION_CHARS" in refused
        assert "Traceback" not in result.output


def test_eval_writes_one_result_per_question_in_the_format(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "tmp" / "results.jsonl"
    questions = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))

    result = cli.ok("eval", QUESTIONS, "--docs", EXAMPLES, "--out", out)

    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [q["id"] for q in questions]
    texts = {stem: parse_file(path, key=str(path), digest="").text for stem, path in FILES.items()}
    for row in rows:
        assert set(row) == RESULT_KEYS
        assert isinstance(row["answered"], bool) and isinstance(row["answer"], str)
        assert all(isinstance(a, int) for a in row["amounts_sek"])
        assert row["mode"] == "extractive"
        assert isinstance(row["latency_ms"], float | int) and row["latency_ms"] >= 0
        assert len(row["retrieved"]) <= 10 and set(row["retrieved"]) <= set(FILES)
        for citation in row["citations"]:
            assert set(citation) == CITATION_KEYS
            assert citation["source"] in FILES
            assert citation["quote"] in texts[citation["source"]], (row["id"], citation)
    assert sum(r["answered"] for r in rows) > len(rows) // 2
    assert "hit@5" in result.stdout
    summary = " ".join(result.stdout.split())
    assert '"ungrounded_answers": 0,' in summary  # every figure from a cited source
    assert '"computed_answers": 3,' in summary  # the example set's sums and differences
    assert not cli.chroma.exists(), "the user's store is never touched"


class RecordingEngine:
    """The real engine, recording the history each question is asked with."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.asked: list[tuple[str, tuple[Turn, ...]]] = []
        self.answers: list[Answer] = []

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        self.asked.append((question, tuple(history)))
        answer: Answer = self.engine.ask(question, history)
        self.answers.append(answer)
        return answer


def test_chat_turns_carry_the_sources_the_answer_cited(
    indexed: Indexed, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.cli.ask_cmds
    import bot.runtime

    made: list[RecordingEngine] = []
    real = bot.runtime.build_engine

    def recording(*args: Any, **kwargs: Any) -> RecordingEngine:
        made.append(RecordingEngine(real(*args, **kwargs)))
        return made[-1]

    monkeypatch.setattr(bot.runtime, "build_engine", recording)
    monkeypatch.setattr(bot.cli.ask_cmds, "build_engine", recording, raising=False)
    questions = ["Hur mycket fick Farsta för anhörigstöd?", "Varför fick de pengarna?"]

    with contextlib.chdir(indexed.cli.home):
        result = CliRunner().invoke(
            main, ["chat"], input="\n".join(questions) + "\n", env=indexed.cli.env()
        )

    assert result.exit_code == 0, result.output
    [engine] = made
    assert len(engine.answers) == 2, result.output
    first, second = engine.answers
    assert [q for q, _ in engine.asked] == questions
    assert engine.asked[1][1] == (Turn.of(questions[0], first),)
    cited = {c.source for c in first.citations}
    assert cited and engine.asked[1][1][0].sources == tuple(dict.fromkeys(cited))
    assert second.answered and {c.source for c in second.citations} <= cited


def test_a_restarted_bot_loads_the_persisted_index_until_chroma_changes(
    cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("07-skarholmen-foraldrastod-sommarlov-2024.txt", "14-farsta-anhorigstod-2025.md"):
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    cli.ok("ingest", folder)
    question = "Hur mycket fick Skärholmen för föräldrastöd?"
    first = ask(cli, question)  # builds the index and writes the cache beside the store
    settings = load_settings(chroma_path=cli.chroma, chroma_host=None, collection=cli.collection)
    cache = snapshot_file(settings)
    assert cache.path.parent == cli.chroma and cache.path.is_file()

    restarted = HybridRetriever(cli.store(), cache=cache)
    restarted.warm_up()
    assert (restarted._corpus.builds, restarted._corpus.loads) == (0, 1)
    assert first["answered"] and 380_000 in first["amounts_sek"]
    assert ask(cli, question)["text"] == first["text"]

    (folder / "ny.txt").write_text("Socialnämnden beviljar Farsta 50 000 kronor.\n", "utf-8")
    cli.ok("ingest", folder)
    restarted.snapshot()
    assert (restarted._corpus.builds, restarted._corpus.loads) == (1, 1), "Chroma changed"
