"""Read Word documents (.docx) with python-docx: headings, paragraphs and tables in order.

A table row becomes one line with its cells joined by " | ", as PDF and HTML tables are,
so a recipient and its amount stay together. From the document's properties only the
title and a date are taken (the date only when the text states none); the author and
the other people fields are never read.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from funding.dates import find_date
from ingest.errors import EmptyDocument, IngestError, UnreadableFile, UnsupportedFormat
from ingest.models import LoadedText, PageText
from ingest.pdf import COLUMN_SEPARATOR, PLACEHOLDER_TITLE
from ingest.redact import redact_personal_numbers
from ingest.text import read_bytes

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table

# Word 97-2003 files and password-protected .docx files are OLE compound files, not zips.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
# A .docx is a zip of XML; beyond this much unpacked XML it is not a committee decision.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
SPACES = re.compile(r"[ \t\u00a0]+")


class EncryptedDocument(IngestError):
    """The Word document is protected with a password."""


def load_docx(path: Path) -> LoadedText:
    """Read a .docx into one page of text, with the title (and maybe date) it declares."""
    data = read_bytes(path)
    _check_container(data, path)
    document = _open(path)
    try:
        blocks = list(_blocks(document))
    except Exception as exc:  # python-docx and lxml raise many types on damaged XML
        raise UnreadableFile(
            f"ingest: {path.name}: the Word document is damaged ({exc}); "
            "open it in Word, save it again and ingest again"
        ) from exc
    body = "\n\n".join(blocks)
    if not body.strip():
        raise EmptyDocument(
            f"ingest: {path.name}: the Word document has no text (only images or empty "
            "pages?); save its text as .docx or PDF with text and ingest again"
        )
    return LoadedText(pages=(PageText(None, body),), declared=_declared(document, body))


def _check_container(data: bytes, path: Path) -> None:
    """Refuse an old .doc, an encrypted file or a zip bomb before python-docx reads it."""
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise EncryptedDocument(
                f"ingest: {path.name}: the Word document is protected with a password; "
                "remove the password (File > Info > Protect Document) and ingest again"
            )
        raise UnsupportedFormat(
            f"ingest: {path.name}: this is an old Word 97-2003 (.doc) file named .docx; "
            "open it in Word and save it as .docx or PDF, then ingest again"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableFile(
            f"ingest: {path.name}: the file is not a readable Word document ({exc}); "
            "download or save it again as .docx and ingest again"
        ) from exc
    if "word/document.xml" not in names:
        raise UnreadableFile(
            f"ingest: {path.name}: the file is not a Word document (no word/document.xml "
            "inside; another format renamed .docx?); save it again as .docx and ingest again"
        )
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFile(
            f"ingest: {path.name}: the Word document unpacks to {unpacked // 2**20} MB, more "
            f"than the {MAX_UNPACKED_BYTES // 2**20} MB a text document needs; save it "
            "without embedded media, or as PDF, and ingest again"
        )


def _open(path: Path) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except PackageNotFoundError as exc:
        raise UnreadableFile(
            f"ingest: {path.name}: the file is not a Word document ({exc}); "
            "save it again as .docx and ingest again"
        ) from exc
    except Exception as exc:  # damaged XML, missing parts, wrong content types
        raise UnreadableFile(
            f"ingest: {path.name}: the Word document is damaged ({exc}); "
            "open it in Word, save it again and ingest again"
        ) from exc


def _blocks(document: Document) -> Iterator[str]:
    """Headings and paragraphs as single blocks, each table as one block of row lines."""
    from docx.table import Table

    for item in document.iter_inner_content():
        if isinstance(item, Table):
            rows = _table_rows(item)
            if rows:
                yield "\n".join(rows)
            continue
        text = _clean(item.text)
        if text:
            yield text


def _table_rows(table: Table) -> list[str]:
    """One line per row, cells joined by " | "; a merged cell counts once."""
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a horizontally merged cell repeats across its span
                continue
            seen.add(id(cell._tc))
            text = " ".join(_clean(cell.text).split("\n"))
            if text:
                cells.append(text)
        if cells:
            rows.append(COLUMN_SEPARATOR.join(cells))
    return rows


def _clean(text: str) -> str:
    lines = (SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _declared(document: Document, body: str) -> dict[str, str]:
    """The title from the properties (not a placeholder), and their date if the text has none."""
    declared: dict[str, str] = {}
    try:
        properties: Any = document.core_properties
        title = " ".join(str(properties.title or "").split())
        stamp = properties.modified or properties.created
    except Exception:  # broken docProps are common and never worth failing for
        return declared
    title, _ = redact_personal_numbers(title)
    if (
        len(title) >= 4
        and any(ch.isalpha() for ch in title)
        and not PLACEHOLDER_TITLE.search(title)
    ):
        declared["title"] = title
    # The file's own dates say when it was saved; a date in the text says more, so the
    # property is used only when the text states no date at all.
    if stamp is not None and find_date(body) is None:
        declared["date"] = stamp.date().isoformat()
    return declared
