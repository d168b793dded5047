"""Read saved HTML pages into their main text, leaving navigation, menus and banners out."""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ingest.errors import EmptyDocument, UnreadableFile
from ingest.models import LoadedText, PageText
from ingest.text import read_bytes

# fmt: off
SKIPPED_TAGS = frozenset({
    "script", "style", "nav", "footer", "aside", "form", "noscript", "svg", "template",
    "iframe", "button", "select", "dialog",
})
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_TAGS = HEADINGS | SKIPPED_TAGS - {"button", "select", "svg"} | frozenset({
    "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd",
    "table", "tr", "thead", "tbody", "caption", "blockquote", "pre", "figure", "figcaption",
    "address", "hr",
})
NAV_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "menu", "menubar", "search", "complementary",
})
# Class and id words that site templates give to the chrome around an article.
NAV_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "menubar", "submenu", "breadcrumb", "breadcrumbs",
    "cookie", "cookies", "consent", "gdpr", "skip", "sidebar", "share", "sharing", "related",
    "pagination", "toolbar", "footer", "popup", "modal", "newsletter", "ads", "advert",
    "advertisement",
})
# fmt: on
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
DATE_KEYS = ("article:published_time", "datepublished", "dcterms.date", "dc.date", "date", "time")


@dataclass(frozen=True)
class Block:
    """One paragraph, heading or table row, and where on the page it was."""

    tag: str
    text: str
    region: str  # "main", "article" or "body"


def load_html(path: Path) -> LoadedText:
    """Read an HTML page into one page of main text, with title, date and url it declares."""
    markup, warnings = decode_html(read_bytes(path), path)
    parser = _PageParser()
    parser.feed(markup)
    parser.close()
    blocks = _main_blocks(parser.blocks)
    body = "\n\n".join(block.text for block in blocks)
    if not body.strip():
        raise EmptyDocument(
            f"ingest: {path.name}: the page has no main text (only navigation or scripts?); "
            "save the article's own page, or its text as .txt, and ingest again"
        )
    declared = _declared(parser, blocks)
    return LoadedText(pages=(PageText(None, body),), declared=declared, warnings=warnings)


def decode_html(data: bytes, path: Path) -> tuple[str, tuple[str, ...]]:
    """Decode by BOM, then the page's meta charset, else UTF-8; bad bytes are an error."""
    if data.startswith(codecs.BOM_UTF8):
        return decode_html_as(data[3:], "utf-8", path), ()
    declared = CHARSET.search(data[:4096])
    charset = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        warning = f"html: unknown charset {charset!r} in the page's meta tag; read as UTF-8"
        return decode_html_as(data, "utf-8", path), (warning,)
    return decode_html_as(data, charset, path), ()


def decode_html_as(data: bytes, charset: str, path: Path) -> str:
    """Decode with one charset, naming the first bad byte when that fails."""
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            f"ingest: {path.name}: the page is not valid {charset} (byte "
            f"{data[exc.start]:#04x} at offset {exc.start}); save it as UTF-8, or fix its "
            "meta charset, and ingest again"
        ) from exc


def _main_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks inside <main>, else inside <article>, else all that were kept."""
    for region in ("main", "article"):
        inside = [block for block in blocks if block.region == region]
        if inside:
            return inside
    return blocks


def _declared(parser: _PageParser, blocks: list[Block]) -> dict[str, str]:
    """Title, date and url from meta tags, <title>, <time> and the first h1."""
    meta = parser.meta
    first_h1 = next((block.text for block in blocks if block.tag == "h1"), "")
    candidates = {
        "title": (meta.get("og:title"), parser.title, first_h1),
        "date": tuple(meta.get(key) for key in DATE_KEYS),
        "url": (meta.get("canonical"), meta.get("og:url")),
        "site": (meta.get("og:site_name"),),
    }
    declared: dict[str, str] = {}
    for key, values in candidates.items():
        value = next((" ".join(v.split()) for v in values if v and v.strip()), None)
        if value:
            declared[key] = value
    return declared


def _is_chrome(tag: str, attrs: dict[str, str]) -> bool:
    """Navigation, menus, cookie banners and breadcrumbs, judged by tag, role, class and id."""
    if tag in SKIPPED_TAGS or attrs.get("role", "").lower() in NAV_ROLES:
        return True
    if attrs.get("hidden") is not None or attrs.get("aria-hidden") == "true":
        return True
    names = f"{attrs.get('class', '')} {attrs.get('id', '')}".lower()
    return any(word in NAV_WORDS for word in re.split(r"[\s_-]+", names))


class _PageParser(HTMLParser):
    """Collect text blocks, skipping chrome; track <main>/<article> and metadata tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self._stack: list[tuple[str, str]] = []  # (tag, kind) with kind skip/main/article/""
        self._open: Counter[str] = Counter()
        self._buffer: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self._note_metadata(tag, values)
        if tag in VOID_TAGS:
            if tag == "br":
                self._buffer.append("\n")
            return
        kind = self._kind(tag, values)
        if tag in BLOCK_TAGS or kind in ("main", "article"):
            self._flush()
        if tag in ("td", "th") and "".join(self._buffer).strip():
            self._buffer.append(" | ")
        self._stack.append((tag, kind))
        self._open[kind] += 1
        # <svg> has <title>s of its own; only the document's first one names the page.
        if tag == "title" and not self._open["skip"] and not self.title:
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if not any(open_tag == tag for open_tag, _ in self._stack):
            return  # a stray end tag; browsers ignore it too
        if tag in BLOCK_TAGS or tag in ("main", "article"):
            self._flush()
        while self._stack:
            open_tag, kind = self._stack.pop()
            self._open[kind] -= 1
            if open_tag == tag:
                break
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._open["skip"]:
            self._buffer.append(data if self._open["pre"] else re.sub(r"\s+", " ", data))

    def close(self) -> None:
        super().close()
        self._flush()

    def _kind(self, tag: str, attrs: dict[str, str]) -> str:
        """Whether this element starts chrome to skip or a main region; page <header>s too."""
        if tag == "header" and not (self._open["main"] or self._open["article"]):
            return "skip"
        if _is_chrome(tag, attrs):
            return "skip"
        return tag if tag in ("main", "article", "pre") else ""

    def _note_metadata(self, tag: str, attrs: dict[str, str]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if tag == "meta" and key and attrs.get("content"):
            self.meta.setdefault(key, attrs["content"])
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            self.meta.setdefault("canonical", attrs.get("href", ""))
        elif tag == "time" and attrs.get("datetime") and not self._open["skip"]:
            self.meta.setdefault("time", attrs["datetime"])

    def _flush(self) -> None:
        """End the current block; a heading or paragraph becomes one Block."""
        lines = "".join(self._buffer).split("\n")
        self._buffer.clear()
        text = "\n".join(" ".join(line.split()) for line in lines).strip()
        if not text or self._open["skip"]:
            return
        tag = next((t for t, _ in reversed(self._stack) if t in BLOCK_TAGS), "p")
        region = "main" if self._open["main"] else "article" if self._open["article"] else "body"
        self.blocks.append(Block(tag, text, region))
