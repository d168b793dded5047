"""Ingest files and folders into the store: skip unchanged, replace changed, prune gone."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from ingest.chunking import CHUNKING_VERSION, chunk_text
from ingest.duplicates import Owners
from ingest.errors import IngestError
from ingest.grants import EXTRACTOR_VERSION, extract_grants
from ingest.models import ParsedDocument
from ingest.parse import content_hash, document_id, parse_file
from ingest.records import chunk_records, document_record, grant_records
from ingest.regrant import GrantStore, outdated, regrant
from ingest.report import FileResult, IngestReport, Status
from vector_store.records import ChunkRecord, DocumentRecord, MetaValue

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProgressUpdate:
    """How far an ingest is: files finished of the total, and the file being read now."""

    done: int
    total: int
    path: str | None  # None once every file is finished


Progress = Callable[[ProgressUpdate], None]


class Store(GrantStore, Protocol):
    """The part of the chunk store that ingest writes through."""

    def collect_garbage(self) -> int: ...
    def list_documents(self) -> list[DocumentRecord]: ...
    def remove_document(self, doc_id: str) -> None: ...
    def write_documents(
        self,
        items: Sequence[tuple[DocumentRecord, Sequence[ChunkRecord]]],
        grants: Mapping[str, Sequence[tuple[str, str, Mapping[str, MetaValue]]]] | None = None,
    ) -> None: ...


def chunking_signature(chunk_size: int) -> str:
    """What the collection records about how its passages were cut."""
    return f"{CHUNKING_VERSION}/{chunk_size}"


@dataclass(frozen=True)
class IngestOptions:
    """How to ingest: metadata overrides, pruning, chunk size, batching."""

    overrides: Mapping[str, str] = field(default_factory=dict)
    prune: bool = False
    chunk_size: int = 900
    # Passages per flush: each flush embeds and commits on its own, so an interrupted run
    # keeps what it flushed (benchmarks/ingest_throughput.py measures what this costs).
    batch_chunks: int = 256
    # For a single upload, a stable key (e.g. "slack-upload/beslut.pdf") instead of its path.
    source_key: str | None = None


@dataclass
class _Batch:
    docs: list[tuple[ParsedDocument, Status]] = field(default_factory=list)
    chunks: int = 0


def ingest_paths(
    paths: Sequence[Path],
    store: Store,
    options: IngestOptions | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files and folders (recursively) into the store and report each file."""
    options = options or IngestOptions()
    report = IngestReport()
    store.collect_garbage()
    records = {doc.doc_id: doc for doc in store.list_documents()}
    known = {doc_id: doc.content_hash for doc_id, doc in records.items()}
    files = list(_discover(paths, report))
    tell = _Teller(progress, report, len(files))
    owners = Owners(records.values(), known)
    batch = _Batch()
    for path in files:
        tell(str(path))
        parsed = _parse_if_changed(path, options, known, report)
        if parsed is None or _is_duplicate(parsed, owners, known, store, report):
            continue
        status: Status = "updated" if parsed.doc_id in known else "added"
        batch.docs.append((parsed, status))
        batch.chunks += 1 + len(parsed.text) // max(options.chunk_size, 1)
        if batch.chunks >= options.batch_chunks:
            _flush(batch, store, options, report)
            batch = _Batch()
    _flush(batch, store, options, report)
    tell(None)
    _regrant_unchanged(report, records, options, store)
    if options.prune:
        _prune(paths, files, store, report)
    return report


class _Teller:
    """Tells the progress callback how many of the discovered files are finished."""

    def __init__(self, progress: Progress | None, report: IngestReport, total: int) -> None:
        self._progress = progress
        self._report = report
        self._before = len(report.files)  # paths that were not found
        self._total = total

    def __call__(self, path: str | None) -> None:
        if self._progress is not None:
            done = len(self._report.files) - self._before
            self._progress(ProgressUpdate(min(done, self._total), self._total, path))


