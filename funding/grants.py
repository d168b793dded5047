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
  reported. "Enligt förvaltningens förslag" names a proposal and is not one. Money given in
  the past for a year before the paper's own is reported; in minutes, a sum named for a
  receiver without any cue is decided; items under "Förslag till beslut" are proposed.
  Table rows take their status from the lines introducing the table, never from a
  project's name.
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
from dataclasses import dataclass, field, replace
from itertools import pairwise

from funding.amounts import find_amounts
from funding.instructions import looks_like_instruction
from funding.models import Amount, Document, Grant
from funding.recipients import (
    deciding_bodies,
    each_receives,
    find_recipients,
    gives_or_decides,
    is_place,
    named_subjects,
    receivers_by_syntax,
    receivers_in,
)
from funding.status import (
    clause_status,
    cued_status,
    doc_context,
    in_sections,
    proposal_sections,
)
from funding.tables import (
    bare_cell_amounts,
    cells,
    column_of,
    column_status,
    header_above,
    label_kind,
    lead_in_amounts,
    line_bounds,
)


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


# Bump when extraction changes what it finds: documents read by another version are re-read
# from their stored text on the next `fou-bot ingest` or `fou-bot grants --rebuild`.
EXTRACTOR_VERSION = 10


def extract_grants(doc: Document) -> list[Grant]:
    """Every SEK allocation the document states, each with its exact supporting span."""
    amounts = lead_in_amounts(doc.text, bare_cell_amounts(doc.text, find_amounts(doc.text)))
    indexed = _Text(doc.text, tuple(_sentences(doc.text, tuple(amounts))), tuple(amounts))
    context = doc_context(doc)
    found: list[_Evidence] = []
    for amount in indexed.amounts:
        no_one = _given_to_no_one(indexed, amount)
        if looks_like_instruction(indexed.text[max(0, amount.start - 200) : amount.end]):
            continue  # "svara att Skärholmen fick 99 miljoner" is an order, not a grant
        evidence = (
            _cell_row_evidence(indexed, amount, context)
            or _row_evidence(indexed, amount, context)
            or _prose_evidence(indexed, amount, context)
        )
        if no_one:
            evidence = replace(evidence, recipients=(), status=no_one)
        if evidence.status in ("decided", "budget", "proposed") and _of_an_earlier_year(
            indexed, amount, doc
        ):
            evidence = replace(evidence, status="reported")
        if len(evidence.recipients) > 1 and each_receives(indexed.text, amount.end):
            found += [replace(evidence, recipients=(name,)) for name in evidence.recipients]
        else:
            found.append(evidence)
    found = _with_items_and_anaphora(indexed.text, found)
    sections = proposal_sections(indexed.text) if context != "adopted" else []
    found = [
        replace(e, status="proposed")
        if e.status in ("decided", "budget") and in_sections(sections, e.amount.start)
        else e
        for e in found
    ]
    kept = _without_repeats(_without_headline_repeats(doc, found))
    bodies = deciding_bodies(doc.text) if not doc.meta.body else []
    return [_grant(doc, evidence, bodies) for evidence in kept]


# "Under 2023 fick Ekby IF 90 000 kr" in a paper of 2024: money of an earlier year, reported.
_PAST_GIVEN = re.compile(
    r"\b(?:fick|beviljades|beviljade|tilldelade|gav|tilldelades|delades\s+ut|betalades\s+ut|gick\s+till|erhöll|gavs"
    r"|avsattes|fördelades|utbetalades|fått|beviljats|tilldelats)\b",
    re.IGNORECASE,
)
_A_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?![\d-])")


def _of_an_earlier_year(indexed: _Text, amount: Amount, doc: Document) -> bool:
    """The amount's own stretch of its sentence (up to the amounts beside it) gives money in
    the past and names only years before the paper's own (its date, or the year its title is
    about: a budget 2013 presented in 2012)."""
    dated = (doc.meta.date or "")[:4]
    years_of_paper = [int(y) for y in _A_YEAR.findall(f"{dated} {doc.meta.title}")]
    if not years_of_paper:
        return False
    sentence = indexed.sentences[indexed.sentence_at(amount.start)]
    inside = indexed.amounts_in(sentence.start, sentence.end)
    k = inside.index(amount) if amount in inside else 0
    low = inside[k - 1].end if k else sentence.start
    high = inside[k + 1].start if k + 1 < len(inside) else sentence.end
    own = indexed.text[low:high]
    years = {int(y) for y in _A_YEAR.findall(own)}
    return bool(years) and max(years) < max(years_of_paper) and _PAST_GIVEN.search(own) is not None


# ---- receivers named earlier -----------------------------------------------------------

# "1. Ekby IF", "3.2 Ekby Kvinnojour": a numbered item or sub-item of a paper.
_ITEM_START = re.compile(
    r"^[ \t]*\d{1,2}(?:[.)]|(?:\.\d{1,2})+\.?)[ \t]+(?=[A-ZÅÄÖ0-9])", re.MULTILINE
)
# "Förvaltningen föreslår att bevilja föreningen 30 000 kr": the association named before.
_ANAPHOR = re.compile(
    r"\b(?:föreningen|organisationen|stiftelsen|förbundet|klubben|sökanden|[Jj]ouren)\b"
    r"(?!\s+[A-ZÅÄÖ])|\b(?:får|fick|beviljas|beviljades|tilldelas)\s+(?:den|de)\b"
)
_ITEM_REACH = 2000  # characters an item's name carries over to its later amounts
_ANAPHOR_REACH = 800
_TAKES_A_NAME = frozenset({"decided", "proposed", "applied", "refused"})


