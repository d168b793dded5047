"""How-much answers: an amount tied to what the question names, with its status; else the
nearest evidence, shown as evidence with what it does not state, and no amount."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.engine.allocation import same_allocation
from bot.engine.candidates import Candidate
from bot.engine.compose import (
    Draft,
    _as_written,
    _has_recipients,
    _has_years,
    _quote_span,
    _status,
    add_quotes,
    join_names,
    pick_amount,
    weak,
)
from bot.engine.dates import date_phrase
from bot.engine.ledger import Ledger
from bot.engine.question import Question
from bot.engine.sentences import Span
from bot.engine.terms import content_terms, coverage, rarity, strength, term_set
from bot.engine.tying import (
    Asked,
    Where,
    asked,
    fits,
    item_heading,
    item_span,
    local_status,
    mentions,
    named,
    role,
)
from bot.engine.wording import kind_label, phrase
from funding import Amount


def answer_amount(question: Question, found: Sequence[Candidate], ledger: Ledger) -> Draft | None:
    """How much: an amount tied to what the question names, with its status; else the
    nearest evidence, shown as evidence with what it does not state, and no amount."""
    pool = [
        c for c in found if c.amounts and _has_recipients(question, c) and _has_years(question, c)
    ]
    if not pool or weak(pool[0]):
        return None
    want = _known_names(question, asked(question), found)
    key = key_term(question, found)
    tied = [
        (c, pick)
        for c in pool[:_TIE_REACH]
        if not weak(c)
        and _carries(c, key, question)
        and (pick := tied_amount(question, want, c, ledger, key)) is not None
    ]
    if not tied or (
        _far_below(tied[0][0], pool[0])
        and not _names_the_key(tied[0][0], pool[0], key, question)
        and not _names_someone_else(question, want, pool[0])
    ):
        return _evidence_only(question, want, pool[0], ledger, _carries(pool[0], key, question))
    lead, (amount, status) = _closest_tie(tied, key_term(question, found, without_names=True))
    draft = Draft(question)
    marker = draft.citations.cite(lead.passage, lead.doc_text, _quote_span(question, lead))
    key = {"granted": "amount", "refused": "refused"}.get(status, status)
    draft.lines.append(
        phrase(
            question.language,
            key,
            amount=_as_written(lead, amount),
            according=draft.according(lead),
            marker=marker,
        )
    )
    _cite_item(draft, question, want, lead)
    if amount.currency == "SEK":
        draft.amounts.append(amount.value)  # a euro or krone figure is never kronor
    others = [
        (c, pick)
        for c in pool[:_TIE_REACH]
        if c is not lead
        and not weak(c)
        and (pick := tied_amount(question, replace(want, status="any"), c, ledger)) is not None
    ]
    other = _other_figure(question, lead, amount, others[:5])
    if other is not None and not same_allocation(ledger, lead, amount, other[0], other[1][0]):
        other = None  # another recipient or purpose is not an earlier figure of this one
    if other is not None:
        earlier, (old, _) = other
        old_marker = draft.citations.cite(
            earlier.passage, earlier.doc_text, _quote_span(question, earlier)
        )
        newer = (earlier.passage.date or "") > (lead.passage.date or "")
        draft.lines[-1] += " " + phrase(
            question.language,
            "later" if newer else "earlier",
            amount=_as_written(earlier, old),
            date=date_phrase(earlier.passage.date, question.language) or "?",
            label=kind_label(question.language, earlier.passage.kind),
            marker=old_marker,
        )
    add_quotes(draft)
    return draft


# A sentence covering less than this share of what the best sentence with an amount covers
# of the question is about something else: when the best one's amount is not the one asked
# for, the lesser one's is another figure, not the answer.
_RELEVANCE_SHARE = 0.5


def _names_the_key(
    candidate: Candidate, best: Candidate, key: str | None, question: Question
) -> bool:
    """The candidate says the question's key word that the best sentence of its document,
    paragraph and title included, lacks: the best one is about another sum of that document
    ("Över 14 miljoner ... under 2016" before "Verksamhetsbidragen ... 11,8 miljoner")."""
    if key is None or candidate.passage.doc_id != best.passage.doc_id:
        return False
    return _says(candidate, key) and not _carries(best, key, question)


def _cite_item(draft: Draft, question: Question, want: Asked, lead: Candidate) -> None:
    """Quote the heading of the list item that names whom the amount is for, when the
    amount's own sentence only says "föreningen"."""
    span = item_span(lead.doc_text, lead.span.start)
    if span is None or lead.span.start <= span[0] < lead.span.end:
        return
    heading = lead.doc_text[span[0] : span[1]]
    if any(not mentions(n, lead.text) and mentions(n, heading) for n in want.names):
        draft.citations.cite(lead.passage, lead.doc_text, Span(*span))


def _names_someone_else(question: Question, want: Asked, best: Candidate) -> bool:
    """The best sentence with an amount does not name whom the question asks about: it is
    about another recipient, so how much more of the question it covers says nothing
    against a lesser sentence that does name them."""
    where = _where(question, best)
    return bool(want.names) and any(not where.names(n) for n in want.names)


