"""Answers across amounts: stated totals, sums of named parts, differences, lists over a bar."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.engine.amount_answer import answer_amount, key_term
from bot.engine.candidates import Candidate
from bot.engine.clauses import own_clauses
from bot.engine.compose import Draft, add_quotes, pick_amount, weak
from bot.engine.dates import date_phrase
from bot.engine.grounding import figures_in
from bot.engine.ledger import GRANTED, Ledger, distinct
from bot.engine.periods import annual_over_period
from bot.engine.question import Question, read_question
from bot.engine.sentences import Span
from bot.engine.terms import content_terms, strength, term_set
from bot.engine.tying import Asked, asked, local_status, mentions, role
from bot.engine.wording import phrase
from funding import Amount, Grant, format_sek

_TOTAL = re.compile(r"\b(totalt|sammanlagt|sammantaget|summa|in total|totals?)\b", re.I)
_SUM_OF_PARTS = re.compile(
    r"\b(lägg(er)? ihop|räkna ihop|summera\w*|add up|combine|sum up|sum of)\b", re.I
)
# "Summera posterna i listan": every row of one document's list, not named parts.
_A_LIST = re.compile(
    r"\b(posterna|beloppen|raderna|områdena|alla belopp\w*|list\w*|tabell\w*|faktarut\w*|"
    r"fördelning\w*|rows|items|amounts|entries|table)\b",
    re.I,
)
_CHANGE = re.compile(
    r"\b(ökade|minskade|ökning|minskning|skillnad\w*|increase\w*|decrease\w*)\b", re.I
)
_MAX_LISTED = 8
_INCLUDED = re.compile(r"\b(varav|därav|varibland|of which|including)\b", re.I)
# "25 000 kronor var", "vardera", "per år": each figure counts more than once, so a plain
# sum of the figures as written is not the total.
_EACH = re.compile(r"\b(var|vardera|varje|per|each|apiece|every)\b", re.I)
# An aside in brackets ("(förskottet oräknat)") names what is left out, not a part.
_ASIDE = re.compile(r"\([^)]*\)")


def _about(key: str | None, text: str) -> bool:
    """The text carries the question's most specific word (any text does when it has none)."""
    return key is None or strength(key, term_set(text)) >= 1.0


Finder = Callable[[Question], list[Candidate]]
TextOf = Callable[[str], str]


def answer_aggregate(
    question: Question, found: Sequence[Candidate], ledger: Ledger, find: Finder, text_of: TextOf
) -> Draft | None:
    """Pick the aggregate the question asks for and compute or quote it."""
    if question.threshold is not None:
        return _over_threshold(question, ledger, text_of)
    named_sum = _sum_of_named(question, found)
    if named_sum is not None:
        return named_sum
    over_period = annual_over_period(question, found, ledger)
    if over_period is not None:
        return over_period
    if _CHANGE.search(question.text):
        return _difference(question, found) or answer_amount(question, found, ledger)
    if _SUM_OF_PARTS.search(question.text):
        listed = (
            _sum_of_list(question, found, ledger, text_of)
            if _A_LIST.search(question.text)
            else None
        )
        return listed or _sum_of_parts(question, find) or answer_amount(question, found, ledger)
    stated = [c for c in found if _TOTAL.search(c.text) and c.amounts]
    if stated and not weak(stated[0]) and stated[0].score >= found[0].score - 0.15:
        return answer_amount(question, stated, ledger)
    if _TOTAL.search(question.text) and found:
        listed = _sum_of_sentence(question, found[0])
        if listed is not None:
            return listed
    if question.recipients:
        return _recipient_total(question, found, ledger, text_of) or answer_amount(
            question, found, ledger
        )
    return answer_amount(question, found, ledger)


