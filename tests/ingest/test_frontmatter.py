"""split_front_matter: lenient `key: value` blocks between two `---` lines."""

from __future__ import annotations

import pytest

from ingest.frontmatter import split_front_matter


@pytest.mark.parametrize(
    ("text", "fields", "body"),
    [
        pytest.param(
            "---\ntitle: Fiktiv rubrik\ndate: 2014-03-02\n---\nBrödtext.\n",
            {"title": "Fiktiv rubrik", "date": "2014-03-02"},
            "Brödtext.\n",
            id="plain-block",
        ),
        pytest.param(
            "\ufeff\n\n---\ntitle: Med BOM\n---\nText",
            {"title": "Med BOM"},
            "Text",
            id="bom-and-leading-blank-lines",
        ),
        pytest.param(
            "---\ntitle: Alliansen: en påhittad satsning på 2,5 mnkr\n---\nx",
            {"title": "Alliansen: en påhittad satsning på 2,5 mnkr"},
            "x",
            id="colon-inside-value",
        ),
        pytest.param(
            "---\ntitle: \"Citerad rubrik\"\nurl: 'https://example.org/a?b=1#c'\n---\nx",
            {"title": "Citerad rubrik", "url": "https://example.org/a?b=1#c"},
            "x",
            id="matching-quotes-stripped",
        ),
        pytest.param(
            '---\ntitle: "Fiktiv" och "påhittad"\n---\nx',
            {"title": '"Fiktiv" och "påhittad"'},
            "x",
            id="inner-quotes-kept",
        ),
        pytest.param(
            "---\ntitle: Projekt #2 i Farsta\n---\nx",
            {"title": "Projekt #2 i Farsta"},
            "x",
            id="hash-inside-value-kept",
        ),
        pytest.param(
            "---\nkind: press_release        # press_release | news\n---\nx",
            {"kind": "press_release"},
            "x",
            id="aligned-trailing-comment-dropped",
        ),
        pytest.param(
            "---\ntitle: Fiktiv\ndate: \nurl:\n---\nx",
            {"title": "Fiktiv"},
            "x",
            id="empty-values-absent",
        ),
        pytest.param(
            "---\nTitle: Fiktiv\nKIND: news\n---\nx",
            {"title": "Fiktiv", "kind": "news"},
            "x",
            id="keys-lowercased",
        ),
        pytest.param(
            "---\r\ntitle: Windows\r\n---\r\nrad ett\r\n",
            {"title": "Windows"},
            "rad ett\r\n",
            id="crlf-line-ends",
        ),
        pytest.param(
            "---\n# en kommentar\n\ntitle: Fiktiv\n---\nx",
            {"title": "Fiktiv"},
            "x",
            id="comment-and-blank-lines-inside",
        ),
        pytest.param("Ingen front matter här.\n", {}, "Ingen front matter här.\n", id="none"),
        pytest.param(
            "Text först\n---\ntitle: inte front matter\n---\n",
            {},
            "Text först\n---\ntitle: inte front matter\n---\n",
            id="fence-not-at-start",
        ),
    ],
)
def test_split_front_matter_reads_lenient_blocks(
    text: str, fields: dict[str, str], body: str
) -> None:
    assert split_front_matter(text) == (fields, body, [])


@pytest.mark.parametrize(
    ("text", "expected_warning"),
    [
        pytest.param(
            "---\ntitle: Aldrig stängd\nBrödtext utan avslutande rad.\n",
            "no closing ---",
            id="unclosed",
        ),
        pytest.param(
            "---\ntitle: Fiktiv\ndetta är ingen nyckel\n---\nBrödtext.\n",
            "line 3 is not `key: value`",
            id="line-without-key",
        ),
        pytest.param(
            "---\n---- en avdelare ----\n---\nBrödtext.\n",
            "line 2 is not `key: value`",
            id="markdown-rule-not-front-matter",
        ),
    ],
)
def test_unreadable_block_is_reported_and_whole_file_kept(text: str, expected_warning: str) -> None:
    fields, body, warnings = split_front_matter(text)

    assert fields == {}
    assert body == text
    assert len(warnings) == 1
    assert expected_warning in warnings[0]
    assert "the whole file is kept as text" in warnings[0]


def test_duplicate_key_keeps_first_and_warns() -> None:
    fields, body, warnings = split_front_matter("---\ndate: 2014-01-02\ndate: 2015-01-02\n---\nx")

    assert fields == {"date": "2014-01-02"}
    assert body == "x"
    assert warnings == ["front matter: `date` appears twice; the first value is kept"]


def test_empty_block_gives_no_fields() -> None:
    assert split_front_matter("---\n---\nBara text.") == ({}, "Bara text.", [])
