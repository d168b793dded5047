"""Read plain-text and Markdown files, with their optional front matter."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ingest.errors import EmptyDocument, UnreadableFile
from ingest.frontmatter import split_front_matter
from ingest.models import LoadedText, PageText

LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")


def load_text(path: Path) -> LoadedText:
    """Read a UTF-8 .txt or .md file into one page, its front matter as declared metadata."""
    text = decode_utf8(read_bytes(path), path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fields, body, warnings = split_front_matter(text)
    body = LEADING_BLANK_LINES.sub("", body).rstrip()
    if not body.strip():
        raise EmptyDocument(
            f"ingest: {path.name}: the file has no text besides its front matter; "
            "add the document's text or leave the file out"
        )
    return LoadedText(pages=(PageText(None, body),), declared=fields, warnings=tuple(warnings))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an UnreadableFile that names the file and the OS reason."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise cannot_read(path, exc) from exc


def cannot_read(path: Path, exc: OSError) -> UnreadableFile:
    """The error for a file the operating system would not let us read."""
    return UnreadableFile(
        f"ingest: {path.name}: the file cannot be read ({exc.strerror or exc}); "
        "check that it exists and that you may read it"
    )


def decode_utf8(data: bytes, path: Path) -> str:
    """Decode UTF-8 (a BOM is allowed) or say where the first bad byte is."""
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        raise UnreadableFile(
            f"ingest: {path.name}: the file is not UTF-8 (byte {data[offset]:#04x} at offset "
            f"{offset}); save it as UTF-8 and ingest again"
        ) from exc
