"""Ingest files and folders into the store: skip unchanged, replace changed, prune gone."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from funding.grants import EXTRACTOR_VERSION, extract_grants
from ingest.chunking import chunk_text, chunking_signature
from ingest.duplicates import Owners
from ingest.errors import FileTooLarge, IngestError
from ingest.models import ParsedDocument
from ingest.parse import content_hash, document_id, parse_file
from ingest.records import chunk_records, document_record, grant_records
from ingest.redact import redact_name
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


@dataclass(frozen=True)
class IngestOptions:
    """How to ingest: metadata overrides, pruning, chunk size, batching."""

    overrides: Mapping[str, str] = field(default_factory=dict)
    prune: bool = False
    chunk_size: int = 900
    # Passages per flush: each flush embeds and commits on its own, so an interrupted run
    # keeps what it flushed (benchmarks/ingest_throughput.py measures what this costs).
    batch_chunks: int = 256
    # For a single upload, a stable key (e.g. "slack-upload/<hash>/beslut.pdf"), not its path.
    source_key: str | None = None
    max_file_bytes: int | None = None  # larger files fail alone (FOU_MAX_FILE_MB)


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
    unreadable: list[Path] = []
    files = list(_discover(paths, report, unreadable))
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
        _prune(paths, files, unreadable, store, report)
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


def _discover(
    paths: Sequence[Path], report: IngestReport, unreadable: list[Path]
) -> Iterator[Path]:
    """Files named directly, and supported files under folders, once each, in a stable order.

    Symbolic links met inside a folder are never followed (a link to a file in the folder
    would be a second copy, one to a file outside would import it unseen); a file or
    folder named on the command line is followed, as the user asked for it.
    """
    seen: set[Path] = set()
    for root in paths:
        if root.is_dir():
            found = _walk(root.resolve(), report, unreadable)
        elif root.is_file():
            found = iter([root.resolve()])
        else:
            found = iter(())
            reason = f"ingest: {root}: no such file or folder; check the path"
            if root.is_symlink():
                reason = f"ingest: {root}: the symbolic link points nowhere; fix or remove it"
            _fail(report, root, reason)
        for path in found:
            if path not in seen:
                seen.add(path)
                yield path


def _walk(folder: Path, report: IngestReport, unreadable: list[Path]) -> Iterator[Path]:
    """Regular files under `folder`, hidden ones left out; unreadable folders reported."""

    def cannot_list(error: OSError) -> None:
        where = Path(error.filename or folder)
        unreadable.append(where)
        _fail(
            report,
            where,
            f"ingest: {where}: the folder cannot be read ({error.strerror}); its documents "
            "are kept in the index; fix the permissions and ingest again",
        )

    found = []
    for top, dirs, names in os.walk(folder, onerror=cannot_list):
        here = Path(top)
        dirs[:] = [d for d in dirs if not _hidden(Path(d))]
        for name in dirs:  # os.walk lists a linked folder but does not enter it
            if (here / name).is_symlink():
                _skip_link(report, here / name)
        for name in names:
            path = here / name
            if _hidden(Path(name)):
                continue
            if path.is_symlink():
                _skip_link(report, path)
            elif path.is_file():
                found.append(path)
    yield from sorted(found)


def _skip_link(report: IngestReport, path: Path) -> None:
    if not path.exists():
        reason = f"ingest: {path}: the symbolic link points nowhere; fix or remove it"
    else:
        reason = (
            f"ingest: {path}: symbolic links inside a folder are not followed; ingest what "
            "it points to by its own path"
        )
    log.warning("%s", redact_name(reason))
    report.files.append(FileResult(redact_name(str(path)), "skipped", error=redact_name(reason)))


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in relative.parts)


def _parse_if_changed(
    path: Path, options: IngestOptions, known: Mapping[str, str], report: IngestReport
) -> ParsedDocument | None:
    key = options.source_key or str(path)
    try:
        _check_size(path, options.max_file_bytes)
        raw = path.read_bytes()
        digest = content_hash(raw, options.overrides, chunking_signature(options.chunk_size))
        if known.get(document_id(key)) == digest:
            report.files.append(FileResult(redact_name(str(path)), "unchanged"))
            return None
        return parse_file(path, key=key, digest=digest, overrides=options.overrides)
    except IngestError as error:
        _fail(report, path, str(error))
    except OSError as error:
        _fail(report, path, f"ingest: {path.name}: cannot read the file ({error.strerror})")
    return None


def _check_size(path: Path, limit: int | None) -> None:
    size = path.stat().st_size
    if limit is not None and size > limit:
        raise FileTooLarge(
            f"ingest: {path.name}: the file is {size / 2**20:.1f} MB, over the limit of "
            f"{limit / 2**20:g} MB; split it, or raise FOU_MAX_FILE_MB if it must be one"
        )


def _fail(report: IngestReport, path: Path, reason: str) -> None:
    reason = redact_name(reason)  # messages quote file names, which may hold a number
    log.warning("%s", reason)
    report.files.append(FileResult(redact_name(str(path)), "failed", error=reason))


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


def _prune(
    roots: Sequence[Path],
    seen: Sequence[Path],
    unreadable: Sequence[Path],
    store: Store,
    report: IngestReport,
) -> None:
    """Remove documents whose files have gone from an ingested folder.

    Paths are compared as stored, that is redacted. A document under a folder that could
    not be read is kept: unreadable is not gone.
    """
    folders = [_as_folder(r.resolve()) for r in roots if r.is_dir()]
    blocked = [_as_folder(p) for p in unreadable]
    present = {redact_name(str(p)) for p in seen}
    for record in store.list_documents():
        inside = any(record.path.startswith(folder) for folder in folders)
        if not inside or record.path in present:
            continue
        if any(record.path.startswith(folder) for folder in blocked):
            report.files.append(FileResult(record.path, "kept", error=_KEPT))
            continue
        store.remove_document(record.doc_id)
        report.files.append(FileResult(record.path, "removed"))


_KEPT = "its folder could not be read, so it was not pruned"


def _as_folder(path: Path) -> str:
    return redact_name(str(path)).rstrip(os.sep) + os.sep
