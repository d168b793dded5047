"""Write the small test PDFs in tests/data/; run it again only to change them.

The PDFs are committed so the tests need no fpdf2 at run time. Every text in them is
fictional and says so. Usage: `.venv/bin/python tests/data/make_test_pdfs.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent
NOTICE = "Fiktivt testdokument för fou-bot; alla namn och belopp är påhittade."
GRANTS = (
    ("Skärholmen", "Unga vuxna i samverkan", "350 000 kr"),
    ("Rinkeby-Kista", "Föräldrastöd i grupp", "1 150 000 kr"),
    ("Hägersten-Älvsjö", "3 nya arbetsmetoder", "75 000 kr"),
    ("Farsta", "Uppsökande arbete", "420 500 kr"),
)


def new_pdf(title: str | None = None) -> FPDF:
    """A blank A4 document with the core Helvetica font (latin-1 covers å, ä and ö)."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    # fpdf2 stamps today's date by default; a fixed one keeps the files byte-stable.
    pdf.set_creation_date(datetime(2024, 1, 1, tzinfo=UTC))
    if title:
        pdf.set_title(title)
    return pdf


def three_pages() -> FPDF:
    """Three pages, each naming its own number, so page numbering can be checked."""
    pdf = new_pdf("Fiktiv FoU-plan för testning")
    for number in (1, 2, 3):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"{NOTICE}\nDetta är sida {number} av den påhittade planen.")
    return pdf


def grants_table() -> FPDF:
    """A grants table drawn twice: row by row, and column by column as some tools do."""
    pdf = new_pdf()
    pdf.add_page()
    pdf.multi_cell(0, 6, f"{NOTICE}\nSocialnämnden beslutar att fördela medel enligt tabellen.")
    pdf.ln(4)
    with pdf.table(col_widths=(50, 70, 40), text_align=("LEFT", "LEFT", "RIGHT")) as table:
        for row in (("Stadsdelsnämnd", "Projekt", "Belopp"), *GRANTS):
            cells = table.row()
            for value in row:
                cells.cell(value)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Samma fiktiva fördelning, ritad spalt för spalt:")
    top = pdf.get_y() + 8
    for column, x in ((0, 20), (2, 150)):
        for i, row in enumerate(GRANTS):
            pdf.text(x, top + i * 7, row[column])
    return pdf


def two_columns() -> FPDF:
    """Newspaper-style prose in two columns, which must not be interleaved line by line."""
    pdf = new_pdf()
    pdf.add_page()
    left = "Vänster spalt berättar om ett påhittat projekt i en fiktiv stadsdel. " * 4
    right = "Höger spalt handlar om en helt annan och lika påhittad nyhet. " * 4
    pdf.set_xy(10, 20)
    pdf.multi_cell(90, 5, left)
    pdf.set_xy(110, 20)
    pdf.multi_cell(90, 5, right)
    return pdf


def encrypted(user_password: str) -> Callable[[], FPDF]:
    """A one-page PDF encrypted with RC4, which pypdf decrypts without extra packages."""

    def build() -> FPDF:
        pdf = new_pdf()
        pdf.set_encryption(owner_password="fiktivt-agarlosen", user_password=user_password)
        pdf.add_page()
        pdf.multi_cell(0, 6, f"{NOTICE}\nKrypterat testdokument.")
        return pdf

    return build


def scanned() -> FPDF:
    """Two pages with drawn shapes and no text, as a scanned document would look."""
    pdf = new_pdf()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 170, 120, style="F")
    return pdf


BUILDERS: dict[str, Callable[[], FPDF]] = {
    "three_pages.pdf": three_pages,
    "grants_table.pdf": grants_table,
    "two_columns.pdf": two_columns,
    "encrypted.pdf": encrypted("hemligt"),
    "encrypted_empty_password.pdf": encrypted(""),
    "scanned.pdf": scanned,
}


def main() -> None:
    """Write every test PDF, then a truncated copy of one as the corrupt sample."""
    for name, build in BUILDERS.items():
        (HERE / name).write_bytes(bytes(build().output()))
    whole = (HERE / "three_pages.pdf").read_bytes()
    (HERE / "corrupt.pdf").write_bytes(whole[: len(whole) // 2])
    for name in (*BUILDERS, "corrupt.pdf"):
        print(f"{name}: {(HERE / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
