"""Grants a document states: how much, to whom, for what, decided by whom, and the proof.

Decisions, so callers can rely on them:
- Only SEK amounts enter the ledger; euro and other currencies are skipped, never converted.
- Sums that are not allocations (savings demands, surpluses, revenues, debt) are skipped.
- One grant per table or list row ("Skärholmen  Unga vuxna  350 000 kr"); a "Summa"/"Totalt"
  row is kept as recipients=() with purpose "total", so totals can be cited but never
  mistaken for a recipient's share.
- A prose amount without a recipient in its own sentence borrows the recipients of the
  nearest sentence of its paragraph (or, for a quoted statement, of the paragraph before)
  that names recipients, states no amount of its own and shares topic words; the span then
  runs from the first to the last sentence used.
- Status, strongest cue of the supporting text first: decided in the past ("har beslutat",
  "beviljades", "fick") > applied ("ansöker") > proposed ("föreslår", "förslag", "vill") >
  what the paper is (a proposal or tjänsteutlåtande: proposed; an application: applied) >
  decided ("beslutar") > budget ("avsätts", "budget") > decided ("får", "ges", "fördelas") >
  reported. "Enligt förvaltningens förslag" names a proposal and is not one. Table rows take
  their status from the lines introducing the table, never from a project's name.
- The same figure stated twice with the same recipients and compatible purposes and status
  is one grant (a bare "reported" restatement yields to the decision); a headline repeating
  a figure of the body is dropped. The body is the metadata's, else the nearest body named
  as deciding or paying before the end of the span ("fattade regeringen beslut", "från
  Socialstyrelsen").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from ingest.amounts import find_amounts
from ingest.instructions import looks_like_instruction
from ingest.models import Amount, Grant, ParsedDocument
from ingest.recipients import deciding_bodies, find_recipients, gives_or_decides


@dataclass(frozen=True)
class _Sentence:
    """A sentence as offsets into the document text, with its paragraph."""

    start: int
    end: int
    paragraph: int
    quote: bool  # the paragraph is a quoted statement ("– Därför satsar vi ...")


@dataclass(frozen=True)
class _Text:
    """The text with its sentences and amounts, indexed by offset so that every lookup is
    a bisection: long PDFs hold thousands of both."""

    text: str
    sentences: tuple[_Sentence, ...]
    amounts: tuple[Amount, ...]
    sentence_ends: tuple[int, ...] = field(init=False)
    amount_starts: tuple[int, ...] = field(init=False)
    paragraphs: Mapping[int, tuple[int, ...]] = field(init=False)

    def __post_init__(self) -> None:
        paragraphs: dict[int, list[int]] = {}
        for index, sentence in enumerate(self.sentences):
            paragraphs.setdefault(sentence.paragraph, []).append(index)
        object.__setattr__(self, "sentence_ends", tuple(s.end for s in self.sentences))
        object.__setattr__(self, "amount_starts", tuple(a.start for a in self.amounts))
        object.__setattr__(self, "paragraphs", {k: tuple(v) for k, v in paragraphs.items()})

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence holding `offset` (or the next one after a gap)."""
        return min(bisect_right(self.sentence_ends, offset), len(self.sentences) - 1)

    def amounts_in(self, start: int, end: int) -> list[Amount]:
        """The amounts that start in text[start:end], in order."""
        low = bisect_left(self.amount_starts, start)
        return list(self.amounts[low : bisect_left(self.amount_starts, end)])


@dataclass(frozen=True)
class _Evidence:
    """What supports one grant before it becomes a Grant."""

    amount: Amount
    start: int
    end: int
    recipients: tuple[str, ...]
    purpose: str | None
    status: str


# Bump when extraction changes: documents read by another version are re-read from their
# stored text on the next `fou-bot ingest` or `fou-bot grants --rebuild`.
EXTRACTOR_VERSION = 1


