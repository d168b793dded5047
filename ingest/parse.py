"""Turn one file into a ParsedDocument: load, redact, find metadata, hash."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from ingest.formats import load_file
from ingest.metadata import extract_metadata
from ingest.models import LoadedText, PageSpan, ParsedDocument
from ingest.redact import redact_personal_numbers

# Bump when loading, redaction or metadata rules change, so unchanged files are re-read.
PARSER_VERSION = "parse-v1"
PAGE_SEPARATOR = "\n\n"


def document_id(key: str) -> str:
    """A stable id for a document, from its source key (path or upload name)."""
    return "doc-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def content_hash(raw: bytes, overrides: Mapping[str, str], chunking: str) -> str:
    """Hash of what decides the stored result: the bytes, the overrides and the rules."""
    digest = hashlib.sha256(raw)
    settings = f"{PARSER_VERSION}|{chunking}|" + "|".join(
        f"{k}={v}" for k, v in sorted(overrides.items())
    )
    digest.update(settings.encode("utf-8"))
    return digest.hexdigest()


def parse_file(
    path: Path,
    *,
    key: str,
    digest: str,
    overrides: Mapping[str, str] | None = None,
) -> ParsedDocument:
    """Load, redact and describe one file; raises IngestError subclasses on bad input."""
    loaded = load_file(path)
    text, pages, redactions = _join_redacted(loaded)
    meta = extract_metadata(
        text,
        loaded.declared,
        fallback_title=_readable_stem(path),
        overrides=overrides or {},
    )
    return ParsedDocument(
        doc_id=document_id(key),
        source=path.stem,
        path=key,
        content_hash=digest,
        text=text,
        pages=pages,
        meta=meta,
        redactions=redactions,
        warnings=loaded.warnings,
    )


def _join_redacted(loaded: LoadedText) -> tuple[str, tuple[PageSpan, ...], int]:
    """Redact each page, then join them, remembering where every page lies."""
    parts: list[str] = []
    spans: list[PageSpan] = []
    redactions = 0
    cursor = 0
    for page in loaded.pages:
        clean, count = redact_personal_numbers(page.text)
        redactions += count
        if parts:
            parts.append(PAGE_SEPARATOR)
            cursor += len(PAGE_SEPARATOR)
        parts.append(clean)
        spans.append(PageSpan(page.number, cursor, cursor + len(clean)))
        cursor += len(clean)
    return "".join(parts), tuple(spans), redactions


def _readable_stem(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip() or path.name
