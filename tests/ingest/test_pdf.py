"""load_pdf: pages, table rows, metadata and every way a PDF can be unreadable."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError

import ingest.pdf
from ingest.errors import EmptyDocument, EncryptedPdf, UnreadableFile
from ingest.pdf import load_pdf
from tests.ingest.conftest import WriteFile

GRANT_ROWS = [
    ("Skärholmen", "350 000 kr"),
    ("Rinkeby-Kista", "1 150 000 kr"),
    ("Hägersten-Älvsjö", "75 000 kr"),
    ("Farsta", "420 500 kr"),
]


def test_one_page_text_per_page_numbered_from_one(data_dir: Path) -> None:
    loaded = load_pdf(data_dir / "three_pages.pdf")

    assert [page.number for page in loaded.pages] == [1, 2, 3]
    for page in loaded.pages:
        assert f"Detta är sida {page.number} av den påhittade planen." in page.text
    assert loaded.warnings == ()


def test_meaningful_info_title_is_declared(data_dir: Path) -> None:
    assert load_pdf(data_dir / "three_pages.pdf").declared == {
        "title": "Fiktiv FoU-plan för testning"
    }


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("Microsoft Word - fiktiv_plan.docx", id="word-export"),
        pytest.param("fiktiv_plan.pdf", id="file-name"),
        pytest.param("Untitled", id="untitled"),
        pytest.param("  ", id="blank"),
        pytest.param("123", id="no-letters"),
    ],
)
def test_placeholder_info_title_is_ignored(
    data_dir: Path, write_file: WriteFile, title: str
) -> None:
    writer = PdfWriter(clone_from=data_dir / "three_pages.pdf")
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)

    assert load_pdf(write_file("plan.pdf", buffer.getvalue())).declared == {}


@pytest.mark.parametrize(
    "page_number", [pytest.param(1, id="row-order"), pytest.param(2, id="column-order")]
)
@pytest.mark.parametrize(
    ("recipient", "amount"), [pytest.param(*row, id=row[0]) for row in GRANT_ROWS]
)
def test_each_grant_row_keeps_its_amount_on_its_line(
    data_dir: Path, page_number: int, recipient: str, amount: str
) -> None:
    page = load_pdf(data_dir / "grants_table.pdf").pages[page_number - 1]

    (line,) = [line for line in page.text.splitlines() if line.startswith(recipient)]
    assert line.endswith(f" | {amount}")


def test_table_columns_stay_apart_so_numbers_do_not_merge(data_dir: Path) -> None:
    text = load_pdf(data_dir / "grants_table.pdf").pages[0].text

    assert "Hägersten-Älvsjö | 3 nya arbetsmetoder | 75 000 kr" in text.splitlines()
    assert not re.search(r"arbetsmetoder\s+75", text)


def test_layout_padding_is_dropped_and_the_table_is_one_block(data_dir: Path) -> None:
    text = load_pdf(data_dir / "grants_table.pdf").pages[0].text

    assert "  " not in text
    assert text == text.strip()
    blocks = text.split("\n\n")
    assert blocks[-1].splitlines() == [
        "Stadsdelsnämnd | Projekt | Belopp",
        "Skärholmen | Unga vuxna i samverkan | 350 000 kr",
        "Rinkeby-Kista | Föräldrastöd i grupp | 1 150 000 kr",
        "Hägersten-Älvsjö | 3 nya arbetsmetoder | 75 000 kr",
        "Farsta | Uppsökande arbete | 420 500 kr",
    ]


def test_prose_columns_are_not_interleaved(data_dir: Path) -> None:
    text = load_pdf(data_dir / "two_columns.pdf").pages[0].text

    assert all(not ("Vänster" in line and "Höger" in line) for line in text.splitlines())
    assert text.rindex("Vänster") < text.index("Höger")


def test_encrypted_with_empty_user_password_just_loads(data_dir: Path) -> None:
    loaded = load_pdf(data_dir / "encrypted_empty_password.pdf")

    assert "Krypterat testdokument." in loaded.pages[0].text


def test_password_protected_pdf_is_an_encrypted_error(data_dir: Path) -> None:
    with pytest.raises(EncryptedPdf) as caught:
        load_pdf(data_dir / "encrypted.pdf")

    assert str(caught.value) == (
        "ingest: encrypted.pdf: the PDF is encrypted with a password; "
        "decrypt it or export it again without a password"
    )


def test_scanned_pdf_without_text_is_empty(data_dir: Path) -> None:
    with pytest.raises(EmptyDocument) as caught:
        load_pdf(data_dir / "scanned.pdf")

    assert str(caught.value) == (
        "ingest: scanned.pdf: the PDF has no extractable text (a scanned PDF?); "
        "run OCR on it and ingest again"
    )


def test_pdf_without_pages_is_empty(write_file: WriteFile) -> None:
    buffer = io.BytesIO()
    PdfWriter().write(buffer)

    with pytest.raises(EmptyDocument, match=r"^ingest: tom\.pdf: the PDF has no pages"):
        load_pdf(write_file("tom.pdf", buffer.getvalue()))


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(None, id="committed-truncated-sample"),
        pytest.param(b"%PDF-1.4\n" + bytes(300), id="header-then-zeros"),
        pytest.param(b"<html><body>inte en pdf</body></html>", id="html-named-pdf"),
    ],
)
def test_corrupt_or_truncated_pdf_is_unreadable(
    data_dir: Path, write_file: WriteFile, content: bytes | None
) -> None:
    path = data_dir / "corrupt.pdf" if content is None else write_file("corrupt.pdf", content)

    with pytest.raises(UnreadableFile) as caught:
        load_pdf(path)

    message = str(caught.value)
    assert message.startswith("ingest: corrupt.pdf: the PDF is corrupt or truncated (")
    assert message.endswith("); download or export it again")


def test_every_truncation_of_a_valid_pdf_fails_cleanly(
    data_dir: Path, write_file: WriteFile
) -> None:
    whole = (data_dir / "three_pages.pdf").read_bytes()

    for cut in range(0, len(whole) - 10, 97):
        with pytest.raises(UnreadableFile):
            load_pdf(write_file("cut.pdf", whole[:cut] or b"%"))


def test_repaired_pdf_loads_with_pypdf_warnings(data_dir: Path, write_file: WriteFile) -> None:
    whole = (data_dir / "three_pages.pdf").read_bytes()
    broken = re.sub(rb"startxref\n\d+", b"startxref\n999", whole)

    loaded = load_pdf(write_file("lagad.pdf", broken))

    assert [page.number for page in loaded.pages] == [1, 2, 3]
    assert loaded.warnings
    assert all(warning.startswith("pypdf: ") for warning in loaded.warnings)


def test_pypdf_logging_is_restored_after_loading(data_dir: Path) -> None:
    with pytest.raises(UnreadableFile):
        load_pdf(data_dir / "corrupt.pdf")

    logger = logging.getLogger("pypdf")
    assert logger.propagate is True
    assert not any(type(h).__name__ == "_ListHandler" for h in logger.handlers)


class _AesPage:
    """A page whose content needs AES decryption, as pypdf has it without `cryptography`."""

    def extract_text(self, **_: object) -> str:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")


class _AesReader:
    """Stands in for PdfReader; `fail_on_open` says where pypdf notices it lacks AES."""

    fail_on_open = False

    def __init__(self, path: Path) -> None:
        if self.fail_on_open:
            raise DependencyError("cryptography>=3.1 is required for AES algorithm")
        self.is_encrypted = False
        self.pages = [_AesPage()]
        self.metadata = None


@pytest.mark.parametrize(
    "fail_on_open",
    [pytest.param(True, id="aes-256-key-check"), pytest.param(False, id="aes-128-page-content")],
)
def test_aes_without_cryptography_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fail_on_open: bool
) -> None:
    monkeypatch.setattr(_AesReader, "fail_on_open", fail_on_open)
    monkeypatch.setattr(ingest.pdf, "PdfReader", _AesReader)

    with pytest.raises(EncryptedPdf) as caught:
        load_pdf(tmp_path / "aes.pdf")

    assert str(caught.value) == (
        "ingest: aes.pdf: the PDF is AES-encrypted and reading it needs the 'cryptography' "
        "package; install it or export the PDF again without encryption"
    )


def test_sample_pdf_is_really_encrypted(data_dir: Path) -> None:
    # Guards the fixture itself: a regenerated sample without encryption would make the
    # encrypted-PDF tests pass for the wrong reason.
    assert PdfReader(data_dir / "encrypted.pdf").is_encrypted
    assert PdfReader(data_dir / "encrypted_empty_password.pdf").is_encrypted