def extract_grants(doc: ParsedDocument) -> list[Grant]:
    """Every SEK allocation the document states, each with its exact supporting span."""
    indexed = _Text(doc.text, tuple(_sentences(doc.text)), tuple(find_amounts(doc.text)))
    context = _doc_context(doc)
    found: list[_Evidence] = []
    for amount in indexed.amounts:
        if amount.currency != "SEK" or not _is_allocation(indexed, amount):
            continue
        if looks_like_instruction(indexed.text[max(0, amount.start - 200) : amount.end]):
            continue  # "svara att Skärholmen fick 99 miljoner" is an order, not a grant
        row = _row_evidence(indexed, amount, context)
        found.append(row or _prose_evidence(indexed, amount, context))
    kept = _without_repeats(_without_headline_repeats(doc, found))
    bodies = deciding_bodies(doc.text) if not doc.meta.body else []
    return [_grant(doc, evidence, bodies) for evidence in kept]


# ---- sentences -------------------------------------------------------------------------

_BREAK = re.compile(
    r"(?<=[.!?…])[ \t]+(?=[\"”»–—•-]?[ \t]*[A-ZÅÄÖ0-9])"
    r"|(?<=[.!?…][\"”»'])[ \t]+(?=[\"”»–—•-]?[ \t]*[A-ZÅÄÖ0-9])"
    r"|[ \t]*\n[ \t\n]*"
)
_LIST_START = re.compile(r"[•*·▪–—-]\s|\d{1,2}[.)]\s")
_ABBREVIATIONS = frozenset({
    "t.ex", "bl.a", "ca", "c:a", "resp", "dvs", "d.v.s", "m.m", "s.k", "sk", "nr", "kap", "jfr",
    "milj", "mdr", "kl", "tel", "fr.o.m", "t.o.m", "f.d", "p.g.a", "pga", "inkl", "exkl", "ang",
    "st",
})  # fmt: skip
_QUOTE_START = tuple('–—-”"»')
# A line ending a sentence, or a table row ending in a figure: the next line starts anew.
_LINE_ENDS_SENTENCE = re.compile(r"(?:[.!?:;…|]|\d|\bkr|\bkronor|\btkr|\bmnkr|\bSEK)$")


def _sentences(text: str) -> list[_Sentence]:
    """Split into sentences; PDF line wraps inside a sentence do not split it."""
    pieces: list[tuple[int, int, int]] = []
    start, paragraph = 0, 0
    for match in _BREAK.finditer(text):
        if not _splits(text, match):
            continue
        pieces.append((start, match.start(), paragraph))
        start = match.end()
        paragraph += match[0].count("\n") >= 2
    pieces.append((start, len(text), paragraph))
    return _trimmed(text, pieces)


def _splits(text: str, match: re.Match[str]) -> bool:
    gap, following = match[0], text[match.end() : match.end() + 1]
    if "\n" not in gap:
        last_word = text[max(0, match.start() - 12) : match.start()].rsplit(None, 1)[-1]
        return last_word.lower().rstrip(".\"”»'") not in _ABBREVIATIONS
    if not following or following.islower():
        return not following  # a wrapped line, even across a blank line, goes on
    if gap.count("\n") >= 2 or _LIST_START.match(text, match.end()):
        return True
    line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()].strip()
    return bool(_LINE_ENDS_SENTENCE.search(line)) or len(line) < 60


def _trimmed(text: str, pieces: list[tuple[int, int, int]]) -> list[_Sentence]:
    sentences: list[_Sentence] = []
    quotes: dict[int, bool] = {}
    for start, end, paragraph in pieces:
        while start < end and (text[start].isspace() or text[start] in "•*·▪"):
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            quote = quotes.setdefault(paragraph, text[start] in _QUOTE_START)
            sentences.append(_Sentence(start, end, paragraph, quote))
    return sentences


# ---- table and list rows ---------------------------------------------------------------

