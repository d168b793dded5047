"""Read a question: what kind it is, what it names, and what an answer must match."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.engine.language import detect_language
from bot.engine.places import HOME_MUNICIPALITY, places_in
from bot.engine.terms import content_terms
from funding import find_receivers, parse_amount
from prompts import load_lexicon

# Checked in order: the first kind whose pattern matches wins.
_KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "who_said",
        re.compile(
            r"\b(vem (av .*)?(sa|sade|sagt|säger|uttalade|kallade|kallar|beskrev|menade|"
            r"uttryckte)|vad (sa|sade|har .* sagt)|citat|uttal|who (said|says|called|described)|"
            r"quote[ds]?|what did .* say)\b",
            re.I,
        ),
    ),
    (
        "aggregate",
        re.compile(
            r"\b(totalt|sammanlagt|sammantaget|lägg(er)? ihop|räkna(r)? ihop|summa|summera|ökade|"
            r"minskade|add(s|ed)? up|sum up|"
            r"ökning|minskning|skillnad|in total|altogether|combined|increase|decrease|"
            r"(vilka|which) .*\b(mer än|över|minst|more than|over|at least) \S+|"
            r"(hur (mycket|mkt)|how much)\b[^?]*\b(tillsammans|together))\b",
            re.I,
        ),
    ),
    ("when", re.compile(r"^\s*(när|vilket datum|vilken dag|when|what date)\b", re.I)),
    (
        "why",
        re.compile(
            r"\b(varför|syfte[t]?|till vad|användas till|ska .* användas|åstadkomma|uppnå|"
            r"why|purpose|what .* (used|spent|meant) for|used for|achieve|accomplish)\b",
            re.I,
        ),
    ),
    (
        "recipients",
        re.compile(
            r"\b(vilka|vem fick|vilken (stadsdel|förening|organisation|enhet|nämnd)|"
            r"vem .* pengar|who (got|received|gets|shares?)|which)\b",
            re.I,
        ),
    ),
    (
        "amount",
        re.compile(
            r"\b(hur (mycket|mkt|stor[at]?|många (kronor|kr|tkr|mnkr|miljoner|miljarder))|"
            r"belopp|vad kostade|kostnad|"
            r"how much|how large|how big|what amount|how many (kronor|millions?|billions?)|"
            r"what (was|were|did)\b[^?]*\b(budget|grant|funding|allocation|amount|cost|"
            r"subsidy)s?\b|what (budget|grant|funding|amount|allocation|subsidy)s? "
            r"(was|were|did|does)\b|"
            r"vad (var|blev)\b[^?]*\b(budget\w*|bidrag\w*|anslag\w*|belopp\w*|"
            r"kostnad\w*)|"
            r"vad (fick|får|blir|föreslogs|föreslog|föreslås|beviljades|sökte|söker)\b.*"
            r"\b(få|bidrag\w*|stöd\w*|anslag\w*|pengar|budget\w*|medel))\b",
            re.I,
        ),
    ),
    (
        "onboarding",
        re.compile(
            r"^\s*(vad (är|betyder|innebär|står|menas med)|förklara|berätta om|"
            r"hur (ansöker|söker|gör) (jag|man)|what (is|are|does)|how (do|can) (i|we)|explain)\b"
            r"(?!.*\b(hur mycket|how much|fick|got)\b)",
            re.I,
        ),
    ),
)
_GRANTED_ASKED = re.compile(
    r"\b(fick|fått|bevilja\w*|tilldela\w*|got|received|granted|awarded)\b", re.I
)
_PROPOSAL_ASKED = re.compile(r"(förslag|föresl|ansök|sökt|söker|propos|appl)", re.I)
_MONEY = re.compile(
    r"\b(pengar|medel|anslag|bidrag|kronor|kr|miljon\w*|miljard\w*|budget\w*|stöd|"
    r"money|funding|grant\w*|million\w*|satsning\w*)\b",
    re.I,
)
_TYPE_STEMS = (
    "stadsdel", "nämnd", "organisation", "förening", "enhet", "aktör", "verksamhet",
    "district", "organi", "committe", "unit",
)  # fmt: skip
_SUMMING = re.compile(
    r"\b(lägg(er)? ihop|räkna(r)? ihop|summera|sammanlagt|totalt|add(s|ed)? up|sum up|in total)\b",
    re.I,
)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_NAME = re.compile(
    r"(?<![.!?]\s)(?<!^)\b([A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?"
    r"(?:\s+[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?){1,2})\b"
)
_THRESHOLD = re.compile(
    r"\b(?:mer än|över|minst|more than|over|at least)\s+"
    r"((?:en|ett|one|a|two|three|four|five|ten|\d[\d\s,.]*)\s*\w+(?:\s+kr\w*)?)",
    re.I,
)

# A year standing alone after "över"/"over", not a figure with its unit.
_A_YEAR = re.compile(r"(?:19|20)\d\d\b(?!\s*(?:kr|kronor|tkr|mnkr|sek|miljon|million))", re.I)


@dataclass(frozen=True)
class Question:
    """A question read for answering: kind, language, content terms and hard constraints."""

    text: str
    language: str
    kind: str
    terms: tuple[str, ...]
    persons: tuple[str, ...]
    recipients: tuple[str, ...]
    years: tuple[int, ...]
    about_money: bool
    threshold: int | None = None
    subject: str | None = None
    asks_granted: bool = False
    asks_proposal: bool = False
    places: tuple[str, ...] = ()  # municipalities named: "Stockholms stad", "Gothenburg"
    focus: tuple[str, ...] = ()  # a follow-up's own names, which an amount must be tied to
    home: str = HOME_MUNICIPALITY  # whose documents the index holds (settings)


def read_question(text: str) -> Question:
    """Classify a question and pull out what an answer has to match."""
    recipients = tuple(dict.fromkeys(name for name, _, _ in find_receivers(text)))
    kind = _kind(text)
    language = detect_language(text)
    terms = content_terms(text)
    if language == "en":
        # English words never match a Swedish text: its names and the lexicon's Swedish do.
        kept = content_terms(" ".join(_untranslated_names(text)))
        terms = list(dict.fromkeys([*kept, *content_terms(swedish_words(text))])) or terms
    if kind == "recipients":
        # "Vilka stadsdelar ..." is answered by district names, not by the word "stadsdel".
        terms = [t for t in terms if not t.startswith(_TYPE_STEMS)]
    return Question(
        text=text,
        language=language,
        kind=kind,
        terms=tuple(terms),
        persons=_persons(text, recipients),
        recipients=recipients,
        years=tuple(sorted({int(y) for y in _YEAR.findall(text)})),
        about_money=bool(_MONEY.search(text)) or kind in ("amount", "aggregate"),
        threshold=_threshold(text),
        subject=_subject(text) if kind == "onboarding" else None,
        asks_granted=bool(_GRANTED_ASKED.search(text)) and not _PROPOSAL_ASKED.search(text),
        asks_proposal=bool(_PROPOSAL_ASKED.search(text)),
        places=places_in(text),
    )


def swedish_words(text: str) -> str:
    """The Swedish words the lexicon gives for an English question's words."""
    lexicon = load_lexicon()
    return " ".join(lexicon[w] for w in re.findall(r"[a-z-]+", text.lower()) if w in lexicon)


