"""Files whose content is already indexed under another path: reported, stored once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from ingest.models import ParsedDocument
from vector_store.records import DocumentRecord


class Owners:
    """Which path holds each indexed (or queued) content hash during one ingest run."""

    def __init__(self, records: Iterable[DocumentRecord], known: Mapping[str, str]) -> None:
        # A record whose file is gone does not own its content: a copy elsewhere may take it.
        self._paths = {
            doc.content_hash: doc.path
            for doc in records
            if not (Path(doc.path).is_absolute() and not Path(doc.path).exists())
        }
        self._known = known

    def claim(self, parsed: ParsedDocument) -> str | None:
        """None when `parsed` may be stored; else the path that already holds its content."""
        before = self._known.get(parsed.doc_id)
        if before is not None and self._paths.get(before) == parsed.path:
            del self._paths[before]  # this file no longer holds its old content
        other = self._paths.setdefault(parsed.content_hash, parsed.path)
        return None if other == parsed.path else other