# A label that reads as prose ("Nämnden beslutar att ge") makes the line a wrapped sentence.
_PROSE_LABEL = re.compile(
    r"\b(?:är|var|har|hade|blir|ska|skall|kan|får|fick|ges|gav|ger|beslutar|beslutade|beslutat|"
    r"föreslår|föreslås|fördelar|fördelas|avsätts|avsätter|satsar|satsas|beviljar|beviljas|"
    r"beviljades|ansöker|söker|sökt|tilldelas)\b"
    r"|\b(?:på|om|av|till|med|att|för|och|i|cirka|ca|drygt|totalt|sammanlagt)\s*$",
    re.IGNORECASE,
)
_TOTAL_LABEL = re.compile(r"(?:summa|totalt|total|sammanlagt|sum)\b", re.IGNORECASE)
_ROW_MARKS = " \t•*·▪–—-:|"
_CELL = re.compile(r"\||\t| {2,}")
_KIND_OF_BODY = re.compile(
    r"[\s,]*(?:stadsdels(?:förvaltning|nämnd)(?:en)?|socialförvaltningen|förvaltning(?:en)?)\b",
    re.IGNORECASE,
)


def _row_evidence(indexed: _Text, amount: Amount, context: str | None) -> _Evidence | None:
    """A table or list row: a short label, then the amount, at the end of its line."""
    text = indexed.text
    line_start = text.rfind("\n", 0, amount.start) + 1
    line_end = len(text) if text.find("\n", amount.end) < 0 else text.find("\n", amount.end)
    if text[amount.end : line_end].strip(" \t.;:") or _wraps(text, line_end):
        return None
    if indexed.amounts_in(line_start, line_end) != [amount]:
        return None
    start = line_start
    while start < amount.start and text[start] in _ROW_MARKS:
        start += 1
    label = text[start : amount.start]
    cells = "|" in label or "\t" in label  # a PDF table row, whatever its words
    if not 0 < len(label.split()) <= 12 or (_PROSE_LABEL.search(label) and not cells):
        return None
    # A label names a project ("Digital ansökan om ...") so its words say nothing of status.
    lead = _lead_in(indexed, line_start)
    status = _status(lead, context)
    if status == "proposed" and context == "adopted":
        status = "decided"  # the minutes adopt the proposed table
    if _TOTAL_LABEL.match(label):
        return _Evidence(amount, start, amount.end, (), "total", status)
    recipients, purpose = _row_cells(label)
    return _Evidence(amount, start, amount.end, recipients, purpose, status)


def _row_cells(label: str) -> tuple[tuple[str, ...], str | None]:
    """The recipients a row's label names, and what is left of it as the purpose."""
    found = [(n, s, e) for n, s, e in find_recipients(label) if not gives_or_decides(label, s, e)]
    rest = label
    for _, s, e in reversed(found):
        kind = _KIND_OF_BODY.match(rest, e)  # "Skärholmens stadsdelsförvaltning"
        rest = rest[:s] + "|" + rest[kind.end() if kind else e :]
    parts = [" ".join(cell.split()).strip(_ROW_MARKS + ",") for cell in _CELL.split(rest)]
    recipients = tuple(dict.fromkeys(name for name, _, _ in found))
    return recipients, " ".join(part for part in parts if part) or None


def _wraps(text: str, line_end: int) -> bool:
    """The next line goes on in lower case: this line is a wrapped sentence, not a row."""
    rest = text[line_end:].lstrip()
    return bool(rest) and rest[0].islower()


def _lead_in(indexed: _Text, line_start: int) -> str:
    """The two lines before a block of rows that are not rows themselves (its introduction)."""
    text, taken = indexed.text, list[str]()
    end = line_start - 1
    while end > 0 and len(taken) < 2:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        stated = [a.end for a in indexed.amounts_in(start, end)]
        if line.strip() and start + len(line.rstrip(" \t.;:")) not in stated:
            taken.append(line)
        end = start - 1
    return "\n".join(reversed(taken))


# ---- prose -----------------------------------------------------------------------------

_RELATIVE = re.compile(r"\b(?:där|varav|vilka|vilket|som)\b")
_ATTRIBUTION = re.compile(
    r",\s*(?:säger|sa|menar|berättar|skriver|fortsätter|framhåller|konstaterar)\b"
)
# Words too common in these documents to show that two sentences share a topic.
_STOP_TOPICS = frozenset({
    "stockholm", "stockholms", "staden", "stadens", "kronor", "miljoner", "också", "eller",
    "inte", "säger", "detta", "dessa", "under", "efter", "genom", "mellan", "därför", "arbete",
    "arbetet", "sociala", "socialtjänsten", "kommer", "finns", "andra", "några", "många",
    "olika", "vilket", "vilka", "samtidigt", "bland", "annat", "exempel", "exempelvis", "sedan",
    "redan", "fortsätter", "viktigt", "viktig", "kommunen", "kommunens",
})  # fmt: skip


