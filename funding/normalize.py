"""One normal form for every text fou-bot compares: stored documents and questions alike."""

from __future__ import annotations

import re
import unicodedata

# Unicode's format characters (category Cf): soft hyphen, zero-width space and joiners,
# bidi controls, BOM, tags. Invisible, so they would make one name two different strings.
_FORMAT = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)
# Control characters other than tab and newline: no text in them, and some drive a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalize_text(text: str) -> str:
    """NFC, format characters removed, other control characters turned into spaces."""
    return _CONTROL.sub(" ", _FORMAT.sub("", unicodedata.normalize("NFC", text)))
