"""chromadb imported with the `overrides` checks off still works, and the checks come back."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import overrides
import pytest

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
