"""Pick the loader for a file by its suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.errors import EmptyDocument, UnsupportedFormat
from ingest.html import load_html
from ingest.models import LoadedText
from ingest.pdf import load_pdf
from ingest.text import cannot_read, load_text
from ingest.word import load_docx

LOADERS: dict[str, Callable[[Path], LoadedText]] = {
    ".pdf": load_pdf,
    ".txt": load_text,
    ".md": load_text,
    ".markdown": load_text,
    ".html": load_html,
    ".htm": load_html,
    ".docx": load_docx,
}
SUPPORTED_SUFFIXES = tuple(LOADERS)


def load_file(path: Path) -> LoadedText:
    """Load a PDF, Word, text, Markdown or HTML file; other types and empty files are errors."""
    suffix = path.suffix.lower()
    loader = LOADERS.get(suffix)
    if loader is None and suffix == ".doc":
        raise UnsupportedFormat(
            f"ingest: {path.name}: old Word 97-2003 .doc files are not read; open it in Word "
            "and save it as .docx (or PDF), then ingest again"
        )
    if loader is None:
        kind = f"{suffix} files are" if suffix else "files without a suffix are"
        raise UnsupportedFormat(
            f"ingest: {path.name}: {kind} not supported; export it as PDF or text "
            f"({', '.join(SUPPORTED_SUFFIXES)})"
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise cannot_read(path, exc) from exc
    if size == 0:
        raise EmptyDocument(
            f"ingest: {path.name}: the file is empty (0 bytes); "
            "save the document again or leave it out"
        )
    return loader(path)
