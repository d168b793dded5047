"""A Chroma client that dies after a given number of writes, as a killed process would."""

from __future__ import annotations

from typing import Any

from chromadb.api import ClientAPI

WRITES = frozenset({"add", "upsert", "update", "delete"})
OPENERS = frozenset({"get_collection", "get_or_create_collection", "create_collection"})


class Crash(BaseException):
    """The process 'died' here; a BaseException, so no `except Exception` swallows it."""


class WriteBudget:
    """How many more Chroma writes may happen; the next one after that raises Crash."""

    def __init__(self, writes: int | None) -> None:
        self.left = writes
        self.done = 0

    def spend(self, what: str) -> None:
        if self.left is not None and self.done >= self.left:
            raise Crash(f"killed before write {self.done + 1} ({what})")
        self.done += 1


class CrashingCollection:
    """A real collection whose writes spend the budget; reads pass through."""

    def __init__(self, inner: Any, budget: WriteBudget) -> None:
        self._inner = inner
        self._budget = budget

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        if name not in WRITES:
            return attr

        def write(*args: Any, **kwargs: Any) -> Any:
            self._budget.spend(f"{self._inner.name}.{name}")
            return attr(*args, **kwargs)

        return write


class CrashingClient:
    """A real client whose collections are CrashingCollections sharing one budget."""

    def __init__(self, inner: ClientAPI, budget: WriteBudget) -> None:
        self._inner = inner
        self.budget = budget

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        if name not in OPENERS:
            return attr

        def open_collection(*args: Any, **kwargs: Any) -> Any:
            return CrashingCollection(attr(*args, **kwargs), self.budget)

        return open_collection


def crashing(client: ClientAPI, writes: int | None) -> ClientAPI:
    """`client`, dying at its write number `writes + 1` (never when `writes` is None)."""
    return CrashingClient(client, WriteBudget(writes))  # type: ignore[return-value]