def _far_below(candidate: Candidate, best: Candidate) -> bool:
    """The candidate is much less about the question than the best sentence with an amount
    (unless it says the question's key word that the best one lacks: see answer_amount)."""
    return candidate.relevance < _RELEVANCE_SHARE * best.relevance


# Months and weekdays date a question; they are checked against dates, not sentences.
_DATE_STEMS = frozenset(
    term_set(
        "januari februari mars april maj juni juli augusti september oktober november december "
        "january february march june july august october våren hösten sommaren vintern "
        "spring autumn summer winter"
    )
)


# Words that frame a how-much question rather than say what sum it is about: sizes,
# particles of "lägga undan", prepositions of time and manner.
_FRAME_STEMS = frozenset(
    term_set(
        "stor stort stora storlek undan inför under efter innan sedan enligt exakt ungefär "
        "mellan genom bland"
    )
)


def _known_names(question: Question, want: Asked, found: Sequence[Candidate]) -> Asked:
    """A name no retrieved document writes says nothing about which amount is meant when
    it may be written otherwise (an acronym, a place); every other name counts."""
    texts = list({c.passage.doc_id: c.doc_text for c in found}.values())
    known = tuple(
        n
        for n in want.names
        if not _may_be_written_otherwise(n, question.text) or any(mentions(n, t) for t in texts)
    )
    return replace(want, names=known)


def _may_be_written_otherwise(name: str, text: str) -> bool:
    """An acronym ("VP", "KS") or a place of the question ("i Sörmland"), which documents
    may write out in full or name otherwise. Any other name no retrieved document uses
    (the recipient asked about) is one they state nothing about."""
    if name.isupper() and len(name) <= 5:
        return True
    return bool(re.search(rf"\b(i|in|inom|på|within)\s+{re.escape(name)}\b", text))


def key_term(
    question: Question, found: Sequence[Candidate], without_names: bool = False
) -> str | None:
    """The most specific word of the question that the candidate sentences use at all: the
    rarest among them ("skyddsfond", "verksamhetsbidrag"), which an amount's own sentence
    must carry to be the amount asked about. Years are checked apart; `without_names`
    leaves out the names too, for the word saying what kind of sum is asked."""
    texts = [term_set(c.text) for c in found[:30]]
    names = term_set(" ".join(named(question))) if without_names else frozenset()
    terms = [
        t
        for t in question.terms
        if not t.isdigit()
        and len(t) >= 5
        and t not in _DATE_STEMS
        and t not in _FRAME_STEMS
        and t not in names
    ]
    weights = rarity(terms, texts)
    used = [t for t in terms if any(strength(t, stems) >= 1.0 for stems in texts)]
    return max(used, key=lambda t: weights[t]) if used else None


# Tied sentences scoring within this of the best tied one are as likely to be the answer
# on their scores alone: the one saying the key word itself is then the closer tie.
_TIE_MARGIN = 0.1


def _closest_tie(
    tied: Sequence[tuple[Candidate, tuple[Amount, str]]], key: str | None
) -> tuple[Candidate, tuple[Amount, str]]:
    """The best tied sentence, or a nearly as good one that says the question's key word
    itself where the best has it only from its paragraph or title ("Förslag till årets
    budget är ..." over "Mest pengar i förslaget får äldreomsorgen ...")."""
    best = tied[0]
    if key is None or _says(best[0], key):
        return best
    close = [t for t in tied[1:] if best[0].score - t[0].score <= _TIE_MARGIN]
    return next((t for t in close if _says(t[0], key)), best)


def _says(candidate: Candidate, key: str) -> bool:
    return strength(key, term_set(candidate.text)) >= 1.0


def _carries(candidate: Candidate, key: str | None, question: Question) -> bool:
    """The amount's sentence, the sentence naming its recipient, the heading of its list
    item, or (unless the sentence says what its amount is for) the title or lead has the
    key."""
    if key is None:
        return True
    span = _quote_span(question, candidate)
    item = item_heading(candidate.doc_text, candidate.span.start)
    window = f"{candidate.doc_text[span.start : span.end]} {candidate.paragraph} {item}"
    if strength(key, term_set(window)) >= 1.0:
        return True
    if _OWN_PURPOSE.search(candidate.text):
        return False  # "410 000 kronor för samtalsgrupper": its own purpose, not the key's
    head = f"{candidate.passage.title} {candidate.doc_text[:_HEAD]}"
    return strength(key, term_set(head)) >= 1.0


_HEAD = 400  # the opening of a document (headline, lead) says what all of it is about
# An amount said to be for something of its own: "640 000 kronor för läxhjälp".
_OWN_PURPOSE = re.compile(
    r"\b(kronor|kr|tkr|mnkr|miljon\w*|miljard\w*|euro)\s+(för|till|for)\s+(?!(år|\d))[a-zåäö]",
)


_TIE_REACH = 12  # how many of the best sentences with amounts are tried for a tied one


