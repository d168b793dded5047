"""Reading Swedish funding text: amounts, recipients, status, quotes, dates and grants.

Ingest reads documents into the grants ledger with it and the answer engine reads
passages and questions with it, so both must read "350 000 kr till Farsta" the same way.
It works on text alone: no files, no store, no Slack; it imports nothing of ingest or bot.

- `amounts`: sums of money in text (find_amounts, parse_amount, format_sek).
- `recipients`: who receives money, and who decides or gives it (find_receivers).
- `cues`: the one lexicon of status and role words (caps, pots, applied, refused ...).
- `status`: those words ordered into a status for a text, a clause or a paper (cued_status).
- `grants`: the grant extractor (extract_grants) over a `Document`, with `tables`.
- `quotes`, `dates`, `instructions`, `normalize`: quoted statements, dates, order-like
  sentences that are never evidence, and the normal form every compared text takes.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from funding.amounts import amount_forms, figures_in, find_amounts, format_sek, parse_amount
    from funding.dates import find_date, parse_date
    from funding.grants import EXTRACTOR_VERSION, extract_grants
    from funding.instructions import looks_like_instruction, without_instructions
    from funding.models import GRANT_STATUSES, Amount, Document, Grant, Quote
    from funding.normalize import normalize_text
    from funding.quotes import find_quotes
    from funding.recipients import canonical_district, find_receivers, find_recipients
    from funding.status import cued_status

# Each name is imported from its module on first use: compiling the recipient and grant
# patterns takes a few tenths of a second, which `fou-bot --help` and listing never need.
_HOMES = {
    "amounts": ("amount_forms", "figures_in", "find_amounts", "format_sek", "parse_amount"),
    "dates": ("find_date", "parse_date"),
    "grants": ("EXTRACTOR_VERSION", "extract_grants"),
    "instructions": ("looks_like_instruction", "without_instructions"),
    "models": ("GRANT_STATUSES", "Amount", "Document", "Grant", "Quote"),
    "normalize": ("normalize_text",),
    "quotes": ("find_quotes",),
    "recipients": ("canonical_district", "find_receivers", "find_recipients"),
    "status": ("cued_status",),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'funding' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"funding.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "EXTRACTOR_VERSION",
    "GRANT_STATUSES",
    "Amount",
    "Document",
    "Grant",
    "Quote",
    "amount_forms",
    "canonical_district",
    "cued_status",
    "extract_grants",
    "figures_in",
    "find_amounts",
    "find_date",
    "find_quotes",
    "find_receivers",
    "find_recipients",
    "format_sek",
    "looks_like_instruction",
    "normalize_text",
    "parse_amount",
    "parse_date",
    "without_instructions",
]
