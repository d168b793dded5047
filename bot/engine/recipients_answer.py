"""Who got it: the recipients a sentence names or lists, or the rows of its table."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.engine.candidates import Candidate
from bot.engine.compose import (
    Draft,
    _quote_span,
    add_quotes,
    join_names,
    open_line,
    supporting,
    weak,
)
from bot.engine.ledger import Ledger
from bot.engine.question import Question
from bot.engine.receivers import is_body, receivers_of_type, wanted_type
from bot.engine.sentences import Span, paragraph_of, sentence_spans
from bot.engine.wording import phrase
from funding import Grant


def answer_recipients(
    question: Question, found: Sequence[Candidate], ledger: Ledger | None = None
) -> Draft | None:
    """Who got it: the recipients named in the best sentence, or every row of its table."""
    wanted = wanted_type(question.text)
    pool = [c for c in found if not weak(c)]
    if not pool:
        return None
    best = _naming_sentence(pool, wanted, ledger)
    draft = Draft(question)
    rows = _table_rows(question, best, ledger, wanted)
    if rows:
        names = list(dict.fromkeys(r for g in rows for r in g.recipients))
        markers = [
            draft.citations.cite(best.passage, best.doc_text, Span(g.start, g.end)) for g in rows
        ]
        marker = " ".join(markers)
    else:
        names = list(dict.fromkeys(_names(best, wanted, ledger)))
        span = _with_list(question, best)
        more = _also_receiving(best, span, wanted)
        if more is not None:
            span, added = more
            names = list(dict.fromkeys([*names, *added]))
        marker = draft.citations.cite(best.passage, best.doc_text, span)
        named_first = bool(_names(best, wanted, ledger))
        for other in _more_receivers(best, pool[1:12], span, wanted, ledger):
            # Names of other sentences add to the lead's; alone they may be anyone's.
            if named_first:
                names = list(dict.fromkeys([*names, *_names(other, wanted, ledger)]))
            listed = _with_list(question, other)
            marker += " " + draft.citations.cite(other.passage, other.doc_text, listed)
    names = [n for n in names if _receives(n, wanted)]
    if names:
        draft.lines.append(
            phrase(
                question.language,
                "recipients",
                names=join_names(names, question.language),
                according=draft.according(best),
                marker=marker,
            )
        )
    else:
        draft.lines.append(open_line(draft, best, marker))
    add_quotes(draft)
    return draft


# How far below the best sentence one naming recipients, or listing things, may score and
# still lead: the best sentence often only says that money went somewhere.
_NAMING_MARGIN = 0.15


# An enumeration ("A, B och C", "A, B, C") or a sentence that opens a list (":"); a quote's
# attribution ("..., säger X (M), gruppledare") lists nothing.
_ENUMERATION = re.compile(r",[^,]+(,|\s(och|and|samt)\s)|:\s*$", re.I)


_ATTRIBUTION = re.compile(r"\b(säger|sa|sade|skriver|says|said)\b", re.I)


def _listing(text: str) -> bool:
    """True when a sentence enumerates things or opens a list."""
    return bool(_ENUMERATION.search(text)) and not _ATTRIBUTION.search(text)


def _naming_sentence(
    pool: Sequence[Candidate], wanted: str | None, ledger: Ledger | None
) -> Candidate:
    """The best sentence naming recipients of the kind asked for, or listing what is asked
    for, when it scores close to the best sentence; else the best naming one, else the best."""
    close = [c for c in pool if c.score >= pool[0].score - _NAMING_MARGIN]
    for candidate in close:
        if _names(candidate, wanted, ledger) or _listing(candidate.text):
            return candidate
    return next((c for c in pool if _names(c, wanted, ledger)), pool[0])


def _names(candidate: Candidate, wanted: str | None, ledger: Ledger | None) -> list[str]:
    """The recipients a sentence names, of the kind asked for, deciding bodies left out; an
    administration ("socialförvaltningen ska ...") only where the sentence gives it money.
    Where the ledger holds the sentence's allocations, their recipients are the names: the
    ledger reads a name in full ("Föreningen Solbacken i Ekby") and keeps the giver apart."""
    granted = _granted_to(candidate, wanted, ledger)
    if granted:
        return granted
    names = [n for n in receivers_of_type(candidate.text, wanted) if _receives(n, wanted)]
    if candidate.amounts:
        return names
    return [n for n in names if not n.lower().endswith(_ADMINISTRATIONS)]


_ADMINISTRATIONS = ("förvaltningen", "förvaltning", "kontoret", "administration")


def _receives(name: str, wanted: str | None) -> bool:
    """A deciding body is no recipient unless bodies are what is asked for."""
    return wanted == "nämnd" or not is_body(name)


def _granted_to(candidate: Candidate, wanted: str | None, ledger: Ledger | None) -> list[str]:
    """The recipients of the ledger's allocations in a sentence, of the kind asked for;
    an application or a refusal gives nobody anything."""
    if ledger is None:
        return []
    span = candidate.span
    rows = ledger.in_span(candidate.passage.doc_id, span.start, span.end)
    names = [
        name
        for g in sorted(rows, key=lambda g: g.start)
        if g.status not in ("applied", "refused")
        for name in g.recipients
    ]
    return [
        n
        for n in dict.fromkeys(names)
        if _receives(n, wanted)
        and (wanted in (None, "organisation") or receivers_of_type(n, wanted))
    ]


def _more_receivers(
    best: Candidate,
    others: Sequence[Candidate],
    span: Span,
    wanted: str | None,
    ledger: Ledger | None,
) -> list[Candidate]:
    """Other sentences of the best document naming recipients tied to the question."""
    kept = []
    for other in supporting(best, others, [span], _ANY, limit=4):
        if _names(other, wanted, ledger) or other.amounts or _listing(other.text):
            kept.append(other)
    return kept[:2]


_ANY = re.compile(r".")


_ALSO = re.compile(r"^\W*(även|också|dessutom|likaså|vidare|also|in addition)\b", re.I)


def _also_receiving(
    best: Candidate, span: Span, wanted: str | None
) -> tuple[Span, list[str]] | None:
    """The next sentences of the paragraph that add recipients ("Även föreningen X får ...")."""
    text = best.doc_text
    para = paragraph_of(text, best.span.start)
    end, added = span.end, list[str]()
    for following in sentence_spans(text, span.end, para.end)[:2]:
        sentence = text[following.start : following.end]
        names = receivers_of_type(sentence, wanted)
        if not (_ALSO.search(sentence) and names):
            break
        end, added = following.end, [*added, *names]
    return (Span(span.start, end), added) if added else None


def _table_rows(
    question: Question, best: Candidate, ledger: Ledger | None, wanted: str | None
) -> list[Grant]:
    """When the answer is a list of allocations (a table of grants), its rows."""
    if ledger is None or not question.about_money:
        return []
    rows = [
        g
        for g in ledger.grants
        if g.doc_id == best.passage.doc_id
        and g.recipients
        and g.status != "applied"
        and (
            wanted is None
            or any(receivers_of_type(r, wanted) or wanted == "organisation" for r in g.recipients)
        )
    ]
    return sorted(rows, key=lambda g: g.start) if len(rows) >= 3 else []


def _with_list(question: Question, candidate: Candidate) -> Span:
    """A sentence that ends in a colon, with the list lines that follow it."""
    span = _quote_span(question, candidate)
    if not candidate.text.rstrip().endswith(":"):
        return span
    end = span.end
    for line in sentence_spans(
        candidate.doc_text, span.end, min(len(candidate.doc_text), span.end + 800)
    )[:8]:
        end = line.end
    return Span(span.start, end)
