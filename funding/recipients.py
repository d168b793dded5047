"""Who receives money: Stockholm's districts, city units and organisations, under one name each.

The gazetteer is deliberately small and general: district names, a few well-known
organisations, and the shapes Swedish gives to the names of bodies ("-nämnden",
"-föreningen", "Stiftelsen X"). find_recipients gives every such name; find_receivers
leaves out the ones the sentence shows deciding, giving, assessing or paying
("Socialnämnden har beslutat att ge Farsta ..." receives: Farsta).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_DISTRICTS = (
    "Rinkeby-Kista", "Spånga-Tensta", "Hässelby-Vällingby", "Bromma", "Kungsholmen",
    "Norrmalm", "Östermalm", "Södermalm", "Enskede-Årsta-Vantör", "Skarpnäck", "Farsta",
    "Älvsjö", "Hägersten-Liljeholmen", "Hägersten-Älvsjö", "Skärholmen", "Järva",
)  # fmt: skip
# PDFs break "Rinkeby-Kista" as "Rinkeby- Kista", "Rinkeby Kista" or across a line.
_JOIN = r"(?:\s*[-–—]\s*|\s+)"

_ORGANISATIONS: tuple[tuple[str, str], ...] = (
    ("Uppsökarenheten", r"Uppsökarenhet(?:en)?"),
    ("Enheten för hemlösa", r"[Ee]nheten\s+för\s+hemlösa"),
    ("Frälsningsarmén", r"Frälsningsarmén"),
    ("Röda Korset", r"Röda\s+[Kk]orset"),
    ("Rädda Barnen", r"Rädda\s+[Bb]arnen"),
    ("Svenska kyrkan", r"Svenska\s+[Kk]yrkan"),
    ("Fryshuset", r"Fryshuset"),
    ("Ersta diakoni", r"Ersta\s+[Dd]iakoni"),
)
_DEFINITE = r"nämnden|förvaltningen|enheten|föreningen|förbundet|stiftelsen|jouren"
_INDEFINITE = r"förening|förbund|stiftelse|enhet"
# Compounds such as "stadsdelsnämnden" name a kind of body, not one body.
_GENERIC_HEADS = ("stadsdels", "stads", "lokal", "samma", "denna", "hela")

_DISTRICT = re.compile(
    r"(?<![\w-])(?P<name>"
    + "|".join(_JOIN.join(map(re.escape, d.split("-"))) for d in _DISTRICTS)
    + r")(?:s(?=\s))?(?!\w)",
    re.IGNORECASE,
)
_ORGANISATION = re.compile(
    "|".join(
        f"(?P<o{i}>(?<![\\w-]){pattern}(?!\\w))" for i, (_, pattern) in enumerate(_ORGANISATIONS)
    )
)
# "Stadsmissionen" stands alone; "Stadsmission" always names its city ("Malmö Stadsmission"),
# also in the genitive.
_STADSMISSION = re.compile(
    r"(?<![\w-])(?:[A-ZÅÄÖ][\w-]*\s+(?:Kyrkliga\s+)?[Ss]tadsmission(?:s(?=\s))?|[Ss]tadsmissionen)(?!\w)"
)
_BODY_SHAPE = re.compile(
    # "Föreningen Stegvis Söder", and "den ideella föreningen Tryggare Hem" in running text.
    r"(?<![\w-])(?:(?:[Ff]öreningen|[Ss]tiftelsen|Riksförbundet|[A-ZÅÄÖ][a-zåäö]*jouren)"
    r"(?:\s+[A-ZÅÄÖ][\w-]*)+"
    rf"|[A-Za-zÅÄÖåäö][a-zåäö]{{2,}}(?:{_DEFINITE})"
    rf"|[A-ZÅÄÖ][a-zåäö]{{2,}}(?:{_INDEFINITE}))(?!\w)"
)
# "på Templet Östermalm", "i Fokus Skärholmen": a district inside another name is a place.
_INSIDE_A_NAME = re.compile(r"[a-zåäö,]\s[A-ZÅÄÖ][\wåäö]+ $")
# "äldreomsorgen i Farsta", "I Farsta är beloppet": the district is where, not who.
_PLACE_BEFORE = re.compile(r"(?:^|[^\w])[Ii]\s+(?:hela\s+)?$")

_DECIDER_VERB = (
    r"(?:beslut(?:ar|at|ade)|fatt(?:ar|at|ade)|fördela(?:r|t|de)?|föreslår|föreslog|föreslagit|"
    r"bevilja(?:r|t|de)?|avsätter|avsatte|ger|gav|gett|tilldela(?:r|t|de)?|satsa(?:r|t|de)|anslår|"
    r"uppdrar|antar|antog|antagit|reserverar|reserverade|redovisar|redovisade|budgeterar|"
    r"budgeterade|delar\s+ut|delade\s+ut|fastställ(?:er|de|t)|godkän(?:ner|de|t))"
)
# Words that may stand between a body and its verb ("Socialnämnden i Stockholms stad har på
# sitt sammanträde beslutat"), but never a receiving verb or the start of another clause.
_SKIPPABLE = (
    r"(?!(?:får|fick|fått|ges|gavs|tilldelas|beviljas|beviljats|beviljades|erhåller|som|att|"
    r"och|men|där|när|ska|skall)\b)[^\W\d][\w-]*"
)
_DECIDER_AFTER = re.compile(
    rf"[\s,]*(?:\([^)]*\)\s*)?(?:{_SKIPPABLE}[\s,]+){{0,7}}?{_DECIDER_VERB}\b", re.IGNORECASE
)
# Inverted order ("Idag fattar socialnämnden beslut"), an agent ("bedömts av enheten") or a
# source ("statsbidrag från Socialstyrelsen"): not the one who receives.
_NOT_RECEIVING_BEFORE = re.compile(
    # "ansökan från X" names the applicant, not a source
    r"\b(?:fattar|fattade|tar|tog|beslutar|beslutade|(?<!drivs\s)(?<!drevs\s)av|(?<!ansökan\s)(?<!begäran\s)från|hos)"
    r"\s+(?:[a-zåäö]+a\s+)?$",
    re.IGNORECASE,
)
_APPLIED_FROM = re.compile(
    r"\b(?:ansökan|ansökningen|begäran)\s+om\s+[^.;]{1,40}?\s+från\s+$", re.IGNORECASE
)
_TO_BEFORE = re.compile(r"\b[Tt]ill\s+(?:[a-zåäö]+a\s+)?$")
_OTHERS_APPLIED_AFTER = re.compile(r"\s+(?:har|hade)\s+(?:[\w-]+\s+){1,4}?(?:an)?sökt\b")
_BODY = re.compile(
    r"(?<![\w-])(?:[Ss]ocialnämnden|[Ss]ocialtjänstnämnden|[Kk]ommunfullmäktige|"
    r"[Kk]ommunstyrelsen|[Rr]egeringen|Organisations-\s+och\s+föreningsutskottet|OFU|"
    r"[A-ZÅÄÖ][\w-]+\s+stadsdelsnämnd(?:en)?|[A-ZÅÄÖa-zåäö][a-zåäö]{2,}nämnden|"
    r"Socialstyrelsen|[Ll]änsstyrelsen|Arvsfonden)(?!\w)"
)


def find_recipients(text: str) -> list[tuple[str, int, int]]:
    """Possible recipients in `text`: (normalised name, start, end), in order, not overlapping."""
    found = _districts(text) + _organisations(text) + _body_shapes(text)
    found.sort(key=lambda item: (item[1], -item[2]))
    kept: list[tuple[str, int, int]] = []
    for item in found:
        if not kept or item[1] >= kept[-1][2]:
            kept.append(item)
    return kept


def find_receivers(text: str) -> list[tuple[str, int, int]]:
    """Like find_recipients, without the names that decide, give, assess or pay."""
    return [item for item in find_recipients(text) if not gives_or_decides(text, *item[1:])]


def canonical_district(name: str) -> str | None:
    """The district's one spelling ("Rinkeby- Kista" -> "Rinkeby-Kista"), None if not one."""
    match = _DISTRICT.fullmatch(name.strip())
    return _district_name(match["name"]) if match else None


