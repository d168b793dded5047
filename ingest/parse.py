"""Turn one file into a ParsedDocument: load, redact, find metadata, hash."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from pathlib import Path

from funding.models import Quote
from funding.normalize import normalize_text
from ingest.formats import load_file
from ingest.metadata import extract_metadata
from ingest.models import DocumentMeta, LoadedText, PageSpan, ParsedDocument
from ingest.redact import NAME_CANDIDATE, redact_name, redact_personal_numbers

# Bump when loading, redaction or metadata rules change, so unchanged files are re-read.
PARSER_VERSION = "parse-v2"
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
    """Load, redact and describe one file; raises IngestError subclasses on bad input.

    Everything that reaches the store passes through redaction here: the text, every
    metadata field (declared, given as an option or found), the source name and the path.
    """
    loaded = load_file(path)
    text, pages, redactions = _join_redacted(loaded)
    meta = extract_metadata(
        text,
        _normalized(loaded.declared),
        fallback_title=normalize_text(_readable_stem(path)),
        overrides=_normalized(overrides or {}),
    )
    meta, in_meta = _redacted_meta(meta)
    return ParsedDocument(
        doc_id=document_id(key),
        source=redact_name(normalize_text(path.stem)),
        path=redact_name(key),
        content_hash=digest,
        text=text,
        pages=pages,
        meta=meta,
        redactions=redactions + in_meta,
        warnings=tuple(redact_name(w) for w in loaded.warnings),
    )


def _normalized(fields: Mapping[str, str]) -> dict[str, str]:
    return {normalize_text(k): normalize_text(v) for k, v in fields.items()}


def _redacted_meta(meta: DocumentMeta) -> tuple[DocumentMeta, int]:
    """Every string of the metadata (keys of extra fields too) with personal numbers replaced."""
    count = 0

    def clean(value: str) -> str:
        nonlocal count
        redacted, found = redact_personal_numbers(value, pattern=NAME_CANDIDATE)
        count += found
        return redacted

    def clean_quote(quote: Quote) -> Quote:
        return dataclasses.replace(
            quote,
            speaker=clean(quote.speaker),
            role=clean(quote.role) if quote.role else quote.role,
            party=clean(quote.party) if quote.party else quote.party,
        )

    fields = {
        f.name: clean(value)
        for f in dataclasses.fields(meta)
        if isinstance(value := getattr(meta, f.name), str)
    }
    extra = {clean(k): clean(v) for k, v in meta.extra.items()}
    quotes = tuple(clean_quote(q) for q in meta.quotes)
    return dataclasses.replace(meta, **fields, extra=extra, quotes=quotes), count


def _join_redacted(loaded: LoadedText) -> tuple[str, tuple[PageSpan, ...], int]:
    """Redact each page, then join them, remembering where every page lies."""
    parts: list[str] = []
    spans: list[PageSpan] = []
    redactions = 0
    cursor = 0
    for page in loaded.pages:
        clean, count = redact_personal_numbers(normalize_text(page.text))
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