def _is_duplicate(
    parsed: ParsedDocument,
    owners: Owners,
    known: Mapping[str, str],
    store: Store,
    report: IngestReport,
) -> bool:
    """Report a file whose content is already indexed (or queued) under another path."""
    other = owners.claim(parsed)
    if other is None:
        return False
    if parsed.doc_id in known:
        store.remove_document(parsed.doc_id)  # its file no longer holds what was indexed
    log.info("ingest: %s: same content as %s; stored once", parsed.path, other)
    report.files.append(FileResult(parsed.path, "duplicate", duplicate_of=other))
    return True


def _regrant_unchanged(
    report: IngestReport,
    records: Mapping[str, DocumentRecord],
    options: IngestOptions,
    store: Store,
) -> None:
    """Re-read the grants of unchanged files that an older extractor read."""
    unchanged = [
        records[document_id(options.source_key or f.path)]
        for f in report.files
        if f.status == "unchanged" and document_id(options.source_key or f.path) in records
    ]
    report.regranted = len(regrant(store, outdated(unchanged)))


def _discover(paths: Sequence[Path], report: IngestReport) -> Iterator[Path]:
    """Files named directly, and supported files under folders, in a stable order."""
    for root in paths:
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                if not _hidden(path.relative_to(root)):
                    yield path.resolve()
        elif root.is_file():
            yield root.resolve()
        else:
            reason = f"ingest: {root}: no such file or folder; check the path"
            report.files.append(FileResult(str(root), "failed", error=reason))


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in relative.parts)


def _parse_if_changed(
    path: Path, options: IngestOptions, known: Mapping[str, str], report: IngestReport
) -> ParsedDocument | None:
    key = options.source_key or str(path)
    try:
        raw = path.read_bytes()
        digest = content_hash(raw, options.overrides, chunking_signature(options.chunk_size))
        if known.get(document_id(key)) == digest:
            report.files.append(FileResult(str(path), "unchanged"))
            return None
        return parse_file(path, key=key, digest=digest, overrides=options.overrides)
    except IngestError as error:
        _fail(report, path, str(error))
    except OSError as error:
        _fail(report, path, f"ingest: {path.name}: cannot read the file ({error.strerror})")
    return None


def _fail(report: IngestReport, path: Path, reason: str) -> None:
    log.warning("%s", reason)
    report.files.append(FileResult(str(path), "failed", error=reason))


def _flush(batch: _Batch, store: Store, options: IngestOptions, report: IngestReport) -> None:
    """Write a batch of documents with their grants; each goes live with its grants.

    The store writes passages and grants first and flips the registry after, so an
    interrupted run never leaves a live document without its grants or with another
    version's (a rerun would find it unchanged and never write them).
    """
    if not batch.docs:
        return
    now = datetime.now(UTC).isoformat(timespec="seconds")
    items = []
    grants_of = {}
    results = []
    for parsed, status in batch.docs:
        chunks = chunk_text(parsed.text, parsed.pages, size=options.chunk_size)
        grants = extract_grants(parsed)
        record = document_record(parsed, len(chunks), now, extractor_version=EXTRACTOR_VERSION)
        items.append((record, chunk_records(parsed, chunks)))
        grants_of[parsed.doc_id] = grant_records(
            parsed, grants, extractor_version=EXTRACTOR_VERSION
        )
        results.append((parsed, status, len(chunks), grants))
    store.write_documents(items, grants_of)
    for parsed, status, n_chunks, grants in results:
        report.files.append(
            FileResult(
                parsed.path,
                status,
                chunks=n_chunks,
                redactions=parsed.redactions,
                grants=len(grants),
                warnings=parsed.warnings,
            )
        )


def _prune(roots: Sequence[Path], seen: Sequence[Path], store: Store, report: IngestReport) -> None:
    """Remove documents whose files have gone from an ingested folder."""
    folders = [r.resolve() for r in roots if r.is_dir()]
    present = {str(p) for p in seen}
    for record in store.list_documents():
        path = Path(record.path)
        inside = any(path.is_relative_to(folder) for folder in folders)
        if inside and record.path not in present:
            store.remove_document(record.doc_id)
            report.files.append(FileResult(record.path, "removed"))