def _over_threshold(question: Question, ledger: Ledger, text_of: TextOf) -> Draft | None:
    assert question.threshold is not None
    year = question.years[0] if question.years else None
    # Projects that got money: decided or reported allocations, not whole budgets or totals.
    rows = distinct(
        [
            g
            for g in ledger.filter(year=year, statuses=frozenset({"decided", "reported"}))
            if g.amount > question.threshold and g.purpose != "total"
        ]
    )
    rows.sort(key=lambda g: g.amount, reverse=True)
    if not rows:
        return None
    draft = Draft(question)
    threshold = format_sek(question.threshold)
    draft.lines.append(phrase(question.language, "list_over", threshold=threshold))
    draft.sources.append(threshold)  # the asker's own figure, restated
    for grant in rows[:_MAX_LISTED]:
        passage = ledger.passage(grant)
        marker = draft.citations.cite(passage, text_of(grant.doc_id), Span(grant.start, grant.end))
        who = ", ".join(grant.recipients) or (grant.purpose or grant.title)
        when = date_phrase(grant.date, question.language) or phrase(question.language, "undated")
        draft.lines.append(f"• {format_sek(grant.amount)} – {who} ({when}) {marker}")
        draft.amounts.append(grant.amount)
    return draft


# A row of a list or table: a bullet, a numbered item, table cells, or a short line.
_LIST_LINE = re.compile(r"^\s*([•*–-]|\d+[.)])\s|\s\|\s|^[^.!?]{3,90}$")


def _sum_of_list(
    question: Question, found: Sequence[Candidate], ledger: Ledger, text_of: TextOf
) -> Draft | None:
    """ "Add up the amounts of the list": the ledger's rows of the best document, each cited,
    and their sum; a total row of the list is never added to its own parts."""
    best = next((c for c in found[:5] if c.amounts and not weak(c)), None)
    if best is None:
        return None
    rows = distinct(
        [
            g
            for g in ledger.grants
            if g.doc_id == best.passage.doc_id
            and g.purpose != "total"
            and g.status not in ("applied", "refused")
            and not _TOTAL.search(g.sentence)
            and _LIST_LINE.search(g.sentence)
        ]
    )
    rows.sort(key=lambda g: g.start)
    if not 2 <= len(rows) <= _MAX_LISTED * 2:
        return None
    if _unread_row(text_of(best.passage.doc_id), rows):
        return None  # a sum leaving out a row the ledger did not read would be wrong
    draft = Draft(question)
    parts = []
    for grant in rows:
        passage = ledger.passage(grant)
        marker = draft.citations.cite(passage, text_of(grant.doc_id), Span(grant.start, grant.end))
        parts.append(f"{format_sek(grant.amount)} {marker}")
    total = sum(g.amount for g in rows)
    draft.lines.append(
        phrase(question.language, "total", total=format_sek(total), parts=" + ".join(parts))
    )
    draft.amounts.append(total)
    draft.computed.append(total)
    add_quotes(draft)
    return draft


def _unread_row(text: str, rows: Sequence[Grant]) -> bool:
    """A line of the list, between its first and last row, states an amount that no row
    covers: the ledger missed it, so the rows do not add up to the list."""
    start, end = rows[0].start, rows[-1].end
    cursor = start
    for line in text[start:end].split("\n"):
        line_end = cursor + len(line)
        covered = any(g.start < line_end and cursor < g.end for g in rows)
        stated = any(v >= 1000 for f in figures_in(line) if f.date is None for v in f.values)
        if stated and not covered and not _TOTAL.search(line):
            return True
        cursor = line_end + 1
    return False


