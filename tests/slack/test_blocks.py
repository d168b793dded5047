"""Block Kit output: valid by slack_sdk's models, within Slack's limits, escaped, and
unchanged unless a snapshot says so.

Snapshots live in tests/slack/snapshots/<id>.json and are compared exactly. After an
intended change to a message, regenerate them and review the diff:

    FOU_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/slack/test_blocks.py
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import pytest
from slack_sdk.models.blocks import Block

from bot.engine.types import Answer, Citation
from bot.slack import messages
from bot.slack.blocks import (
    ACTION_IDS,
    MAX_BLOCKS,
    SECTION_LIMIT,
    SlackMessage,
    answer_message,
    button,
    escape,
    header,
    help_message,
    link,
    quotes_message,
    split_text,
    text_message,
)
from bot.slack.reports import ingest_summary, overview_message
from ingest.report import FileResult, IngestReport
from tests.slack import fakes
from vector_store.records import IndexOverview

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("FOU_UPDATE_SNAPSHOTS") == "1"
ANSWER_ID = "0123456789abcdef0123456789abcdef"


def validate(message: SlackMessage) -> None:
    """Every block parses into slack_sdk's models and passes their validation."""
    assert message.text.strip(), "a plain-text fallback is required"
    assert 0 < len(message.blocks) <= MAX_BLOCKS
    for raw in message.blocks:
        block = Block.parse(raw)
        assert block is not None, raw
        block.validate_json()
        assert block.to_dict() == raw


def many_citations(count: int) -> tuple[Citation, ...]:
    return tuple(
        dataclasses.replace(fakes.CITATION, n=n, title=f"Dokument {n}", page=n)
        for n in range(1, count + 1)
    )


LONG_TEXT = " ".join(f"Mening {i} om bidrag & <villkor> till stadsdelen [1]." for i in range(6000))

CASES = {
    "answer": answer_message(fakes.answer_for("Hur mycket fick Skärholmen?"), ANSWER_ID),
    "answer-shareable-draft-fallback": answer_message(
        dataclasses.replace(
            fakes.answer_for("Anna Svensson: hemlöshet"),
            text="”Vi satsar på unga vuxna”, säger Anna Svensson [1].",
            mode="llm-fallback",
        ),
        ANSWER_ID,
        draft=True,
        shareable=True,
    ),
    "answer-shared": answer_message(
        dataclasses.replace(
            fakes.answer_for("Hur mycket?"), notice="Två källor säger emot varandra."
        ),
        ANSWER_ID,
        shared_by="UALICE",
    ),
    "answer-not-answered": answer_message(
        Answer(
            question="Vad kostar en hiss?",
            text="Det framgår inte av dokumenten.",
            answered=False,
            citations=(),
        ),
        ANSWER_ID,
    ),
    "quotes": quotes_message(fakes.answer_for("Hur mycket?")),
    "help": help_message(),
    "error": text_message(messages.ERROR.format(error_id="1a2b3c4d")),
    "overview": overview_message(fakes.overview()),
    "overview-empty": overview_message(IndexOverview(0, 0, 0, {}, (), None)),
    "ingest-summary": ingest_summary(
        IngestReport(
            [
                FileResult(
                    "rapport.pdf", "added", chunks=7, redactions=2, warnings=("sida 3 tom",)
                ),
                FileResult("/tmp/x/gammal.pdf", "failed", error="the PDF is encrypted <lösenord>"),
            ]
        ),
        "rapport & bilagor.pdf",
    ),
    "ingest-duplicate": ingest_summary(
        IngestReport(
            [
                FileResult(
                    "slack-upload/ab12/beslut kopia.pdf",
                    "duplicate",
                    duplicate_of="/srv/fou/beslut/beslut_2024-03.pdf",
                )
            ]
        ),
        "beslut kopia.pdf",
    ),
}


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in CASES])
def test_message_is_valid_block_kit(name: str) -> None:
    validate(CASES[name])


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in CASES])
def test_message_matches_snapshot(name: str) -> None:
    message = CASES[name]
    rendered = json.dumps(
        {"text": message.text, "blocks": list(message.blocks)}, ensure_ascii=False, indent=2
    )
    path = SNAPSHOTS / f"{name}.json"
    if UPDATE:
        path.write_text(rendered + "\n", encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}; run with FOU_UPDATE_SNAPSHOTS=1 and review it"
    assert rendered + "\n" == path.read_text(encoding="utf-8")