def _districts(text: str) -> list[tuple[str, int, int]]:
    found = []
    for match in _DISTRICT.finditer(text):
        if _INSIDE_A_NAME.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        found.append((_district_name(match["name"]), match.start(), match.end()))
    return found


def _district_name(written: str) -> str:
    key = re.sub(_JOIN, "-", written).casefold()
    return next(d for d in _DISTRICTS if d.casefold() == key)


def _organisations(text: str) -> list[tuple[str, int, int]]:
    found = []
    for match in _ORGANISATION.finditer(text):
        index = int(next(k for k, v in match.groupdict().items() if v is not None)[1:])
        found.append((_ORGANISATIONS[index][0], match.start(), match.end()))
    for match in _STADSMISSION.finditer(text):
        # "för Malmö Stadsmissions boenden": the owner, named without its genitive.
        name = " ".join(match[0].split()).replace("stadsmission", "Stadsmission")
        name = name.removesuffix("s") if name.endswith("missions") else name
        found.append((name, match.start(), match.end()))
    return found


def _body_shapes(text: str) -> list[tuple[str, int, int]]:
    found = []
    for match in _BODY_SHAPE.finditer(text):
        name = " ".join(match[0].split())
        start = match.start()
        place = _PLACE_FIRST.search(text, max(0, start - 40), start)
        if place and name[0].isupper() and place["word"].lower() not in _NOT_A_NAME:
            # "Norrby Dansförening": the place before a compound is part of its name.
            name, start = f"{place['word']} {name}", place.start()
        if name.lower().startswith(_GENERIC_HEADS) and " " not in name:
            continue
        found.append((name[0].upper() + name[1:], start, match.end()))
    return found


