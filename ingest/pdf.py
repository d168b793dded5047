"""Read PDFs page by page with pypdf, keeping each table row on one line."""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pypdf import PageObject, PasswordType, PdfReader
from pypdf.errors import DependencyError, LimitReachedError, PdfReadWarning

from ingest.errors import EmptyDocument, EncryptedPdf, UnreadableFile
from ingest.models import LoadedText, PageText
from ingest.text import cannot_read

# Layout mode pads table columns with long runs of spaces; justified prose has short ones.
COLUMN_GAP = re.compile(r" {4,}")
SPACES = re.compile(r" {2,}")
COLUMN_SEPARATOR = " | "
BLANK_RUNS = re.compile(r"\n{3,}")
PLACEHOLDER_TITLE = re.compile(
    r"^(?:microsoft \w+ - |untitled|namnlös|dokument\d*$|document\d*$)|\.(?:docx?|pdf|odt|rtf)$",
    re.IGNORECASE,
)
MAX_WARNINGS = 10


def load_pdf(path: Path) -> LoadedText:
    """Read a PDF into one PageText per page that has text; the title from its info."""
    with _pypdf_notes() as notes:
        reader = _open(path)
        try:
            pages = tuple(_read_pages(reader, notes))
        except DependencyError as exc:  # AES-128 content is only decrypted page by page
            raise _needs_cryptography(path) from exc
        except LimitReachedError as exc:
            raise UnreadableFile(
                f"ingest: {path.name}: the PDF's content expands past pypdf's safety limits "
                f"({exc}); it may be a decompression bomb; export the document again"
            ) from exc
        declared = _declared(reader)
    if not pages:
        raise EmptyDocument(
            f"ingest: {path.name}: the PDF has no extractable text (a scanned PDF?); "
            "run OCR on it and ingest again"
        )
    return LoadedText(pages=pages, declared=declared, warnings=tuple(notes[:MAX_WARNINGS]))


def _open(path: Path) -> PdfReader:
    """Open and, where an empty password does it, decrypt the PDF; fail with a clear error."""
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            _decrypt(reader, path)
        count = len(reader.pages)
    except OSError as exc:
        raise cannot_read(path, exc) from exc
    except DependencyError as exc:
        raise _needs_cryptography(path) from exc
    except EncryptedPdf:
        raise
    except Exception as exc:  # pypdf raises many exception types on malformed input
        raise UnreadableFile(
            f"ingest: {path.name}: the PDF is corrupt or truncated ({exc}); "
            "download or export it again"
        ) from exc
    if count == 0:
        raise EmptyDocument(f"ingest: {path.name}: the PDF has no pages; export it again")
    return reader


def _decrypt(reader: PdfReader, path: Path) -> None:
    """Decrypt with the empty user password many 'protected' PDFs carry, or explain why not."""
    if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise EncryptedPdf(
            f"ingest: {path.name}: the PDF is encrypted with a password; "
            "decrypt it or export it again without a password"
        )


def _needs_cryptography(path: Path) -> EncryptedPdf:
    return EncryptedPdf(
        f"ingest: {path.name}: the PDF is AES-encrypted and reading it needs the "
        "'cryptography' package; install it or export the PDF again without encryption"
    )


def _read_pages(reader: PdfReader, notes: list[str]) -> Iterator[PageText]:
    """The pages that have text, numbered from 1; a damaged page is noted and skipped."""
    for number, page in enumerate(reader.pages, start=1):
        try:
            text = page_text(page)
        except (DependencyError, LimitReachedError):
            raise  # a bomb fails the file, not one page: other pages would cost as much
        except Exception as exc:  # one damaged page should not cost the others
            notes.append(f"page {number}: the text could not be extracted ({exc}); skipped")
            continue
        if text:
            yield PageText(number, text)
        else:
            _probe_limits(page)


def _probe_limits(page: PageObject) -> None:
    """Raise LimitReachedError when an empty page's content would not inflate in bounds.

    pypdf's text extraction swallows the error and returns no text, which would make a
    decompression bomb look like a scanned page.
    """
    try:
        contents = page.get_contents()
        if contents is not None:
            contents.get_data()
    except LimitReachedError:
        raise
    except Exception:  # a damaged empty page is only an empty page
        return


def page_text(page: PageObject) -> str:
    """A page's text: layout mode keeps table rows whole, plain mode keeps prose columns apart."""
    plain = page.extract_text() or ""
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode fails on some fonts where plain mode still works
        return _tidy(plain.splitlines())
    rows = [_cells(line) for line in layout.splitlines()]
    if _letters(layout) < 0.9 * _letters(plain) or _is_prose_in_columns(rows):
        return _tidy(plain.splitlines())
    return _tidy(COLUMN_SEPARATOR.join(cells) for cells in rows)


def _cells(line: str) -> list[str]:
    """Split a layout-mode line at wide gaps into cells with single spaces inside."""
    return [SPACES.sub(" ", cell) for cell in COLUMN_GAP.split(line.strip()) if cell]


def _is_prose_in_columns(rows: list[list[str]]) -> bool:
    """True when most lines hold two or more runs of prose side by side (a newspaper page)."""
    filled = [cells for cells in rows if cells]
    side_by_side = [cells for cells in filled if sum(_letters(c) >= 15 for c in cells) >= 2]
    return len(side_by_side) >= 3 and 2 * len(side_by_side) >= len(filled)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _tidy(lines: Iterable[str]) -> str:
    """Strip line ends; keep at most one blank line, and none between two table rows."""
    text = "\n".join(line.rstrip() for line in lines)
    rows = BLANK_RUNS.sub("\n\n", text).strip("\n").split("\n")
    # Layout mode spaces table rows apart like paragraphs; a table should stay one block.
    return "\n".join(row for i, row in enumerate(rows) if row or not _inside_table(rows, i))


def _inside_table(rows: list[str], i: int) -> bool:
    return 0 < i < len(rows) - 1 and all(COLUMN_SEPARATOR in rows[j] for j in (i - 1, i + 1))


def _declared(reader: PdfReader) -> dict[str, str]:
    """The title from the PDF info, unless it is a placeholder such as a file name."""
    try:
        info = reader.metadata
        title = (info.title or "") if info else ""
    except Exception:  # broken info dictionaries are common and never worth failing for
        return {}
    title = " ".join(str(title).split())
    if len(title) < 4 or not any(ch.isalpha() for ch in title):
        return {}
    return {} if PLACEHOLDER_TITLE.search(title) else {"title": title}


@contextmanager
def _pypdf_notes() -> Iterator[list[str]]:
    """Collect what pypdf logs or warns about a damaged file, instead of printing it."""
    notes: list[str] = []
    handler = _ListHandler(notes)
    logger = logging.getLogger("pypdf")
    propagate, logger.propagate = logger.propagate, False
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", PdfReadWarning)
            yield notes
        notes.extend(f"pypdf: {w.message}" for w in caught)
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    notes[:] = list(dict.fromkeys(notes))


class _ListHandler(logging.Handler):
    """A logging handler that appends each record's message to a list."""

    def __init__(self, notes: list[str]) -> None:
        super().__init__(level=logging.WARNING)
        self.notes = notes

    def emit(self, record: logging.LogRecord) -> None:
        self.notes.append(f"pypdf: {record.getMessage()}")
