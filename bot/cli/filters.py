"""Metadata filter options shared by `search` and `ask`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from bot.engine.types import Filters
from ingest.models import KINDS

F = TypeVar("F", bound=Callable[..., Any])


def filter_options(command: F) -> F:
    """Add --kind, --since, --until and --body to a command."""
    command = click.option(
        "--body", help="Only documents of this deciding body, e.g. Socialnämnden."
    )(command)
    command = click.option(
        "--until", type=click.DateTime(["%Y-%m-%d"]), help="Only documents dated up to YYYY-MM-DD."
    )(command)
    command = click.option(
        "--since", type=click.DateTime(["%Y-%m-%d"]), help="Only documents dated from YYYY-MM-DD."
    )(command)
    command = click.option(
        "--kind",
        "kinds",
        multiple=True,
        type=click.Choice(KINDS),
        help="Only documents of this kind (repeatable).",
    )(command)
    return command


def make_filters(**values: Any) -> Filters | None:
    """Filters from the options, or None when none was given."""
    kinds = tuple(values.get("kinds") or ())
    since, until, body = values.get("since"), values.get("until"), values.get("body")
    if not (kinds or since or until or body):
        return None
    return Filters(kinds=kinds, date_from=_iso(since), date_to=_iso(until), body=body)


def _iso(value: date | None) -> str | None:
    return value.strftime("%Y-%m-%d") if value else None