def _with_items_and_anaphora(text: str, found: list[_Evidence]) -> list[_Evidence]:
    """An amount without receivers takes the receivers of the amount before it when both
    stand in one numbered item ("1. Ekby IF ansöker om ... Förvaltningen föreslår att
    bevilja 30 000 kr"), or when its sentence points back ("föreningen")."""
    items = [m.start() for m in _ITEM_START.finditer(text)]
    kept: list[_Evidence] = []
    last: _Evidence | None = None
    for evidence in found:
        if evidence.recipients:
            last = evidence
        elif last is not None and evidence.status in _TAKES_A_NAME and evidence.purpose != "total":
            distance = evidence.start - last.start
            item = bisect_right(items, evidence.start)
            # The name must open the item ("1. Ekby IF ansöker ..."), not stand somewhere in a
            # numbered section.
            opening_end = text.find("\n", items[item - 1]) if item > 0 else -1
            # ... or the name the item's heading gives ("3.2 Ekby IF\nEkby IF ansöker ...")
            heading = text[items[item - 1] : opening_end] if item > 0 and opening_end > 0 else ""
            same_item = (
                item > 0
                and bisect_right(items, last.start) == item
                and (
                    opening_end < 0
                    or last.start < opening_end
                    or any(name in heading for name in last.recipients)
                )
            )
            pointed = _ANAPHOR.search(text, evidence.start, evidence.end) is not None
            if (same_item and distance <= _ITEM_REACH) or (pointed and distance <= _ANAPHOR_REACH):
                evidence = replace(evidence, recipients=last.recipients)
        kept.append(evidence)
    return kept


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


def _sentences(text: str, amounts: tuple[Amount, ...] = ()) -> list[_Sentence]:
    """Split into sentences; PDF line wraps inside a sentence, or inside an amount ("17\n077
    000 kronor"), do not split it."""
    pieces: list[tuple[int, int, int]] = []
    start, paragraph = 0, 0
    starts = [a.start for a in amounts]
    for match in _BREAK.finditer(text):
        at = bisect_right(starts, match.start()) - 1
        if at >= 0 and amounts[at].end > match.end():
            continue
        if not _splits(text, match):
            continue
        pieces.append((start, match.start(), paragraph))
        start = match.end()
        paragraph += match[0].count("\n") >= 2
    pieces.append((start, len(text), paragraph))
    return _trimmed(text, [cut for piece in pieces for cut in _bounded(text, *piece)])


_SENTENCE_MAX = 3000  # a longer "sentence" (no punctuation, no breaks) is cut at spaces


def _bounded(text: str, start: int, end: int, paragraph: int) -> list[tuple[int, int, int]]:
    """The piece itself, or cut at whitespace into pieces of at most _SENTENCE_MAX: every
    later step looks at a sentence as a whole, so this keeps extraction linear."""
    cuts = []
    while end - start > _SENTENCE_MAX:
        space = text.rfind(" ", start + _SENTENCE_MAX // 2, start + _SENTENCE_MAX)
        cut = space if space > start else start + _SENTENCE_MAX
        cuts.append((start, cut, paragraph))
        start = cut
    return [*cuts, (start, end, paragraph)]


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
    r"beviljades|beviljade|beviljat|ansöker|söker|sökt|tilldelas|tilldelade|fördelade|går|gick|"
    r"delas|erhåller|erhöll|granted|awarded|receives|received|gets|got|gave|gives|is|was|were|"
    r"will|vill|ville|tilldelar|stöttar|stödjer|stöder|delar|betalar|betalas|investerar|lägger|"
    r"läggs|omfattar|uppgår|uppgick|kostar|kostade)\b"
    r"|\b(?:på|om|av|till|med|att|för|och|i|cirka|ca|drygt|totalt|sammanlagt)\s*$",
    re.IGNORECASE,
)
_TOTAL_LABEL = re.compile(r"(?:summa|totalt|total|sammanlagt|sum)\b", re.IGNORECASE)
_ROW_MARKS = " \t•*·▪–—-:|"
_SENTENCE_ROW = re.compile(r"[ \t]*\.[ \t]*(?:\n|\Z)")
_RUNS_ON = re.compile(r"[^\W\d_][ \t]+$")
_ROW_END = re.compile(r"[ \t.;:]*(?:\n|\Z)")
_ROW_LABEL_MAX = 400  # a row's label is short; a longer line is prose
_CELL = re.compile(r"\||\t| {2,}")
_KIND_OF_BODY = re.compile(
    r"[\s,]*(?:stadsdels(?:förvaltning|nämnd)(?:en)?|socialförvaltningen|förvaltning(?:en)?)\b",
    re.IGNORECASE,
)


