"""Import chromadb quickly: without the `overrides` checks and with two modules deferred.

chromadb marks its methods with `overrides.override`, which, as each class is defined,
checks every marked method's signature against the base class's with `inspect` and `dis`.
Those are checks of chromadb's own class hierarchy, made on every start: a few tenths of a
second of the second or so that importing chromadb and opening a client take, which every
`fou-bot` command that opens the store pays. Inside `chromadb_checks_off()` (which
`bot.runtime.open_store` wraps around importing the store and making the client)
`override` only marks the method, as `EnforceOverrides` expects, and checks nothing; the
real decorator is back once the block ends. Modules chromadb imports later check as usual.

Two more modules chromadb imports on start and fou-bot never uses are deferred inside the
block: the OpenTelemetry gRPC span exporter (used only when a collector endpoint is
configured) and chromadb's registry of some thirty hosted embedding functions (used only
for collections configured with one; fou-bot embeds itself). While chromadb is imported,
each stands in as a small module whose names import the real module on first use and
hand over to it, so nothing is switched off: it is only imported when it is needed.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

# The modules deferred, with the names chromadb imports from them as it starts: callables
# (called later, if ever) and mappings (read later, if ever).
DEFERRED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "opentelemetry.exporter.otlp.proto.grpc.trace_exporter": (("OTLPSpanExporter",), ()),
    "chromadb.utils.embedding_functions": (
        ("register_embedding_function",),
        ("known_embedding_functions",),
    ),
}


def _mark(method: F | None = None, **_options: Any) -> F | Callable[[F], F]:
    def mark(found: F) -> F:
        found.__override__ = True  # type: ignore[attr-defined]
        return found

    return mark(method) if method is not None else mark


def real_module(name: str) -> types.ModuleType:
    """The real module `name`, imported now if only its stand-in is loaded."""
    found = sys.modules.get(name)
    if isinstance(found, _StandIn):
        del sys.modules[name]
    return importlib.import_module(name)


class _StandIn(types.ModuleType):
    """A deferred module: any name it was not given is looked up in the real module."""

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):
            # The import system asks for `__path__` and the like; a stand-in has none.
            raise AttributeError(attribute)
        return getattr(real_module(self.__name__), attribute)


class _LazyMapping(Mapping[str, Any]):
    """A mapping of the real module, read only when first used."""

    def __init__(self, module: str, attribute: str) -> None:
        self._module, self._attribute = module, attribute

    def _real(self) -> Mapping[str, Any]:
        found: Mapping[str, Any] = getattr(real_module(self._module), self._attribute)
        return found

    def __getitem__(self, key: str) -> Any:
        return self._real()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._real())

    def __len__(self) -> int:
        return len(self._real())


def _callable(module: str, attribute: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(real_module(module), attribute)(*args, **kwargs)

    call.__name__ = call.__qualname__ = attribute
    return call


def _stand_in(name: str, callables: tuple[str, ...], mappings: tuple[str, ...]) -> _StandIn:
    module = _StandIn(name, f"stands in for {name} until it is used")
    for attribute in callables:
        setattr(module, attribute, _callable(name, attribute))
    for attribute in mappings:
        setattr(module, attribute, _LazyMapping(name, attribute))
    return module


@contextmanager
def chromadb_checks_off() -> Iterator[None]:
    """While the block runs, `overrides.override` marks methods without checking them and
    the modules of `DEFERRED` that are not loaded yet stand in for themselves."""
    import overrides

    saved = overrides.override, overrides.overrides
    overrides.override = overrides.overrides = _mark  # type: ignore[assignment]
    placed = {
        name: _stand_in(name, *names) for name, names in DEFERRED.items() if name not in sys.modules
    }
    sys.modules.update(placed)
    try:
        yield
    finally:
        overrides.override, overrides.overrides = saved
        for name, module in placed.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
