"""Prompt files, loaded by name with their placeholders checked at load time."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

import yaml

from prompts.errors import PromptError

__all__ = [
    "PLACEHOLDERS",
    "Prompt",
    "PromptError",
    "load_glossary",
    "load_prompt",
    "parse_glossary",
    "prompt_from_text",
]

# What each prompt file must contain, exactly: a missing placeholder would silently drop
# the sources or the question; an unknown one would fail at render time, mid-answer.
PLACEHOLDERS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "answer": frozenset({"no_answer"}),
        "answer_user": frozenset({"history", "question", "context"}),
        "quote": frozenset({"politician", "topic", "context", "style_examples", "draft_mark"}),
        "onboarding": frozenset({"term", "glossary", "context"}),
    }
)

_NAME = re.compile(r"[a-z][a-z0-9_]*")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Prompt:
    """A prompt template: its file name, text and `{name}` placeholders."""

    name: str
    text: str
    placeholders: frozenset[str]

    def render(self, **values: str) -> str:
        """Fill every placeholder; literal `{{` and `}}` in the file become single braces."""
        missing = self.placeholders - values.keys()
        unknown = values.keys() - self.placeholders
        if missing or unknown:
            raise PromptError(
                f"prompt {self.name!r}: render got the wrong values "
                f"(missing {sorted(missing)}, unknown {sorted(unknown)}); "
                f"pass exactly {sorted(self.placeholders)}"
            )
        return self.text.format_map(values)


def load_prompt(name: str, required: Iterable[str] | None = None) -> Prompt:
    """Load prompts/<name>.md and check it has exactly the required placeholders."""
    if not _NAME.fullmatch(name):
        raise PromptError(f"prompt {name!r}: a name is lower-case letters, digits and '_'")
    if required is None:
        if name not in PLACEHOLDERS:
            raise PromptError(
                f"prompt {name!r}: no declared placeholders; pass required= "
                f"or add it to prompts.PLACEHOLDERS (known: {sorted(PLACEHOLDERS)})"
            )
        expected = PLACEHOLDERS[name]
    else:
        expected = frozenset(required)
    return prompt_from_text(name, _read(f"{name}.md"), expected)


def prompt_from_text(name: str, text: str, required: Iterable[str]) -> Prompt:
    """A prompt from its text, checked to have exactly the required placeholders."""
    expected = frozenset(required)
    found = _placeholders(name, text)
    problems = []
    if missing := expected - found:
        problems.append(f"lacks {_braced(missing)}")
    if unknown := found - expected:
        problems.append(f"has unknown {_braced(unknown)}")
    if problems:
        raise PromptError(
            f"prompt {name!r}: prompts/{name}.md {' and '.join(problems)}; it must contain "
            f"exactly {_braced(expected)} (write literal braces as {{{{ and }}}})"
        )
    return Prompt(name=name, text=text, placeholders=found)


def load_glossary() -> dict[str, str]:
    """Read prompts/glossary.yaml: term -> short plain explanation."""
    return parse_glossary(_read("glossary.yaml"))


def parse_glossary(text: str) -> dict[str, str]:
    """A glossary from YAML text: a mapping of term to a non-empty explanation."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PromptError(f"glossary: prompts/glossary.yaml is not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not data:
        raise PromptError("glossary: prompts/glossary.yaml must be a mapping of term: explanation")
    glossary: dict[str, str] = {}
    for term, explanation in data.items():
        if not isinstance(term, str) or not isinstance(explanation, str) or not explanation.strip():
            raise PromptError(
                f"glossary: entry {term!r} must map a term to a non-empty text, got {explanation!r}"
            )
        glossary[term.strip()] = " ".join(explanation.split())
    return glossary


def read_data(filename: str) -> str:
    """The text of a data file of the prompts package (fitted weights, word lists)."""
    return _read(filename)


def _read(filename: str) -> str:
    try:
        return resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise PromptError(f"prompts/{filename}: no such prompt file in the package") from exc


def _placeholders(name: str, text: str) -> frozenset[str]:
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise PromptError(
            f"prompt {name!r}: prompts/{name}.md has a stray brace ({exc}); "
            "write literal braces as {{ and }}"
        ) from exc
    found: set[str] = set()
    for _literal, field, spec, conversion in fields:
        if field is None:
            continue
        if not _IDENTIFIER.fullmatch(field) or spec or conversion:
            raise PromptError(
                f"prompt {name!r}: placeholder {{{field}}} is not a plain {{name}}; "
                "use {name} only, and write literal braces as {{ and }}"
            )
        found.add(field)
    return frozenset(found)


def _braced(names: Iterable[str]) -> str:
    return ", ".join("{" + n + "}" for n in sorted(names))


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, str]:
    """English question words mapped to the Swedish words documents use (lexicon_en_sv.yaml)."""
    data = yaml.safe_load(_read("lexicon_en_sv.yaml")) or {}
    if not isinstance(data, dict):
        raise PromptError("prompts/lexicon_en_sv.yaml: expected `english: svenska` lines")
    return {str(k).lower(): str(v) for k, v in data.items()}