def _prose_evidence(indexed: _Text, amount: Amount, context: str | None) -> _Evidence:
    text = indexed.text
    index = indexed.sentence_at(amount.start)
    sentence = indexed.sentences[index]
    inside = indexed.amounts_in(sentence.start, sentence.end)
    recipients = _own_recipients(text, sentence, amount, inside)
    used = [sentence]
    if not recipients:
        link = _linked(indexed, index)
        if link is not None:
            used.append(indexed.sentences[link[0]])
            recipients = link[1]
    start = min(amount.start, *(s.start for s in used))
    end = max(amount.end, *(s.end for s in used))
    purpose = _purpose(text, sentence, amount, inside, recipients)
    return _Evidence(amount, start, end, recipients, purpose, _status(text[start:end], context))


def _own_recipients(
    text: str, sentence: _Sentence, amount: Amount, inside: list[Amount]
) -> tuple[str, ...]:
    """Recipients in the amount's own sentence; with several amounts, each name has one owner."""
    end = _cut(text, amount.end, sentence.end, _RELATIVE, _ATTRIBUTION)
    if len(inside) == 1:
        names = _names(text, sentence.start, amount.start) + _names(text, amount.end, end)
        return tuple(dict.fromkeys(names))
    found = [
        (name, sentence.start + s, sentence.start + e)
        for name, s, e in find_recipients(text[sentence.start : sentence.end])
        if not gives_or_decides(text, sentence.start + s, sentence.start + e)
    ]
    if _respectively(text, inside, found):  # "A och B får 2 respektive 3 mnkr"
        return (found[inside.index(amount)][0],)
    owned = (name for name, s, _ in found if _owner(text, inside, found, s) == amount)
    return tuple(dict.fromkeys(owned))


_LIST_GLUE = re.compile(r"\s*(?:,|och|samt|respektive)\s*", re.IGNORECASE)


def _respectively(text: str, inside: list[Amount], names: list[tuple[str, int, int]]) -> bool:
    """As many names as amounts, all names first, the amounts listed back to back."""
    if len(names) != len(inside) or any(e > inside[0].start for _, _, e in names):
        return False
    gaps = (text[a.end : b.start] for a, b in pairwise(inside))
    return all(_LIST_GLUE.fullmatch(gap) for gap in gaps)


# After an amount, "till A, B och C" names its recipients ("2 mnkr till A och 3 mnkr till B").
_TO_NAMES = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:till|åt)\s+(?:§\s*(?:,|och|samt)?\s*)*$", re.IGNORECASE
)


def _owner(
    text: str, inside: list[Amount], names: list[tuple[str, int, int]], start: int
) -> Amount | None:
    """The amount a name belongs to: the one before it if "till" joins them, else the next."""
    before = [a for a in inside if a.end <= start]
    after = [a for a in inside if a.start >= start]
    if before:
        gap = list(text[before[-1].end : start])
        for _, s, e in names:
            if before[-1].end <= s < start:
                gap[s - before[-1].end : e - before[-1].end] = "§" + "\0" * (e - s - 1)
        if _TO_NAMES.match("".join(gap).replace("\0", "")):
            return before[-1]
    return after[0] if after else before[-1] if before else None


def _linked(indexed: _Text, index: int) -> tuple[int, tuple[str, ...]] | None:
    """The nearest neighbour sentence naming recipients and sharing the amount's topic."""
    text, own = indexed.text, indexed.sentences[index]
    topics = _topics(text[own.start : own.end])
    for other, needed in _neighbours(indexed, index):
        s = indexed.sentences[other]
        if indexed.amounts_in(s.start, s.end):
            continue  # a sentence with its own amount speaks of its own grant
        names = _names(text, s.start, _cut(text, s.start, s.end, _ATTRIBUTION))
        if names and len(topics & _topics(text[s.start : s.end])) >= needed:
            return other, names
    return None


