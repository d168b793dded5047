"""`funding` exports its interface lazily: every listed name resolves, and nothing else."""

from __future__ import annotations

import subprocess
import sys

import pytest

import funding


@pytest.mark.parametrize("name", funding.__all__)
def test_every_exported_name_resolves_from_its_module(name: str) -> None:
    value = getattr(funding, name)
    assert value is not None
    assert name in vars(funding)  # kept after the first look-up


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'find_everything'"):
        funding.find_everything  # noqa: B018


def test_importing_the_models_compiles_no_patterns() -> None:
    code = (
        "import sys, funding.models; "
        "print(sorted(m for m in sys.modules if m.startswith('funding')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['funding', 'funding.models']"
