"""Statements attributed to named people, as Swedish press releases and news write them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from funding.models import Quote

VERB = (
    r"(?:säger|sa|sade|menar|berättar|konstaterar|förklarar|betonar|påpekar|understryker"
    r"|fortsätter|tillägger|avslutar)"
)
NAME_WORD = r"[A-ZÅÄÖÉÜ][a-zåäöéèüøæ]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéèüøæ]+)?"
# A name may wrap onto the next line (PDF text) but never across a blank line.
GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
NAME = rf"{NAME_WORD}(?:{GAP}(?:(?:af|von|de){GAP})?{NAME_WORD}){{0,3}}"
PARTY = r"\((?P<party>MP|KD|SD|FP|Fi|[MSVLC]|mp|kd|sd|fp|fi|[msvlc])\)"
DASH = re.compile(r"[ \t]*[–—-][ \t]+(?=\S)")
ATTRIBUTION_START = re.compile(rf"(?P<punct>[,!?])\s+{VERB}\s+")
PRONOUN = re.compile(r"(?:hon|han|hen)\b")
# "biträdande socialborgarrådet Anna Andersson (M), ordförande i socialnämnden"
ATTRIBUTION = re.compile(
    rf"(?P<pre>(?:[A-ZÅÄÖ]\w*s\s+(?=[a-zåäö]))?(?:[a-zåäö][\w-]*\s+){{0,3}}?)"
    rf"(?P<name>{NAME})(?:\s*{PARTY})?(?P<post>[^.\n!?:;]*)"
)
# "Anna Andersson (KD), biträdande socialborgarråd, säger: ..."
NAME_FIRST = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?P<name>{NAME})(?:\s*{PARTY})?(?:,\s*(?P<role>[^,\n]{{3,80}}?),)?"
    rf"\s+{VERB}\s*:[ \t]*(?P<rest>[^\n]*)",
    re.MULTILINE,
)
QUOTED = re.compile(rf"[”“\"«](?P<said>[^”“\"«»\n]{{8,}}?)[”\"»],?\s+{VERB}\s+")
ROLE_TITLE = re.compile(
    r"(?P<stem>\w*(?:råd|ordförande|ledare|chef|minister|sekreterare|direktör|ansvarig"
    r"|talesperson|forskare|handläggare|samordnare|ledamot|expert|utredare|strateg|språkrör"
    r"|företrädare|grundare|professor|rektor))(?:et|en|n|e)?"
)
# Words that start a phrase after the name which is not a role: "säger X i en kommentar".
# fmt: off
NOT_A_ROLE = frozenset({
    "i", "på", "till", "när", "som", "och", "om", "efter", "under", "vid", "med", "för", "den",
    "det", "då", "också", "idag", "igår", "inför", "enligt", "men", "eftersom", "apropå", "nu",
    "även", "redan",
})
# fmt: on
TRIM = '”“"«»–—- \t\n'
MIN_QUOTE = 10


@dataclass(frozen=True)
class Speaker:
    """Who a statement is attributed to."""

    name: str
    role: str | None
    party: str | None


_MENTION = re.compile(
    r"(?P<name>[A-ZÅÄÖ][\w-]+(?: [A-ZÅÄÖ][\w-]+)+) \((?P<party>M|S|V|MP|L|FP|C|KD|SD|Fi)\)"
)


def find_quotes(text: str) -> tuple[Quote, ...]:
    """Every attributed statement in the text, in order, with offsets into it."""
    return _Finder(text).scan()


class _Finder:
    """Walks paragraphs in order, remembering speakers so "säger hon" and continuations resolve."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotes: list[Quote] = []
        self.known: dict[str, Speaker] = {}
        self.last: Speaker | None = None

    def scan(self) -> tuple[Quote, ...]:
        """Dash paragraphs: attributed ones, those continuing them, those just before them."""
        carry: Speaker | None = None  # whom a following "– ..." paragraph continues
        pending: list[tuple[int, int]] = []  # unattributed "– ..." paragraphs so far
        for start, end in _paragraphs(self.text):
            if DASH.match(self.text, start, end) is None:
                pending.clear()
                self._quote_marks(start, end)
                carry = self._name_first(start, end)
                self._mentioned(start, end)
                continue
            found, said_end, end_of_name = self._attribution(start, end)
            speaker = found or carry
            if speaker is None:
                pending.append((start, end))
                continue
            for before_start, before_end in pending:
                self._add(speaker, before_start, before_start, before_end, before_end)
            pending.clear()
            self._add(speaker, start, start, said_end, end_of_name)
            carry = speaker
        return tuple(sorted(self.quotes, key=lambda quote: quote.start))

    def _mentioned(self, start: int, end: int) -> None:
        """A person named with a party in running text is whom a later "säger han" means."""
        for match in _MENTION.finditer(self.text, start, end):
            after = _role_after(self.text[match.end() : end])
            speaker = self._resolve(match["name"], after, _party(match["party"]))
            if speaker is not None:
                self.last = speaker

    def _quote_marks(self, start: int, end: int) -> None:
        """Record ”...”, säger Namn (X) inside a paragraph."""
        for match in QUOTED.finditer(self.text, start, end):
            parsed = self._speaker(match.end(), end)
            if parsed is not None:
                self._add(parsed[0], match.start(), match.start(), match.end("said"), parsed[1])

    def _attribution(self, start: int, end: int) -> tuple[Speaker | None, int, int]:
        """The speaker after ", säger" in a paragraph; where the words said and the name end."""
        for match in ATTRIBUTION_START.finditer(self.text, start, end):
            parsed = self._speaker(match.end(), end)
            if parsed is not None:
                said_end = match.start() + (match["punct"] != ",")
                return parsed[0], said_end, parsed[1]
        return None, end, end

    def _speaker(self, start: int, end: int) -> tuple[Speaker, int] | None:
        """Parse "socialborgarrådet Anna Andersson (M), roll" or a pronoun at `start`."""
        pronoun = PRONOUN.match(self.text, start, end)
        if pronoun is not None:
            return (self.last, pronoun.end()) if self.last else None
        match = ATTRIBUTION.match(self.text, start, end)
        if match is None:
            return None
        after = _role_after(match["post"])
        role = _role_before(match["pre"]) or after
        speaker = self._resolve(match["name"], role, _party(match["party"]))
        if speaker is None:
            return None
        name_end = match.end("post") if after else match.start("post")
        while self.text[name_end - 1].isspace():
            name_end -= 1
        return speaker, name_end

    def _name_first(self, start: int, end: int) -> Speaker | None:
        """Record "Namn (X), roll, säger: ..." and return whom following dashes continue."""
        match = NAME_FIRST.search(self.text, start, end)
        if match is None:
            return None
        role = match["role"].strip() if match["role"] else None
        speaker = self._resolve(match["name"], role, _party(match["party"]))
        if speaker is not None:
            rest_end = match.end("rest")
            self._add(speaker, match.start(), match.start("rest"), rest_end, rest_end)
        return speaker

    def _resolve(self, name: str, role: str | None, party: str | None) -> Speaker | None:
        """A full name, or the lone surname or first name of someone quoted before."""
        name = " ".join(name.split())
        if " " not in name:
            known = next((s for full, s in self.known.items() if name in full.split()), None)
            if known is None and party is None:
                return None  # one capitalised word is too often not a name at all
            name = known.name if known else name
        earlier = self.known.get(name)
        if earlier is not None:
            role, party = role or earlier.role, party or earlier.party
        speaker = Speaker(name, role, party)
        self.known.setdefault(name, speaker)
        return speaker

    def _add(self, speaker: Speaker, start: int, said_start: int, said_end: int, end: int) -> None:
        """Store the words said[said_start:said_end] (trimmed) and the span start..end."""
        raw = self.text[said_start:said_end]
        said = raw.strip(TRIM).rstrip(",").rstrip()
        if len(said) < MIN_QUOTE:
            return
        offset = said_start + len(raw) - len(raw.lstrip(TRIM))
        start = min(start, offset)
        while self.text[start].isspace():
            start += 1
        self.quotes.append(
            Quote(speaker.name, speaker.role, speaker.party, said, start, max(end, said_end))
        )
        self.last = speaker


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: split at blank lines, before "– " lines and after a finished attribution."""
    spans: list[tuple[int, int]] = []
    start, end, attributed = -1, -1, False
    for line in re.finditer(r"[^\n]*\n?", text):
        body = line[0].strip()
        joins = start >= 0 and body and not DASH.match(line[0])
        if joins and not (attributed and text[end - 1] in ".!?:”"):
            end = line.start() + len(line[0].rstrip())
        else:
            if start >= 0:
                spans.append((start, end))
            start, end, attributed = (line.start(), line.start() + len(line[0].rstrip()), False)
            if not body:
                start = -1
                continue
        # Look one character either side, so ", säger" broken over two lines is seen.
        around = (max(start, line.start() - 2), min(len(text), line.end() + 1))
        attributed = attributed or ATTRIBUTION_START.search(text, *around) is not None
    if start >= 0:
        spans.append((start, end))
    return spans


def _party(raw: str | None) -> str | None:
    if raw is None:
        return None
    return "Fi" if raw.lower() == "fi" else raw.upper()


def _role_before(pre: str) -> str | None:
    """ "biträdande socialborgarrådet " -> "biträdande socialborgarråd"."""
    words = pre.split()
    title = ROLE_TITLE.fullmatch(words[-1]) if words else None
    return " ".join([*words[:-1], title["stem"]]) if title else None


def _role_after(post: str) -> str | None:
    """ ", vice ordförande i socialnämnden" -> that role; " i en kommentar" -> None."""
    role = post.strip().lstrip(",").strip().split(",")[0].strip()
    first = role.split(" ", 1)[0]
    if not first or not first[0].islower() or first in NOT_A_ROLE or len(role) > 120:
        return None
    return role
