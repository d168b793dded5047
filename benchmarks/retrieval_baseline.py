"""fou-bot's retrieval against the plain LangChain pipeline a user would otherwise build.

Run: `make bench-retrieval` (or `.venv/bin/python -m benchmarks.retrieval_baseline`).
On the development set (skipped when absent) and on examples/: hit@k (a gold document
among the sources of the top k passages) over the answerable questions, for fou-bot's
retriever (ingest_paths into a fresh store, HybridRetriever, the engine's query text),
its dense-only, BM25-only and fused variants, and the baseline: file text without front
matter (pypdf for PDFs), RecursiveCharacterTextSplitter(1000, 200), the same embedding
model, a fresh in-memory Chroma collection (cosine), similarity_search(k=4).
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.common import DEV, EXAMPLE_QUESTIONS, EXAMPLES, quiet_libraries, table
from bot.evaluation import EvalQuestion, load_questions
from bot.retrieval import HybridRetriever
from bot.runtime import configure_offline, ingest_options, open_store
from bot.settings import Settings, load_settings
from bot.splits import question_split
from ingest.pipeline import ingest_paths

Search = Callable[[str, int], list[str]]  # question, k -> sources of the top k, best first
FRONT_MATTER = re.compile(r"\A\ufeff?\s*---[ \t]*\r?\n.*?\r?\n---[ \t]*\r?\n", re.DOTALL)
KS = (1, 4, 5)


def fou_bot_searches(settings: Settings, docs: Path) -> tuple[dict[str, Search], int]:
    """fou-bot's retriever and its variants over a fresh store of `docs`; chunk count."""
    from bot.engine.question import read_question, search_text

    store = open_store(settings)
    ingest_paths([docs], store, ingest_options(settings))

    def over(retriever: HybridRetriever) -> Search:
        def search(question: str, k: int) -> list[str]:
            passages = retriever.retrieve(search_text(read_question(question)), k)
            return [p.source for p in passages]

        return search

    plain = HybridRetriever(store)

    def bm25_only(question: str, k: int) -> list[str]:
        snap = plain.snapshot()
        found = snap.lexical.search(search_text(read_question(question)), k)
        return [str(snap.chunks[cid].metadata.get("source", "")) for cid, _ in found]

    searches = {
        "fou-bot (BM25 first, dense fills)": over(plain),
        "BM25 only": bm25_only,
        "dense only": over(HybridRetriever(store, dense_weight=1.0, lexical_weight=0.0)),
        "fused RRF 1:1": over(HybridRetriever(store, dense_weight=1.0, lexical_weight=1.0)),
        "fused RRF 1:2 (lexical heavier)": over(
            HybridRetriever(store, dense_weight=1.0, lexical_weight=2.0)
        ),
    }
    return searches, store.count_chunks()


def file_text(path: Path) -> str:
    """What a user's loader gives: pypdf text for PDFs, else the file without front matter."""
    if path.suffix.lower() == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return FRONT_MATTER.sub("", path.read_text(encoding="utf-8"), count=1)


def langchain_search(settings: Settings, docs: Path, name: str) -> tuple[Search, int]:
    """The plain LangChain pipeline over `docs`; its search and chunk count."""
    import chromadb
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from vector_store.client import chroma_settings
    from vector_store.embeddings import load_embeddings

    files = sorted(p for p in docs.rglob("*") if p.is_file() and not p.name.startswith("."))
    loaded = [Document(file_text(p), metadata={"source": p.stem}) for p in files]
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    chunks = splitter.split_documents(loaded)
    vectors = Chroma(
        collection_name=f"langchain-{name}-{time.time_ns()}",
        embedding_function=load_embeddings(settings.embedding_model),
        client=chromadb.EphemeralClient(settings=chroma_settings()),
        collection_metadata={"hnsw:space": "cosine"},
    )
    vectors.add_documents(chunks)

    def search(question: str, k: int) -> list[str]:
        return [str(d.metadata["source"]) for d in vectors.similarity_search(question, k=k)]

    return search, len(chunks)


def hits(search: Search, questions: Sequence[EvalQuestion]) -> dict[int, float]:
    """hit@k for each k in KS over the questions (each searched once per k)."""
    found = {k: 0 for k in KS}
    for question in questions:
        for k in KS:
            if set(search(question.question, k)[:k]) & set(question.gold_docs):
                found[k] += 1
    return {k: found[k] / max(len(questions), 1) for k in KS}


def run(
    name: str, docs: Path, questions_file: Path, model: str | None = None
) -> dict[str, dict[int, float]]:
    """Print the tables for one question set (tuning and locked split); hit@k per retriever."""
    answerable = [q for q in load_questions(questions_file) if q.gold_docs]
    parts = {
        split: [q for q in answerable if question_split(q.id, q.gold_docs) == split]
        for split in ("tuning", "locked")
    }
    with tempfile.TemporaryDirectory(prefix="fou-bench-retrieval-") as tmp:
        overrides = {"embedding_model": model} if model else {}
        settings = load_settings(
            chroma_path=Path(tmp) / "chroma", chroma_host=None, collection="retrieval", **overrides
        )
        started = time.perf_counter()
        searches, ours = fou_bot_searches(settings, docs)
        baseline, theirs = langchain_search(settings, docs, name)
        searches["LangChain baseline (1000/200, k=4)"] = baseline
        by_split = {
            split: {label: hits(search, qs) for label, search in searches.items()}
            for split, qs in parts.items()
        }
        results = {label: hits(search, answerable) for label, search in searches.items()}
    files = sum(1 for p in docs.rglob("*") if p.is_file())
    print(
        f"\n{name} ({settings.embedding_model}): {files} documents, {len(answerable)} answerable "
        f"questions ({len(parts['tuning'])} tuning, {len(parts['locked'])} locked); "
        f"{ours} fou-bot chunks, {theirs} LangChain chunks ({time.perf_counter() - started:.0f} s)"
    )
    rows = [
        [label, *(f"{by_split[s][label][k]:.2f}" for s in by_split for k in KS)]
        for label in results
    ]
    print(table(["retriever", *(f"{s[:4]} hit@{k}" for s in by_split for k in KS)], rows))
    ours_hit = results["fou-bot (BM25 first, dense fills)"][4]
    base_hit = results["LangChain baseline (1000/200, k=4)"][4]
    print(f"hit@4: fou-bot {ours_hit:.2f}, LangChain baseline {base_hit:.2f}", end="")
    print(f" (ratio {ours_hit / base_hit:.2f})" if base_hit else "")
    return results


def main(argv: Sequence[str] | None = None) -> None:
    """Run every available question set."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="Only the example set.")
    parser.add_argument(
        "--model", default=None, help="Embedding model to measure (default: the setting)."
    )
    args = parser.parse_args(argv)
    quiet_libraries()
    configure_offline()
    print("retrieval: hit@k on answerable questions (gold document among the top-k sources)")
    dev_docs, dev_questions = DEV / "docs", DEV / "questions.yaml"
    if args.quick:
        print("dev set: skipped (--quick)")
    elif dev_docs.is_dir() and dev_questions.is_file():
        run("dev", dev_docs, dev_questions, args.model)
    else:
        print(f"dev set: skipped, {DEV} has no docs/ and questions.yaml")
    run("examples", EXAMPLES, EXAMPLE_QUESTIONS, args.model)


if __name__ == "__main__":
    main()
