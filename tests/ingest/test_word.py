"""Word (.docx) files: text in order, tables row by row, title and date, and bad input.

Every document is made here with python-docx; the texts are written for these tests.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import docx
import pytest

from funding.grants import extract_grants
from ingest.errors import EmptyDocument, IngestError, UnreadableFile, UnsupportedFormat
from ingest.formats import load_file
from ingest.parse import parse_file
from ingest.redact import REDACTION_TOKEN
from ingest.word import ENCRYPTED_STREAM, OLE_MAGIC, EncryptedDocument

PERSONNUMMER = "811218-9876"  # Luhn-valid, made up


def write_decision(path: Path, *, title: str = "", author: str = "", dated: bool = True) -> Path:
    document = docx.Document()
    document.add_heading("Fördelning av utvecklingsmedel till Exempelby", level=1)
    intro = "Nämnden beslutade den 3 mars 2031 att fördela medel enligt tabellen."
    document.add_paragraph(intro if dated else "Nämnden fördelar medel enligt tabellen.")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        [
            ("Projekt", "Mottagare", "Belopp"),
            ("Läxhjälp i Exempelby", "Exempelby stadsdelsförvaltning", "250 000 kr"),
            ("Stöd till   unga\tvuxna", "Föreningen Påhittad", "1 200 000 kr"),
        ],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_heading("Motivering", level=2)
    document.add_paragraph("Satsningen ska nå fler unga i området.\nUppföljning sker årligen.")
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.created = datetime(2030, 1, 2, 9, 0)
    properties.modified = datetime(2030, 5, 6, 10, 30)
    document.save(str(path))
    return path


def test_headings_paragraphs_and_table_rows_come_in_order(tmp_path: Path) -> None:
    loaded = load_file(write_decision(tmp_path / "beslut.docx"))

    assert [page.number for page in loaded.pages] == [None]
    assert loaded.pages[0].text == (
        "Fördelning av utvecklingsmedel till Exempelby\n\n"
        "Nämnden beslutade den 3 mars 2031 att fördela medel enligt tabellen.\n\n"
        "Projekt | Mottagare | Belopp\n"
        "Läxhjälp i Exempelby | Exempelby stadsdelsförvaltning | 250 000 kr\n"
        "Stöd till unga vuxna | Föreningen Påhittad | 1 200 000 kr\n\n"
        "Motivering\n\n"
        "Satsningen ska nå fler unga i området.\nUppföljning sker årligen."
    )


def test_a_table_row_keeps_recipient_and_amount_together_for_the_ledger(tmp_path: Path) -> None:
    path = write_decision(tmp_path / "beslut.docx")
    parsed = parse_file(path, key=str(path), digest="d" * 64)

    grants = {g.amount_sek: g for g in extract_grants(parsed)}

    assert set(grants) >= {250_000, 1_200_000}
    assert "Exempelby stadsdelsförvaltning" in grants[250_000].sentence
    assert "Föreningen Påhittad" in grants[1_200_000].sentence


def test_merged_cells_count_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Sammanställning 2031"
    for cell, text in zip(table.rows[1].cells, ("A", "B", "300 000 kr"), strict=True):
        cell.text = text
    document.save(str(tmp_path / "tabell.docx"))

    text = load_file(tmp_path / "tabell.docx").pages[0].text

    assert text == "Sammanställning 2031\nA | B | 300 000 kr"


def test_the_title_property_is_declared_and_the_author_never_read(tmp_path: Path) -> None:
    path = write_decision(
        tmp_path / "beslut.docx", title="Beslut om utvecklingsmedel 2031", author="Anna Exempel"
    )

    loaded = load_file(path)

    assert loaded.declared == {"title": "Beslut om utvecklingsmedel 2031"}
    parsed = parse_file(path, key=str(path), digest="d" * 64)
    assert parsed.meta.title == "Beslut om utvecklingsmedel 2031"
    assert parsed.meta.date == "2031-03-03", "the date in the text wins over the file's"
    assert "Anna Exempel" not in repr(parsed)


def test_the_file_date_is_used_only_when_the_text_has_none(tmp_path: Path) -> None:
    loaded = load_file(write_decision(tmp_path / "beslut.docx", dated=False))

    assert loaded.declared.get("date") == "2030-05-06"


@pytest.mark.parametrize("title", ["Dokument1", "beslut.docx", "", "123"])
def test_placeholder_titles_are_not_declared(tmp_path: Path, title: str) -> None:
    loaded = load_file(write_decision(tmp_path / "beslut.docx", title=title))

    assert "title" not in loaded.declared


def test_a_personal_identity_number_is_redacted(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(f"Sökande: {PERSONNUMMER}, ansökan om 40 000 kronor.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Personnummer"
    table.cell(0, 1).text = PERSONNUMMER
    document.core_properties.title = f"Ansökan {PERSONNUMMER}"
    path = tmp_path / "ansokan.docx"
    document.save(str(path))

    parsed = parse_file(path, key=str(path), digest="d" * 64)

    assert parsed.redactions == 2
    assert PERSONNUMMER not in parsed.text and REDACTION_TOKEN in parsed.text
    assert PERSONNUMMER not in parsed.meta.title


def test_an_empty_document_is_empty(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("   ")
    document.add_table(rows=2, cols=2)
    document.save(str(tmp_path / "tomt.docx"))

    with pytest.raises(EmptyDocument, match=r"^ingest: tomt\.docx: the Word document has no text"):
        load_file(tmp_path / "tomt.docx")


def _truncated(tmp_path: Path) -> bytes:
    data = write_decision(tmp_path / "hel.docx").read_bytes()
    return data[: len(data) // 2]


def _zip_without_document() -> bytes:
    return b"PK\x05\x06" + b"\x00" * 18  # an empty zip archive


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        pytest.param(
            b"this is not a zip at all",
            UnreadableFile,
            r"^ingest: trasig\.docx: the file is not a readable Word document \(.+\); "
            r"download or save it again as \.docx and ingest again$",
            id="not-a-zip",
        ),
        pytest.param(
            "truncated",
            UnreadableFile,
            r"^ingest: trasig\.docx: the file is not a readable Word document",
            id="truncated",
        ),
        pytest.param(
            _zip_without_document(),
            UnreadableFile,
            r"^ingest: trasig\.docx: the file is not a Word document \(no word/document\.xml",
            id="zip-without-a-document",
        ),
        pytest.param(
            OLE_MAGIC + b"\x00" * 512 + ENCRYPTED_STREAM + b"\x00" * 64,
            EncryptedDocument,
            r"^ingest: trasig\.docx: the Word document is protected with a password; "
            r"remove the password",
            id="encrypted",
        ),
        pytest.param(
            OLE_MAGIC + b"\x00" * 512 + "WordDocument".encode("utf-16-le"),
            UnsupportedFormat,
            r"^ingest: trasig\.docx: this is an old Word 97-2003 \(\.doc\) file named \.docx",
            id="old-doc-renamed",
        ),
    ],
)
def test_bad_word_files_fail_with_one_clear_line(
    tmp_path: Path, content: bytes | str, error: type[IngestError], message: str
) -> None:
    path = tmp_path / "trasig.docx"
    path.write_bytes(_truncated(tmp_path) if content == "truncated" else content)  # type: ignore[arg-type]

    with pytest.raises(error, match=message) as caught:
        load_file(path)

    assert "\n" not in str(caught.value)


def test_damaged_xml_inside_the_zip_is_unreadable(tmp_path: Path) -> None:
    good = write_decision(tmp_path / "hel.docx")
    path = tmp_path / "trasig.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)

    with pytest.raises(
        UnreadableFile, match=r"^ingest: trasig\.docx: the Word document is damaged"
    ):
        load_file(path)
