"""Import chromadb without the `overrides` package's signature checks.

chromadb marks its methods with `overrides.override`, which, as each class is defined,
checks every marked method's signature against the base class's with `inspect` and `dis`.
Those are checks of chromadb's own class hierarchy, made on every start: a few tenths of a
second of the second or so that importing chromadb and opening a client take, which every
`fou-bot` command that opens the store pays. Inside `chromadb_checks_off()` (which
`bot.runtime.open_store` wraps around importing the store and making the client)
`override` only marks the method, as `EnforceOverrides` expects, and checks nothing; the
real decorator is back once the block ends. Modules chromadb imports later check as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def _mark(method: F | None = None, **_options: Any) -> F | Callable[[F], F]:
    def mark(found: F) -> F:
        found.__override__ = True  # type: ignore[attr-defined]
        return found

    return mark(method) if method is not None else mark


@contextmanager
def chromadb_checks_off() -> Iterator[None]:
    """While the block runs, `overrides.override` marks methods without checking them."""
    import overrides

    saved = overrides.override, overrides.overrides
    overrides.override = overrides.overrides = _mark  # type: ignore[assignment]
    try:
        yield
    finally:
        overrides.override, overrides.overrides = saved