def tied_amount(
    question: Question, want: Asked, candidate: Candidate, ledger: Ledger, key: str | None = None
) -> tuple[Amount, str] | None:
    """The amount of the sentence tied to the question, with its status, if there is one."""
    where = _where(question, candidate)
    fitting = []
    for amount in candidate.amounts:
        if counts_something(candidate.text, amount):
            continue
        roles = role(candidate.text, amount)
        if _is_total_row(ledger, candidate, amount):
            roles.add("pot")
        status = local_status(roles, _status(ledger, candidate, amount))
        if fits(want, amount, roles, status, where) is None:
            fitting.append((amount, status))
    if not fitting:
        return None
    anchors = [*want.names, *([key] if key else []), *(str(y) for y in question.years)]
    best = pick_amount(question, candidate, [a for a, _ in fitting], anchors, want.names)
    return next(pair for pair in fitting if pair[0] == best)


# A bare figure followed by a word that is no unit of money counts that word's things
# ("fler än 4 000 deltagare"), not kronor; a bare figure at a row's or clause's end, before
# a verb or a relative ("30 000 som förvaltningen föreslagit", "75 000 skulle beviljas"),
# or one whose unit comes after a second figure ("120 000 respektive 95 000 kronor"), may
# still be a sum.
_COUNTED = re.compile(
    r"\s+(?!(kr|kronor|tkr|mnkr|sek|euro|eur|miljon\w*|miljard\w*|respektive|resp|och|eller"
    r"|till|samt|mot|per|i|av|à|in|to|and|or|som|skulle|ska|har|hade|är|var|blir|blev|kan|får"
    r"|fick|går|gick|ges|gavs|beviljas|beviljades|that|which|was|is|were|will|would)\b)[a-zåäö]"
)


def counts_something(sentence: str, amount: Amount) -> bool:
    """The amount is a bare figure counting the things named after it, not a sum."""
    if re.search(r"[A-Za-zÅÄÖåäö]", amount.raw):
        return False
    return _COUNTED.match(sentence, amount.end) is not None


def _evidence_only(
    question: Question, want: Asked, candidate: Candidate, ledger: Ledger, carries: bool = True
) -> Draft:
    """The closest evidence, with what it does not state; no amount is given as the answer."""
    span = _quote_span(question, candidate)
    where = _where(question, candidate)
    reasons = []
    for amount in candidate.amounts:
        roles = role(candidate.text, amount)
        if _is_total_row(ledger, candidate, amount):
            roles.add("pot")
        status = local_status(roles, _status(ledger, candidate, amount))
        reason = fits(want, amount, roles, status, where)
        if reason == "status":
            reason = status
        if reason is not None:
            reasons.append(reason)
    draft = Draft(question, answered=False)
    marker = draft.citations.cite(candidate.passage, candidate.doc_text, span)
    missing = [n for n in want.names if not where.names(n)]
    reason = reasons[0] if reasons else "names" if missing or carries else "topic"
    draft.lines.append(
        phrase(
            question.language,
            f"untied_{reason}",
            names=join_names(
                missing or list(want.names) or ["det du frågar om"], question.language
            ),
            according=draft.according(candidate),
            marker=marker,
        )
    )
    add_quotes(draft)
    return draft


def _where(question: Question, candidate: Candidate) -> Where:
    """Where the names of the question may stand for this candidate's amounts."""
    text = candidate.doc_text
    span = _quote_span(question, candidate)
    window = f"{text[span.start : span.end]} {candidate.passage.title}"
    item = item_heading(text, candidate.span.start)
    return Where(window, text, candidate.paragraph, named(question), item)


def _is_total_row(ledger: Ledger, candidate: Candidate, amount: Amount) -> bool:
    """The ledger reads the amount as a table's total row, not one recipient's share."""
    for grant in ledger.in_span(candidate.passage.doc_id, candidate.span.start, candidate.span.end):
        if grant.amount_sek == amount.value and getattr(grant, "purpose", None) == "total":
            return True
    return False


def _other_figure(
    question: Question,
    best: Candidate,
    amount: Amount,
    others: Sequence[tuple[Candidate, tuple[Amount, str]]],
) -> tuple[Candidate, tuple[Amount, str]] | None:
    """Another dated document stating a different amount for the same thing (a proposal
    and its decision), if any: tied to the question too, and a paragraph repeating most of
    what the best sentence is about (two grants for different purposes are not an older
    and a newer figure of one thing)."""
    if not best.passage.date:
        return None
    topic = content_terms(best.text)
    for other, pick in others:
        if other.passage.doc_id == best.passage.doc_id or not other.passage.date:
            continue
        if other.passage.date == best.passage.date or best.score - other.score > 0.25:
            continue
        if pick[0].value == amount.value or pick[0].currency != amount.currency:
            continue
        if coverage(topic, term_set(other.paragraph)) >= _SAME_THING:
            return other, pick
    return None


_SAME_THING = 0.5  # share of the best sentence's words another sentence must repeat
