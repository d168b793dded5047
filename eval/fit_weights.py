"""Fit the sentence scorer's weights on the TUNING split of a question set, and write them.

    python eval/fit_weights.py QUESTIONS.yaml --docs DOCS --cache DIR [--out FILE]

Every candidate sentence of every tuning question is a row: its features (see
bot.engine.scoring)
and a label, 1 when the sentence is in a gold document and carries the gold amount (amount
questions) or a must-mention phrase (others). A logistic regression with an L2 penalty is
fitted by gradient descent (numpy); the answering cut `min_score` is the score that best
separates the best sentence of answerable questions from that of unanswerable ones. Locked
questions and sets under a `locked` folder are never read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import yaml

from bot.cli.eval_cmd import store_folder
from bot.engine.candidates import candidates
from bot.engine.engine import RETRIEVE_K
from bot.engine.question import read_question, search_text
from bot.engine.scoring import FEATURES
from bot.evaluation import EvalQuestion, load_questions
from bot.retrieval import HybridRetriever
from bot.runtime import ingest_options, open_store
from bot.settings import Settings
from bot.splits import question_split, set_is_locked
from ingest.pipeline import ingest_paths


def label(question: EvalQuestion, source: str, text: str, values: set[int]) -> int:
    """1 when the sentence is evidence of the gold answer."""
    if source not in question.gold_docs:
        return 0
    if question.gold_amount_sek is not None:
        return int(question.gold_amount_sek in values)
    if question.must_mention:
        return int(any(m.lower() in text.lower() for m in question.must_mention))
    return 1


def rows(
    path: Path, docs: Path, cache: Path
) -> tuple[np.ndarray, np.ndarray, list[tuple[bool, list[int]]]]:
    """Features and labels of every candidate of every tuning question, and per question
    whether it is answerable with the row indexes of its candidates."""
    if set_is_locked(path):
        raise SystemExit(f"fit_weights: {path} is a locked set; it is never fitted on")
    settings = Settings()
    with store_folder(cache, docs, settings) as (folder, ready):
        isolated = settings.model_copy(
            update={"chroma_path": folder, "chroma_host": None, "collection": "fou-eval"}
        )
        store = open_store(isolated)
        if not ready:
            ingest_paths([docs], store, ingest_options(isolated))
            (folder / "complete").write_text("ok\n", encoding="utf-8")
        retriever = HybridRetriever(store)
        features: list[tuple[float, ...]] = []
        labels: list[int] = []
        groups: list[tuple[bool, list[int]]] = []
        for q in load_questions(path):
            if question_split(q.id, q.gold_docs) != "tuning":
                continue
            read = read_question(q.question)
            passages = retriever.retrieve(search_text(read), RETRIEVE_K)
            indexes = []
            for c in candidates(read, passages, retriever):
                values = {a.value for a in c.amounts}
                indexes.append(len(features))
                features.append(c.features)
                labels.append(label(q, c.passage.source, c.text, values))
            groups.append((bool(q.gold_docs), indexes))
    return np.array(features, dtype=float), np.array(labels, dtype=float), groups


def fit(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 4000
) -> tuple[np.ndarray, float]:
    """Logistic regression by gradient descent, positives weighted to balance the classes."""
    w = np.zeros(x.shape[1])
    b = 0.0
    positive = max(1.0, y.sum())
    weight = np.where(y == 1, (len(y) - positive) / positive, 1.0)
    weight = weight / weight.mean()
    rate = 0.5
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        error = (p - y) * weight
        w -= rate * (x.T @ error / len(y) + l2 * w / len(y))
        b -= rate * error.mean()
    return w, b


def cut(scores: np.ndarray, groups: list[tuple[bool, list[int]]]) -> float:
    """The score that keeps most answerable questions' best sentence above it and most
    unanswerable questions' best sentence below it (a decline weighs twice)."""
    best = [(answerable, float(scores[ix].max())) for answerable, ix in groups if ix]
    options = sorted({s for _, s in best})

    def value(t: float) -> float:
        return sum(1.0 if s >= t else 0.0 for a, s in best if a) + sum(
            2.0 if s < t else 0.0 for a, s in best if not a
        )

    return max(options, key=value) if options else 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--docs", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("prompts/sentence_weights.yaml"))
    args = parser.parse_args()
    x, y, groups = rows(args.questions, args.docs, args.cache)
    w, b = fit(x, y)
    scores = 1 / (1 + np.exp(-(x @ w + b)))
    threshold = cut(scores, groups)
    data = {
        "bias": round(float(b), 4),
        "min_score": round(threshold, 4),
        "weights": {f: round(float(v), 4) for f, v in zip(FEATURES, w, strict=True)},
    }
    header = (
        "# Fitted by eval/fit_weights.py on the tuning split of "
        f"{args.questions.name}: {len(y)} sentences, {int(y.sum())} positive, "
        f"{len(groups)} questions. Do not edit by hand; re-run the script.\n"
    )
    args.out.write_text(header + yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    print(json.dumps(data, indent=1))


if __name__ == "__main__":
    main()
