"""Reading payloads: `/fou` sub-commands, questions, thread history, uploads, downloads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.engine.types import Turn
from bot.slack import messages
from bot.slack.blocks import answer_message
from bot.slack.download import download, token_may_go_to
from bot.slack.errors import DownloadRefused, MalformedPayload
from bot.slack.history import turns_from_replies
from bot.slack.listeners.command import FouCommand, parse_command
from bot.slack.listeners.upload import refusal, safe_name
from bot.slack.payloads import parse_message_event, plain_question
from tests.slack import fakes, shapes
from tests.slack.webapi_standin import BOT_TOKEN, WebApiStandin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", FouCommand("help"), id="empty"),
        pytest.param("  Hjälp ", FouCommand("help"), id="help-any-case"),
        pytest.param("källor", FouCommand("sources"), id="sources"),
        pytest.param("kallor", FouCommand("sources"), id="sources-ascii"),
        pytest.param(
            "källor om hemlöshet?",
            FouCommand("ask", subject="källor om hemlöshet?"),
            id="question-starting-with-a-keyword",
        ),
        pytest.param(
            "citat Anna Svensson: hemlöshet bland unga",
            FouCommand(
                "quote",
                subject="Anna Svensson: hemlöshet bland unga",
                politician="Anna Svensson",
                topic="hemlöshet bland unga",
            ),
            id="quote",
        ),
        pytest.param(
            "citat Anna Svensson",
            FouCommand("usage", usage=messages.CITAT_USAGE),
            id="quote-no-topic",
        ),
        pytest.param(
            "citat : x", FouCommand("usage", usage=messages.CITAT_USAGE), id="quote-no-name"
        ),
        pytest.param("intro FoU-plan", FouCommand("intro", subject="FoU-plan"), id="intro"),
        pytest.param("intro", FouCommand("usage", usage=messages.INTRO_USAGE), id="intro-empty"),
        pytest.param(
            "Vad gäller för  bidrag &amp; stöd?",
            FouCommand("ask", subject="Vad gäller för bidrag & stöd?"),
            id="question-unescaped",
        ),
    ],
)
def test_parse_command(text: str, expected: FouCommand) -> None:
    assert parse_command(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("<@UBOT> Hur mycket?", "Hur mycket?", id="mention"),
        pytest.param("Fråga <@UBOT|fou> om <@UALICE>", "Fråga om <@UALICE>", id="mid-mention"),
        pytest.param("<@UBOT>", "", id="only-mention"),
        pytest.param(
            "Se <https://start.stockholm/x|beslutet> och <https://a.se>",
            "Se beslutet och https://a.se",
            id="links",
        ),
        pytest.param(
            "I <#C123|socialtjänst> &lt;3 &amp; mer", "I #socialtjänst <3 & mer", id="escapes"
        ),
    ],
)
def test_plain_question(text: str, expected: str) -> None:
    assert plain_question(text, "UBOT") == expected


@pytest.mark.parametrize(
    ("event", "missing"),
    [
        pytest.param({"type": "app_mention", "ts": "1.1"}, "channel", id="no-channel"),
        pytest.param({"type": "app_mention", "channel": "C1", "ts": 5}, "ts", id="ts-not-text"),
    ],
)
def test_malformed_event_names_the_missing_field(event: dict[str, Any], missing: str) -> None:
    with pytest.raises(MalformedPayload, match=f"app_mention Ev1: the field '{missing}'"):
        parse_message_event({"event_id": "Ev1", "event": event})


def test_body_without_event_is_malformed() -> None:
    with pytest.raises(MalformedPayload, match="the body has no event"):
        parse_message_event({"event_id": "Ev1"})


def _bot_answer(text: str) -> dict[str, Any]:
    message = answer_message(fakes.answer_for("q", text), "a" * 32)
    return {
        "user": "UBOT",
        "bot_id": "BBOT",
        "ts": shapes.next_ts(),
        "blocks": list(message.blocks),
    }


def test_turns_pair_questions_with_the_bots_answers() -> None:
    replies = [
        {"user": "UALICE", "ts": "1.1", "text": "<@UBOT> Hur mycket fick Skärholmen?"},
        _bot_answer("Skärholmen fick 1 200 000 kronor [1]."),
        {"user": "UBOB", "ts": "1.3", "text": "Intressant!"},
        {"user": "UALICE", "ts": "1.4", "text": "<@UBOT> och Rinkeby?"},
        {"user": "UBOT", "bot_id": "BBOT", "ts": "1.5", "text": messages.WORKING},
        {"user": "UALICE", "ts": "1.6", "text": "<@UBOT> och Södermalm då?"},
        {"user": "UCAROL", "ts": "1.7", "text": "efter"},
    ]
    turns = turns_from_replies(replies, bot_user_id="UBOT", bot_id="BBOT", current_ts="1.6")
    assert turns == (Turn("Hur mycket fick Skärholmen?", "Skärholmen fick 1 200 000 kronor [1]."),)


def _with_metadata(message: dict[str, Any], metadata: object) -> dict[str, Any]:
    return {**message, "metadata": metadata}


@pytest.mark.parametrize(
    ("metadata", "sources"),
    [
        pytest.param(
            answer_message(fakes.answer_for("Hur mycket?"), "a1").metadata,
            (fakes.CITATION.source,),
            id="the-answers-own-metadata",
        ),
        pytest.param(
            {"event_type": "fou_answer", "event_payload": {"sources": ["a", "", 3, "b"]}},
            ("a", "b"),
            id="only-non-empty-strings",
        ),
        pytest.param(
            {"event_type": "other_app", "event_payload": {"sources": ["a"]}},
            (),
            id="another-event-type",
        ),
        pytest.param({"event_type": "fou_answer"}, (), id="no-payload"),
        pytest.param("sources", (), id="not-a-mapping"),
    ],
)
def test_a_turn_carries_the_sources_from_the_answers_metadata(
    metadata: object, sources: tuple[str, ...]
) -> None:
    replies = [
        {"user": "UALICE", "ts": "1.1", "text": "<@UBOT> Hur mycket fick Skärholmen?"},
        _with_metadata(_bot_answer("Skärholmen fick 1 200 000 kronor [1]."), metadata),
    ]
    [turn] = turns_from_replies(replies, bot_user_id="UBOT", bot_id="BBOT", current_ts="9.9")
    assert turn.sources == sources


def test_other_bots_are_neither_questions_nor_answers() -> None:
    replies = [
        {"user": "UALICE", "ts": "1.1", "text": "Fråga"},
        {"bot_id": "B0OTHER", "ts": "1.2", "text": "Annan bot"},
        _bot_answer("Svar"),
    ]
    turns = turns_from_replies(replies, bot_user_id="UBOT", bot_id="BBOT", current_ts="9.9")
    assert turns == (Turn("Fråga", "Svar"),)


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        pytest.param({"name": "rapport.pdf"}, "rapport.pdf", id="plain"),
        pytest.param({"name": "../../etc/passwd.txt"}, "passwd.txt", id="no-folders"),
        pytest.param({"name": "C:\\tmp\\beslut.md"}, "beslut.md", id="windows-path"),
        pytest.param({"name": "årsrapport 2024.pdf"}, "årsrapport 2024.pdf", id="swedish"),
        pytest.param({"name": "beslut", "filetype": "pdf"}, "beslut.pdf", id="suffix-from-type"),
        pytest.param({"name": "a<b>|c.txt"}, "a_b_c.txt", id="odd-characters"),
        pytest.param({"id": "F1", "name": ".."}, "upload", id="nothing-left"),
    ],
)
def test_safe_name(file: dict[str, Any], expected: str) -> None:
    assert safe_name(file) == expected


@pytest.mark.parametrize(
    ("name", "size", "expected"),
    [
        pytest.param("a.pdf", 10, None, id="fine"),
        pytest.param("a.docx", 10, None, id="word"),
        pytest.param("a.doc", 10, "kan jag inte läsa in", id="type"),
        pytest.param("a.pdf", 50 * 1024 * 1024 + 1, "för stor", id="size"),
    ],
)
def test_refusal(name: str, size: int, expected: str | None) -> None:
    reason = refusal({"size": size}, name)
    assert (reason is None) if expected is None else (expected in (reason or ""))


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        pytest.param("https://files.slack.com/files-pri/T1-F1/download/a.pdf", True, id="slack"),
        pytest.param("https://files.slack-gov.com/files-pri/x", True, id="govslack"),
        pytest.param("http://files.slack.com/files-pri/x", False, id="plain-http"),
        pytest.param("https://slack.com.evil.example/x", False, id="lookalike"),
        pytest.param("https://evil.example/files-pri/x", False, id="other-host"),
        pytest.param("http://127.0.0.1:9/files-pri/x", True, id="configured-api-host"),
        pytest.param("http://127.0.0.1:10/files-pri/x", False, id="other-port"),
    ],
)
def test_token_only_goes_to_slack(url: str, allowed: bool) -> None:
    assert token_may_go_to(url, "http://127.0.0.1:9/api/") is allowed


def test_download_streams_with_the_bot_token(standin: WebApiStandin, tmp_path: Path) -> None:
    url = standin.add_file("F1", b"x" * 100_000, "application/pdf")
    dest = tmp_path / "a.pdf"
    size = download(url, dest, token=BOT_TOKEN, api_url=standin.api_url, max_bytes=200_000)
    assert size == 100_000 == len(dest.read_bytes())


@pytest.mark.parametrize(
    ("token", "max_bytes", "match"),
    [
        pytest.param("xoxb-wrong", 200_000, "web page instead of the file", id="sign-in-page"),
        pytest.param(BOT_TOKEN, 1000, "larger than 1000 bytes", id="too-large"),
    ],
)
def test_download_refusals(
    standin: WebApiStandin, tmp_path: Path, token: str, max_bytes: int, match: str
) -> None:
    url = standin.add_file("F1", b"x" * 100_000, "application/pdf")
    with pytest.raises(DownloadRefused, match=match):
        download(url, tmp_path / "a.pdf", token=token, api_url=standin.api_url, max_bytes=max_bytes)


def test_download_to_a_foreign_host_never_sends_the_token(tmp_path: Path) -> None:
    with pytest.raises(DownloadRefused, match="not a Slack file host"):
        download(
            "https://evil.example/x.pdf",
            tmp_path / "x.pdf",
            token=BOT_TOKEN,
            api_url="https://slack.com/api/",
            max_bytes=10,
        )
