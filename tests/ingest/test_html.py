"""load_html: the main text of a saved page, its title, date and url, and its charset."""

from __future__ import annotations

import pytest

from ingest.errors import EmptyDocument, UnreadableFile
from ingest.html import load_html
from tests.ingest.conftest import WriteFile

PAGE = """<!DOCTYPE html>
<html lang="sv"><head>
<meta charset="utf-8">
<title>Fiktiv nyhet | Påhittad tidning</title>
<meta property="og:title" content="Fiktiv satsning på unga vuxna">
<meta property="article:published_time" content="2014-03-02T08:00:00+01:00">
<link rel="canonical" href="https://example.org/nyheter/fiktiv-satsning">
<style>p { color: red; }</style>
<script>var tracking = "SCRIPTTEXT";</script>
</head><body>
<header class="site-header"><a href="/">SIDHUVUD</a></header>
<div id="cookie-banner">Vi använder kakor. COOKIETEXT</div>
<nav class="main-menu"><ul><li>MENYTEXT</li></ul></nav>
<ol class="breadcrumbs"><li>Hem</li><li>BRODSMULOR</li></ol>
<main>
  <article>
    <header><h1>Fiktiv satsning på unga vuxna</h1>
      <time datetime="2014-03-01">1 mars 2014</time></header>
    <p>Stadsdelsnämnden i en påhittad stad
       satsar 350&nbsp;000 kr på unga vuxna.</p>
    <h2>Bakgrund</h2>
    <p>Första raden<br>andra raden &amp; mer.</p>
    <ul><li>Punkt ett</li><li>Punkt två</li></ul>
    <table><tr><th>Stadsdel</th><th>Belopp</th></tr>
      <tr><td>Skärholmen</td><td>350 000 kr</td></tr></table>
    <div class="share-buttons">DELA PÅ SOCIALA MEDIER</div>
    <p>Texten är fiktiv. <button>KNAPPTEXT</button>Slut.</p>
  </article>
  <aside>RELATERAT</aside>
</main>
<div class="promo">UTANFÖR MAIN</div>
<footer>SIDFOT</footer>
</body></html>
"""


def test_main_text_keeps_blocks_and_drops_chrome(write_file: WriteFile) -> None:
    # Whitespace, no-break spaces included, collapses to one plain space inside a block.
    loaded = load_html(write_file("nyhet.html", PAGE))

    (page,) = loaded.pages
    assert page.number is None
    assert page.text == (
        "Fiktiv satsning på unga vuxna\n\n"
        "1 mars 2014\n\n"
        "Stadsdelsnämnden i en påhittad stad satsar 350 000 kr på unga vuxna.\n\n"
        "Bakgrund\n\n"
        "Första raden\nandra raden & mer.\n\n"
        "Punkt ett\n\n"
        "Punkt två\n\n"
        "Stadsdel | Belopp\n\n"
        "Skärholmen | 350 000 kr\n\n"
        "Texten är fiktiv. Slut."
    )


@pytest.mark.parametrize(
    "chrome",
    [
        "SCRIPTTEXT",
        "SIDHUVUD",
        "COOKIETEXT",
        "MENYTEXT",
        "BRODSMULOR",
        "DELA",
        "KNAPPTEXT",
        "RELATERAT",
        "UTANFÖR MAIN",
        "SIDFOT",
        "color: red",
    ],
)
def test_navigation_and_chrome_are_left_out(write_file: WriteFile, chrome: str) -> None:
    assert chrome not in load_html(write_file("nyhet.html", PAGE)).pages[0].text


