"""A document's metadata: CLI options first, then what the file declares, then the text."""

from __future__ import annotations

import re
from collections.abc import Mapping

from funding.dates import find_date, parse_date
from funding.quotes import find_quotes
from ingest.errors import IngestError
from ingest.models import KINDS, DocumentMeta

KIND_ALIASES = {
    "press_release": ("pressmeddelande", "press", "pressrelease"),
    "decision": ("beslut", "protokoll", "protokollsutdrag", "tjänsteutlåtande", "utlåtande"),
    "fou_plan": ("fou", "fouplan", "fou_medel", "forsknings_och_utvecklingsplan"),
    "meeting_agenda": ("agenda", "dagordning", "föredragningslista", "sammanträde", "möte"),
    "news": ("nyhet", "nyheter", "artikel", "article", "nyhetsartikel"),
    "other": ("övrigt", "annat", "okänd"),
}
KIND_OF = {alias: kind for kind, aliases in KIND_ALIASES.items() for alias in (kind, *aliases)}
PRESS_LABEL = re.compile(r"^\W*pressmeddelande\b", re.IGNORECASE | re.MULTILINE)
PRESS_CONTACT = re.compile(
    r"\bpressekreterare\b|\bpresskontakt|^för (?:mer|ytterligare) information", re.I | re.M
)
BYLINE = re.compile(r"^(?:(?:av|text|foto|bild)\s*:|publicerad\b)\s*\S", re.I | re.M)
# The earliest cue in the title, else in the text's head, decides among these three.
KIND_CUES = (
    ("decision", r"\btjänsteutlåtande|\bprotokoll(?:sutdrag)?\b|\bbeslutade\b|\bbeslutar\b"),
    ("fou_plan", r"\bfou-(?:plan|medel)|\bforsknings- och utvecklingsplan"),
    ("meeting_agenda", r"\bdagordning|\bföredragningslista|\bsammanträde\b|^\W*möte\b"),
)
HEAD = 3000
DNR = re.compile(
    r"(?i:\b(?:dnr|diarienr|diarienummer|ärendenummer))\.?[ \t]*:?[ \t]*"
    r"(?P<dnr>(?:[A-ZÅÄÖ]{1,6}[ \t]?)?\d[\w.:/-]*\d)"
)
BODY = re.compile(
    r"(?P<utskott>\b\w+nämndens\s+(?:\w+-\s+och\s+)?\w+utskott)(?:et)?\b"
    r"|(?!(?:En|Den|Denna|Varje|Respektive|Samma|Ingen)\s)"
    r"(?P<district>\b[A-ZÅÄÖ]\w+(?:-[A-ZÅÄÖ]\w+)*)\s+stadsdelsnämnd(?:en)?\b"
    r"|\b(?i:stadsdelsnämnden)\s+i\s+(?P<district_after>[A-ZÅÄÖ]\w+(?:-[A-ZÅÄÖ]\w+)*)"
    r"|(?P<central>\b(?i:kommunfullmäktige|kommunstyrelsen|(?!stadsdels)\w{3,}nämnden)\b)",
)
DECIDES = re.compile(
    r"\b(?:beslutar|beslutade|beslöt|har beslutat|fattade beslut|fattat beslut|fattar beslut"
    r"|godkänner|godkände|beviljar|beviljade|fördelar|har fördelat|tilldelar)\b",
    re.IGNORECASE,
)
HOLDS_ROLE_IN = re.compile(r"(?:ordförande|ledamot|ersättare|ledamöter)\s+(?:i|för)\s+$", re.I)
NOT_A_TITLE = re.compile(
    r"^(?:\W*pressmeddelande\b|din position|sida \d|\(\d+\)$|https?:|www\.)|@|:$", re.IGNORECASE
)
KNOWN_KEYS = frozenset({"title", "date", "kind", "url", "dnr", "diarienummer", "body", "nämnd"})


