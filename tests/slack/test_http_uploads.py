"""Files uploaded in a DM, in HTTP mode: downloaded with the bot token and ingested for
administrators, refused politely for everyone else."""

from __future__ import annotations

import pytest

from bot.slack import messages
from tests.slack import fakes, shapes
from tests.slack.harness import (
    SlackHttp,
)
from tests.slack.webapi_standin import BOT_TOKEN, WebApiStandin


def test_admin_upload_is_downloaded_ingested_and_summarised(
    slack_http: SlackHttp, standin: WebApiStandin, ingest: fakes.FakeIngest
) -> None:
    content = b"%PDF-1.4 minimal"
    url = standin.add_file("F0PDF", content, "application/pdf")
    event = shapes.dm(
        "", user=shapes.ADMIN, subtype="file_share", files=[shapes.pdf_file("F0PDF", url)]
    )
    slack_http.event(shapes.event_callback(event))
    summary = standin.wait_for("chat.update")[0]

    assert ingest.received == [("rapport.pdf", content)]
    download = standin.calls("GET /files-pri/F0PDF/download")[0]
    assert download.headers["authorization"] == f"Bearer {BOT_TOKEN}"
    assert standin.calls("chat.postMessage")[0].params["text"].startswith("Läser in *rapport.pdf*")
    text = summary.params["text"]
    for expected in ("*rapport.pdf*", "1 ny", "0 misslyckad", "7 textavsnitt", "2 personuppgifter"):
        assert expected in text


def test_upload_failure_reason_is_reported(
    slack_http: SlackHttp, standin: WebApiStandin, ingest: fakes.FakeIngest
) -> None:
    from ingest.report import FileResult, IngestReport

    reason = "ingest: rapport.pdf: the PDF is encrypted; decrypt it or export it again"
    ingest.report = IngestReport(
        [FileResult(path="/tmp/x/rapport.pdf", status="failed", error=reason)]
    )
    url = standin.add_file("F0PDF", b"%PDF-1.4", "application/pdf")
    event = shapes.dm(
        "", user=shapes.ADMIN, subtype="file_share", files=[shapes.pdf_file("F0PDF", url)]
    )
    slack_http.event(shapes.event_callback(event))
    text = standin.wait_for("chat.update")[0].params["text"]
    assert "1 misslyckad" in text
    assert f"*rapport.pdf*: {reason}" in text


def test_upload_stub_is_completed_with_files_info(
    slack_http: SlackHttp, standin: WebApiStandin, ingest: fakes.FakeIngest
) -> None:
    url = standin.add_file("F0STUB", b"Bara text.", "text/plain")
    standin.add_file_info("F0STUB", {**shapes.pdf_file("F0STUB", url, name="anteckning.txt")})
    stub = {"id": "F0STUB", "mode": "hidden_by_limit", "file_access": "check_file_info"}
    event = shapes.dm("", user=shapes.ADMIN, subtype="file_share", files=[stub])
    slack_http.event(shapes.event_callback(event))
    standin.wait_for("chat.update")
    assert standin.calls("files.info")[0].params["file"] == "F0STUB"
    assert ingest.received == [("anteckning.txt", b"Bara text.")]


def test_upload_by_non_admin_is_refused_politely(
    slack_http: SlackHttp, standin: WebApiStandin, ingest: fakes.FakeIngest
) -> None:
    url = standin.add_file("F0PDF", b"%PDF-1.4", "application/pdf")
    event = shapes.dm("", subtype="file_share", files=[shapes.pdf_file("F0PDF", url)])
    slack_http.event(shapes.event_callback(event))
    reply = standin.wait_for("chat.postMessage")[0]
    assert reply.params["text"] == messages.UPLOAD_NOT_ADMIN
    assert ingest.received == []
    assert [c for c in standin.calls() if c.method.startswith("GET ")] == []


@pytest.mark.parametrize(
    ("name", "size", "expected"),
    [
        pytest.param("bild.png", 1000, "kan jag inte läsa in", id="unsupported-type"),
        pytest.param("stor.pdf", 60 * 1024 * 1024, "60,0 MB", id="too-large"),
    ],
)
def test_upload_that_cannot_be_ingested_gets_a_clear_message(
    slack_http: SlackHttp,
    standin: WebApiStandin,
    ingest: fakes.FakeIngest,
    name: str,
    size: int,
    expected: str,
) -> None:
    url = standin.add_file("F0X", b"x", "application/octet-stream")
    file = {**shapes.pdf_file("F0X", url, name=name, size=size), "filetype": name[-3:]}
    event = shapes.dm("", user=shapes.ADMIN, subtype="file_share", files=[file])
    slack_http.event(shapes.event_callback(event))
    reply = standin.wait_for("chat.postMessage")[0]
    assert expected in reply.params["text"]
    assert f"*{name}*" in reply.params["text"]
    assert ingest.received == []
    assert [c for c in standin.calls() if c.method.startswith("GET ")] == []
