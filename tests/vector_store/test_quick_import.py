"""chromadb imported with the `overrides` checks off still works, and the checks come back."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import overrides
import pytest

from vector_store import quick_import
from vector_store.quick_import import chromadb_checks_off

SCRIPT = textwrap.dedent(
    """
    import sys
    import overrides
    from vector_store.quick_import import chromadb_checks_off

    real = overrides.override
    assert "chromadb" not in sys.modules
    with chromadb_checks_off():
        from vector_store.client import make_client
        from pathlib import Path
        client = make_client(path=Path(sys.argv[1]))
    assert overrides.override is real
    collection = client.get_or_create_collection("quick", embedding_function=None)
    collection.add(ids=["a"], embeddings=[[0.1, 0.2]], documents=["text"])
    print(collection.get(ids=["a"])["documents"][0])
    # The deferred modules were never needed, so never imported, and no stand-in is left.
    from vector_store.quick_import import DEFERRED
    assert not [name for name in DEFERRED if name in sys.modules], sorted(sys.modules)
    # chromadb's own reference to the registry hands over to the real one when read.
    import chromadb.api.collection_configuration as configuration
    assert "default" in configuration.known_embedding_functions
    from chromadb.utils import embedding_functions as registry
    assert type(registry).__name__ == "module"
    assert dict(configuration.known_embedding_functions) == registry.known_embedding_functions
    """
)


def test_a_fresh_process_imports_chromadb_with_checks_off_and_uses_it(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "chroma")],
        capture_output=True,
        text=True,
        cwd=root,
        env={"PYTHONPATH": str(root), "ANONYMIZED_TELEMETRY": "False"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "text"


def test_a_stand_in_hands_every_use_over_to_the_real_module() -> None:
    name = "json.decoder"  # a real module, loaded or not, stands in for a deferred one
    saved = sys.modules.pop(name, None)
    module = quick_import._stand_in(name, ("JSONDecoder",), ("BACKSLASH",))
    sys.modules[name] = module
    try:
        assert module.BACKSLASH["n"] == "\n"  # a mapping: read from the real module
        assert sys.modules[name] is not module  # the real module replaced its stand-in
        sys.modules[name] = module  # in again, for the callable
        decoder = module.JSONDecoder()  # a callable: the real class, called on first use
        assert decoder.decode("[1]") == [1]
        assert sys.modules[name] is not module  # the real module replaced its stand-in
        assert module.scanstring is sys.modules[name].scanstring  # names it was not given
        with pytest.raises(AttributeError):
            module.__path__  # noqa: B018 - the import machinery must see no package here
    finally:
        if saved is not None:
            sys.modules[name] = saved


def test_inside_the_block_methods_are_marked_not_checked() -> None:
    class Base(overrides.EnforceOverrides):
        def run(self, a: int) -> int:
            return a

    with chromadb_checks_off():

        class Loose(Base):
            @overrides.override
            def run(self, a: int, b: int) -> int:  # type: ignore[override]
                return a + b

    assert Loose().run(1, 2) == 3
    # Outside the block the real decorator is back and refuses the incompatible signature.
    with pytest.raises(TypeError):

        class Strict(Base):
            @overrides.override
            def run(self, a: int, b: int) -> int:  # type: ignore[override]
                return a + b