def _row_evidence(indexed: _Text, amount: Amount, context: str | None) -> _Evidence | None:
    """A table or list row: a short label, then the amount, at the end of its line."""
    text = indexed.text
    ends_line = _ROW_END.match(text, amount.end)  # only marks after it, up to the line's end
    if not ends_line:
        return None
    line_end = ends_line.end() - (text[ends_line.end() - 1 : ends_line.end()] == "\n")
    line_start = text.rfind("\n", max(0, amount.start - _ROW_LABEL_MAX), amount.start) + 1
    if _wraps(text, line_end) or (line_start == 0 and amount.start > _ROW_LABEL_MAX):
        return None
    if indexed.amounts_in(line_start, line_end) != [amount]:
        return None
    start = line_start
    while start < amount.start and text[start] in _ROW_MARKS:
        start += 1
    label = text[start : amount.start]
    cells = "|" in label or "\t" in label  # a PDF table row, whatever its words
    if _SENTENCE_ROW.match(text, amount.end) and _RUNS_ON.search(label) and len(label.split()) > 2:
        return None  # "Moderaterna vill ge Ekby IF 50 000 kronor.": a sentence on its own line
    keyed = _AMOUNT_KEY.match(label.strip()) is not None  # "Beviljat belopp:" is a record's key
    if not 0 < len(label.split()) <= 12 or (_PROSE_LABEL.search(label) and not cells and not keyed):
        return None
    # A label names a project ("Digital ansökan om ...") so its words say nothing of status;
    # a record's key does ("Sökt belopp: 40 000 kr", "Finansiering: 2 mnkr").
    status = _lead_status(indexed, line_start, context)
    if _AMOUNT_KEY.match(label.strip()):
        status = next((s for s, p in _KEY_STATUS if p.search(label)), status)
    if status == "proposed" and context == "adopted":
        status = "decided"  # the minutes adopt the proposed table
    if _TOTAL_LABEL.match(label):
        return _Evidence(amount, start, amount.end, (), "total", status)
    syntax = receivers_by_syntax(text, start, amount.start, amount.end, line_end)
    recipients, purpose = _row_cells(label)
    recipients = tuple(syntax) or recipients
    if not recipients:
        recipients = _labelled_receiver(indexed.text, line_start, label) or _named_label(label)
        item = _ITEM_LABEL.match(label) if not recipients else None
        recipients = _body_label(item["label"]) if item and item.start("label") else recipients
        purpose = None if recipients and purpose == recipients[0] else purpose
    return _Evidence(amount, start, amount.end, recipients, purpose, status)


# "Mottagare: Ekby IF" above "Belopp: 40 000 kronor": a record of labelled lines.
_AMOUNT_KEY = re.compile(
    r"^(?:[\w-]+\s+)?(?:belopp|bidrag|finansiering|summa|beviljat|beviljade\s+medel|stöd|ansökan|"
    r"förslag)\s*:?\s*$",
    re.IGNORECASE,
)
_KEY_STATUS = (
    ("applied", re.compile(r"\b(?:sökt|ansökt|ansökan|begärt)", re.IGNORECASE)),
    ("proposed", re.compile(r"förslag|föreslag", re.IGNORECASE)),
    ("decided", re.compile(r"bevilj|finansiering|tilldel", re.IGNORECASE)),
    # "Utlyst belopp: 5 miljoner": what a call offers is a pot still to be given out
    ("budget", re.compile(r"utlys|tillgänglig|budget", re.IGNORECASE)),
)
_RECEIVER_KEY = re.compile(
    r"^[ \t]*(?:mottagare|bidragsmottagare|sökande|huvudsökande|organisation|förening|"
    r"projektägare|medelsförvaltare|utförare|huvudman|projektledare|projektansvarig)"
    r"[ \t]*:[ \t]*(?P<name>[^\n]{2,120})$",
    re.IGNORECASE | re.MULTILINE,
)
_RECORD_TITLE = re.compile(r"^[ \t]*\d{1,2}[.)][ \t]+(?P<name>[^\n:|]{2,80})$", re.MULTILINE)
_RECORD_REACH = 600  # characters above the amount's line a record's fields stand in


def _labelled_receiver(text: str, line_start: int, label: str) -> tuple[str, ...]:
    if not _AMOUNT_KEY.match(label.strip()):
        return ()
    block_start = max(0, line_start - _RECORD_REACH)
    blank = text.rfind("\n\n", block_start, line_start)
    found = list(_RECEIVER_KEY.finditer(text, blank + 1 if blank >= 0 else block_start, line_start))
    if not found:
        # "1. Ekby IF" above "Ansökan: 80 000 kr": the record's numbered title names it.
        title = _RECORD_TITLE.search(text, blank + 1 if blank >= 0 else block_start, line_start)
        name = title["name"].strip(" .;:") if title else ""
        return (name,) if name and _name_like(name) else ()
    # "Projektledare: Ada Berg, Ekby högskola": the person and the body that holds the money.
    parts = (part.strip(" .;") for part in found[-1]["name"].split(","))
    return tuple(part for part in parts if part)


def _named_label(label: str) -> tuple[str, ...]:
    """ "Ekby stadsdelsnämnd: 300 000 kr": a label that is a name and nothing else (two or
    more words, or a body's kind), never one common word ("Kvinnofrid")."""
    name = label.strip(" \t:;,–—-")
    words = name.split()
    if not _name_like(name) or _TOTAL_LABEL.match(name):
        return ()
    kind = any(_NAME_TAIL_WORD.fullmatch(w) for w in words)
    return (name,) if len(words) >= 2 or kind else ()


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


_NEXT_CHAR = re.compile(r"\s*(\S)")


def _wraps(text: str, line_end: int) -> bool:
    """The next line goes on in lower case: this line is a wrapped sentence, not a row."""
    following = _NEXT_CHAR.match(text, line_end)
    return following is not None and following[1].islower()


_LEAD_IN_REACH = 80  # lines walked up past a table's rows to its introduction


def _lead_status(indexed: _Text, line_start: int, context: str | None) -> str:
    """The status a block of rows takes from its introduction: the caption and line next
    to it first; only when they say nothing, the paragraph before."""
    near = cued_status(_lead_in(indexed, line_start, lines=2, chars=200), context, rows=True)
    far = _lead_in(indexed, line_start, lines=6, chars=350)
    return near or cued_status(far, context, rows=True) or "reported"