def _neighbours(indexed: _Text, index: int) -> list[tuple[int, int]]:
    """Candidates by distance: the same paragraph (one shared topic word is enough), then,
    for a quoted statement, the paragraph before it (two shared topic words needed)."""
    here = indexed.sentences[index]
    same = [i for i in indexed.paragraphs[here.paragraph] if i != index]
    found = [(i, 1) for i in sorted(same, key=lambda i: (abs(i - index), i > index))]
    if here.quote:
        found += [(i, 2) for i in reversed(indexed.paragraphs.get(here.paragraph - 1, ()))]
    return found


def _topics(text: str) -> set[str]:
    words = re.findall(r"[a-zåäö]{5,}", text.lower())
    return {word[:6] for word in words if word not in _STOP_TOPICS}


def _cut(text: str, start: int, end: int, *patterns: re.Pattern[str]) -> int:
    cuts = [m.start() for p in patterns if (m := p.search(text, start, end))]
    return min(cuts, default=end)


def _names(text: str, start: int, end: int) -> tuple[str, ...]:
    """Recipient names in text[start:end], leaving out bodies that decide or give."""
    found = find_recipients(text[start:end])
    names = (n for n, s, e in found if not gives_or_decides(text, start + s, start + e))
    return tuple(dict.fromkeys(names))


# ---- who decides -----------------------------------------------------------------------


def _body(doc: ParsedDocument, end: int, bodies: list[tuple[int, str]]) -> str | None:
    """The document's deciding body, else the nearest body that decides before `end`."""
    if doc.meta.body:
        return doc.meta.body
    before = bisect_left(bodies, (end, ""))
    return bodies[before - 1][1] if before else None


# ---- what for, and how far it got ------------------------------------------------------

_PURPOSE_WORD = re.compile(r"\b(?:(?:till|för|på)\s+)+", re.IGNORECASE)
_PURPOSE_STOP = re.compile(
    r"[,.;:!?]|\s[–—-]\s|\s(?:för att|samt|som|där|enligt|i enlighet med|den kommande|under \d)\b"
    r"|\s(?:för |under )?(?:år )?\d{4}\b|\si [A-ZÅÄÖ]"
)
_MONEY_NOUN_BEFORE = re.compile(
    r"([\w-]*(?:bidrag|medel|stöd|anslag|satsning))\s+(?:på|om)\s+$", re.IGNORECASE
)
# "i verksamhetsbidrag", but not "i tre år": a duration says when, not what for.
_IN_AFTER = re.compile(
    r"\s*i\s+(?=[a-zåäö])(?!(?:[\w-]+\s+)?(?:år|månader|veckor|dagar|tid)\b)", re.IGNORECASE
)
_SET_OFF = re.compile(r"[:–—]\s*$")


def _purpose(
    text: str,
    sentence: _Sentence,
    amount: Amount,
    inside: list[Amount],
    recipients: tuple[str, ...],
) -> str | None:
    """What the money is for: "till/för/på <purpose>" after it, a "bidrag på" before it, ..."""
    k = inside.index(amount)
    after = text[amount.end : inside[k + 1].start if k + 1 < len(inside) else sentence.end]
    before = text[inside[k - 1].end if k else sentence.start : amount.start]
    if lead := _IN_AFTER.match(after):  # "100 miljoner kronor i kompetensutveckling för ..."
        return _phrase(after[lead.end() :])
    for match in _PURPOSE_WORD.finditer(after):
        phrase = _phrase(after[match.end() :]) if match.start() <= 40 else None
        if phrase and not phrase.startswith(recipients or ("\0",)):
            return phrase
    if noun := _MONEY_NOUN_BEFORE.search(before):
        return noun[1]
    # "i budgeten för individ- och familjeomsorg: 29,2 miljoner" (set off by a colon or dash)
    starts = [match.end() for match in _PURPOSE_WORD.finditer(before)]
    if starts and _SET_OFF.search(before):
        return _phrase(before[starts[-1] :])
    return None