def extract_metadata(
    text: str,
    declared: Mapping[str, str],
    *,
    fallback_title: str,
    overrides: Mapping[str, str] | None = None,
) -> DocumentMeta:
    """Merge CLI overrides, declared metadata and what the text says into DocumentMeta."""
    given = _filled(declared)
    forced = _filled(overrides or {})
    title = forced.get("title") or given.get("title") or find_title(text) or fallback_title
    return DocumentMeta(
        title=title,
        kind=_kind(forced, given, text, title),
        date=_date(forced, given, text),
        url=forced.get("url") or given.get("url"),
        dnr=given.get("dnr") or given.get("diarienummer") or find_dnr(text),
        body=given.get("body") or given.get("nämnd") or find_body(text),
        quotes=find_quotes(text),
        extra={key: value for key, value in given.items() if key not in KNOWN_KEYS},
    )


def normalise_kind(value: str) -> str | None:
    """One of KINDS for a kind or a Swedish/English synonym ("Pressmeddelande"), else None."""
    key = re.sub(r"[\s-]+", "_", value.strip().lower())
    return KIND_OF.get(key)


def guess_kind(text: str, title: str = "") -> str:
    """The kind a document reads as, from labels and wording in its title and head."""
    head = text[:HEAD]
    if PRESS_LABEL.search(title) or PRESS_LABEL.search(head) or PRESS_CONTACT.search(text):
        return "press_release"
    if BYLINE.search(head):
        return "news"
    for where in (title, head):
        found = [
            (match.start(), kind)
            for kind, cue in KIND_CUES
            if (match := re.search(cue, where, re.IGNORECASE | re.MULTILINE))
        ]
        if found:
            return min(found)[1]
    return "other"


def find_title(text: str) -> str | None:
    """The first short line near the top that reads like a heading."""
    lines = (" ".join(line.split()) for line in text.splitlines()[:60])
    candidates = [line for line in lines if line][:15]
    return next((line for line in candidates if _reads_as_title(line)), None)


def find_dnr(text: str) -> str | None:
    """The first case number ("Dnr 3.1-123/2013", "Diarienummer: SN 2014/12")."""
    match = DNR.search(text)
    return match["dnr"] if match else None


def find_body(text: str) -> str | None:
    """The deciding body: the first one named just before a decision verb, else the first."""
    first: str | None = None
    for match in BODY.finditer(text):
        if HOLDS_ROLE_IN.search(text[max(0, match.start() - 30) : match.start()]):
            continue  # "ordförande i socialnämnden" names a role, not who decides
        name = _body_name(match)
        sentence = re.split(r"[.\n]", text[match.end() : match.end() + 100], maxsplit=1)[0]
        if DECIDES.search(sentence):
            return name
        first = first or name
    return first


def _body_name(match: re.Match[str]) -> str:
    """The body's name in the form people write it in headings."""
    if match["utskott"]:
        name = match["utskott"]
    elif match["district"] or match["district_after"]:
        name = f"{match['district'] or match['district_after']} stadsdelsnämnd"
    else:
        name = match["central"]
    return name[0].upper() + name[1:]


def _filled(values: Mapping[str, str]) -> dict[str, str]:
    """Lower-cased keys with their non-blank values."""
    return {key.strip().lower(): value.strip() for key, value in values.items() if value.strip()}


def _kind(forced: dict[str, str], given: dict[str, str], text: str, title: str) -> str:
    if "kind" in forced:
        kind = normalise_kind(forced["kind"])
        if kind is None:
            raise IngestError(
                f"ingest: --kind {forced['kind']!r} is not a kind; use one of {', '.join(KINDS)}"
            )
        return kind
    declared = normalise_kind(given.get("kind", ""))
    return declared or guess_kind(text, title)


def _date(forced: dict[str, str], given: dict[str, str], text: str) -> str | None:
    if "date" in forced:
        date = parse_date(forced["date"])
        if date is None:
            raise IngestError(
                f"ingest: --date {forced['date']!r} is not a date; write it as YYYY-MM-DD"
            )
        return date.isoformat()
    date = parse_date(given.get("date", "")) or find_date(text)
    return date.isoformat() if date else None


def _reads_as_title(line: str) -> bool:
    """Short, mostly letters, not a label, address, page number or shouted letterhead."""
    letters = sum(ch.isalpha() for ch in line)
    if not 4 <= len(line) <= 150 or letters < 4 or letters < 0.6 * len(line.replace(" ", "")):
        return False
    if line.isupper() or not 2 <= len(line.split()) <= 20 or NOT_A_TITLE.search(line):
        return False
    return not (line.endswith(".") and len(line.split()) > 12)
