"""The fixed tuning/locked split of every evaluation set.

A document is locked when a salted hash of its file stem falls in one third of the range;
a question is locked when any of its gold documents is, or, with none, by its own id. The
rule never looks at content, so it cannot be bent towards results, and it applies to any
set in the eval format. Sets under a folder named `locked` are locked as a whole.
Locked items are run only to report figures, never to debug or tune.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

Split = Literal["tuning", "locked"]
_SALT = "fou-split-v1:"


def doc_split(stem: str) -> Split:
    """Which split a document (by file stem) belongs to."""
    digest = int(hashlib.sha256((_SALT + stem).encode("utf-8")).hexdigest(), 16)
    return "locked" if digest % 3 == 0 else "tuning"


def question_split(qid: str, gold_docs: Iterable[str]) -> Split:
    """Which split a question belongs to: locked if any gold document is."""
    docs = list(gold_docs)
    if docs:
        return "locked" if any(doc_split(d) == "locked" for d in docs) else "tuning"
    return doc_split(qid)


def set_is_locked(path: Path) -> bool:
    """A whole set kept under a folder named `locked` is never tuned on."""
    return "locked" in path.resolve().parts
