"""`fou-bot eval`: run a question set on a folder of documents, in a fresh collection."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import click


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
@click.pass_obj
def eval_cmd(obj: dict[str, Any], questions: Path, docs: Path, out: Path) -> None:
    """Ask every question of QUESTIONS about DOCS and print the scores."""
    from bot.cli.noise import reported_by_the_cli
    from bot.cli.render import console
    from bot.cli.report_lines import failure_line
    from bot.evaluation import load_questions, run_questions, summarise
    from bot.runtime import build_engine, ingest_options, open_store
    from ingest.pipeline import ingest_paths

    settings = obj["settings"]
    items = load_questions(questions)
    with tempfile.TemporaryDirectory(prefix="fou-eval-") as tmp:
        # A throwaway embedded store: the user's own index is never touched.
        isolated = settings.model_copy(
            update={"chroma_path": Path(tmp), "chroma_host": None, "collection": "fou-eval"}
        )
        store = open_store(isolated)
        with reported_by_the_cli(settings, "ingest.pipeline"):
            report = ingest_paths([docs], store, ingest_options(isolated))
        for failure in report.failures:
            console.print(failure_line(failure), highlight=False, markup=False, soft_wrap=True)
        rows = run_questions(build_engine(isolated, store), items, out)
    summary = summarise(items, rows)
    console.print_json(json.dumps(summary))
    console.print(f"wrote {len(rows)} results to {out}", highlight=False)
