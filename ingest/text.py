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
    """Decode UTF-8 (a BOM is allowed) or UTF-16; refuse bytes that are not text."""
    utf16 = _utf16_codec(data)
    if utf16:
        return _refuse_binary(_decode_utf16(data, utf16, path), path)
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return _refuse_binary(data[skip:].decode("utf-8"), path)
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        raise UnreadableFile(
            f"ingest: {path.name}: the file is not UTF-8 (byte {data[offset]:#04x} at offset "
            f"{offset}); save it as UTF-8 and ingest again"
        ) from exc


def _utf16_codec(data: bytes) -> str | None:
    """'utf-16' for a UTF-16 BOM; 'utf-16-le'/'-be' when NULs fill every other byte."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:4096]
    if len(head) < 2 or len(head) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # Latin text in UTF-16 has a NUL in nearly every high byte and almost none in the low.
    half = len(head) / 2
    if odd >= 0.6 * half and even <= 0.01 * half:
        return "utf-16-le"
    if even >= 0.6 * half and odd <= 0.01 * half:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, codec: str, path: Path) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            f"ingest: {path.name}: the file looks like UTF-16 but does not decode "
            f"(offset {exc.start}); save it as UTF-8 and ingest again"
        ) from exc


def _refuse_binary(text: str, path: Path) -> str:
    """The text, unless NULs or other control characters show it is binary data."""
    controls = sum(1 for ch in text[:65536] if ch < " " and ch not in "\t\n\r\f")
    if "\x00" in text or controls > max(8, len(text[:65536]) // 100):
        raise UnreadableFile(
            f"ingest: {path.name}: the file holds binary data (NUL or control bytes), not "
            "text; export the document as UTF-8 text or PDF and ingest again"
        )
    return text
