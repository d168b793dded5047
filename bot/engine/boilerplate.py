"""Text around the content that is never evidence: datelines, bylines, case numbers,
page headers, navigation and link texts, and headings."""

from __future__ import annotations

import re

_MONTH = r"(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-zé]*\.?"
_HARD = (
    # "Pressmeddelande • Okt 19, 2004 18:00 CEST", "Publicerad 2021-05-28 10:12"
    re.compile(
        rf"^\W*(pressmeddelande|nyhet|news|press release|publicerad|uppdaterad|published|"
        rf"updated)?\W*({_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|"
        rf"\d{{4}}-\d{{2}}-\d{{2}})(\s+(kl\.?\s*)?\d{{1,2}}[:.]\d{{2}})?(\s+[A-Z]{{3,4}})?\W*$",
        re.I,
    ),
    re.compile(r"^\W*(publicerad|uppdaterad|published|updated)\b.{0,40}$", re.I),
    # "Dnr 421-0099/2004", "Diarienummer: SN 2016/123", "S2010/1791/FST"
    re.compile(r"^\W*(dnr|diarienr|diarienummer|ärendenr|reg\.? ?nr)\b[\s.:]*(\S+\s*){1,3}$", re.I),
    # Bylines and photo credits: "Av Anna Berg", "Text: ...", "Foto: ..."
    re.compile(r"^\W*(?i:av|text|foto|bild|by|photo)\s*:?\s+[A-ZÅÄÖ]\w+(\s+[A-ZÅÄÖ]\w+){0,3}\W*$"),
    re.compile(r"^\W*(text|foto|bild|photo|illustration)\s*:", re.I),
    # Navigation and link texts.
    re.compile(
        r"^(?!.*\d)\W*(läs mer|läs även|läs hela|dela|dela på|tipsa|skriv ut|tillbaka|till toppen|"
        r"klicka här|prenumerera|kontakta oss|relaterat|mer om|read more|share|print|back|"
        r"subscribe|related|hoppa till|gå till|meny|sök)\b.{0,60}$",
        re.I,
    ),
    re.compile(r"^\W*(https?://|www\.)\S+\W*$", re.I),
    # Breadcrumbs: "Din position: Hem > Exempelstad > …", "Startsida > Nyheter > …".
    re.compile(r"^\W*(din position|du är här|you are here)\s*:", re.I),
    re.compile(r"^[^.!?>]{1,60}>[^.!?>]{1,60}>"),
    # Running page headers of PDFs: "Sid 2 (70)", "Sida 3 av 12".
    re.compile(r"^\W*(sid|sida|page)\s+\d+\s*(\(\d+\)|av \d+|of \d+)?\W*$", re.I),
)


# Contact lines: "För kommentarer: Namn, titel, tel 08-…, namn@…", "Presskontakt: …"; a cue
# that may also open content ("Mer information: ansökan …") counts only with a phone or address.
_CONTACT_ALWAYS = re.compile(
    r"^\W*(för kommentarer|presskontakt|kontaktperson(er)?|press contact|for comments)\b"
    r"[^:]{0,40}:",
    re.I,
)
_CONTACT_CUE = re.compile(
    r"^\W*(för (mer |ytterligare )?(information|frågor)|mer information|kontakt(a)?|"
    r"for (more )?information|contact)\b[^:]{0,40}:",
    re.I,
)
_REACHABLE = re.compile(
    r"\S+@\S+\.\w+|\b(tel|telefon|phone|mobil)\b|\b0\d{1,3}[- ]\d{2,3}[ -]?\d{2}", re.I
)


def is_boilerplate(sentence: str) -> bool:
    """A dateline, byline, case number, page header, link, contact or navigation text."""
    text = " ".join(sentence.split())
    if _CONTACT_ALWAYS.search(text) or (_CONTACT_CUE.search(text) and _REACHABLE.search(text)):
        return True
    return any(pattern.search(text) for pattern in _HARD)


def heading_like(sentence: str) -> bool:
    """A short line with no sentence ending and no figure: a heading or a label."""
    text = " ".join(sentence.split())
    if len(text) > 80 or text.endswith((".", "!", "?", ":", ";", "”", '"')):
        return False
    return not any(ch.isdigit() for ch in text) and len(text.split()) <= 10
