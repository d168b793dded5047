"""load_text: UTF-8 text and Markdown files with optional front matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import EmptyDocument, UnreadableFile
from ingest.models import PageText
from ingest.text import load_text
from tests.ingest.conftest import WriteFile

FICTIONAL = "Fiktiv text: Socialnämnden i en påhittad stad fördelar 350 000 kr till ett projekt."


def test_front_matter_becomes_declared_and_body_one_page(write_file: WriteFile) -> None:
    path = write_file(
        "fiktiv.txt", f"---\ntitle: Påhittad rubrik\nkind: news\ndate: \n---\n\n{FICTIONAL}\n\n"
    )

    loaded = load_text(path)

    assert loaded.pages == (PageText(None, FICTIONAL),)
    assert loaded.declared == {"title": "Påhittad rubrik", "kind": "news"}
    assert loaded.warnings == ()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("bom.txt", b"\xef\xbb\xbf" + FICTIONAL.encode(), id="utf8-bom"),
        pytest.param("crlf.md", FICTIONAL.replace(": ", ":\r\n").encode(), id="crlf"),
        pytest.param("plain.markdown", FICTIONAL.encode(), id="markdown-suffix"),
    ],
)
def test_reads_utf8_variants(write_file: WriteFile, name: str, data: bytes) -> None:
    loaded = load_text(write_file(name, data))

    (page,) = loaded.pages
    assert page.number is None
    assert page.text.startswith("Fiktiv text")
    assert "\r" not in page.text
    assert "\ufeff" not in page.text


def test_markdown_keeps_its_markup(write_file: WriteFile) -> None:
    loaded = load_text(write_file("plan.md", "# Fiktiv FoU-plan\n\n- punkt ett\n- punkt två\n"))

    assert loaded.pages[0].text == "# Fiktiv FoU-plan\n\n- punkt ett\n- punkt två"


def test_broken_front_matter_is_a_warning_and_the_file_is_text(write_file: WriteFile) -> None:
    text = "---\ntitle: Aldrig stängd\n" + FICTIONAL

    loaded = load_text(write_file("trasig.txt", text))

    assert loaded.declared == {}
    assert loaded.pages[0].text == text
    assert len(loaded.warnings) == 1
    assert "no closing ---" in loaded.warnings[0]


def test_non_utf8_names_the_byte_and_offset(write_file: WriteFile) -> None:
    path = write_file("anteckningar.txt", "Fiktiv rad på svenska".encode("latin-1"))

    with pytest.raises(UnreadableFile) as caught:
        load_text(path)

    assert str(caught.value) == (
        "ingest: anteckningar.txt: the file is not UTF-8 (byte 0xe5 at offset 12); "
        "save it as UTF-8 and ingest again"
    )


def test_non_utf8_offset_counts_the_bom(write_file: WriteFile) -> None:
    path = write_file("bom.txt", b"\xef\xbb\xbfab\xff")

    with pytest.raises(UnreadableFile, match=r"byte 0xff at offset 5"):
        load_text(path)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(" \n\t\n", id="whitespace-only"),
        pytest.param("---\ntitle: Bara rubrik\n---\n\n  \n", id="front-matter-only"),
    ],
)
def test_no_body_is_an_empty_document(write_file: WriteFile, text: str) -> None:
    with pytest.raises(EmptyDocument, match=r"^ingest: tom\.txt: the file has no text"):
        load_text(write_file("tom.txt", text))


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"^ingest: saknas\.txt: the file cannot be read"):
        load_text(tmp_path / "saknas.txt")