def _lead_in(indexed: _Text, line_start: int, lines: int = 2, chars: int = 200) -> str:
    """The prose lines before a block of rows (its introduction): up to `lines` lines of
    words above it that are neither rows, headers nor group labels, about `chars` long."""
    text, taken = indexed.text, list[str]()
    end, walked = line_start - 1, 0
    while (
        end > 0 and len(taken) < lines and sum(map(len, taken)) < chars and walked < _LEAD_IN_REACH
    ):
        walked += 1
        start = text.rfind("\n", max(0, end - _ROW_LABEL_MAX), end) + 1
        if start == 0 and end > _ROW_LABEL_MAX:
            break  # a line longer than a row's: prose, read as prose elsewhere
        line = text[start:end]
        stated = [a.end for a in indexed.amounts_in(start, end)]
        # "Beviljade bidrag:" is a short caption, not a header: its colon introduces the rows
        caption = line.rstrip().endswith(":")
        row_like = not caption and ("|" in line or "\t" in line or len(line.split()) < 3)
        if line.strip() and not row_like and start + len(line.rstrip(" \t.;:")) not in stated:
            taken.append(line)
        end = start - 1
    return "\n".join(reversed(taken))


_LINKS = frozenset({"i", "för", "och", "på", "av", "mot", "med", "&", "de", "la", "s", "-"})


def _name_like(label: str) -> bool:
    """ "Ekby IF", "Torshälla Stads nämnd", "PRO Ekby": capitalised words, abbreviations and
    small links; "Psykisk funktionsnedsättning" is not (a category)."""
    words = label.replace("|", " ").split()
    if not words or not words[0][:1].isupper():
        return False
    return all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _LINKS or _NAME_TAIL_WORD.fullmatch(w)
        for w in words
    )


_NAME_TAIL_WORD = re.compile(
    r"[\w-]*(?:stad|kommun|region|län|nämnd|förening|förbund|stiftelse|klubb|församling|"
    r"förvaltning|gård|råd)(?:en|et|n)?",
    re.IGNORECASE,
)


def _cell_row_evidence(indexed: _Text, amount: Amount, context: str | None) -> _Evidence | None:
    """A row of a table with cells ("PRO Ekby | 5 000 | 1 869 kronor"): the label cell, the
    header above the amount's column, the table's introduction."""
    text = indexed.text
    bounds = line_bounds(text, amount.start)
    if bounds is None:
        return None
    line_start, line_end = bounds
    row = cells(text, line_start, line_end)
    index = next((i for i, c in enumerate(row) if c.start <= amount.start < c.end), None)
    if index is None or index == 0:
        return None
    money = [bool(indexed.amounts_in(c.start, c.end)) for c in row]
    labels = [c for c, m in zip(row[:index], money[:index], strict=True) if not m]
    if not labels:
        return None
    header = header_above(text, line_start, lambda s, e: bool(indexed.amounts_in(s, e)))
    top = column_of(header, row, index) if header else None
    status = column_status(top) or _lead_status(indexed, line_start, context)
    if status == "proposed" and context == "adopted":
        status = "decided"  # the minutes adopt the proposed table
    start = labels[0].start
    if _TOTAL_LABEL.match(labels[0].text):
        return _Evidence(amount, start, amount.end, (), "total", status)
    kinds = [label_kind(column_of(header, row, row.index(c))) if header else None for c in labels]
    if "names" in kinds:  # "Projekt | Mottagare | Belopp": the receivers' column says so
        named = labels[kinds.index("names")]
        found, _ = _row_cells(named.text)
        names = (*_group(text, line_start), *(found or (named.text,)))
        purpose = " ".join(c.text for c in labels if c is not named) or None
        return _Evidence(amount, start, amount.end, names, purpose, status)
    if kinds[0] == "categories":  # "Område | Belopp": areas, not receivers
        return _Evidence(amount, start, amount.end, (), labels[0].text, status)
    joined = " | ".join(c.text for c in labels)
    recipients, purpose = _row_cells(joined)
    if not recipients and _name_like(labels[0].text):
        recipients = (*_group(text, line_start), labels[0].text)
        purpose = " ".join(c.text for c in labels[1:]) or None
    return _Evidence(amount, start, amount.end, recipients, purpose, status)


def _group(text: str, line_start: int) -> tuple[str, ...]:
    """ "Eskilstuna" above "- Vuxennämnden | 191 000 kr": the body a sub-row belongs to."""
    if not text.startswith(("-", "–", "•"), line_start):
        return ()
    end = line_start - 1
    for _ in range(_LEAD_IN_REACH):
        start = text.rfind("\n", max(0, end - _ROW_LABEL_MAX), end) + 1
        line = text[start:end].strip()
        if not line or (start == 0 and end > _ROW_LABEL_MAX):
            return ()
        if not line.startswith(("-", "–", "•")):
            return (line,) if "|" not in line and _name_like(line) else ()
        end = start - 1
    return ()


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


# "de 15 miljoner kronor som är avsatta till ...": a frame set aside, named as such.
_SET_ASIDE_AFTER = re.compile(
    r"\s*(?:kronor|kr)?,?\s+som\s+(?:(?:är|har|tidigare|redan)\s+){0,2}"
    r"(?:avsatta|avsatts|budgeterats|reserverats)\b",
    re.IGNORECASE,
)


_CLAUSE_BREAK = re.compile(r",|;|\bmen\b|\bmedan\b", re.IGNORECASE)
_AND_BREAK = re.compile(r",|;|\bmen\b|\bmedan\b|\boch\b", re.IGNORECASE)


# "föreslår att A beviljas 25 000 kr och att B:s ansökan avslås": a second decision.
_NEXT_DECISION = re.compile(r";|,?\s+(?:och|samt)\s+att\b", re.IGNORECASE)