_PLACE_FIRST = re.compile(r"(?<![\w-])(?P<word>[A-ZÅÄÖ][a-zåäö]{2,}s?)[ \t]$")


def is_place(text: str, start: int) -> bool:
    """The name at `start` is where something happens ("äldreomsorgen i Farsta", "I Farsta
    är beloppet ..."), not who receives."""
    return _PLACE_BEFORE.search(text[max(0, start - 12) : start]) is not None


def gives_or_decides(text: str, start: int, end: int) -> bool:
    """True when the name at text[start:end] decides, gives, assesses or pays the money.

    "Socialnämnden har beslutat att ge ...", "Idag fattar kommunstyrelsen beslut",
    "bedömts av utvecklingsenheten", "statsbidrag från Socialstyrelsen": none of them receives.
    """
    before = text[max(0, start - 20) : start]
    if _DECIDER_AFTER.match(text, end):
        return True
    if _APPLIED_FROM.search(text, max(0, start - 90), start):
        return False  # "ansökan om 40 000 kr från X": X applied, it is no source
    if _NOT_RECEIVING_BEFORE.search(before):
        return True
    # "Till kulturnämnden har 40 föreningar ansökt": the body applied to decides.
    return bool(_TO_BEFORE.search(before) and _OTHERS_APPLIED_AFTER.match(text, end))


def deciding_bodies(text: str) -> list[tuple[int, str]]:
    """Every body named as deciding, giving or paying, with its offset, in order."""
    found: list[tuple[int, str]] = []
    for match in _BODY.finditer(text):
        if gives_or_decides(text, *match.span()):
            name = " ".join(match[0].split())
            name = "Organisations- och föreningsutskottet" if name == "OFU" else name
            found.append((match.start(), name[0].upper() + name[1:]))
    return found


# ---- receivers by the syntax around an amount -------------------------------------------
# A name the gazetteer has never seen is still found by where it stands: "X får N",
# "bevilja X N", "N till X", "får X disponera N". A name is a run of capitalised words or
# abbreviations, joined by small words ("Sol i Dal", "HSO i Ekby stad"), or a
# kind of body followed by its name ("föreningen Dans i Ring"), or a body-shaped compound
# ("socialnämnden", "Kvinnojouren").