def test_declares_title_date_and_url(write_file: WriteFile) -> None:
    loaded = load_html(write_file("nyhet.html", PAGE))

    assert loaded.declared == {
        "title": "Fiktiv satsning på unga vuxna",
        "date": "2014-03-02T08:00:00+01:00",
        "url": "https://example.org/nyheter/fiktiv-satsning",
    }
    assert loaded.warnings == ()


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        pytest.param(
            '<title>Sidtitel</title><meta property="og:title" content="OG-titel">',
            "<h1>Rubrik</h1><p>Text här.</p>",
            {"title": "OG-titel"},
            id="og-title-first",
        ),
        pytest.param(
            "<title>  Sidtitel\n  på två rader </title>",
            "<h1>Rubrik</h1><p>Text här.</p>",
            {"title": "Sidtitel på två rader"},
            id="then-title-element",
        ),
        pytest.param(
            "",
            "<svg><title>Ikon</title></svg><h1>Rubrik från h1</h1><p>Text här.</p>",
            {"title": "Rubrik från h1"},
            id="then-first-h1-not-svg-title",
        ),
        pytest.param(
            '<meta name="DC.date" content="2015-05-04">',
            '<p>Text. <time datetime="2013-01-01">förr</time></p>',
            {"date": "2015-05-04"},
            id="dublin-core-date-before-time",
        ),
        pytest.param(
            "",
            '<nav><time datetime="2010-01-01">nav</time></nav><p><time datetime="2016-06-16">'
            "16 juni</time> Text.</p>",
            {"date": "2016-06-16"},
            id="time-element-outside-nav",
        ),
        pytest.param(
            '<meta property="og:url" content="https://example.org/og">',
            "<p>Text här.</p>",
            {"url": "https://example.org/og"},
            id="og-url-without-canonical",
        ),
    ],
)
def test_metadata_sources_in_priority_order(
    write_file: WriteFile, head: str, body: str, expected: dict[str, str]
) -> None:
    page = f"<html><head>{head}</head><body>{body}</body></html>"

    assert load_html(write_file("sida.html", page)).declared == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "<div>Meny</div><article><p>Artikeltext.</p></article>",
            "Artikeltext.",
            id="article-when-no-main",
        ),
        pytest.param(
            "<div><p>Stycke ett.</p><p>Stycke två.</p></div>",
            "Stycke ett.\n\nStycke två.",
            id="body-when-neither",
        ),
        pytest.param(
            '<div role="navigation">Länkar</div><div hidden>Dolt</div><p>Kvar.</p>',
            "Kvar.",
            id="role-and-hidden",
        ),
        pytest.param("<p>Ett<p>Två<li>Tre</ul>", "Ett\n\nTvå\n\nTre", id="unclosed-tags"),
        pytest.param("<pre>rad 1\nrad 2</pre>", "rad 1\nrad 2", id="pre-keeps-lines"),
    ],
)
def test_region_choice_and_structure(write_file: WriteFile, body: str, expected: str) -> None:
    page = f"<html><body>{body}</body></html>"

    assert load_html(write_file("sida.htm", page)).pages[0].text == expected


@pytest.mark.parametrize(
    ("declaration", "encoding"),
    [
        pytest.param('<meta charset="iso-8859-1">', "latin-1", id="meta-charset"),
        pytest.param(
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
            "cp1252",
            id="http-equiv",
        ),
    ],
)
def test_declared_charset_is_used(write_file: WriteFile, declaration: str, encoding: str) -> None:
    page = f"<html><head>{declaration}</head><body><p>Påhittad förening i Älvsjö</p></body></html>"

    loaded = load_html(write_file("latin.html", page.encode(encoding)))

    assert loaded.pages[0].text == "Påhittad förening i Älvsjö"


def test_unknown_charset_falls_back_to_utf8_with_a_warning(write_file: WriteFile) -> None:
    page = '<html><head><meta charset="x-fiktiv"></head><body><p>Åtgärd</p></body></html>'

    loaded = load_html(write_file("sida.html", page))

    assert loaded.pages[0].text == "Åtgärd"
    assert loaded.warnings == (
        "html: unknown charset 'x-fiktiv' in the page's meta tag; read as UTF-8",
    )


def test_undecodable_bytes_are_unreadable(write_file: WriteFile) -> None:
    path = write_file("trasig.html", b"<html><body><p>Fel \xe5 tecken</p></body></html>")

    with pytest.raises(UnreadableFile) as caught:
        load_html(path)

    assert str(caught.value) == (
        "ingest: trasig.html: the page is not valid utf-8 (byte 0xe5 at offset 19); "
        "save it as UTF-8, or fix its meta charset, and ingest again"
    )


def test_page_with_only_chrome_is_empty(write_file: WriteFile) -> None:
    page = "<html><body><nav>Meny</nav><script>x()</script><footer>Sidfot</footer></body></html>"

    with pytest.raises(EmptyDocument, match=r"^ingest: meny\.html: the page has no main text"):
        load_html(write_file("meny.html", page))
