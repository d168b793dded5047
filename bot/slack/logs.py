"""Logging for the Slack layer: tokens and personal numbers masked in every record."""

from __future__ import annotations

import logging
import re
import secrets

from ingest.redact import redact_name

# Bot, user, app-config and refresh tokens (xoxb-, xoxp-, xoxe-, ...) and app-level tokens.
TOKEN_PATTERN = re.compile(r"(xox[a-z](?:\.[a-z0-9]+)?-|xapp-)[A-Za-z0-9-]+")
MASK = r"\1***"


def mask_tokens(text: str) -> str:
    """Replace everything after a Slack token's prefix with `***`, and personal numbers."""
    return redact_name(TOKEN_PATTERN.sub(MASK, text))


def new_error_id() -> str:
    """A short id (8 hex characters) to show the user and log with the traceback."""
    return secrets.token_hex(4)


class TokenMaskFilter(logging.Filter):
    """Masks Slack tokens and personal numbers in a record's message, arguments and traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drops it."""
        message = record.getMessage()
        masked = mask_tokens(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_tokens(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_tokens(record.stack_info)
        return True


def install_token_masking(logger: logging.Logger | None = None) -> TokenMaskFilter:
    """Attach the mask to every handler of `logger` (default: root), once each.

    Handler filters see records from every logger that propagates to them, which a
    logger's own filters do not.
    """
    root = logging.getLogger()
    target = logger or root
    if target is root and not root.handlers:
        logging.basicConfig()
    mask = next(
        (f for h in target.handlers for f in h.filters if isinstance(f, TokenMaskFilter)),
        TokenMaskFilter(),
    )
    for handler in target.handlers:
        if mask not in handler.filters:
            handler.addFilter(mask)
    return mask