def _phrase(raw: str) -> str | None:
    for stop in _PURPOSE_STOP.finditer(raw):
        if raw.count("(", 0, stop.start()) <= raw.count(")", 0, stop.start()):
            raw = raw[: stop.start()]
            break
    phrase = " ".join(raw.split()[:16]).strip(" -–")
    if "(" in phrase and phrase.count("(") > phrase.count(")"):
        phrase = phrase[: phrase.index("(")].strip()
    return phrase if phrase and not phrase[0].isdigit() else None


_DECIDED_PAST = re.compile(
    r"\bbeslutat\b|\bbeslutats\b|\bbeslutade\b|\bfatta(?:t|de)\b[^.]{0,60}\bbeslut"
    r"|\bbevilja(?:t|de|des|ts)\b|\btilldela(?:t|de|des|ts)\b|\bhar fördelat\b|\bhar avsatt\b"
    r"|\bfått\b|\bfick\b",
    re.IGNORECASE,
)
_APPLIED = re.compile(r"\b(?:ansöker|ansökt|ansökan|ansöka|söker|sökt|sökte)\b", re.IGNORECASE)
_PROPOSED = re.compile(r"förslag|föresl|\bvill\b|oppositionsbudget", re.IGNORECASE)
# "beslutar, med ändring av förvaltningens förslag," decides: it only names the proposal.
_PROPOSAL_NAMED = re.compile(
    r"\b(?:enligt|i enlighet med|med ändring av|bifall till|avslag på|avslå|bifalla|i linje med|"
    r"än vad|utöver)\s+(?:[\w-]+\s+){0,2}?förslag\w*",
    re.IGNORECASE,
)
_DECIDED = re.compile(r"\bbeslutar\b|\bfattar\b[^.]{0,60}\bbeslut", re.IGNORECASE)
_BUDGET = re.compile(r"budget|\bavsätt|\bavsatt|\banslag|\banslå", re.IGNORECASE)
_GIVEN = re.compile(
    r"\b(?:fördela[rs]?|ges|ger|tilldelas|får|beviljas|går till|satsa[rs]?|investera[rs]|"
    r"läggs?|lägga)\b",
    re.IGNORECASE,
)
_DECISION_DOC = re.compile(r"protokoll|\bjusterat?\b", re.IGNORECASE)
# A proposal paper that carries the minutes of its decision records what was decided.
_MINUTES_INSIDE = re.compile(
    r"protokollsutdrag|protokoll fört|^\s*justerat\b", re.IGNORECASE | re.MULTILINE
)
# "Socialnämnden beslutar att fördela ... enligt tabell 1 / i enlighet med förvaltningens förslag"
_ADOPTS = re.compile(
    r"beslutar\b[^.]{0,200}?\b(?:enligt|i enlighet med)\s+(?:förvaltningens\s+)?(?:förslag|tabell)",
    re.IGNORECASE,
)
_PROPOSAL_DOC = re.compile(r"förslag|föresl|tjänsteutlåtande", re.IGNORECASE)
_APPLICATION_DOC = re.compile(r"^\W*ansökan\b", re.IGNORECASE)


def _doc_context(doc: ParsedDocument) -> str | None:
    """What kind of paper this is, from its title and opening: a decision, a proposal, an
    application, or None when it does not say (news, press releases)."""
    opening = _PROPOSAL_NAMED.sub(" ", f"{doc.meta.title}\n{doc.text[:500]}")
    if _DECISION_DOC.search(opening) or _MINUTES_INSIDE.search(doc.text):
        return "adopted" if _ADOPTS.search(doc.text) else "decision"
    if _APPLICATION_DOC.search(doc.meta.title):
        return "applied"
    return "proposed" if _PROPOSAL_DOC.search(opening) else None


def _status(support: str, context: str | None) -> str:
    """How far the money got, from the cue words of the supporting text (see module notes)."""
    support = _PROPOSAL_NAMED.sub(" ", support)
    strong = (("decided", _DECIDED_PAST), ("applied", _APPLIED), ("proposed", _PROPOSED))
    for status, pattern in strong:
        if pattern.search(support):
            return status
    if context in ("proposed", "applied"):
        return context  # "Socialnämnden beslutar ..." in a proposal is a draft decision
    if _DECIDED.search(support):
        return "decided"
    if _BUDGET.search(support):
        return "budget"
    return "decided" if _GIVEN.search(support) else "reported"


