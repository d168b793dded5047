"""The outcome of an ingest run, per file and in total."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

# "skipped": a symbolic link not followed; "kept": not pruned because it could not be read;
# "duplicate": the same content is already stored under another path.
Status = Literal[
    "added", "updated", "unchanged", "duplicate", "removed", "failed", "skipped", "kept"
]


@dataclass(frozen=True)
class FileResult:
    """What happened to one file."""

    path: str
    status: Status
    chunks: int = 0
    redactions: int = 0
    grants: int = 0
    error: str | None = None
    warnings: tuple[str, ...] = ()
    duplicate_of: str | None = None  # the path already indexed with the same content


@dataclass
class IngestReport:
    """Every file's result; counts are derived, never kept twice."""

    files: list[FileResult] = field(default_factory=list)
    regranted: int = 0  # unchanged documents whose grants a newer extractor read again

    def count(self, status: Status) -> int:
        """How many files ended with this status."""
        return sum(1 for f in self.files if f.status == status)

    @property
    def failures(self) -> list[FileResult]:
        """The files that failed, in the order they were met."""
        return [f for f in self.files if f.status == "failed"]

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return not self.failures

    def totals(self) -> dict[str, int]:
        """Counts by status plus chunks, redactions and grants stored by this run."""
        counts = Counter(f.status for f in self.files)
        stored = [f for f in self.files if f.status in ("added", "updated")]
        return {
            "added": counts["added"],
            "updated": counts["updated"],
            "unchanged": counts["unchanged"],
            "duplicate": counts["duplicate"],
            "removed": counts["removed"],
            "failed": counts["failed"],
            "skipped": counts["skipped"],
            "kept": counts["kept"],
            "chunks": sum(f.chunks for f in stored),
            "redactions": sum(f.redactions for f in stored),
            "grants": sum(f.grants for f in stored),
            "regranted": self.regranted,
        }
