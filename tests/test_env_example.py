"""`.env.example` names every setting, so an administrator sees all there is to set."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import AliasChoices

from bot.settings import Settings

EXAMPLE = Path(__file__).resolve().parent.parent / ".env.example"


def env_name(field: str) -> str:
    alias = Settings.model_fields[field].validation_alias
    if isinstance(alias, AliasChoices):
        return str(alias.choices[0]).upper()
    if isinstance(alias, str):
        return alias.upper()
    prefix = str(Settings.model_config.get("env_prefix", ""))
    return f"{prefix}{field}".upper()


def test_every_setting_is_in_the_example_file() -> None:
    written = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", EXAMPLE.read_text("utf-8"), re.M))

    missing = [env_name(f) for f in Settings.model_fields if env_name(f) not in written]

    assert not missing, f".env.example lacks {missing}"