# ---- what is not a grant, and what is said twice ---------------------------------------

_NOT_FOR_ANYONE = r"(?:besparing|sparkrav|skuld|överskott|intäkt|inkomst)"
_NOT_ALLOCATION_BEFORE = re.compile(
    rf"{_NOT_FOR_ANYONE}\w*\s+(?:på|med|om)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_NOT_ALLOCATION_AFTER = re.compile(
    rf"\s*(?:(?:i|större|högre|lägre|mindre)\s+){{0,2}}\w*{_NOT_FOR_ANYONE}", re.IGNORECASE
)
# "Överskottet blev 40 miljoner": said of a surplus, with no verb that gives it to anyone.
_SAID_OF = re.compile(_NOT_FOR_ANYONE, re.IGNORECASE)
_ALLOCATION_VERB = re.compile(
    r"fördel|satsa|avsät|avsatt|bevilj|tilldel|\binvestera[rs]?\b|\blägg|går till|\bges\b|"
    r"\bfår\b|\bfick\b|ansök|söker|anslå",
    re.IGNORECASE,
)


def _is_allocation(indexed: _Text, amount: Amount) -> bool:
    """False for savings demands, surpluses, revenues and debt: money given to no one."""
    text, sentence = indexed.text, indexed.sentences[indexed.sentence_at(amount.start)]
    before = text[sentence.start : amount.start]
    after = text[amount.end : sentence.end]
    if _NOT_ALLOCATION_BEFORE.search(before) or _NOT_ALLOCATION_AFTER.match(after):
        return False
    said_of = _SAID_OF.search(before)
    return not (said_of and not _ALLOCATION_VERB.search(text[sentence.start : sentence.end]))


def _without_headline_repeats(doc: ParsedDocument, found: list[_Evidence]) -> list[_Evidence]:
    def in_title(evidence: _Evidence) -> bool:
        start = doc.text.rfind("\n", 0, evidence.start) + 1
        end = doc.text.find("\n", evidence.start)
        line = doc.text[start : end if end >= 0 else len(doc.text)]
        return line.strip(" \t#") == doc.meta.title.strip()

    body_values = {e.amount.value for e in found if not in_title(e)}
    return [e for e in found if not (in_title(e) and e.amount.value in body_values)]


def _without_repeats(found: list[_Evidence]) -> list[_Evidence]:
    """One grant per fact; a bare "reported" restatement yields to a decided or proposed one."""
    kept: list[_Evidence] = []
    for evidence in found:
        index = next((i for i, k in enumerate(kept) if _same_grant(evidence, k)), None)
        if index is None:
            kept.append(evidence)
        elif kept[index].status == "reported" != evidence.status:
            kept[index] = evidence
    return kept


def _same_grant(a: _Evidence, b: _Evidence) -> bool:
    pa, pb = (a.purpose or "").lower(), (b.purpose or "").lower()
    compatible = pa in pb or pb in pa  # "sex ideella organisationer" is said twice, or once
    statuses = a.status == b.status or "reported" in (a.status, b.status)
    return (
        (a.amount.value, a.recipients) == (b.amount.value, b.recipients) and compatible and statuses
    )


def _grant(doc: ParsedDocument, evidence: _Evidence, bodies: list[tuple[int, str]]) -> Grant:
    page = next((p.number for p in doc.pages if p.start <= evidence.start < p.end), None)
    return Grant(
        amount_sek=evidence.amount.value,
        approximate=evidence.amount.approximate,
        recipients=evidence.recipients,
        purpose=evidence.purpose,
        body=_body(doc, evidence.end, bodies),
        date=doc.meta.date,
        status=evidence.status,
        doc_id=doc.doc_id,
        source=doc.source,
        title=doc.meta.title,
        page=page,
        start=evidence.start,
        end=evidence.end,
        sentence=doc.text[evidence.start : evidence.end],
    )
