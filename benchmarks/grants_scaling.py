"""Grants extraction time against text size: it must grow linearly.

Run: `make bench-grants` (or `.venv/bin/python -m benchmarks.grants_scaling --sizes 1 3 10`).
Three shapes of text, each at every size (MB of characters), built from the synthetic news
of benchmarks/synthetic.py: `news` (paragraphs), `flat` (the same without blank lines: a
PDF that is one paragraph) and `repeat` (one sentence with the same grant over and over, no
line breaks). The baseline is the smallest size of the same shape in the same run; the
ratio (seconds per MB against the baseline's seconds per MB) stays near 1 when extraction is
linear and grows with the size when it is not.
"""

from __future__ import annotations

import argparse
import time

from benchmarks.synthetic import document
from funding.grants import extract_grants
from ingest.models import DocumentMeta, PageSpan, ParsedDocument

_MB = 1_000_000


def _news(size: int) -> str:
    parts: list[str] = []
    length, index = 0, 0
    while length < size:
        parts.append(document(7, index)[1])
        length += len(parts[-1]) + 2
        index += 1
    return "\n\n".join(parts)[:size]


def _shapes(size: int) -> dict[str, str]:
    sentence = "Föreningen Exempelvind får 100 000 kr till verksamheten. "
    news = _news(size)
    return {
        "news": news,
        "flat": news.replace("\n\n", "\n"),
        "repeat": (sentence * (size // len(sentence) + 1))[:size],
    }


def _seconds(text: str) -> tuple[float, int]:
    doc = ParsedDocument(
        doc_id="bench",
        source="bench",
        path="bench",
        content_hash="bench",
        text=text,
        pages=(PageSpan(None, 0, len(text)),),
        meta=DocumentMeta(title="Benchmark", kind="news"),
    )
    started = time.process_time()
    grants = extract_grants(doc)
    return time.process_time() - started, len(grants)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 3, 10], help="MB each")
    parser.add_argument("--quick", action="store_true", help="0.1 and 0.3 MB only")
    args = parser.parse_args()
    sizes = [0.1, 0.3] if args.quick else sorted(args.sizes)
    print(f"{'shape':<8}{'MB':>6}{'grants':>8}{'cpu s':>9}{'s/MB':>8}{'ratio':>8}")
    for shape in ("news", "flat", "repeat"):
        base: float | None = None
        for mb in sizes:
            seconds, count = _seconds(_shapes(int(mb * _MB))[shape])
            per_mb = seconds / mb
            base = per_mb if base is None else base
            ratio = per_mb / base if base else float("nan")
            print(f"{shape:<8}{mb:>6g}{count:>8}{seconds:>9.2f}{per_mb:>8.2f}{ratio:>8.2f}")
    print("target: ratio near 1 at every size (linear); a ratio growing with size is not")


if __name__ == "__main__":
    main()