def test_very_long_answer_is_split_within_limits_and_marked_as_cut() -> None:
    answer = fakes.answer_for("Allt om bidrag?", LONG_TEXT)
    message = answer_message(answer, ANSWER_ID, shareable=True)
    validate(message)
    sections = [b["text"]["text"] for b in message.blocks if b["type"] == "section"]
    assert all(len(s) <= SECTION_LIMIT for s in sections)
    assert sections[-2].endswith(messages.TRUNCATED)  # the last section is "Källor"
    assert len(message.text) <= 4000
    for text in sections:
        # No section ends in a broken entity or link.
        assert not re.search(r"&[a-z]{0,3}$|<[^>]*$", text.removesuffix(messages.TRUNCATED))


def test_answer_split_over_several_sections_keeps_all_text() -> None:
    text = " ".join(f"Stycke {i} om unga vuxna." for i in range(400))
    message = answer_message(fakes.answer_for("?", text), ANSWER_ID)
    validate(message)
    pieces = [
        b["text"]["text"] for b in message.blocks if b.get("block_id", "").startswith("fou-answer-")
    ]
    assert len(pieces) > 1
    assert " ".join(pieces).replace("[1]", "") == text.replace("[1]", "")


def test_many_citations_stay_within_block_and_context_limits() -> None:
    answer = dataclasses.replace(fakes.answer_for("?", LONG_TEXT), citations=many_citations(45))
    message = answer_message(answer, ANSWER_ID, draft=True, shareable=True)
    validate(message)
    contexts = [b for b in message.blocks if b["type"] == "context"]
    assert all(len(c["elements"]) <= 10 for c in contexts)
    assert sum(len(c["elements"]) for c in contexts) == 45
    validate(quotes_message(answer))


def test_untrusted_text_is_escaped() -> None:
    hostile = Citation(
        n=1,
        source="s",
        title="<!channel> & <https://evil.example|klicka>",
        kind="news",
        date="2024-01-01",
        page=None,
        url="https://start.stockholm/a?b=1&c=<2>|x",
        path="p",
        quote="Citat med <@U123> & <!here>",
    )
    answer = Answer("?", "Svar med <!everyone> & <https://evil|länk> [1]", True, (hostile,))
    message = answer_message(answer, ANSWER_ID)
    quotes = quotes_message(answer)
    rendered = json.dumps([message.blocks, message.text, quotes.blocks, quotes.text])
    for raw in ("<!channel>", "<!everyone>", "<!here>", "<@U123>", "<https://evil"):
        assert raw not in rendered
    assert "&lt;!everyone&gt; &amp; &lt;https://evil|länk&gt;" in message.blocks[0]["text"]["text"]
    assert (
        "<https://start.stockholm/a?b=1&amp;c=%3C2%3E%7Cx|[1]>" in message.blocks[0]["text"]["text"]
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param("https://a.se/x", "<https://a.se/x|t>", id="https"),
        pytest.param("http://a.se/x y", "<http://a.se/x%20y|t>", id="space"),
        pytest.param("javascript:alert(1)", "t", id="not-http"),
        pytest.param(None, "t", id="none"),
    ],
)
def test_link(url: str | None, expected: str) -> None:
    assert link(url, "t") == expected


def test_marker_without_citation_stays_plain() -> None:
    message = answer_message(fakes.answer_for("?", "Se [1] och [7]."), ANSWER_ID)
    text = message.blocks[0]["text"]["text"]
    assert "|[1]>" in text
    assert "och [7]." in text


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        pytest.param("kort", 10, ["kort"], id="fits"),
        pytest.param("ett två tre fyra", 9, ["ett två", "tre fyra"], id="at-space"),
        pytest.param("a. b. c. d.", 6, ["a. b.", "c. d."], id="at-sentence"),
        pytest.param("x" * 12, 5, ["xxxxx", "xxxxx", "xx"], id="no-break"),
        pytest.param("aaaa &amp; bbbb", 8, ["aaaa", "&amp;", "bbbb"], id="entity-kept-whole"),
        pytest.param("", 5, [], id="empty"),
    ],
)
def test_split_text(text: str, limit: int, expected: list[str]) -> None:
    assert split_text(text, limit) == expected


def test_escape() -> None:
    assert escape("a & b < c > d") == "a &amp; b &lt; c &gt; d"


def test_header_is_cut_to_150_characters() -> None:
    block = header("x" * 400)
    assert len(block["text"]["text"]) == 150
    assert Block.parse(block) is not None


def test_button_value_over_2000_characters_is_refused() -> None:
    with pytest.raises(ValueError, match="exceeds 2000"):
        button("Visa", "fou_show_sources", "x" * 2001)


def test_answer_buttons_carry_only_the_answer_id() -> None:
    message = answer_message(fakes.answer_for("?"), ANSWER_ID, shareable=True)
    actions = next(b for b in message.blocks if b["type"] == "actions")
    assert {e["action_id"] for e in actions["elements"]} == set(ACTION_IDS)
    assert {e["value"] for e in actions["elements"]} == {ANSWER_ID}
