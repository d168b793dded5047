"""`fou-bot ask`, `chat`, `quote` and `explain`: questions from the terminal."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any

import click

from bot.cli.filters import filter_options, make_filters

if TYPE_CHECKING:
    from bot.engine.engine import Engine


def _engine(obj: dict[str, Any]) -> Engine:
    """The engine over the configured store; a missing or empty index ends the command."""
    from bot.runtime import build_engine, ingest_hint, open_store, store_location

    settings = obj["settings"]
    store = open_store(settings, create=False)
    if not store.has_documents():
        click.secho(
            f"The index ({store_location(settings)}, collection {settings.collection}) "
            f"holds no documents, so nothing can be answered; {ingest_hint()}",
            fg="yellow",
            err=True,
        )
        sys.exit(1)
    return build_engine(settings, store)


@click.command("ask")
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@filter_options
@click.pass_obj
def ask_cmd(obj: dict[str, Any], /, question: str, as_json: bool, **filters: object) -> None:
    """Answer QUESTION from the indexed documents, with cited sources."""
    from bot.cli.render_answer import print_answer
    from bot.engine.errors import EngineError

    engine = _engine(obj)
    try:
        answer = engine.ask(question, filters=make_filters(**filters))
    except EngineError as error:
        raise click.ClickException(str(error)) from error
    print_answer(answer, as_json=as_json, started=obj.get("started"))


@click.command("chat")
@click.pass_obj
def chat_cmd(obj: dict[str, Any]) -> None:
    """A conversation in the terminal; follow-ups use the earlier turns. Ctrl-D ends it."""
    from bot.cli.render_answer import print_answer
    from bot.engine.errors import EngineError
    from bot.engine.types import Turn

    engine = _engine(obj)
    history: list[Turn] = []
    while True:
        try:
            question = click.prompt("fråga", prompt_suffix="> ").strip()
        except (EOFError, click.Abort):
            click.echo()
            return
        if not question:
            continue
        asked = time.perf_counter()
        try:
            answer = engine.ask(question, history)
        except EngineError as error:
            click.secho(str(error), fg="red", err=True)
            continue
        print_answer(answer, started=asked)
        history.append(Turn.of(question, answer))


@click.command("quote")
@click.argument("politician")
@click.argument("topic")
@click.option("--json", "as_json", is_flag=True, help="Print the draft as JSON.")
@click.pass_obj
def quote_cmd(obj: dict[str, Any], politician: str, topic: str, as_json: bool) -> None:
    """Draft a quote for POLITICIAN about TOPIC from cited facts (a draft to verify)."""
    from bot.cli.render_answer import print_answer
    from bot.engine.errors import EngineError

    engine = _engine(obj)
    try:
        answer = engine.draft_quote(politician, topic)
    except EngineError as error:
        raise click.ClickException(str(error)) from error
    print_answer(answer, as_json=as_json, started=obj.get("started"))


@click.command("explain")
@click.argument("term")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@click.pass_obj
def explain_cmd(obj: dict[str, Any], term: str, as_json: bool) -> None:
    """Explain TERM for a newcomer, from the glossary and the documents."""
    from bot.cli.render_answer import print_answer

    answer = _engine(obj).explain(term)
    print_answer(answer, as_json=as_json, started=obj.get("started"))
