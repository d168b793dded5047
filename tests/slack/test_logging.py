"""Tokens never reach the logs; error ids are short and distinct."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator

import pytest

from bot.slack.logs import TokenMaskFilter, install_token_masking, mask_tokens, new_error_id

BOT = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"
APP = "xapp-1-A0FOU-1234567890123-0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(f"token={BOT}", "token=xoxb-***", id="bot-token"),
        pytest.param(f"Bearer {APP}.", "Bearer xapp-***.", id="app-token"),
        pytest.param("xoxp-1-2-3-abc and xoxa-2-x", "xoxp-*** and xoxa-***", id="user-tokens"),
        pytest.param("refresh xoxe.xoxp-1-Mi0yLTE", "refresh xoxe.xoxp-***", id="rotating-token"),
        pytest.param("{'token': 'xoxb-1-2-a'}", "{'token': 'xoxb-***'}", id="in-a-dict"),
        pytest.param("no secrets, xox or xapp here", "no secrets, xox or xapp here", id="clean"),
    ],
)
def test_mask_tokens(text: str, expected: str) -> None:
    assert mask_tokens(text) == expected


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A logger under `bot.slack` whose records reach a handler that has the mask."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    parent = logging.getLogger("test_mask_parent")
    parent.addHandler(handler)
    parent.setLevel(logging.DEBUG)
    parent.propagate = False
    install_token_masking(parent)
    yield logging.getLogger("test_mask_parent.child.listener"), stream
    parent.removeHandler(handler)


def test_records_from_child_loggers_are_masked(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    logger, stream = captured
    logger.info("calling with %s and %r", BOT, {"app_token": APP})
    logger.warning(f"inline {BOT}")
    output = stream.getvalue()
    assert BOT[5:] not in output and APP[5:] not in output
    assert "calling with xoxb-*** and {'app_token': 'xapp-***'}" in output


def test_tracebacks_are_masked(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = captured
    try:
        raise RuntimeError(f"invalid_auth for {BOT}")
    except RuntimeError:
        logger.exception("slack: [%s] failed", "1a2b3c4d")
    output = stream.getvalue()
    assert "RuntimeError: invalid_auth for xoxb-***" in output
    assert BOT[5:] not in output


def test_masking_is_installed_once_per_handler(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    parent = logging.getLogger("test_mask_parent")
    install_token_masking(parent)
    install_token_masking(parent)
    per_handler = [
        sum(isinstance(f, TokenMaskFilter) for f in handler.filters) for handler in parent.handlers
    ]
    assert per_handler and set(per_handler) == {1}


def test_error_ids_are_eight_hex_characters_and_distinct() -> None:
    ids = {new_error_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(re.fullmatch(r"[0-9a-f]{8}", i) for i in ids)
