"""`fou-bot ingest`, `sources`, `grants`, `search`, errors and help, run in process."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import click
import pytest

from bot.cli import main
from ingest import regrant as regrant_module
from ingest.models import KINDS
from tests.cli.conftest import DATA, EXAMPLES, Cli, Indexed, squeeze

STEMS = sorted(p.stem for p in EXAMPLES.iterdir())
SKARHOLMEN = "07-skarholmen-foraldrastod-sommarlov-2024"
SKARHOLMEN_TITLE = "Skärholmen får 380 000 kronor till föräldrastöd och sommarlovsaktiviteter"
TABLE = "02-fou-medel-lokala-utvecklingsprojekt-2024"
# The scorer reads these ten by name, in this order; new columns only ever come after them.
GRANT_COLUMNS = [
    "amount_sek",
    "approximate",
    "recipients",
    "purpose",
    "status",
    "body",
    "date",
    "source",
    "page",
    "sentence",
    "amount",
    "currency",
    "year",
]


def grant_rows(stdout: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(stdout))
    assert reader.fieldnames == GRANT_COLUMNS
    return list(reader)


# --- ingest -------------------------------------------------------------------------------


def test_ingest_json_reports_the_example_corpus(indexed: Indexed) -> None:
    result = indexed.ingest

    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    totals = report["totals"]
    assert (totals["added"], totals["failed"], totals["redactions"]) == (14, 0, 1)
    assert totals["chunks"] > 14 and totals["grants"] > 0
    assert sorted(Path(f["path"]).stem for f in report["files"]) == STEMS
    assert {f["status"] for f in report["files"]} == {"added"}


@pytest.mark.parametrize("as_json", [pytest.param(True, id="json"), pytest.param(False, id="text")])
def test_ingest_with_a_corrupt_pdf_exits_1_and_names_it(
    cli: Cli, tmp_path: Path, as_json: bool
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(DATA / "corrupt.pdf", folder / "trasig-rapport.pdf")
    shutil.copy(EXAMPLES / f"{SKARHOLMEN}.txt", folder)

    result = cli.run("ingest", folder, *(["--json"] if as_json else []))

    assert result.exit_code == 1, result.output
    if as_json:
        report = json.loads(result.stdout)
        assert (report["totals"]["added"], report["totals"]["failed"]) == (1, 1)
        (failed,) = [f for f in report["files"] if f["status"] == "failed"]
        assert failed["error"].startswith("ingest: trasig-rapport.pdf: the PDF is corrupt")
    else:
        assert "trasig-rapport.pdf: the PDF is corrupt" in " ".join(result.stderr.split())
    assert [d["source"] for d in cli.json("sources", "list", "--json")] == [SKARHOLMEN]


# --- sources --------------------------------------------------------------------------------


def test_sources_list_json_lists_every_document_newest_first(indexed: Indexed) -> None:
    rows = indexed.cli.json("sources", "list", "--json")

    assert sorted(r["source"] for r in rows) == STEMS
    dates = [r["date"] or "" for r in rows]
    assert dates == sorted(dates, reverse=True)
    for row in rows:
        assert "text" not in row
        assert row["doc_id"].startswith("doc-") and row["chunk_count"] > 0
        assert row["kind"] in KINDS and row["title"]


def test_sources_show_finds_a_document_by_source_name(indexed: Indexed) -> None:
    (row,) = [r for r in indexed.cli.json("sources", "list", "--json") if r["source"] == SKARHOLMEN]

    shown = squeeze(indexed.cli.ok("sources", "show", SKARHOLMEN).stdout)
    with_text = squeeze(indexed.cli.ok("sources", "show", row["doc_id"], "--text").stdout)

    for field in ("doc_id", "title", "date", "kind", "chunk_count"):
        assert squeeze(f"{field}: {row[field]}") in shown
    body = squeeze("Socialnämnden har beviljat Skärholmens stadsdelsförvaltning")
    assert body not in shown, "the text only with --text"
    assert body in with_text


def test_sources_show_of_an_unknown_name_says_so(indexed: Indexed) -> None:
    result = indexed.cli.run("sources", "show", "finns-inte")

    assert result.exit_code == 1
    assert "no document with id or source name 'finns-inte'" in result.output


def test_sources_remove_takes_the_document_its_passages_and_grants(cli: Cli) -> None:
    other = "12-protokollsutdrag-housing-first-unga-2024-10-22"
    cli.ok("ingest", EXAMPLES / f"{SKARHOLMEN}.txt", EXAMPLES / f"{other}.txt", "--json")
    (doc,) = [d for d in cli.json("sources", "list", "--json") if d["source"] == SKARHOLMEN]
    assert SKARHOLMEN in {r["source"] for r in grant_rows(cli.ok("grants", "--csv").stdout)}

    removed = cli.ok("sources", "remove", doc["doc_id"])

    assert doc["doc_id"] in removed.stdout
    assert [d["source"] for d in cli.json("sources", "list", "--json")] == [other]
    assert {r["source"] for r in grant_rows(cli.ok("grants", "--csv").stdout)} == {other}
    assert {c.metadata["source"] for c in cli.store().live_chunks()} == {other}


# --- grants ---------------------------------------------------------------------------------


def test_grants_csv_has_a_header_and_rows_with_amounts_and_sources(indexed: Indexed) -> None:
    rows = grant_rows(indexed.cli.ok("grants", "--csv").stdout)

    assert len(rows) > 10
    for row in rows:
        assert int(row["amount"]) > 0
        # kronor carry amount_sek; another currency carries its own figure and no kronor
        assert row["amount_sek"] == (row["amount"] if row["currency"] == "SEK" else "")
        assert row["source"] in STEMS
        assert row["approximate"] in ("True", "False")
        assert row["sentence"]
    vårberg = [r for r in rows if r["amount_sek"] == "350000" and r["source"] == TABLE]
    assert [(r["recipients"], r["page"]) for r in vårberg] == [("Skärholmen", "2")]


Check = Callable[[dict[str, str]], bool]


@pytest.mark.parametrize(
    ("options", "check"),
    [
        pytest.param(
            ["--recipient", "Skärholmen"],
            lambda r: "skärholmen" in r["recipients"].lower(),
            id="recipient",
        ),
        pytest.param(
            ["--min", "2000000"],
            lambda r: r["amount_sek"] != "" and int(r["amount_sek"]) >= 2_000_000,
            id="min",
        ),
        pytest.param(["--year", "2025"], lambda r: r["date"].startswith("2025"), id="year"),
    ],
)
def test_grants_filters_keep_only_matching_rows(
    indexed: Indexed, options: list[str], check: Check
) -> None:
    everything = grant_rows(indexed.cli.ok("grants", "--csv").stdout)

    rows = grant_rows(indexed.cli.ok("grants", *options, "--csv").stdout)

    assert rows == [r for r in everything if check(r)]
    assert 0 < len(rows) < len(everything)


def test_grants_status_and_body_filters_keep_only_matching_rows(indexed: Indexed) -> None:
    everything = grant_rows(indexed.cli.ok("grants", "--csv").stdout)
    statuses = {r["status"] for r in everything}
    assert "decided" in statuses

    decided = grant_rows(indexed.cli.ok("grants", "--status", "decided", "--csv").stdout)
    bodies = [r["body"] for r in everything if r["body"]]
    body = bodies[0]
    by_body = grant_rows(indexed.cli.ok("grants", "--body", body, "--csv").stdout)

    assert decided == [r for r in everything if r["status"] == "decided"]
    assert by_body == [r for r in everything if body.lower() in r["body"].lower()]
    assert by_body


def test_grants_json_has_the_same_rows_as_the_csv_with_typed_values(indexed: Indexed) -> None:
    rows = grant_rows(indexed.cli.ok("grants", "--csv").stdout)

    data = json.loads(indexed.cli.ok("grants", "--json").stdout)

    assert [(str(d["amount"]), d["currency"], d["source"]) for d in data] == [
        (r["amount"], r["currency"], r["source"]) for r in rows
    ]
    assert all(isinstance(d["recipients"], list) for d in data)
    assert all((d["amount_sek"] is None) == (d["currency"] != "SEK") for d in data)


def test_grants_table_fits_100_columns(indexed: Indexed) -> None:
    result = indexed.cli.ok("grants", COLUMNS="100")

    lines = result.stdout.splitlines()
    assert len(lines) > 10
    assert max(len(line) for line in lines) <= 100
    assert "cur" in lines[1] and "SEK" in result.stdout


def test_grants_for_skarholmen_are_the_two_it_got(indexed: Indexed) -> None:
    rows = grant_rows(indexed.cli.ok("grants", "--recipient", "Skärholmen", "--csv").stdout)

    assert sorted((int(r["amount_sek"]), r["source"]) for r in rows) == [
        (350_000, TABLE),
        (380_000, SKARHOLMEN),
    ]


# --- search ---------------------------------------------------------------------------------


def test_search_prints_numbered_passages_with_their_sources(indexed: Indexed) -> None:
    result = indexed.cli.ok("search", "föräldrastöd under sommarlovet i Skärholmen", "--k", "3")

    out = squeeze(result.stdout)
    assert [n for n in range(1, 6) if f"[{n}]" in out] == [1, 2, 3]
    first = out.index("[1]")
    assert squeeze(SKARHOLMEN_TITLE) in out[first : out.index("[2]")]
    assert squeeze("380 000 kronor") in out


# --- errors and help --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["ingest", str(EXAMPLES)], id="ingest"),
        pytest.param(["sources", "list"], id="sources-list"),
        pytest.param(["grants"], id="grants"),
        pytest.param(["search", "föräldrastöd"], id="search"),
        pytest.param(["ask", "Hur mycket fick Skärholmen?"], id="ask"),
    ],
)
def test_a_dead_chroma_server_is_one_clear_line_and_exit_2(
    cli: Cli, dead_port: int, args: list[str]
) -> None:
    result = cli.run(*args, FOU_CHROMA_HOST="127.0.0.1", FOU_CHROMA_PORT=str(dead_port))

    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: store: cannot reach the Chroma server at ")
    assert f"http://127.0.0.1:{dead_port}" in lines[0]
    assert "FOU_CHROMA_HOST" in lines[0]
    assert not cli.chroma.exists(), "no embedded store made instead"


def commands(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, command in sorted(group.commands.items()):
        yield (*path, name)
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))


def command_at(path: tuple[str, ...]) -> click.Command:
    command: click.Command = main
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=" ".join(("fou-bot", *p))) for p in [(), *commands(main)]]
)
def test_every_command_and_option_has_help(cli: Cli, path: tuple[str, ...]) -> None:
    command = command_at(path)

    result = cli.ok(*path, "--help")

    assert command.help and command.help.strip()
    assert command.help.split("\n")[0].strip()[:30] in " ".join(result.stdout.split())
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            assert param.help and param.help.strip(), f"{' '.join(path)} {param.opts[0]}"
            assert param.opts[0] in result.stdout


def test_ingest_prints_plain_progress_lines_when_not_on_a_terminal(
    cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    names = [f"{SKARHOLMEN}.txt", "14-farsta-anhorigstod-2025.md"]
    for name in names:
        shutil.copy(EXAMPLES / name, folder / name)
    shutil.copy(EXAMPLES / names[0], folder / "kopia.txt")

    result = cli.ok("ingest", folder)

    lines = [line for line in result.stderr.splitlines() if line.startswith("ingest: ")]
    assert lines[0].startswith("ingest: 0/3 files")
    assert lines[-1].startswith("ingest: 3/3 files, ") and "files/s" in lines[-1]
    assert "kopia.txt:samecontentas" in squeeze(result.stdout)


def test_grants_rebuild_rereads_only_what_an_older_extractor_read(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(EXAMPLES / f"{SKARHOLMEN}.txt", folder / f"{SKARHOLMEN}.txt")
    cli.ok("ingest", folder)
    before = grant_rows(cli.ok("grants", "--csv").stdout)

    assert (
        cli.ok("grants", "--rebuild").stdout.strip()
        == "grants: re-read 0 grant(s) of 0 document(s)"
    )
    monkeypatch.setattr(regrant_module, "EXTRACTOR_VERSION", regrant_module.EXTRACTOR_VERSION + 1)
    rebuilt = cli.ok("grants", "--rebuild").stdout.strip()

    assert rebuilt == f"grants: re-read {len(before)} grant(s) of 1 document(s)"
    assert grant_rows(cli.ok("grants", "--csv").stdout) == before
    assert not cli.store().model_loaded
