"""What an administrator sees: status, --version, ids that work, clear failures, quiet logs."""

from __future__ import annotations

import json
import logging
import re
import shutil
from importlib.metadata import version
from pathlib import Path

import docx
import pytest
from slack_bolt import App
from slack_sdk import WebClient

from bot.cli.noise import quiet_libraries
from bot.cli.sources_cmds import short_ids
from bot.settings import load_settings
from prompts.messages import EMPTY_INDEX_SV
from tests.cli.conftest import DATA, EXAMPLES, Cli, Indexed, squeeze

SKARHOLMEN = "07-skarholmen-foraldrastod-sommarlov-2024"
PERSONNUMMER = "811218-9876"  # Luhn-valid, made up


def one_line(text: str) -> str:
    return " ".join(text.split())


_PROGRESS = re.compile(r"^ingest: \d+/\d+ files")


def messages(stderr: str) -> list[str]:
    """The lines of stderr other than the progress lines ingest prints outside a terminal."""
    return [line for line in stderr.splitlines() if line.strip() and not _PROGRESS.match(line)]


# --- --version and status ---------------------------------------------------------------------


def test_version_prints_the_installed_version(cli: Cli) -> None:
    assert cli.ok("--version").stdout == f"fou-bot {version('fou-bot')}\n"


def test_status_reports_the_index_and_never_a_secret(indexed: Indexed) -> None:
    secrets = {
        "SLACK_BOT_TOKEN": "xoxb-status-test-secret",
        "SLACK_SIGNING_SECRET": "signing-status-test-secret",
        "FOU_LLM_API_KEY": "sk-status-test-secret",
        "FOU_DATABASE_URL": "postgresql://fou:hunter2-status@db.example:5432/fou",
    }
    listed = indexed.cli.json("sources", "list", "--json")

    as_json = indexed.cli.run("status", "--json", **secrets)
    as_text = indexed.cli.run("status", **secrets)

    assert as_json.exit_code == 0 and as_text.exit_code == 0, as_text.output
    status = json.loads(as_json.stdout)
    index = status["index"]
    assert index["state"] == "ready"
    assert index["documents"] == len(listed) == 14
    assert index["chunks"] == sum(d["chunk_count"] for d in listed)
    assert index["grants"] > 0 and index["last_ingest"]
    store = status["store"]
    assert store == {
        "collection": indexed.cli.collection,
        "kind": "embedded",
        "path": str(indexed.cli.chroma),
        "exists": True,
    }
    assert status["slack"]["SLACK_BOT_TOKEN"] == "set"
    assert status["slack"]["SLACK_APP_TOKEN"] == "not set"
    assert status["database"] == "postgresql://fou:***@db.example:5432/fou"
    for output in (as_json.output, as_text.output):
        for secret in ("status-test-secret", "hunter2"):
            assert secret not in output
    text = one_line(as_text.stdout)
    assert f"embedded Chroma at {indexed.cli.chroma}, collection {indexed.cli.collection}" in text
    assert "documents: 14 (" in text and "language model: none" in text


def test_status_without_an_index_says_where_it_looked_and_creates_nothing(cli: Cli) -> None:
    result = cli.run("status")

    assert result.exit_code == 1, result.output
    text = one_line(result.stdout)
    assert f"embedded Chroma at {cli.chroma} (not created yet)" in text
    assert "there is no index there yet" in text and "fou-bot ingest FOLDER" in text
    assert not cli.chroma.exists()


def test_status_with_an_unreachable_server_still_shows_the_settings(
    cli: Cli, dead_port: int
) -> None:
    result = cli.run("status", FOU_CHROMA_HOST="127.0.0.1", FOU_CHROMA_PORT=str(dead_port))

    assert result.exit_code == 2, result.output
    text = one_line(result.stdout)
    assert f"store: Chroma server 127.0.0.1:{dead_port}, collection {cli.collection}" in text
    assert "index: cannot be read: store: cannot reach the Chroma server" in text
    assert "language model: none" in text