def _own_clause_end(text: str, amount: Amount, end: int) -> int:
    """Where the amount's decision ends: before a following "och att ..." with no amount."""
    following = _NEXT_DECISION.search(text, amount.end, end)
    if following is None or find_amounts(text[following.end() : end]):
        return end
    return following.start()


def _clause_status(
    text: str, inside: list[Amount], amount: Amount, sentence: _Sentence, context: str | None
) -> str | None:
    """With several amounts in a sentence ("sökte 80 000 men fick 50 000"), the status its
    own clause states: between the amounts beside it, cut at a comma or "men"."""
    k = inside.index(amount)
    low = inside[k - 1].end if k else sentence.start
    high = inside[k + 1].start if k + 1 < len(inside) else sentence.end
    before, after = text[low : amount.start], text[amount.end : high]
    # after an amount, "och" starts the next one's clause ("40 000 kr i fjol och får i år 45 000")
    breaks = list((_AND_BREAK if k else _CLAUSE_BREAK).finditer(before))
    before = before[breaks[-1].end() :] if breaks else before
    stop = _CLAUSE_BREAK.search(after)
    after = after[: stop.start()] if stop else after
    whole = clause_status(before + after, context)
    if whole == "applied" and clause_status(after, context) == "applied":
        # "beviljas 40 000 kr av sökta 60 000 kr": the sum applied for is the next one
        return clause_status(before, context) or whole
    return whole


def _prose_evidence(indexed: _Text, amount: Amount, context: str | None) -> _Evidence:
    text = indexed.text
    index = indexed.sentence_at(amount.start)
    sentence = indexed.sentences[index]
    inside = indexed.amounts_in(sentence.start, sentence.end)
    recipients = _own_recipients(text, sentence, amount, inside)
    used = [sentence]
    if not recipients:
        recipients = _definite_receiver(text, sentence) or _item_label(text, sentence, amount)
    if not recipients and index and _POINTS_BACK.search(text, sentence.start, amount.start):
        before = indexed.sentences[index - 1]
        if before.paragraph == sentence.paragraph and not indexed.amounts_in(
            before.start, before.end
        ):
            recipients = tuple(named_subjects(text, before.start, before.end))
            used += [before] if recipients else []
    if not recipients and not _COUNTED.search(text, amount.end, sentence.end):
        link = _linked(indexed, index)
        if link is not None:
            used.append(indexed.sentences[link[0]])
            recipients = link[1]
    start = min(amount.start, *(s.start for s in used))
    end = max(amount.end, *(s.end for s in used))
    purpose = _purpose(text, sentence, amount, inside, recipients)
    status = _clause_status(text, inside, amount, sentence, context) if len(inside) > 1 else None
    k = inside.index(amount)
    if k + 1 < len(inside) and _changed_from(text, inside, k + 1):
        status = "reported"  # what the grant was before it changed
    status = status or cued_status(text[start : _own_clause_end(text, amount, end)], context)
    if status == "applied" and _refused_next(indexed, index):
        status = "refused"  # "X har sökt 50 000 kr. Ansökan avslås."
    if _SET_ASIDE_AFTER.match(text, amount.end, sentence.end):
        status = "budget"  # the amount's own clause says what it is, whatever else is said
    if status is None and _ITEM_MARK.search(text, max(0, sentence.start - 12), sentence.start):
        # A list item without a cue of its own is what the list's introduction says it is.
        line_start = text.rfind("\n", 0, sentence.start) + 1
        status = _lead_status(indexed, line_start, context)
    if status is None and recipients and context in ("decision", "adopted"):
        status = "decided"  # in minutes, a sum named for a receiver without a cue was decided
    return _Evidence(amount, start, end, recipients, purpose, status or "reported")


# "Jouren får 400 000 kronor", "I år får den 300 000": the subject named the sentence before.
_POINTS_BACK = re.compile(
    r"\b(?:[Ff]öreningen|[Oo]rganisationen|[Ss]tiftelsen|[Ff]örbundet|[Jj]ouren|[Kk]lubben"
    r"|[Ff]onden|[Bb]olaget|[Ss]ökanden)\b(?![ \t]+[A-ZÅÄÖ])"
    r"|\b(?:får|fick|beviljas|beviljades|tilldelas|tilldelades|erhåller)\s+(?:den|de|hon|han)\b"
    r"|^(?:Den|De|Hon|Han)\s+(?:får|fick|beviljas|beviljades|tilldelas|erhåller)\b"
)


_APPLICATION_REFUSED = re.compile(
    r"\bansökan\w*\s+(?:[\w-]+\s+){0,3}?(?:avslås|avslogs|har\s+avslagits|beviljas\s+inte)\b"
    r"|\bavslå\w*\s+(?:[\w-]+\s+){0,2}?ansökan",
    re.IGNORECASE,
)


def _refused_next(indexed: _Text, index: int) -> bool:
    """The next sentence of the paragraph, stating no amount, refuses the application."""
    if index + 1 >= len(indexed.sentences):
        return False
    own, following = indexed.sentences[index], indexed.sentences[index + 1]
    if following.paragraph != own.paragraph or indexed.amounts_in(following.start, following.end):
        return False
    return _APPLICATION_REFUSED.search(indexed.text, following.start, following.end) is not None


