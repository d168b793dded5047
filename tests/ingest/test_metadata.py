"""extract_metadata: overrides over declared values over what the text itself says."""

from __future__ import annotations

import pytest

from ingest.errors import IngestError
from ingest.metadata import extract_metadata, find_body, find_dnr, guess_kind, normalise_kind
from ingest.models import KINDS, DocumentMeta

# Every text below is fictional.
PRESS = """Påhittade partiet i en fiktiv stad

Fiktiv satsning på unga vuxna

Pressmeddelande • Jun 25, 2013 06:00 CEST

Socialnämnden har beslutat att fördela 350 000 kr till ett påhittat projekt.

– Det här är en fiktiv satsning, säger socialborgarrådet Anna Andersson (M).
"""


def meta_of(text: str, declared: dict[str, str] | None = None, **overrides: str) -> DocumentMeta:
    return extract_metadata(
        text, declared or {}, fallback_title="fiktiv fil", overrides=overrides or None
    )


def test_everything_found_in_the_text() -> None:
    meta = meta_of(PRESS)

    assert meta.title == "Påhittade partiet i en fiktiv stad"
    assert meta.kind == "press_release"
    assert meta.date == "2013-06-25"
    assert meta.url is None
    assert meta.body == "Socialnämnden"
    assert [(q.speaker, q.party) for q in meta.quotes] == [("Anna Andersson", "M")]
    assert meta.extra == {}


def test_declared_values_beat_the_text_and_other_keys_go_to_extra() -> None:
    declared = {
        "title": "Deklarerad rubrik",
        "date": "2014-01-02",
        "kind": "Nyhet",
        "url": "https://example.org/fiktiv",
        "dnr": "1.2-3/2014",
        "author": "Fiktiv Författare",
        "Site": "Påhittad tidning",
    }

    meta = meta_of(PRESS, declared)

    assert (meta.title, meta.date, meta.kind, meta.url, meta.dnr) == (
        "Deklarerad rubrik",
        "2014-01-02",
        "news",
        "https://example.org/fiktiv",
        "1.2-3/2014",
    )
    assert meta.extra == {"author": "Fiktiv Författare", "site": "Påhittad tidning"}


def test_overrides_beat_declared_values() -> None:
    declared = {"title": "Deklarerad", "date": "2014-01-02", "kind": "news", "url": "https://a"}

    meta = meta_of(
        PRESS, declared, title="Från CLI", date="3 mars 2021", kind="beslut", url="https://b"
    )

    assert (meta.title, meta.date, meta.kind, meta.url) == (
        "Från CLI",
        "2021-03-03",
        "decision",
        "https://b",
    )


@pytest.mark.parametrize(
    ("override", "message"),
    [
        pytest.param({"date": "i juni"}, "ingest: --date 'i juni' is not a date", id="date"),
        pytest.param({"kind": "rapport"}, "ingest: --kind 'rapport' is not a kind", id="kind"),
    ],
)
def test_bad_overrides_are_errors(override: dict[str, str], message: str) -> None:
    with pytest.raises(IngestError, match=f"^{message}"):
        extract_metadata(PRESS, {}, fallback_title="fiktiv fil", overrides=override)


def test_unreadable_declared_date_falls_back_to_the_text() -> None:
    assert meta_of(PRESS, {"date": "okänt"}).date == "2013-06-25"


def test_iso_datetime_declared_becomes_a_date() -> None:
    assert meta_of(PRESS, {"date": "2014-03-02T08:00:00+01:00"}).date == "2014-03-02"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("\n\n  Fiktiv   rubrik  \n\nText.", "Fiktiv rubrik", id="first-line"),
        pytest.param(
            "SOCIALFÖRVALTNINGEN AVDELNINGEN\n(1)\nDatum\n2014-01-02\nFörslag om påhittade medel\n",
            "Förslag om påhittade medel",
            id="skips-letterhead-page-number-label-date",
        ),
        pytest.param(
            "Pressmeddelande 2014-01-02\nwww.example.org\nFiktiv rubrik här\n",
            "Fiktiv rubrik här",
            id="skips-label-and-url",
        ),
        pytest.param("12 345 678\n\n3,5 %\n", "fiktiv fil", id="fallback"),
    ],
)
def test_title_from_text_or_fallback(text: str, title: str) -> None:
    assert meta_of(text).title == title


@pytest.mark.parametrize(
    ("declared", "kind"),
    [
        pytest.param("press_release", "press_release", id="canonical"),
        pytest.param("Pressmeddelande", "press_release", id="pressmeddelande"),
        pytest.param("protokoll", "decision", id="protokoll"),
        pytest.param("Tjänsteutlåtande", "decision", id="tjansteutlatande"),
        pytest.param("beslut", "decision", id="beslut"),
        pytest.param("FoU-plan", "fou_plan", id="fou-plan"),
        pytest.param("dagordning", "meeting_agenda", id="dagordning"),
        pytest.param("meeting agenda", "meeting_agenda", id="spaces"),
        pytest.param("nyhet", "news", id="nyhet"),
        pytest.param("övrigt", "other", id="ovrigt"),
    ],
)
def test_declared_kinds_are_normalised(declared: str, kind: str) -> None:
    assert normalise_kind(declared) == kind
    assert meta_of("Fiktiv text om ingenting.", {"kind": declared}).kind == kind