def _recipient_total(
    question: Question, found: Sequence[Candidate], ledger: Ledger, text_of: TextOf
) -> Draft | None:
    """What one recipient got in all: its own rows (a sum shared with others is not its
    own), about what the question asks (the question's most specific word in the row)."""
    recipient = question.recipients[0]
    year = question.years[0] if question.years else None
    key = key_term(question, found)
    rows = distinct(
        [
            g
            for g in ledger.filter(recipient=recipient, year=year, statuses=GRANTED)
            if len(g.recipients) == 1 and _about(key, f"{g.sentence} {g.title}")
        ]
    )
    if len(rows) < 2:
        return None  # one row is an amount to tie to the question, not a sum to compute
    draft = Draft(question)
    parts = []
    for grant in rows[:_MAX_LISTED]:
        passage = ledger.passage(grant)
        marker = draft.citations.cite(passage, text_of(grant.doc_id), Span(grant.start, grant.end))
        parts.append(f"{format_sek(grant.amount)} {marker}")
    total = sum(g.amount for g in rows[:_MAX_LISTED])
    draft.lines.append(
        phrase(question.language, "total", total=format_sek(total), parts=" + ".join(parts))
    )
    draft.amounts.append(total)
    draft.computed.append(total)
    add_quotes(draft)
    return draft


# The names of a list: "A, B och C", "A and B".
_JOINS = re.compile(r"^\s*(,\s*(och|and)?|och|samt|and|&)\s*$", re.I)


def coordinated(question: Question, names: Sequence[str]) -> list[str]:
    """The names the question joins into one list ("HSO, DHR och SRF"), in order; none
    when it joins fewer than two."""
    text = question.text
    placed = sorted((text.find(n), n) for n in names if n in text)
    runs: list[list[tuple[int, str]]] = []
    end = 0
    for start, name in placed:
        if runs and _JOINS.match(text[end:start]):
            runs[-1].append((start, name))
        else:
            runs.append([(start, name)])
        end = start + len(name)
    for run in sorted(runs, key=len, reverse=True):
        if len(run) >= 2 and _whole_list(text, run):
            return [name for _, name in run]
    return []


_LAST_JOIN = re.compile(r"\b(och|and|samt)\s*$|&\s*$", re.I)


def _whole_list(text: str, run: Sequence[tuple[int, str]]) -> bool:
    """The run is the whole list: "och" before its last name, and no comma before its first
    (an item the question names in other words would otherwise be left out of the sum)."""
    (first, _), (last, _) = run[0], run[-1]
    previous_end = run[-2][0] + len(run[-2][1])
    closed = bool(_LAST_JOIN.search(text[previous_end:last]))
    return closed and not text[:first].rstrip().endswith(",")


def _sum_of_named(question: Question, found: Sequence[Candidate]) -> Draft | None:
    """ "How much did A, B and C get together": each name's own amount in the best
    document, cited, and their sum; nothing when a name has no amount of its own there."""
    want = asked(question)
    parts = coordinated(question, want.names)
    top = next((c for c in found if c.amounts and not weak(c)), None)
    if not parts or top is None:
        return None
    pool = [c for c in found if c.passage.doc_id == top.passage.doc_id and not weak(c)]
    draft = Draft(question)
    values: list[tuple[int, str]] = []
    seen: set[tuple[int, int]] = set()
    for name in parts:
        owned = _owned_amount(name, pool, want)
        if owned is None:
            return None
        candidate, amount = owned
        where = (candidate.span.start, amount.start)
        if where in seen:
            return None  # two names read from one figure: not a sum of their amounts
        seen.add(where)
        marker = draft.citations.cite_candidate(candidate)
        values.append((amount.value, f"{format_sek(amount.value)} {marker}"))
    total = sum(v for v, _ in values)
    parts_text = " + ".join(t for _, t in values)
    draft.lines.append(
        phrase(question.language, "total", total=format_sek(total), parts=parts_text)
    )
    draft.amounts.append(total)
    draft.computed.append(total)
    add_quotes(draft)
    return draft