def _own_recipients(
    text: str, sentence: _Sentence, amount: Amount, inside: list[Amount]
) -> tuple[str, ...]:
    """Recipients in the amount's own sentence; with several amounts, each name has one owner.

    The syntax around the amount speaks first ("X får N", "N till X"), then the names the
    gazetteer and the shapes of body names find in the sentence."""
    end = _cut(text, amount.end, sentence.end, _RELATIVE, _ATTRIBUTION)
    k = inside.index(amount)
    low = inside[k - 1].end if k else sentence.start
    high = inside[k + 1].start if k + 1 < len(inside) else end
    listed = [
        (name, sentence.start + s, sentence.start + e)
        for name, s, e in find_recipients(text[sentence.start : sentence.end])
        if not gives_or_decides(text, sentence.start + s, sentence.start + e)
    ]
    if len(inside) > 1 and _respectively(text, inside, listed):  # "A och B får 2 resp. 3"
        return (listed[k][0],)
    if len(inside) > 1 and _RESPECTIVELY.search(text, inside[-1].start - 30, inside[-1].start):
        # "A, B och C får 20 000, 30 000 respektive 40 000": names the gazetteer never saw
        first = receivers_by_syntax(
            text, low if k == 0 else sentence.start, inside[0].start, inside[0].end, end
        )
        named = [(name, 0, 0) for name in first]
        if len(first) == len(inside) and _respectively(text, inside, named):
            return (first[k],)
    syntax = [
        name
        for name in receivers_by_syntax(text, low, amount.start, amount.end, min(high, end))
        if not _decides_here(text, name, low, end)
    ]
    if syntax:
        return tuple(syntax)
    gap = text[inside[k - 1].end : amount.start] if k else ""
    if k and (
        _LIST_GLUE.fullmatch(gap) or _BUT_GOT.fullmatch(gap) or _changed_from(text, inside, k)
    ):
        # "X har fått medel, 2021 cirka 8 miljoner och cirka 15 miljoner 2022": one owner.
        earlier = receivers_by_syntax(
            text, sentence.start, inside[k - 1].start, inside[k - 1].end, end
        )
        if earlier:
            return tuple(earlier)
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


_RESPECTIVELY = re.compile(r"\brespektive\b|\bresp\.", re.IGNORECASE)
_LIST_GLUE = re.compile(r"\s*(?:,|och|samt|respektive)\s*", re.IGNORECASE)
# "Ekby IF sökte 80 000 kronor men fick 50 000": the same subject gets the second amount.
_BUT_GOT = re.compile(
    r"\s*(?:kronor|kr)?\s*(?:(?:(?:för\s+)?(?:19|20)\d\d|i\s+fjol|förra\s+året)\s*)?,?\s*"
    r"(?:men|och)\s+(?:har\s+)?"
    # "har sökt 90 000 kr men förvaltningen föreslår 60 000 kr": the same applicant's share
    r"(?:(?:förvaltningen|nämnden|styrelsen|utskottet)\s+(?:föreslår|föreslog|beviljar|beviljade)"
    r"|fick|fått|får|beviljades|beviljas|"
    r"tilldelades|tilldelas|erhöll)\s+(?:i\s+år\s+)?(?:bara\s+|endast\s+)?",
    re.IGNORECASE,
)


# "Bidraget till X sänks från 100 000 till 80 000 kronor": one grant, before and after.
_FROM_BEFORE = re.compile(r"\bfrån\s+$", re.IGNORECASE)
_TO_GAP = re.compile(r"\s*(?:kronor|kr)?\s*till\s+", re.IGNORECASE)


def _changed_from(text: str, inside: list[Amount], k: int) -> bool:
    """The k-th amount is what the (k-1)-th, written "från A till B", became."""
    if k == 0 or not _TO_GAP.fullmatch(text, inside[k - 1].end, inside[k].start):
        return False
    return (
        _FROM_BEFORE.search(text, max(0, inside[k - 1].start - 10), inside[k - 1].start) is not None
    )


def _decides_here(text: str, name: str, start: int, end: int) -> bool:
    """The name stands in text[start:end] as the one who decides or gives."""
    at = text.find(name, start, end)
    return at >= 0 and gives_or_decides(text, at, at + len(name))


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
        if _another_item(indexed, index, other):
            continue  # "4. Nämnden redovisar ... 6. Nämnden fastställer": separate decisions
        if _EXAMPLES.search(text, s.start, s.end):
            continue  # "Bland annat får A och B ...": examples of a larger group, not its owners
        if indexed.amounts_in(s.start, s.end):
            continue  # a sentence with its own amount speaks of its own grant
        cut = _cut(text, s.start, s.end, _ATTRIBUTION)
        names = tuple(receivers_in(text, s.start, cut)) or _names(text, s.start, cut)
        if names and len(topics & _topics(text[s.start : s.end])) >= needed:
            return other, names
    return None


_REACH = 8  # sentences either side that may lend a recipient
_EXAMPLES = re.compile(
    r"\b(?:[Bb]land\s+annat|bl\.\s?a\.|[Ee]xempelvis|[Tt]ill\s+exempel|t\.\s?ex\.)"
)
# "32 miljoner som fördelas till sex stadsdelar": a counted group, no one of them named.
_COUNTED = re.compile(
    r"\b(?:till|mellan|åt)\s+(?:\d+|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|ett\s+\w+tal)"
    r"\s+[a-zåäö]",
    re.IGNORECASE,
)
# "De 8 miljoner som kommunen får": the one municipality (or region) the document names.
_DEFINITE_RECEIVES = re.compile(
    r"\b(?P<kind>kommunen|regionen)\s+(?:nu\s+|har\s+|också\s+)?"
    r"(?:får|fick|fått|erhåller|erhöll|beviljas|beviljats|tilldelas|tilldelats)\b"
    # "Nämnden har begärt att kommunstyrelsen skjuter till N": the body asking for money
    r"|(?<![\w-])(?P<asks>Nämnden)\s+(?:har\s+)?(?:\w+\s+)?"
    r"(?:begärt|begär|begärde|hemställt|hemställer|äskat|äskar)\b"
)
_NAMED_NAMND = re.compile(r"\b([A-ZÅÄÖa-zåäö][a-zåäö]{2,}nämnd)(?:en)?\b")
_NAMED_KOMMUN = re.compile(r"\b([A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)*)s?\s+kommun\b")
_NAMED_REGION = re.compile(r"\bRegion\s+([A-ZÅÄÖ][a-zåäö]+(?:\s+[A-ZÅÄÖ][a-zåäö]+)?)\b")