def test_unknown_declared_kind_is_guessed_instead() -> None:
    assert normalise_kind("rapport") is None
    assert meta_of(PRESS, {"kind": "rapport"}).kind == "press_release"


@pytest.mark.parametrize(
    ("title", "text", "kind"),
    [
        pytest.param("", PRESS, "press_release", id="press-label"),
        pytest.param(
            "Fiktiv rubrik",
            "Text.\n\nFör mer information:\nFiktiv Person, pressekreterare",
            "press_release",
            id="press-contact",
        ),
        pytest.param(
            "Fiktiv nyhet",
            "Av: Fiktiv Reporter\nFoto: Påhittad\n\nSocialnämnden beslutade i går.",
            "news",
            id="byline",
        ),
        pytest.param("Tjänsteutlåtande om fiktiva medel", "Text.", "decision", id="title-decision"),
        pytest.param(
            "", "Socialnämnden beslutar att godkänna fiktiva medel.", "decision", id="beslutar"
        ),
        pytest.param("Protokoll från sammanträde", "Text.", "decision", id="earliest-cue-wins"),
        pytest.param(
            "Nämnden – sammanträde 2014-01-02", "Text.", "meeting_agenda", id="sammantrade"
        ),
        pytest.param(
            "", "Möte 2014-01-02\n1 Godkännande av dagordning", "meeting_agenda", id="mote"
        ),
        pytest.param("Fördelning av FoU-medel 2014", "Text.", "fou_plan", id="fou-medel"),
        pytest.param("", "Stadens forsknings- och utvecklingsplan.", "fou_plan", id="fou-long"),
        pytest.param("Fiktiv rubrik", "Helt vanlig text om väder.", "other", id="other"),
    ],
)
def test_kind_guessed_from_title_and_text(title: str, text: str, kind: str) -> None:
    assert guess_kind(text, title) == kind
    assert kind in KINDS


@pytest.mark.parametrize(
    ("text", "dnr"),
    [
        pytest.param("Tjänsteutlåtande\nDnr 3.1-123/2013\nSida 1", "3.1-123/2013", id="dnr"),
        pytest.param("Dnr: 1.2.3-456/2014.", "1.2.3-456/2014", id="dnr-colon"),
        pytest.param("Diarienummer SN 2014/12", "SN 2014/12", id="diarienummer-prefix"),
        pytest.param("dnr. 105-0332/2007", "105-0332/2007", id="lower-case"),
        pytest.param("Ingen diarieuppgift här, dnr saknas.", None, id="none"),
    ],
)
def test_case_number(text: str, dnr: str | None) -> None:
    assert find_dnr(text) == dnr
    assert meta_of(text).dnr == dnr


@pytest.mark.parametrize(
    ("text", "body"),
    [
        pytest.param(
            "Socialnämnden beslutar att anta planen.", "Socialnämnden", id="socialnamnden"
        ),
        pytest.param(
            "Ärendet gäller socialtjänstnämnden.",
            "Socialtjänstnämnden",
            id="lower-case-first-mention",
        ),
        pytest.param(
            "Rinkeby-Kista stadsdelsnämnd beviljade 50 000 kr.",
            "Rinkeby-Kista stadsdelsnämnd",
            id="district",
        ),
        pytest.param(
            "Stadsdelsnämnden i Hägersten-Älvsjö fördelar medlen.",
            "Hägersten-Älvsjö stadsdelsnämnd",
            id="district-after",
        ),
        pytest.param(
            "Socialnämndens organisations- och föreningsutskott beslutade om bidrag.",
            "Socialnämndens organisations- och föreningsutskott",
            id="utskott-more-specific",
        ),
        pytest.param(
            "Kommunstyrelsen har remitterat frågan. Kommunfullmäktige beslutade i juni.",
            "Kommunfullmäktige",
            id="deciding-beats-earlier-mention",
        ),
        pytest.param(
            "säger Anna (M), ordförande i socialnämnden. Kommunstyrelsen tar upp det.",
            "Kommunstyrelsen",
            id="role-mention-skipped",
        ),
        pytest.param(
            "Varje stadsdelsnämnd får medel, också Farsta stadsdelsnämnd.",
            "Farsta stadsdelsnämnd",
            id="determiner-is-not-a-district",
        ),
        pytest.param("Ingen nämnd nämns här.", None, id="none"),
    ],
)
def test_deciding_body(text: str, body: str | None) -> None:
    assert find_body(text) == body


def test_declared_body_wins() -> None:
    assert meta_of(PRESS, {"body": "Fiktiva nämnden"}).body == "Fiktiva nämnden"
