"""`fou-bot eval`: run a question set on a folder of documents, in a fresh collection."""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from bot.settings import Settings

_CODE = ("funding", "ingest", "vector_store")  # the packages whose code decides what a store holds


@click.command("eval")
@click.argument("questions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--docs",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of documents to ingest into a fresh, separate collection.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write one JSON result per question.",
)
@click.option(
    "--split",
    type=click.Choice(["tuning", "locked", "all"]),
    default="all",
    show_default=True,
    help="Ask only the questions of this split (the whole folder is ingested regardless).",
)
@click.option(
    "--cache",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Keep the ingested store here and reuse it while the documents, the ingest code "
    "and the settings that build it are unchanged (default: a fresh store every run).",
)
@click.pass_obj
def eval_cmd(
    obj: dict[str, Any],
    questions: Path,
    docs: Path,
    out: Path,
    split: str,
    cache: Path | None,
) -> None:
    """Ask every question of QUESTIONS about DOCS and print the scores, per split."""
    from bot.cli.noise import reported_by_the_cli
    from bot.cli.render import console
    from bot.cli.report_lines import failure_line
    from bot.evaluation import by_split, load_questions, run_questions, select_split, summarise
    from bot.runtime import build_engine, ingest_options, open_store
    from bot.splits import set_is_locked
    from ingest.pipeline import ingest_paths

    settings = obj["settings"]
    locked = set_is_locked(questions)
    items = select_split(load_questions(questions), split, locked)
    with store_folder(cache, docs, settings) as (folder, ready):
        # A separate embedded store: the user's own index is never touched.
        isolated = settings.model_copy(
            update={"chroma_path": folder, "chroma_host": None, "collection": "fou-eval"}
        )
        store = open_store(isolated)
        if not ready:
            with reported_by_the_cli(settings, "ingest.pipeline"):
                report = ingest_paths([docs], store, ingest_options(isolated))
            for failure in report.failures:
                console.print(failure_line(failure), highlight=False, markup=False, soft_wrap=True)
            if cache is not None:
                (folder / "complete").write_text("ok\n", encoding="utf-8")
        rows = run_questions(build_engine(isolated, store), items, out)
    summary = {"all": summarise(items, rows), **by_split(items, rows, locked)}
    console.print_json(json.dumps(summary, ensure_ascii=False))
    console.print(f"wrote {len(rows)} results to {out}", highlight=False)


@contextmanager
def store_folder(cache: Path | None, docs: Path, settings: Settings) -> Iterator[tuple[Path, bool]]:
    """A folder for the eval store and whether it already holds a complete ingest."""
    if cache is None:
        with tempfile.TemporaryDirectory(prefix="fou-eval-") as tmp:
            yield Path(tmp), False
        return
    folder = cache / _fingerprint(docs, settings)
    folder.mkdir(parents=True, exist_ok=True)
    yield folder, (folder / "complete").exists()


def _fingerprint(docs: Path, settings: Settings) -> str:
    """A hash of the documents, the ingest and store code, and the settings that build it."""
    digest = hashlib.sha256()
    digest.update(f"{settings.embedding_model}|{settings.chunk_size}".encode())
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(docs)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    root = Path(__file__).resolve().parents[2]
    for package in _CODE:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
