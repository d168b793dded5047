"""Fixtures for the ingest tests: the committed sample PDFs and small files written on demand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

WriteFile = Callable[[str, str | bytes], Path]


@pytest.fixture
def data_dir() -> Path:
    """tests/data, where make_test_pdfs.py keeps the sample PDFs."""
    return DATA_DIR


@pytest.fixture
def write_file(tmp_path: Path) -> WriteFile:
    """Write text (as UTF-8) or bytes to a file named `name` in a fresh folder."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
        return path

    return write