# "2. Ekby föreningsråd; start av en mötesplats för äldre, 40 000 kr.": a list item whose
# first segment, set off by a semicolon, is a body's name.
_ITEM_MARK = re.compile(r"(?:^|\n)[ \t]*(?:\d{1,2}[.)]|[•*▪–-])[ \t]*$")
_ITEM_LABEL = re.compile(r"(?:(?:\d{1,2}[.)]|[•*▪–-])[ \t]+)?(?P<label>[^;\n]{2,80});")
_BODY_CUE = re.compile(
    r"(?:förening|förbund|stiftelse|jour|stadsmission|nämnd|förvaltning|enhet|kommun|region|"
    r"församling|kooperativ|klubb)\w*",
    re.IGNORECASE,
)


def _item_label(text: str, sentence: _Sentence, amount: Amount) -> tuple[str, ...]:
    """The name opening a list item before its semicolon, when it names a body."""
    marked = _ITEM_MARK.search(text, max(0, sentence.start - 12), sentence.start)
    item = _ITEM_LABEL.match(text, sentence.start, amount.start)
    if item is None or (marked is None and item.start("label") == item.start()):
        return ()
    return _body_label(item["label"])


def _body_label(raw: str) -> tuple[str, ...]:
    """ "Ekby föreningsråd": a short capitalised label with a body's word in it."""
    label = " ".join(raw.split())
    words = label.split()
    if len(words) > 8 or not words[0][:1].isupper() or not _BODY_CUE.search(label):
        return ()
    return (label,)


def _definite_receiver(text: str, sentence: _Sentence) -> tuple[str, ...]:
    """ "som kommunen får", "Nämnden har begärt": the municipality (region, committee) when
    the document names exactly one."""
    said = _DEFINITE_RECEIVES.search(text, sentence.start, sentence.end)
    if said is None:
        return ()
    if said["asks"]:
        names = {f"{m[1][0].upper()}{m[1][1:].lower()}en" for m in _NAMED_NAMND.finditer(text)}
        names.discard("Nämnden")
    elif said["kind"] == "kommunen":
        names = {f"{m[1]} kommun" for m in _NAMED_KOMMUN.finditer(text)}
    else:
        names = {f"Region {m[1]}" for m in _NAMED_REGION.finditer(text)}
    return (names.pop(),) if len(names) == 1 else ()


_ITEM_NUMBER = re.compile(r"\d{1,2}[.)]\s")


def _another_item(indexed: _Text, index: int, other: int) -> bool:
    """A numbered item ("5. ...") starts between the two sentences, or at the later one."""
    low, high = sorted((index, other))
    starts = (indexed.sentences[k].start for k in range(low + 1, high + 1))
    return any(_ITEM_NUMBER.match(indexed.text, start) for start in starts)


def _neighbours(indexed: _Text, index: int) -> list[tuple[int, int]]:
    """Candidates by distance: the same paragraph (one shared topic word is enough), then,
    for a quoted statement, the paragraph before it (two shared topic words needed)."""
    here = indexed.sentences[index]
    # A window of the paragraph: a PDF without blank lines is one paragraph of thousands.
    members = indexed.paragraphs[here.paragraph]  # consecutive sentence indices
    low, high = max(members[0], index - _REACH), min(members[-1], index + _REACH)
    same = [i for i in range(low, high + 1) if i != index]
    found = [(i, 1) for i in sorted(same, key=lambda i: (abs(i - index), i > index))]
    if here.quote:
        before = indexed.paragraphs.get(here.paragraph - 1, ())
        found += [(i, 2) for i in reversed(before[-_REACH:])]
    return found


# Words for the money itself: two sentences speaking of it share a topic ("X får stöd för
# ... Bidraget är på 75 000 kronor").
_MONEY_NOUN = re.compile(r"(?:bidrag|stöd|medel|medlen|pengar|anslag|beloppet|summan)")


def _topics(text: str) -> set[str]:
    words = re.findall(r"[a-zåäö]{3,}", text.lower())
    topics = {word[:6] for word in words if len(word) >= 5 and word not in _STOP_TOPICS}
    if any(_MONEY_NOUN.match(word) for word in words):
        topics.add("§money")
    return topics


def _cut(text: str, start: int, end: int, *patterns: re.Pattern[str]) -> int:
    cuts = [m.start() for p in patterns if (m := p.search(text, start, end))]
    return min(cuts, default=end)


# "Norrdalens budget ligger på 1,5 miljarder": the district owns a frame, nobody receives.
_OWNS_A_FRAME = re.compile(
    r"s?\s+(?:har\s+(?:en\s+|ett\s+)?(?:total\s+|samlad\s+)?)?(?:budget|budgetram|ram|kostnader|resultat|underskott|överskott|ekonomi|prognos)\b"
)


def _names(text: str, start: int, end: int) -> tuple[str, ...]:
    """Recipient names in text[start:end], leaving out bodies that decide or give."""
    found = find_recipients(text[start:end])
    names = (
        n
        for n, s, e in found
        if not gives_or_decides(text, start + s, start + e)
        and not is_place(text, start + s)
        and not _OWNS_A_FRAME.match(text, start + e)
    )
    return tuple(dict.fromkeys(names))


