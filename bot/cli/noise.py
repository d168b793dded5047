"""Keep libraries' chatter out of the CLI's normal output; errors still come through.

Only known, harmless notices are dropped, and only below DEBUG: run with
FOU_LOG_LEVEL=DEBUG to see every library warning again.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings

# Bolt reads SLACK_BOT_TOKEN from the environment even when it is given a client (which
# fou-bot builds with that same token) and then says it ignores it, on every start.
HARMLESS_LOG_MESSAGES: dict[str, tuple[str, ...]] = {
    "slack_bolt.App": ("As you gave `client` as well, `token` will be unused.",),
}
# Libraries whose Deprecation/Future/User warnings speak to their own authors, not to the
# administrator running fou-bot.
CHATTY_MODULES = (
    r"chromadb(\..*)?",
    r"transformers(\..*)?",
    r"sentence_transformers(\..*)?",
    r"huggingface_hub(\..*)?",
    r"torch(\..*)?",
    r"langchain[a-z_]*(\..*)?",
    r"pydantic(\..*)?",
    r"slack_bolt(\..*)?",
    r"slack_sdk(\..*)?",
    r"bm25s(\..*)?",
)


class _DropMessages(logging.Filter):
    """Drop records whose message is one of a few known, harmless notices."""

    def __init__(self, messages: tuple[str, ...]) -> None:
        super().__init__()
        self.messages = frozenset(messages)

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.ERROR or record.getMessage() not in self.messages


def quiet_libraries(settings: Settings) -> None:
    """Install the filters for this process, unless the log level is DEBUG."""
    if settings.log_level == "DEBUG":
        logging.captureWarnings(True)
        return
    for name, messages in HARMLESS_LOG_MESSAGES.items():
        logger = logging.getLogger(name)
        if not any(isinstance(f, _DropMessages) for f in logger.filters):
            logger.addFilter(_DropMessages(messages))
    for module in CHATTY_MODULES:
        for category in (DeprecationWarning, FutureWarning, UserWarning):
            warnings.filterwarnings("ignore", category=category, module=module)


@contextmanager
def reported_by_the_cli(settings: Settings, *loggers: str) -> Iterator[None]:
    """Hold back these loggers' warnings while the command prints the same facts itself.

    Errors still pass; at DEBUG everything does.
    """
    if settings.log_level == "DEBUG":
        yield
        return
    saved = [(logging.getLogger(name), logging.getLogger(name).level) for name in loggers]
    for logger, _ in saved:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in saved:
            logger.setLevel(level)
