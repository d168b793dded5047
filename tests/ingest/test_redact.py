"""redact_personal_numbers: personnummer and samordningsnummer, and nothing else."""

from __future__ import annotations

import pytest

from ingest.redact import REDACTION_TOKEN, luhn_valid, redact_personal_numbers

# Skatteverket's published example numbers; their check digits are valid.
VALID_10 = "811218-9876"
COORDINATION = "701063-2391"  # born 1970-10-03; day + 60


@pytest.mark.parametrize(
    "number",
    [
        pytest.param("811218-9876", id="10-digit-dash"),
        pytest.param("8112189876", id="10-digit-bare"),
        pytest.param("811218+9876", id="10-digit-plus-over-100"),
        pytest.param("811218 9876", id="10-digit-space"),
        pytest.param("19811218-9876", id="12-digit-dash"),
        pytest.param("198112189876", id="12-digit-bare"),
        pytest.param("701063-2391", id="samordningsnummer"),
        pytest.param("19701063-2391", id="samordningsnummer-12-digit"),
        pytest.param("000229-0005", id="29-february"),
    ],
)
def test_valid_numbers_are_redacted(number: str) -> None:
    text = f"Klienten (fiktiv) har personnummer {number}, enligt akten."

    assert redact_personal_numbers(text) == (
        f"Klienten (fiktiv) har personnummer {REDACTION_TOKEN}, enligt akten.",
        1,
    )


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        pytest.param("12 811218-9876", f"12 {REDACTION_TOKEN}", id="after-a-number"),
        pytest.param("811218-9876 12 st", f"{REDACTION_TOKEN} 12 st", id="before-a-number"),
        pytest.param("nr:811218-9876.", f"nr:{REDACTION_TOKEN}.", id="after-colon"),
    ],
)
def test_numbers_in_tables_and_lists_are_redacted(text: str, redacted: str) -> None:
    assert redact_personal_numbers(text) == (redacted, 1)


def test_counts_every_redaction() -> None:
    text = f"{VALID_10} och {COORDINATION}.\n19811218-9876"

    redacted, count = redact_personal_numbers(text)

    assert count == 3
    assert redacted == f"{REDACTION_TOKEN} och {REDACTION_TOKEN}.\n{REDACTION_TOKEN}"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("811218-9875", id="bad-check-digit"),
        # The next four have valid check digits, so only their dates rule them out.
        pytest.param("811318-9875", id="month-13"),
        pytest.param("811232-9878", id="day-32"),
        pytest.param("810230-9872", id="30-february"),
        pytest.param("20811218-9876", id="born-in-the-future"),
        pytest.param("Summan är 1 150 000 kr.", id="amount"),
        pytest.param("Beloppet 8 112 189 876 kr.", id="large-amount"),
        pytest.param("Telefon 08-508 25 443.", id="phone"),
        pytest.param("Ring tel. 8112189876", id="phone-label"),
        pytest.param("Beslut 2013-06-11.", id="date"),
        pytest.param("Dnr 3.1-123/2013", id="case-number"),
        pytest.param("Ref 128112189876", id="longer-run-before"),
        pytest.param("Ref 81121898761", id="longer-run-after"),
        pytest.param("Ref 811218-98761", id="longer-serial"),
        pytest.param("Ref 1-811218-9876", id="joined-by-dash-before"),
        pytest.param("Ref 811218-9876-2", id="joined-by-dash-after"),
        pytest.param("Ref 12 811218 9876", id="spaced-after-digit-group"),
        pytest.param("Ref 811218 9876 55", id="spaced-before-digit-group"),
    ],
)
def test_other_numbers_are_left_alone(text: str) -> None:
    assert redact_personal_numbers(text) == (text, 0)


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        pytest.param("8112189876", True, id="valid"),
        pytest.param("8112189875", False, id="off-by-one"),
        pytest.param("7010632391", True, id="coordination"),
    ],
)
def test_luhn(digits: str, valid: bool) -> None:
    assert luhn_valid(digits) is valid
