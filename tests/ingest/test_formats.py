"""load_file: dispatch on the suffix, and the errors for files no loader should see."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import EmptyDocument, UnreadableFile, UnsupportedFormat
from ingest.formats import SUPPORTED_SUFFIXES, load_file
from tests.ingest.conftest import WriteFile

HTML = "<html><head><title>Fiktiv sida</title></head><body><p>Påhittad text.</p></body></html>"
TEXT = "---\ntitle: Fiktiv text\n---\nPåhittad text."


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == (".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".docx")


@pytest.mark.parametrize(
    ("name", "content", "title"),
    [
        pytest.param("a.txt", TEXT, "Fiktiv text", id="txt"),
        pytest.param("a.md", TEXT, "Fiktiv text", id="md"),
        pytest.param("a.MARKDOWN", TEXT, "Fiktiv text", id="markdown-upper-case"),
        pytest.param("a.html", HTML, "Fiktiv sida", id="html"),
        pytest.param("a.HTM", HTML, "Fiktiv sida", id="htm-upper-case"),
    ],
)
def test_text_formats_go_to_their_loader(
    write_file: WriteFile, name: str, content: str, title: str
) -> None:
    loaded = load_file(write_file(name, content))

    assert loaded.pages[0].text == "Påhittad text."
    assert loaded.declared["title"] == title


def test_pdf_goes_to_the_pdf_loader(data_dir: Path) -> None:
    assert [page.number for page in load_file(data_dir / "three_pages.pdf").pages] == [1, 2, 3]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        pytest.param(
            "budget.xlsx",
            "ingest: budget.xlsx: .xlsx files are not supported; export it as PDF or text "
            "(.pdf, .txt, .md, .markdown, .html, .htm, .docx)",
            id="spreadsheet",
        ),
        pytest.param(
            "README",
            "ingest: README: files without a suffix are not supported; export it as PDF or text "
            "(.pdf, .txt, .md, .markdown, .html, .htm, .docx)",
            id="no-suffix",
        ),
        pytest.param(
            "beslut.doc",
            "ingest: beslut.doc: old Word 97-2003 .doc files are not read; open it in Word and "
            "save it as .docx (or PDF), then ingest again",
            id="old-word",
        ),
    ],
)
def test_other_suffixes_are_unsupported(write_file: WriteFile, name: str, message: str) -> None:
    with pytest.raises(UnsupportedFormat) as caught:
        load_file(write_file(name, "a;b\n1;2\n"))

    assert str(caught.value) == message


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_zero_byte_file_is_empty(write_file: WriteFile, suffix: str) -> None:
    with pytest.raises(EmptyDocument) as caught:
        load_file(write_file(f"tom{suffix}", b""))

    assert str(caught.value) == (
        f"ingest: tom{suffix}: the file is empty (0 bytes); save the document again or leave it out"
    )


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"^ingest: borta\.pdf: the file cannot be read"):
        load_file(tmp_path / "borta.pdf")