def test_relative_paths_in_settings_are_shown_absolute(cli: Cli) -> None:
    result = cli.run("status", "--json", FOU_CHROMA_PATH="rel/chroma")

    status = json.loads(result.stdout)
    assert status["store"]["path"] == str(cli.home / "rel" / "chroma")
    assert status["database"].startswith(f"sqlite:///{cli.home}/")


# --- empty or missing index ---------------------------------------------------------------------


@pytest.mark.parametrize("command", [["ask", "Hur mycket fick Skärholmen?"], ["sources", "list"]])
def test_a_missing_index_is_one_line_naming_the_folder_and_is_not_created(
    cli: Cli, command: list[str]
) -> None:
    result = cli.run(*command)

    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: store: no index at {cli.chroma} (FOU_CHROMA_PATH")
    assert "fou-bot ingest FOLDER" in lines[0]
    assert not cli.chroma.exists()


def test_ask_on_an_empty_index_says_so_and_how_to_fill_it(cli: Cli) -> None:
    cli.ok("ingest", EXAMPLES / f"{SKARHOLMEN}.txt")
    cli.ok("sources", "remove", SKARHOLMEN)

    result = cli.run("ask", "Hur mycket fick Skärholmen?")

    assert result.exit_code == 1, result.output
    said = one_line(result.stderr)
    assert f"The index (embedded Chroma at {cli.chroma}, collection {cli.collection})" in said
    assert "holds no documents" in said and "fou-bot ingest FOLDER" in said


def test_the_bot_engine_says_plainly_that_the_index_is_empty(cli: Cli) -> None:
    from bot.runtime import EmptyIndexAware, build_engine

    cli.ok("ingest", EXAMPLES / f"{SKARHOLMEN}.txt")
    store = cli.store()
    settings = load_settings(llm_provider="none")
    engine = EmptyIndexAware(build_engine(settings, store), store)
    assert engine.ask("Hur mycket fick Skärholmen?").answered

    store.remove_document(store.list_documents()[0].doc_id)
    answer = engine.ask("Hur mycket fick Skärholmen?")

    assert (answer.text, answer.answered, answer.citations) == (EMPTY_INDEX_SV, False, ())
    assert engine.draft_quote("Karin Exempel", "unga vuxna").text == EMPTY_INDEX_SV
    assert engine.explain("FoU").text == EMPTY_INDEX_SV


def test_an_answer_shows_the_whole_time_since_the_start(indexed: Indexed) -> None:
    out = one_line(indexed.cli.ok("ask", "Hur mycket fick Skärholmen?").stdout)

    assert "(extractive, " in out and " s in all; answering took " in out


# --- ids that work --------------------------------------------------------------------------------


def test_sources_list_prints_ids_that_show_takes(indexed: Indexed) -> None:
    out = indexed.cli.ok("sources", "list").stdout
    docs = indexed.cli.json("sources", "list", "--json")
    printed = [line.split()[0] for line in out.splitlines() if line.strip().startswith("doc-")]

    assert len(printed) == len(docs) == 14
    for doc, shown in zip(docs, printed, strict=True):
        assert doc["doc_id"].startswith(shown) and len(shown) >= len("doc-") + 8
        got = json.loads(indexed.cli.ok("sources", "show", shown, "--json").stdout)
        assert got["doc_id"] == doc["doc_id"]


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        pytest.param(
            ["doc-aaaa1111x", "doc-bbbb2222y"], ["doc-aaaa1111", "doc-bbbb2222"], id="apart"
        ),
        pytest.param(
            ["doc-aaaa1111x", "doc-aaaa1111y", "doc-aaaa2222z"],
            ["doc-aaaa1111x", "doc-aaaa1111y", "doc-aaaa2222"],
            id="sharing-eight-digits",
        ),
    ],
)
def test_short_ids_are_the_shortest_unique_prefixes(ids: list[str], expected: list[str]) -> None:
    assert [short_ids(ids)[i] for i in ids] == expected


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("id", id="whole-id"),
        pytest.param("prefix", id="id-prefix"),
        pytest.param("bare-prefix", id="id-prefix-without-doc-"),
        pytest.param("source", id="source-name"),
        pytest.param("file", id="file-name"),
        pytest.param("path", id="path"),
    ],
)
def test_sources_show_takes_what_list_prints_and_shows_the_text(indexed: Indexed, key: str) -> None:
    (doc,) = [d for d in indexed.cli.json("sources", "list", "--json") if d["source"] == SKARHOLMEN]
    given = {
        "id": doc["doc_id"],
        "prefix": doc["doc_id"][:10],
        "bare-prefix": doc["doc_id"][4:12],
        "source": SKARHOLMEN,
        "file": f"{SKARHOLMEN}.txt",
        "path": doc["path"],
    }[key]

    shown = json.loads(indexed.cli.ok("sources", "show", given, "--text", "--json").stdout)
    as_text = squeeze(indexed.cli.ok("sources", "show", given, "--text").stdout)

    assert shown["doc_id"] == doc["doc_id"]
    assert "Socialnämnden har beviljat Skärholmens stadsdelsförvaltning" in shown["text"]
    assert squeeze("Socialnämnden har beviljat Skärholmens stadsdelsförvaltning") in as_text