def _owned_amount(
    name: str, pool: Sequence[Candidate], want: Asked
) -> tuple[Candidate, Amount] | None:
    """The best sentence naming `name` with one amount in kronor that is its own: the only
    one of the sentence, or the only one whose clause names it ("N till A, M till B")."""
    for candidate in pool:
        if not mentions(name, candidate.text):
            continue
        sek = [a for a in candidate.amounts if a.currency == "SEK"]
        clauses = own_clauses(candidate.text, sek)
        mine = [a for a in sek if not clauses or mentions(name, clauses[a.start])]
        if len(mine) != 1:
            continue
        roles = role(candidate.text, mine[0])
        status = local_status(roles, None)
        if "cap" in roles or (want.status == "granted" and status in ("applied", "refused")):
            continue
        return candidate, mine[0]
    return None


def _sum_of_parts(question: Question, find: Finder) -> Draft | None:
    """ "Add up A and B": the best amount for each named part, then their sum."""
    subject = _ASIDE.sub(" ", re.split(_SUM_OF_PARTS, question.text, maxsplit=1)[-1])
    parts = [p for p in re.split(r"\s+(?:och|and|samt|\+)\s+|,", subject) if p.strip()]
    if len(parts) < 2:
        return None
    draft = Draft(question)
    values = []
    seen: set[tuple[str, int]] = set()
    for part in parts[:4]:
        years = " ".join(str(y) for y in question.years if str(y) not in part)
        sub = read_question(f"Hur mycket {part.strip(' ?–-')} {years}".strip())
        # The part's sentence names the part: the best amount elsewhere is another figure.
        own = content_terms(part)[:1]
        found = [
            c
            for c in find(sub)
            if any(a.currency == "SEK" for a in c.amounts) and all(_about(t, c.text) for t in own)
        ]
        if not found or weak(found[0]):
            return None
        amount = pick_amount(sub, found[0])
        where = (found[0].passage.doc_id, found[0].span.start + amount.start)
        if where in seen:
            return None  # two parts read from one and the same figure: not a sum of parts
        seen.add(where)
        marker = draft.citations.cite(found[0].passage, found[0].doc_text, found[0].span)
        values.append((amount.value, f"{format_sek(amount.value)} {marker}"))
    total = sum(v for v, _ in values)
    draft.lines.append(
        phrase(
            question.language,
            "total",
            total=format_sek(total),
            parts=" + ".join(t for _, t in values),
        )
    )
    draft.amounts.append(total)
    draft.computed.append(total)
    add_quotes(draft)
    return draft


def _sum_of_sentence(question: Question, candidate: Candidate) -> Draft | None:
    """ "How much in total": the amounts one sentence lists, added up."""
    sek = [a for a in candidate.amounts if a.currency == "SEK"]
    if len(sek) < 2 or weak(candidate) or _INCLUDED.search(candidate.text):
        return None  # "4 miljoner, varav 500 000 ...": the part is inside the total already
    if _EACH.search(candidate.text):
        return None
    draft = Draft(question)
    marker = draft.citations.cite_candidate(candidate)
    total = sum(a.value for a in sek)
    parts = " + ".join(f"{format_sek(a.value)} {marker}" for a in sek)
    draft.lines.append(phrase(question.language, "total", total=format_sek(total), parts=parts))
    draft.amounts.append(total)
    draft.computed.append(total)
    add_quotes(draft)
    return draft


def _difference(question: Question, found: Sequence[Candidate]) -> Draft | None:
    """ "How much did it grow": two amounts of one sentence, and the gap between them."""
    for candidate in found[:5]:
        sek = [a for a in candidate.amounts if a.currency == "SEK"]
        if len(sek) >= 2 and not weak(candidate):
            low, high = sorted((sek[0], sek[1]), key=lambda a: a.value)
            draft = Draft(question)
            draft.citations.cite_candidate(candidate)
            draft.lines.append(
                phrase(
                    question.language,
                    "difference",
                    difference=format_sek(high.value - low.value),
                    high=format_sek(high.value),
                    low=format_sek(low.value),
                )
                + " [1]"
            )
            draft.amounts.append(high.value - low.value)
            draft.computed.append(high.value - low.value)
            add_quotes(draft)
            return draft
    return None
