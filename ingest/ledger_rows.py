"""The grants ledger as plain rows: one definition of the CSV and JSON columns.

`fou-bot grants --csv/--json` and the evaluation script write the same columns from here.
The CSV keeps its first ten columns in this order (scorers read them by name); new columns
are only ever added at the end.
"""

from __future__ import annotations

from funding.models import Grant

CSV_COLUMNS = (
    "amount_sek",
    "approximate",
    "recipients",
    "purpose",
    "status",
    "body",
    "date",
    "source",
    "page",
    "sentence",
    "amount",
    "currency",
    "year",
)


def csv_row(grant: Grant) -> list[str]:
    """One CSV row, columns as in CSV_COLUMNS; a foreign amount leaves amount_sek empty."""
    return [
        "" if grant.amount_sek is None else str(grant.amount_sek),
        str(grant.approximate),
        "; ".join(grant.recipients),
        grant.purpose or "",
        grant.status,
        grant.body or "",
        grant.date or "",
        grant.source,
        "" if grant.page is None else str(grant.page),
        " ".join(grant.sentence.split()),
        str(grant.amount),
        grant.currency,
        "" if grant.year is None else str(grant.year),
    ]


def json_row(grant: Grant) -> dict[str, object]:
    """One grant as a JSON object, with typed values and the span's offsets."""
    return {
        "amount": grant.amount,
        "currency": grant.currency,
        "amount_sek": grant.amount_sek,
        "approximate": grant.approximate,
        "recipients": list(grant.recipients),
        "purpose": grant.purpose,
        "status": grant.status,
        "body": grant.body,
        "year": grant.year,
        "date": grant.date,
        "source": grant.source,
        "title": grant.title,
        "doc_id": grant.doc_id,
        "page": grant.page,
        "start": grant.start,
        "end": grant.end,
        "sentence": grant.sentence,
    }