def test_a_name_that_fits_several_documents_lists_them(cli: Cli, tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(EXAMPLES / f"{SKARHOLMEN}.txt", tmp_path / folder)
    # Two versions of one file name: the same content would be stored once, as a duplicate.
    with (tmp_path / "b" / f"{SKARHOLMEN}.txt").open("a", encoding="utf-8") as text:
        text.write("\nEn rad som bara den andra kopian har.\n")
    cli.ok("ingest", tmp_path / "a", tmp_path / "b")
    ids = sorted(d["doc_id"] for d in cli.json("sources", "list", "--json"))

    result = cli.run("sources", "remove", SKARHOLMEN)

    assert result.exit_code == 1
    said = one_line(result.output)
    assert f"'{SKARHOLMEN}' fits 2 documents" in said
    assert all(doc_id in said for doc_id in ids)
    assert "give the whole id or a longer prefix" in said
    assert len(cli.json("sources", "list", "--json")) == 2, "nothing removed"


def test_search_json_lists_ranked_passages_with_their_sources(indexed: Indexed) -> None:
    rows = json.loads(indexed.cli.ok("search", "föräldrastöd", "--k", "3", "--json").stdout)

    assert [r["rank"] for r in rows] == [1, 2, 3]
    assert rows[0]["source"] == SKARHOLMEN
    assert {"doc_id", "title", "date", "page", "text", "score"} <= set(rows[0])


def test_search_saves_the_persisted_index_and_loads_it_next_time(indexed: Indexed) -> None:
    cache = indexed.cli.chroma / f"fou-index-{indexed.cli.collection}.npz"
    cache.unlink(missing_ok=True)

    first = json.loads(indexed.cli.ok("search", "föräldrastöd", "--json").stdout)
    assert cache.is_file(), "the index built for the search is kept for the next command"
    written = cache.stat().st_mtime_ns
    again = json.loads(indexed.cli.ok("search", "föräldrastöd", "--json").stdout)

    assert cache.stat().st_mtime_ns == written, "loaded, not rebuilt and written again"
    assert [r["doc_id"] for r in again] == [r["doc_id"] for r in first]


# --- failures, redactions, Word files -------------------------------------------------------


def test_each_failed_file_is_one_line_with_its_path_and_redactions_one_line(
    cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(DATA / "corrupt.pdf", folder / "trasig-rapport.pdf")
    (folder / "latin1.txt").write_bytes("Ansökan från Påhittad förening".encode("latin-1"))
    (folder / "ansokan-a.txt").write_text(f"Ansökan 1. Sökande {PERSONNUMMER}.\n", "utf-8")
    (folder / "ansokan-b.txt").write_text(f"Ansökan 2. {PERSONNUMMER} och {PERSONNUMMER}.\n")

    result = cli.run("ingest", folder)

    assert result.exit_code == 1, result.output
    failed = messages(result.stderr)
    assert len(failed) == 2, result.stderr
    # Paths inside the working folder are shown relative to it, others whole.
    assert failed[0].startswith("failed: docs/latin1.txt: the file is not UTF-8")
    assert failed[1].startswith("failed: docs/trasig-rapport.pdf: the PDF is corrupt")
    assert "WARNING" not in result.stderr
    redacted = [line for line in result.stdout.splitlines() if line.startswith("redacted:")]
    assert redacted == [
        "redacted: 3 personal identity numbers were replaced before storing, in 2 files: "
        "docs/ansokan-a.txt (1), docs/ansokan-b.txt (2)"
    ]


@pytest.mark.parametrize(("level", "logged"), [("WARNING", False), ("DEBUG", True)])
def test_the_pipeline_log_line_comes_back_at_debug(
    cli: Cli, tmp_path: Path, caplog: pytest.LogCaptureFixture, level: str, logged: bool
) -> None:
    (tmp_path / "latin1.txt").write_bytes("Påhittad".encode("latin-1"))

    with caplog.at_level(logging.DEBUG):
        result = cli.run("ingest", tmp_path / "latin1.txt", FOU_LOG_LEVEL=level)

    assert result.exit_code == 1
    records = [r for r in caplog.records if r.name == "ingest.pipeline"]
    assert bool(records) is logged
    assert all("latin1.txt: the file is not UTF-8" in r.getMessage() for r in records)


def test_a_word_file_is_ingested_with_its_table_rows_in_the_ledger(
    cli: Cli, tmp_path: Path
) -> None:
    document = docx.Document()
    document.add_heading("Beslut om medel till Exempelby 2031", level=1)
    document.add_paragraph("Nämnden beslutade den 4 april 2031 att bevilja medel.")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells, ("Mottagare", "Belopp"), strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("Föreningen Påhittad", "640 000 kr"), strict=True):
        cell.text = text
    folder = tmp_path / "word"
    folder.mkdir()
    document.save(str(folder / "beslut-exempelby.docx"))
    (folder / "trasig.docx").write_bytes(b"not a zip")

    result = cli.run("ingest", folder)

    assert result.exit_code == 1
    assert one_line("\n".join(messages(result.stderr))).startswith(
        "failed: word/trasig.docx: the file is not a readable Word document"
    )
    (doc,) = cli.json("sources", "list", "--json")
    assert (doc["source"], doc["date"]) == ("beslut-exempelby", "2031-04-04")
    grants = cli.ok("grants", "--csv").stdout
    assert "640000" in grants and "Föreningen Påhittad" in grants


# --- library notices -----------------------------------------------------------------------------


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.mark.parametrize(("level", "shown"), [("INFO", False), ("DEBUG", True)])
def test_bolts_token_notice_is_held_back_below_debug(level: str, shown: bool) -> None:
    logger = logging.getLogger("slack_bolt.App")
    filters = list(logger.filters)
    logger.filters.clear()  # commands run in this process earlier installed theirs
    collect = _Collect()
    logging.getLogger().addHandler(collect)
    try:
        quiet_libraries(load_settings(log_level=level))
        App(
            token="xoxb-notice-test",
            client=WebClient(token="xoxb-notice-test"),
            signing_secret="notice-test",
            token_verification_enabled=False,
        )
        logger.error("a real error from Bolt")
    finally:
        logging.getLogger().removeHandler(collect)
        logger.filters[:] = filters

    notice = "As you gave `client` as well, `token` will be unused."
    assert (notice in collect.messages) is shown
    assert "a real error from Bolt" in collect.messages


@pytest.mark.parametrize("name", ["bm25s", "chromadb"])
def test_a_library_that_resets_its_logger_later_stays_quiet(name: str) -> None:
    """bm25s sets its logger to DEBUG on import, which now comes after the CLI starts."""
    from bot.runtime import configure_logging

    logger = logging.getLogger(name)
    level, filters = logger.level, list(logger.filters)
    collect = _Collect()
    logging.getLogger().addHandler(collect)
    try:
        configure_logging(load_settings(log_level="INFO"))
        logger.setLevel(logging.DEBUG)  # what `import bm25s` does
        logger.debug("Building index from tokens")
        logger.warning("a real warning")
    finally:
        logging.getLogger().removeHandler(collect)
        logger.setLevel(level)
        logger.filters[:] = filters

    assert collect.messages == ["a real warning"]
