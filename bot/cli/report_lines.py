"""One-line summaries of an ingest run: a line per failed file, one for all redactions."""

from __future__ import annotations

from pathlib import Path

from ingest.report import FileResult, IngestReport


def shown_path(path: str) -> str:
    """The path relative to the working folder when it lies inside it, else as stored."""
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path


def failure_line(result: FileResult) -> str:
    """`failed: PATH: reason; fix`, the file named by its path rather than its bare name."""
    error = result.error or "failed for an unknown reason; run again with FOU_LOG_LEVEL=DEBUG"
    name = Path(result.path).name
    for prefix in (f"ingest: {name}: ", f"ingest: {result.path}: "):
        if error.startswith(prefix):
            return f"failed: {shown_path(result.path)}: {error[len(prefix) :]}"
    return f"failed: {shown_path(result.path)}: {error.removeprefix('ingest: ')}"


def redaction_line(report: IngestReport) -> str | None:
    """All personal identity numbers this run redacted, per file, in one line; or None."""
    redacted = [f for f in report.files if f.redactions and f.status in ("added", "updated")]
    if not redacted:
        return None
    total = sum(f.redactions for f in redacted)
    files = ", ".join(f"{shown_path(f.path)} ({f.redactions})" for f in redacted)
    noun = "number was" if total == 1 else "numbers were"
    return (
        f"redacted: {total} personal identity {noun} replaced before storing, "
        f"in {len(redacted)} file{'s' if len(redacted) > 1 else ''}: {files}"
    )