def _untranslated_names(text: str) -> list[str]:
    """Words of an English question a Swedish document may carry as they are: names,
    acronyms, figures and Swedish words (å, ä, ö)."""
    kept = []
    for match in re.finditer(r"[\wåäöÅÄÖéü-]+", text):
        word = match.group(0)
        first = match.start() == 0
        if (
            any(ch.isdigit() for ch in word)
            or re.search(r"[åäöÅÄÖ]", word)
            or (word[:1].isupper() and not first and word.lower() not in _NOT_FIRST_NAMES)
        ):
            kept.append(word)
    return kept


def search_text(question: Question) -> str:
    """What to search for: the question, and its Swedish words when it is in English."""
    if question.language == "en":
        return f"{question.text} {swedish_words(question.text)}"
    return question.text


def _kind(text: str) -> str:
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(text):
            if kind == "aggregate" and not (
                _MONEY.search(text)
                or _amountish(text)
                or _SUMMING.search(text)
                or _threshold(text) is not None
            ):
                continue
            return kind
    return "open"


def _amountish(text: str) -> bool:
    return bool(re.search(r"\b(hur (mycket|mkt)|how much)\b", text, re.I))


def _persons(text: str, recipients: tuple[str, ...]) -> tuple[str, ...]:
    """Two- or three-word capitalised names that are not places or recipients."""
    found = []
    for match in _NAME.finditer(text):
        name = match.group(1)
        if any(name in recipient or recipient in name for recipient in recipients):
            continue
        if name.split()[0].lower() in _NOT_FIRST_NAMES:
            continue
        found.append(name)
    return tuple(dict.fromkeys(found))


# Capitalised words that start two-word phrases but are not people.
_NOT_FIRST_NAMES = {
    "stockholms", "stockholm", "göteborgs", "uppsala", "uppsalas", "svenska", "röda",
    "rädda", "socialnämnden", "fokus", "housing", "mutual", "the", "what", "which",
    "who", "how", "alliansen", "staden", "stadens", "kommunen",
}  # fmt: skip


# English number words in a threshold, in the Swedish that parse_amount reads.
_ENGLISH_NUMBERS = {
    "one": "en", "a": "en", "two": "två", "three": "tre", "four": "fyra", "five": "fem",
    "ten": "tio", "thousand": "tusen", "million": "miljoner", "millions": "miljoner",
    "billion": "miljarder", "billions": "miljarder",
}  # fmt: skip


def _threshold(text: str) -> int | None:
    match = _THRESHOLD.search(text)
    if not match or _A_YEAR.match(match.group(1)):
        return None  # "over 2016-2019", "mer än 2019 års": a year or a period, not a bar
    phrase = " ".join(_ENGLISH_NUMBERS.get(w.lower(), w) for w in match.group(1).split())
    if not re.search(r"(miljon|miljard|kr|tkr|mnkr|million|billion|\d{4,})", phrase, re.I):
        phrase += " kronor"
    return parse_amount(phrase)


def _subject(text: str) -> str | None:
    match = re.search(
        r"(?:vad (?:är|betyder|innebär|står|menas med)|förklara|berätta om|"
        r"what (?:is|are|does)|explain)"
        r"\s+(?:en |ett |the |a )?(.+?)(?:\s+för\b.*|\s+mean\b.*)?\s*\??$",
        text.strip(),
        re.I,
    )
    return match.group(1).strip(" ?\"'”") if match else None