class _Lazy:
    """A pattern compiled on first use: the name patterns below take a few tenths of a second
    to compile, which a CLI start that never reads a grant should not pay."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def search(self, text: str, *span: int) -> re.Match[str] | None:
        return self._get().search(text, *span)

    def match(self, text: str, *span: int) -> re.Match[str] | None:
        return self._get().match(text, *span)

    def fullmatch(self, text: str, *span: int) -> re.Match[str] | None:
        return self._get().fullmatch(text, *span)

    def finditer(self, text: str, *span: int) -> Iterator[re.Match[str]]:
        return self._get().finditer(text, *span)


def _lazy(source: str, flags: int = 0) -> _Lazy:
    return _Lazy(source, flags)


_CAP_WORD = r"(?:[A-ZÅÄÖ][\w’'&.–-]*\w|[A-ZÅÄÖ]|\d+[A-ZÅÄÖ][\w-]*)"
_NAME_LINK = r"(?:i|för|på|av|mot|med|de|la|von|&)"
_NAME_TAIL = (
    r"(?:(?:stad|kommun|region|län|församling|förening|förbund|stiftelse|kooperativ|"
    r"stadsdelsförvaltning|stadsdelsnämnd|avdelning|klubb|stadsmission|kyrka|fritidsgård|gård|"
    r"förskola|skola|bibliotek|träffpunkt|mötesplats|center|centrum|hus|förvaltning|nämnd)"
    r"(?:en|et|n)?"
    # a compound of a body's word: "Lindö kvinnojour", "Ekby pensionärsförening"
    r"|[a-zåäö]{3,}(?:jour|förening|förbund|råd|nätverk|mission|central|mottagning|boende"
    r"|förvaltning|nämnd|enhet|församling|kyrka|klubb|skola|gård)"
    r"(?:en|et)?"
    r"|kommune)"
)
_KIND_LEAD = (
    r"(?:den\s+ideella\s+)?(?:föreningen|organisationen|stiftelsen|kooperativet|förbundet|"
    r"klubben|nätverket|bolaget|församlingen|kommunen|regionen|stadsdelen|områdena|"
    r"stadsdelarna|föreningarna|kommunerna)"
)
_BODY_WORD = (
    rf"(?:(?:[A-Za-zÅÄÖåäö][\w-]*)?(?:{_DEFINITE}|jouren|fonden|mottagningen|kyrkan|klubben|socialtjänsten|"
    r"gården|huset|stadsmissionen|förvaltningarna|nämnderna|stadsdelarna|kommunerna|jourerna|"
    r"regionerna|föreningarna|organisationerna))"
)
# Capitalised words that start a sentence or a clause and name no one.
_NOT_A_NAME = frozenset({
    "vi", "det", "den", "de", "dessa", "detta", "denna", "han", "hon", "man", "alla", "nu",
    "här", "där", "i", "till", "för", "som", "med", "om", "även", "också", "totalt",
    "sammanlagt", "dessutom", "samtidigt", "enligt", "varje", "varav", "av", "på", "efter",
    "under", "inom", "utöver", "mest", "mer", "bland", "när", "då", "sedan", "hittills",
    "därför", "pengarna", "medlen", "beloppet", "bidraget", "summan", "resten", "ytterligare",
    "cirka", "drygt", "knappt", "nästa", "förra", "i år", "jag", "ni", "dom", "kronor",
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december", "nämnden", "staden", "kommunen", "förvaltningen",
    "regeringen", "styrelsen", "socialdemokraterna", "moderaterna", "liberalerna",
    "centerpartiet", "kristdemokraterna", "vänsterpartiet", "miljöpartiet",
    "sverigedemokraterna", "beslut", "förslag", "bakgrund", "ärendet", "totalbelopp",
    "förskolan", "skolan", "grundskolan", "gymnasiet", "äldreomsorgen", "omsorgen",
    "hemtjänsten", "fritiden", "kulturen", "idrotten", "vården", "polisen", "ekonomin",
    "projektet", "satsningen", "verksamheten", "arbetet", "insatsen", "programmet", "planen",
    # sentence adverbs and words for money that open a clause and name no one
    "därtill", "därutöver", "härutöver", "vidare", "slutligen", "sammantaget", "framförallt",
    "därmed", "således", "alltså", "likaså", "inledningsvis", "avslutningsvis", "först",
    "sist", "idag", "igår", "nyligen", "tidigare", "senare", "redan", "fortfarande", "dock",
    "bara", "endast", "just", "bidrag", "stöd", "medel", "pengar", "anslag", "ersättning",
    "stödet", "anslaget", "ersättningen", "tillskottet",
})  # fmt: skip
# "Myndigheten för delaktighet", "Enheten för hemlösa": a body and what it is for.
_BODY_FOR = (
    r"[A-ZÅÄÖ][\w-]*(?:heten|enheten|rådet|centrum|centret|förbundet|föreningen|fonden|"
    r"nämnden|stiftelsen|kommittén|institutet|verket)[ \t]+för[ \t]+[a-zåäö][\w-]*"
    r"(?:[ \t]+(?:och|&)[ \t]+[a-zåäö][\w-]*)?"
)
_PLACED_BODY = r"(?:[a-zåäö]*jouren|föreningen|församlingen|kyrkan|stadsmissionen)"
_SP = r"[ \t\u00a0]+"  # within a name: never across a line break (a heading above is not it)
# "Iranska pensionärs- och äldreföreningen i Stockholm": a capitalised word, compound parts
# joined by "och", and the body's word; never cut after the first word.
_JOINED_BODY = (
    rf"{_CAP_WORD}(?:{_SP}[a-zåäö]+-{_SP}(?:och|&|eller))?{_SP}"
    r"[a-zåäö]+(?:föreningen|förbundet|stiftelsen|jouren|förening|förbund|stiftelse)"
    rf"(?:{_SP}i{_SP}{_CAP_WORD})?(?!\w)"
)
# "Ekby Norrby regionen AB": a company's legal form closes its name, lowercase words and all.
_COMPANY = (
    rf"{_CAP_WORD}(?:{_SP}(?:{_CAP_WORD}|(?!(?:och|samt|eller|till|för|med|att|som|har|får|fick"
    rf"|ger|gav|ska|kan)\b)[a-zåäö]+)){{0,4}}?{_SP}(?-i:AB|HB|KB)(?!\w)"
)
_ONE_NAME = (
    rf"(?:{_BODY_FOR}|{_COMPANY}|{_JOINED_BODY}|{_KIND_LEAD}{_SP}{_CAP_WORD}(?:{_SP}(?:{_NAME_LINK}{_SP})?{_CAP_WORD})*"
    rf"(?:{_SP}{_NAME_TAIL})?"
    rf"|{_CAP_WORD}(?:{_SP}(?:{_NAME_LINK}{_SP})?{_CAP_WORD})*(?:s?{_SP}{_NAME_TAIL})?"
    # "kvinnojouren i Ekby", "församlingen i Norrby": a body known by its place.
    rf"|{_PLACED_BODY}{_SP}i{_SP}{_CAP_WORD}"
    rf"|{_BODY_WORD})"
)
_NAME_LIST = rf"(?P<list>{_ONE_NAME}(?:\s*,\s*{_ONE_NAME})*(?:\s*,?\s+(?:och|samt)\s+{_ONE_NAME})?)"
_RECEIVE = (
    r"(?:får|fick|få|söka|ansöka|delar\s+på|delade\s+på|hemställer\s+om|begär|äskar|har\s+fått|hade\s+fått|beviljas|beviljades|har\s+beviljats|tilldelas|"
    r"tilldelades|har\s+tilldelats|erhåller|erhöll|har\s+erhållit|ansöker|ansökte|söker|sökte|"
    r"har\s+sökt|har\s+ansökt|beviljats|tilldelats|fått|erhållit|receives|received|gets|got)"
)
_GIVE = (
    r"(?:[Bb]evilja[rst]?|[Bb]evilja(?:t|de)|[Tt]illdela(?:r|t|de)?|ge|ger|gav|ges"
    r"|betala[rs]?\s+ut\s+till|stöttar|stöttade|stödjer|stöder|stödde"
    r"|granted|awarded|gave|gives)"
)
# "Ekby kommun har fått medel i tre år, 2021 cirka 8 miljoner": a comma may end a gap word.
_GAP_WORDS = r"(?:[^\W\d][\w-]*,?\s+|\d{4}\s+){0,8}?"
_NAMES_THEN_RECEIVE = _lazy(
    rf"(?:^(?:\d{{1,2}}[.)]\s+)?|[,;:–—]\s*|\b(?:att|och|men|som|där)\s+){_NAME_LIST}"
    r"(?:\s*,\s*(?:som|vilka|vars)\b[^,.;]{0,100},)?\s+"
    r"(?:(?:har|hade|skulle|ska|kan|bör|kommer\s+att|nu|sammanlagt|totalt|redan|också|även|föreslås)"
    r"\s+){0,2}"
    rf"{_RECEIVE}\s+"
    rf"{_GAP_WORDS}$"
)
_RECEIVE_THEN_NAMES = _lazy(
    rf"\b(?:får|fick|beviljas|beviljades|tilldelas|tilldelades|erhåller)\s+{_NAME_LIST}\s+"
    rf"{_GAP_WORDS}$"
)
# "och Region Västerfors 1,1 miljoner": the name of a second amount after the first.
_AND_NAMES = _lazy(rf"^\s*(?:,|och|samt)\s+{_NAME_LIST}\s+$")
# "Ungdomens Hus, som får 90 000 kronor"
_NAMES_WHO_RECEIVE = _lazy(
    rf"{_NAME_LIST}\s*,\s*som\s+(?:(?:har|nu|också|även)\s+)?{_RECEIVE}\s+{_GAP_WORDS}$"
)
# "Ekby Schackklubbs ansökan om 15 000 kr", "ansökan från Ekby IF om 15 000 kr": the applicant.
_APPLICANT = _lazy(
    rf"(?P<list>{_CAP_WORD}(?:\s+{_CAP_WORD})*?)(?::s|s)\s+(?:ansökan|begäran|äskande)\s+"
    rf"{_GAP_WORDS}$"
)
_APPLICATION_FROM = _lazy(
    rf"\b(?:ansökan|ansökningen|begäran)\s+från\s+{_NAME_LIST}\s+om\s+{_GAP_WORDS}$"
)
# "Enligt modellen skulle Ekby kommun få 18,7 miljoner": the subject after the auxiliary.
_AUX_NAMES_RECEIVE = _lazy(
    rf"\b(?:skulle|ska|skall|kan|kommer|kunde)\s+{_NAME_LIST}\s+(?:att\s+)?"
    rf"(?:få|ha\s+fått|erhålla|tilldelas|beviljas)\s+{_GAP_WORDS}$"
)
# "Grannföreningen trygghet beviljas 312 000 kr": a body's compound and the lowercase
# words of its name, opening the sentence before the receiving verb.
_KIND_WORDS_RECEIVE = _lazy(
    r"^(?P<list>[A-ZÅÄÖ][a-zåäö]+(?:föreningen|förbundet|stiftelsen|jouren)"
    r"(?:[ \t][a-zåäö]{3,}){1,2})"
    rf"\s+(?:har\s+)?{_RECEIVE}\s+{_GAP_WORDS}$"
)
# "Kvinnojourerna är fortsatt prioriterade och får 2 miljoner": the sentence's subject
# receives, through a second verb joined by "och".
_SUBJECT_AND_RECEIVE = _lazy(
    rf"^{_NAME_LIST}\s+(?:är|var|blir|har|hade|fortsätter|prioriteras)\s+"
    rf"(?:[^\W\d][\w-]*\s+){{0,5}}?och\s+(?:har\s+)?{_RECEIVE}\s+{_GAP_WORDS}$"
)
# "att socialtjänsten prioriteras med ett tillskott på N", "Socialjouren förstärks med N",
# "Underskotten i socialtjänsten täpps till med N": the body strengthened receives.
_STRENGTHENED = _lazy(
    rf"(?:^|\batt\s+|[,;:–—]\s*){_NAME_LIST}\s+(?:prioriteras|förstärks|stärks|tillförs)\s+"
    r"(?:[^\W\d][\w-]*\s+){0,8}?(?:med|på)\s+(?:ett\s+)?(?:tillskott|förstärkning)?\s*(?:på|om)?\s*$"
)
_DEFICIT_FILLED = _lazy(
    rf"\b[Uu]nderskott\w*\s+(?:i|inom|hos)\s+{_NAME_LIST}\s+täpps\s+till\s+med\s+(?:totalt\s+)?$"
)
# "Verksamheten drivs av Stiftelsen Ljus och får 500 000 kr": who runs it receives.
_RUN_BY = _lazy(
    rf"\b(?:drivs|drevs)\s+av\s+{_NAME_LIST}\s*,?\s+(?:och|som)\s+(?:(?:har|nu|också|även)\s+)?"
    rf"{_RECEIVE}\s+{_GAP_WORDS}$"
)
_GIVE_THEN_NAMES = _lazy(rf"\b{_GIVE}\s+{_NAME_LIST}\s+{_GAP_WORDS}$")
# "I går beviljade Ekby kommun Föreningen Solstrålen 200 000 kronor": after an inverted verb
# a giving body is the subject, and the name after it, the indirect object, receives.
_GIVER = (
    rf"(?:{_CAP_WORD}(?:{_SP}{_CAP_WORD})*{_SP}(?:kommun|stad|region|landsting|län)"
    r"|[A-ZÅÄÖa-zåäö][\w-]*(?:nämnden|styrelsen|fonden|kommunen|regionen|staden|förvaltningen|"
    r"rådet|myndigheten|fullmäktige))"
)
_GIVER_THEN_NAMES = _lazy(rf"\b{_GIVE}\s+{_GIVER}\s+{_NAME_LIST}\s+{_GAP_WORDS}$")
_TO_NAMES_AFTER = _lazy(
    # "40 000 kr och till Norrby BK 30 000 kr": the next amount's receiver is not this one's
    # "2 mnkr för investeringar vid Ekbacken": the place named is the unit that gets it
    rf"[\s,]*(?:(?!och\b|samt\b)[\w-]+\s+){{0,3}}?(?:till|åt|mellan|vid|til|to(?:\s+the)?)\s+"
    rf"{_NAME_LIST}(?!\w)"
)
# "de 8 miljoner som Ekby kommun får under året"
_WHICH_NAMES_RECEIVE = _lazy(
    rf"[ \t]*(?:kronor[ \t]+)?som[ \t]+{_NAME_LIST}[ \t]+(?:nu[ \t]+|har[ \t]+)?"
    r"(?:får|fick|fått|erhåller|erhöll|beviljas|beviljats|tilldelas)\b"
)
# "Till Ekby fritidsgård går 200 000 kronor", "Bidrag till Ekby IF, 40 000 kronor"
_TO_NAMES_BEFORE = _lazy(
    rf"\b[Tt]ill\s+{_NAME_LIST}(?:\s+(?:går|gick|ges|gavs|delas\s+ut|betalas\s+ut)\s+{_GAP_WORDS}"
    r"|\s+med\s+|[\s,:–—-]*)$"
)
# "till Ekby IF (40 000 kr), Norrby BK (30 000 kr)", "föreningar: Ekby IF, 40 000 kr, ...":
# the name just before the amount, set off by a bracket or a comma, owns it.
_NAME_THEN_AMOUNT = _lazy(
    rf"(?:^[ \t]*|[,;:(]\s*|\b(?:till|och|samt|til)\s+){_NAME_LIST}\s*(?:\(|,|\s[–—-])\s*$"
)
# "följande organisationer: Ekby IF 40 000 kr, ...": the first of a list after a colon.
_COLON_NAME_THEN_AMOUNT = _lazy(rf":[ \t]*{_NAME_LIST}[ \t]+$")
# "ansökan om 40 000 kr från Norrby BK": the applicant after the amount.
_APPLICATION_OF = re.compile(r"\b(?:ansökan|ansökningen|begäran)\s+om\s+$", re.IGNORECASE)
_FROM_NAMES_AFTER = _lazy(rf"\s*(?:kronor\s+|kr\s+)?från\s+{_NAME_LIST}(?!\w)")
# "Bidraget till Ekby IF höjs till 60 000 kronor": the grant's receiver, named before.
_GRANT_TO_NAMES = _lazy(
    rf"\b(?:[\w-]*[Bb]idrag\w*|[Ss]töd\w*|[Aa]nslag\w*)\s+till\s+{_NAME_LIST}\s+"
    r"(?:(?:höjs|sänks|ökas|minskas|blir|uppgår)\s+(?:till|med|från)|är|var|blir)\s+$"
)
_EACH = re.compile(r"\s*(?:kr\s+|kronor\s+)?(?:vardera|var\s+och\s+en|per\s+styck|styck|var)\b")
_SPLIT_LIST = re.compile(r"\s*,\s*|(?<![-\s])\s*,?\s+(?:och|samt)\s+")  # not "pensionärs- och"
# The name patterns are case-sensitive on purpose: a name starts with a capital letter.
_LOOKBACK = 220


# A lowercase word that ends a clause after a one-word name is the rest of the name.
_LOWER_TAIL = re.compile(r"[ \t]+(?P<word>[a-zåäö][\w-]{2,})(?=[.,;:!?)])")
_NOT_A_TAIL = frozenset({
    "under", "med", "för", "inom", "från", "per", "vardera", "var", "kronor", "också", "även",
    "igen", "extra", "totalt", "sammanlagt", "direkt", "årligen", "nu", "därefter", "sedan",
    "och", "samt", "respektive", "resp", "men", "att", "som", "idag", "igår", "imorgon",
    "ännu", "tillsammans", "framöver", "fortsatt", "istället",
})  # fmt: skip


def receivers_by_syntax(
    text: str, start: int, amount_start: int, amount_end: int, end: int
) -> list[str]:
    """The receivers the syntax around an amount names, in text[start:end], in order.

    "Föreningen Ekorren, Tjejzonen och Nattvandrarna får 100 000 kr vardera" gives all three;
    "Nämnden fördelar 3 mnkr till ABF i Norrtälje kommun" gives ABF i Norrtälje kommun.
    """
    before = text[max(start, amount_start - _LOOKBACK) : amount_start]
    after = text[amount_end : min(end, amount_end + 160)]
    found: list[str] = []
    to = _TO_NAMES_AFTER.match(after) or _WHICH_NAMES_RECEIVE.match(after)
    if not to and _APPLICATION_OF.search(before):
        to = _FROM_NAMES_AFTER.match(after)
    if to:
        found = _listed(to["list"])
        tail = _LOWER_TAIL.match(after, to.end())
        if len(found) == 1 and " " not in found[0] and tail and tail["word"] not in _NOT_A_TAIL:
            found = [f"{found[0]} {tail['word']}"]  # "till Sankta ungdom.": never cut a name short
    patterns = (
        _AND_NAMES,
        _GIVER_THEN_NAMES,
        _GIVE_THEN_NAMES,
        _RECEIVE_THEN_NAMES,
        _AUX_NAMES_RECEIVE,
        _NAMES_WHO_RECEIVE,
        _NAMES_THEN_RECEIVE,
        _KIND_WORDS_RECEIVE,
        _SUBJECT_AND_RECEIVE,
        _RUN_BY,
        _STRENGTHENED,
        _DEFICIT_FILLED,
        _APPLICANT,
        _APPLICATION_FROM,
        _TO_NAMES_BEFORE,
        _NAME_THEN_AMOUNT,
        _COLON_NAME_THEN_AMOUNT,
        _GRANT_TO_NAMES,
    )
    for pattern in patterns:
        if found:
            break
        match = pattern.search(before)
        if match and pattern is _GIVE_THEN_NAMES and _gives_inverted(before, match, after):
            continue  # "Vid mötet beviljade Fonden N till 88 projekt": the name is the giver
        if match:
            found = _listed(match["list"])
            if pattern in (_NAME_THEN_AMOUNT, _COLON_NAME_THEN_AMOUNT):  # no verb: only names
                found = [name for name in found if len(name.split()) > 1 or _is_body(name)]
    return found


# A clause opening on an adverbial puts the subject after the verb (Swedish word order):
# "Vid årets första sammanträde beviljade Fonden 2 miljoner kronor till 40 projekt".
_ADVERBIAL_OPENING = _lazy(
    r"(?:^|[.!?]\s+)\W*(?:(?:vid|i|under|på|efter|inför|genom)\s[^,.;:]{0,60}?|nu|idag|"
    r"i\s+dag|igår|i\s+går|därför|därtill|sammanlagt|totalt|i\s+år|i\s+fjol)\s*$",
    re.I,
)
_TO_AFTER = _lazy(r"^\W*(?:kronor|kr|miljoner\w*|mnkr|tkr)?\s*(?:\w+\s+){0,2}?till\s", re.I)


def _gives_inverted(before: str, match: re.Match[str], after: str) -> bool:
    """The name after a giving verb is its subject, the giver: the verb follows an adverbial
    opening and the money goes on "till" someone else."""
    opening = before[: match.start()]
    return bool(_ADVERBIAL_OPENING.search(opening) and _TO_AFTER.match(after))


def _is_body(name: str) -> bool:
    plain = name[0].lower() + name[1:]
    return bool(_BODY_SHAPE.fullmatch(name) or _STADSMISSION.fullmatch(name) or _is_kind(plain))


_NAMES_RECEIVE_ANYWHERE = _lazy(
    rf"(?:^(?:\d{{1,2}}[.)]\s+)?|[,;:–—]\s*|\b(?:att|och|men|som|där)\s+){_NAME_LIST}\s+"
    rf"(?:(?:har|hade|nu|också|även)\s+)?{_RECEIVE}\b"
)
_GIVE_NAMES_ANYWHERE = _lazy(
    rf"\b(?:(?:går|gick)\s+till|{_GIVE}|får|fick|beviljas|beviljades|tilldelas)\s+{_NAME_LIST}"
    r"(?=[\s.,;]|$)(?:\s+(?:ekonomiskt\s+)?(?:stöd|bidrag|medel|pengar|verksamhetsbidrag|"
    r"projektmedel)\b)?"
)


def receivers_in(text: str, start: int, end: int) -> list[str]:
    """Receivers a sentence without an amount names by its syntax ("Föreningen Ekorren får
    stöd för ...", "Nämnden beviljar Ekby IF bidrag"), for an amount in a sentence nearby."""
    sentence = text[start:end]
    found: list[str] = []
    for pattern in (_NAMES_RECEIVE_ANYWHERE, _GIVE_NAMES_ANYWHERE):
        for match in pattern.finditer(sentence):
            found += _listed(match["list"])
    return list(dict.fromkeys(found))


# "Ekby Kvinnojour har funnits sedan 1985.": the name a sentence opens with is its subject.
_SUBJECT = _lazy(rf"[\"”»–—•-]?[ \t]*{_NAME_LIST}[ \t]+(?:[a-zåäö]|\d)")
_FROM_APPLICANT = _lazy(rf"\b(?:ansökan|ansökningar|begäran)\s+från\s+{_NAME_LIST}(?!\w)")


def named_subjects(text: str, start: int, end: int) -> list[str]:
    """The organisation a sentence without an amount is about: receivers its syntax names,
    else the name it opens with, else an applicant ("en ansökan från Ekby Läxhjälp")."""
    found = receivers_in(text, start, end)
    if found:
        return found
    sentence = text[start:end]
    for match in (_SUBJECT.match(sentence), _FROM_APPLICANT.search(sentence)):
        if match is None or gives_or_decides(
            text, start + match.start("list"), start + match.end("list")
        ):
            continue  # "Socialnämnden har beslutat ...": the one who decides is not pointed at
        names = _listed(match["list"])
        names = [n for n in names if len(n.split()) > 1 or _is_body(n)]
        if names:
            return names
    return []


def each_receives(text: str, amount_end: int) -> bool:
    """ "100 000 kr vardera": the figure is each named receiver's, not their total."""
    return _EACH.match(text, amount_end, amount_end + 40) is not None


def _listed(names: str) -> list[str]:
    kept = []
    for raw in _SPLIT_LIST.split(names):
        name = _TRAILING_KIND.sub("", " ".join(raw.split()).strip(" ,."))
        words = name.lower().split()
        if not words or name.lower() in _NOT_A_NAME or words[0] in _NOT_A_NAME:
            continue
        if _BARE_KIND.fullmatch(name) or _CATEGORY.fullmatch(name):
            continue  # "bevilja föreningen 30 000 kr": points back to a name, is none itself
        placed = re.match(_PLACED_BODY, name) is not None
        kept.append(
            name[0].upper() + name[1:] if name[0].islower() and (placed or _is_kind(name)) else name
        )
    return list(dict.fromkeys(kept))


# "Akalla IK Föreningen ansöker": the kind after a list item's name starts the sentence.
_TRAILING_KIND = re.compile(r"(?<=\w)\s+(?:Föreningen|Organisationen|Stiftelsen|Förbundet)$")


_BARE_KIND = re.compile(
    r"(?:[Ff]öreningen|[Oo]rganisationen|[Ss]tiftelsen|[Ff]örbundet|[Kk]lubben|[Ee]nheten|"
    r"[Ff]örvaltningen|[Nn]ämnden|[Jj]ouren|[Ff]onden|[Ss]ökanden)"
)


# "Föreningar kan söka högst 50 000 kr": a kind of receiver in the plural is a category.
_CATEGORY = re.compile(
    r"[A-ZÅÄÖ]?[\w-]*(?:föreningar|organisationer|stiftelser|förbund|jourer|aktörer|verksamheter|"
    r"kommuner|regioner|stadsdelar|församlingar|sökande|projekt|mottagare)",
    re.IGNORECASE,
)


def _is_kind(name: str) -> bool:
    return re.match(_KIND_LEAD, name) is not None or re.fullmatch(_BODY_WORD, name) is not None
