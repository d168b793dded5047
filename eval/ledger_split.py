"""Score the grants ledger on the tuning and the locked part of a gold set, side by side.

    python eval/ledger_split.py extract DOCS_DIR --out grants.csv
    python eval/ledger_split.py score GOLD.yaml grants.csv --docs DOCS_DIR [--details]

`extract` parses every document of DOCS_DIR and writes the ledger CSV exactly as
`fou-bot grants --csv` does, without a store (fast after a change to the extraction).
`score` writes the tuning and locked subsets of GOLD.yaml (split by bot/splits.py:
doc_split of each document stem; a set under a folder named `locked` is locked as a whole)
to a temporary folder and runs the scorer on each. `--details` (the misses) is passed for
the tuning subset only: locked rows are never shown, only their figures.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.splits import doc_split, set_is_locked  # noqa: E402
from funding.grants import extract_grants  # noqa: E402
from ingest.errors import IngestError  # noqa: E402
from ingest.formats import SUPPORTED_SUFFIXES  # noqa: E402
from ingest.ledger_rows import CSV_COLUMNS, csv_row  # noqa: E402
from ingest.models import ParsedDocument  # noqa: E402
from ingest.parse import PARSER_VERSION, parse_file  # noqa: E402

DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score_ledger.py"
HEADLINE = (
    "recall",
    "precision",
    "precision_sek_rows",
    "recipient_accuracy",
    "recipient_false_fill",
    "status_accuracy",
    "approximate_accuracy",
    "currency_errors",
)


def _parsed(path: Path, cache: Path | None) -> ParsedDocument:
    """The parsed document, from `cache` when its bytes were parsed before."""
    if cache is None:
        return parse_file(path, key=str(path), digest="eval")
    digest = hashlib.sha256(path.read_bytes() + PARSER_VERSION.encode()).hexdigest()[:24]
    cached = cache / f"{digest}.pickle"
    if cached.is_file():
        loaded: ParsedDocument = pickle.loads(cached.read_bytes())
        return loaded
    doc = parse_file(path, key=str(path), digest="eval")
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps(doc))
    return doc


def extract(docs: Path, out: Path, cache: Path | None = None) -> int:
    """Write the ledger CSV of every document under `docs`; returns the row count."""
    rows = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for path in sorted(docs.rglob("*")):
            if not path.is_file() or path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            try:
                doc = _parsed(path, cache)
            except IngestError as error:
                print(f"ledger_split: skipped {path.name}: {error}", file=sys.stderr)
                continue
            for grant in extract_grants(doc):
                writer.writerow(csv_row(grant))
                rows += 1
    return rows


def split_gold(gold: Path, folder: Path) -> dict[str, Path]:
    """Write GOLD's tuning and locked rows to `folder`; returns the files by split."""
    rows = yaml.safe_load(gold.read_text(encoding="utf-8")) or []
    whole_locked = set_is_locked(gold)
    parts: dict[str, list[object]] = {"tuning": [], "locked": []}
    for row in rows:
        parts["locked" if whole_locked else doc_split(str(row["doc"]))].append(row)
    files = {}
    for name, part in parts.items():
        path = folder / f"{gold.stem}.{name}.yaml"
        path.write_text(yaml.safe_dump(part, allow_unicode=True), encoding="utf-8")
        files[name] = path
    return files


def score(
    gold: Path, grants: Path, docs: list[Path], details: bool, scorer: Path
) -> dict[str, dict[str, object]]:
    """The scorer's figures on each split (details only on the tuning split)."""
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="ledger-split-") as tmp:
        kronor = Path(tmp) / "sek-rows.csv"
        _kronor_rows(grants, kronor)
        for name, path in split_gold(gold, Path(tmp)).items():
            results[name] = _run(scorer, path, grants, docs, details and name == "tuning", name)
            # The scorer counts a foreign amount (no amount_sek) against precision; the same
            # figure over the kronor rows alone shows what the SEK rows are worth.
            sek = _run(scorer, path, kronor, docs, False, name)
            results[name]["precision_sek_rows"] = sek["precision"]
            results[name]["precision_sek_rows_n"] = sek["precision_n"]
    return results


def _run(
    scorer: Path, gold: Path, grants: Path, docs: list[Path], details: bool, name: str
) -> dict[str, object]:
    command = [sys.executable, str(scorer), str(gold), str(grants)]
    if docs:
        command += ["--docs", *map(str, docs)]
    if details:
        command.append("--details")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"ledger_split: the scorer failed on the {name} split: {done.stderr}")
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _kronor_rows(grants: Path, out: Path) -> None:
    with grants.open(encoding="utf-8", newline="") as source:
        reader = csv.DictReader(source)
        rows = [row for row in reader if (row.get("amount_sek") or "").strip()]
        fields = reader.fieldnames or []
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="write the ledger CSV of a folder of documents")
    ex.add_argument("docs", type=Path)
    ex.add_argument("--out", type=Path, required=True)
    ex.add_argument("--cache", type=Path, help="keep parsed documents here between runs")
    sc = sub.add_parser("score", help="score a ledger CSV on the tuning and locked splits")
    sc.add_argument("gold", type=Path)
    sc.add_argument("grants", type=Path)
    sc.add_argument("--docs", type=Path, nargs="*", default=[])
    sc.add_argument("--details", action="store_true", help="misses of the tuning split")
    sc.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    sc.add_argument("--json", action="store_true", help="print the full figures as JSON")
    args = parser.parse_args(argv)
    if args.command == "extract":
        if not args.docs.is_dir():
            sys.exit(f"ledger_split: {args.docs}: not a folder; give the documents' folder")
        print(f"{extract(args.docs, args.out, args.cache)} rows -> {args.out}", file=sys.stderr)
        return
    for needed in (args.gold, args.grants, args.scorer):
        if not needed.is_file():
            sys.exit(f"ledger_split: {needed}: no such file; check the path")
    results = score(args.gold, args.grants, args.docs, args.details, args.scorer)
    if args.json or args.details:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return
    name = f"{args.gold.parent.name}/{args.gold.name}"
    print(f"{name}\n  {'metric':<22}{'tuning':>16}{'locked':>16}")
    for key in ("annotated_docs", "gold_rows", *HEADLINE):
        counted = f"{key}_n"
        cells = []
        for split in ("tuning", "locked"):
            value, count = results[split].get(key), results[split].get(counted)
            count = count if isinstance(count, str) else None
            shown = f"{value}" + (f" ({count})" if count and value is not None else "")
            cells.append(f"{shown:>16}")
        print(f"  {key:<22}{''.join(cells)}")


if __name__ == "__main__":
    main(sys.argv[1:])
