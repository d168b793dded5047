"""`fou-bot ask`, `chat`, `quote` and `explain`: questions from the terminal."""

from __future__ import annotations

import click

from bot.cli.filters import filter_options, make_filters
from bot.cli.render_answer import print_answer
from bot.engine.errors import EngineError
from bot.engine.types import Turn
from bot.runtime import build_engine, open_store
from bot.settings import Settings


@click.command("ask")
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@filter_options
@click.pass_obj
def ask_cmd(obj: dict[str, Settings], /, question: str, as_json: bool, **filters: object) -> None:
    """Answer QUESTION from the indexed documents, with cited sources."""
    settings = obj["settings"]
    engine = build_engine(settings, open_store(settings))
    try:
        print_answer(engine.ask(question, filters=make_filters(**filters)), as_json=as_json)
    except EngineError as error:
        raise click.ClickException(str(error)) from error


@click.command("chat")
@click.pass_obj
def chat_cmd(obj: dict[str, Settings]) -> None:
    """A conversation in the terminal; follow-ups use the earlier turns. Ctrl-D ends it."""
    settings = obj["settings"]
    engine = build_engine(settings, open_store(settings))
    history: list[Turn] = []
    while True:
        try:
            question = click.prompt("fråga", prompt_suffix="> ").strip()
        except (EOFError, click.Abort):
            click.echo()
            return
        if not question:
            continue
        try:
            answer = engine.ask(question, history)
        except EngineError as error:
            click.secho(str(error), fg="red", err=True)
            continue
        print_answer(answer)
        history.append(Turn.of(question, answer))


@click.command("quote")
@click.argument("politician")
@click.argument("topic")
@click.option("--json", "as_json", is_flag=True, help="Print the draft as JSON.")
@click.pass_obj
def quote_cmd(obj: dict[str, Settings], politician: str, topic: str, as_json: bool) -> None:
    """Draft a quote for POLITICIAN about TOPIC from cited facts (a draft to verify)."""
    settings = obj["settings"]
    engine = build_engine(settings, open_store(settings))
    try:
        print_answer(engine.draft_quote(politician, topic), as_json=as_json)
    except EngineError as error:
        raise click.ClickException(str(error)) from error


@click.command("explain")
@click.argument("term")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@click.pass_obj
def explain_cmd(obj: dict[str, Settings], term: str, as_json: bool) -> None:
    """Explain TERM for a newcomer, from the glossary and the documents."""
    settings = obj["settings"]
    print_answer(build_engine(settings, open_store(settings)).explain(term), as_json=as_json)