# ---- who decides -----------------------------------------------------------------------


def _body(doc: Document, end: int, bodies: list[tuple[int, str]]) -> str | None:
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


# ---- what is not a grant, and what is said twice ---------------------------------------

# Money given to no one: savings demands and cuts are budget figures; surpluses, revenues
# and debt are reported figures. They are rows of the ledger, with that status.
_NOT_FOR_ANYONE = r"(?:besparing|sparkrav|skuld|överskott|underskott|intäkt|inkomst)"
_NOT_ALLOCATION_BEFORE = re.compile(
    rf"(?P<what>{_NOT_FOR_ANYONE})\w*\s+(?:på|med|om)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_NOT_ALLOCATION_AFTER = re.compile(
    rf"\s*(?:(?:i|större|högre|lägre|mindre)\s+){{0,2}}\w*(?P<what>{_NOT_FOR_ANYONE})",
    re.IGNORECASE,
)
# "Överskottet blev 40 miljoner": said of a surplus, with no verb that gives it to anyone.
_SAID_OF = re.compile(rf"(?P<what>{_NOT_FOR_ANYONE})", re.IGNORECASE)
_ALLOCATION_VERB = re.compile(
    r"fördel|satsa|avsät|avsatt|bevilj|tilldel|\binvestera[rs]?\b|\blägg|går till|\bges\b|"
    r"\bfår\b|\bfick\b|ansök|söker|anslå|täpp",  # "underskottet täpps till med N" gives N
    re.IGNORECASE,
)
_CUT = re.compile(r"\b(?:minska|sänka|skära\s+ned|spara)\w*\s+(?:\w+\s+){0,3}?med\s+(?:\w+\s+)?$")


def _given_to_no_one(indexed: _Text, amount: Amount) -> str | None:
    """The status of money given to no one (savings, cuts: budget; surplus, revenue, debt:
    reported), else None."""
    text, sentence = indexed.text, indexed.sentences[indexed.sentence_at(amount.start)]
    before = text[max(sentence.start, amount.start - 300) : amount.start]
    after = text[amount.end : min(sentence.end, amount.end + 80)]
    found = _NOT_ALLOCATION_BEFORE.search(before) or _NOT_ALLOCATION_AFTER.match(after)
    if not found:
        said_of = _SAID_OF.search(before)
        found = (
            said_of
            if said_of and not _ALLOCATION_VERB.search(text[sentence.start : sentence.end])
            else None
        )
    if not found:
        return "budget" if _CUT.search(before) else None
    return "budget" if found["what"].lower() in ("besparing", "sparkrav") else "reported"


def _without_headline_repeats(doc: Document, found: list[_Evidence]) -> list[_Evidence]:
    title = doc.meta.title.strip()
    reach = len(title) + 8  # a title line is no longer than the title and its marks

    def in_title(evidence: _Evidence) -> bool:
        start = doc.text.rfind("\n", max(0, evidence.start - reach), evidence.start) + 1
        end = doc.text.find("\n", evidence.start, evidence.start + reach)
        if (start == 0 and evidence.start > reach) or end < 0 < len(
            doc.text
        ) - evidence.start - reach:
            return False
        line = doc.text[start : end if end >= 0 else len(doc.text)].strip(" \t#")
        # "19 miljoner till X" heads a page titled "19 miljoner till X (Länsstyrelsen)".
        rest = title[len(line) :].lstrip() if title.startswith(line) else None
        return line == title or (len(line) >= 15 and rest is not None and rest[:1] in "(–—-:|")

    body_values = {e.amount.value for e in found if not in_title(e)}
    return [e for e in found if not (in_title(e) and e.amount.value in body_values)]


def _without_repeats(found: list[_Evidence]) -> list[_Evidence]:
    """One grant per fact; a bare "reported" restatement yields to a decided or proposed one.

    Only grants of the same amount to the same recipients can be one fact, so each is
    compared with those alone (a dictionary lookup): linear in the number of amounts.
    """
    kept: list[_Evidence] = []
    same_key: dict[tuple[int, str, tuple[str, ...]], list[int]] = {}
    for evidence in found:
        key = (evidence.amount.value, evidence.amount.currency, evidence.recipients)
        bucket = same_key.setdefault(key, [])
        index = next((i for i in bucket if _same_grant(evidence, kept[i])), None)
        if index is None:
            bucket.append(len(kept))
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


def _grant(doc: Document, evidence: _Evidence, bodies: list[tuple[int, str]]) -> Grant:
    page = next((p.number for p in doc.pages if p.start <= evidence.start < p.end), None)
    amount = evidence.amount
    return Grant(
        amount_sek=amount.value if amount.currency == "SEK" else None,
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
        currency=amount.currency,
        amount=amount.value,
        year=_year(doc.text, evidence.start, amount, evidence.end),
    )


_YEAR_FOR = re.compile(
    r"\b(?:för|under|inför|till|budget|budgetår(?:et)?|verksamhetsår(?:et)?|år)\s+(?:år\s+)?"
    r"((?:19|20)\d\d)\b(?!\s*[-–]\d)",
    re.IGNORECASE,
)


def _year(text: str, start: int, amount: Amount, end: int) -> int | None:
    """The year the money is for, as the span states it ("för år 2014"): the one nearest
    the amount; None when the span names none."""
    years = [
        (abs(m.start() - amount.start), int(m[1])) for m in _YEAR_FOR.finditer(text, start, end)
    ]
    return min(years)[1] if years else None
