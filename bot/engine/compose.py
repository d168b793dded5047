"""Extractive answers: a direct first sentence built from the best evidence, then quotes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bot.engine.candidates import Candidate
from bot.engine.citations import Citations
from bot.engine.clauses import own_clauses
from bot.engine.dates import date_phrase
from bot.engine.ledger import Ledger
from bot.engine.question import Question
from bot.engine.receivers import is_body
from bot.engine.scoring import model
from bot.engine.sentences import Span, paragraph_of, sentence_spans
from bot.engine.terms import coverage, term_set
from bot.engine.tying import mentions
from bot.engine.wording import kind_label, phrase
from funding import Amount, Quote, find_quotes, find_receivers

# Below this share of the question's words covered, the best sentences are not about the
# question at all. The cut on the score itself is fitted with the scorer's weights.
MIN_RELEVANCE = 0.15


def weak(candidate: Candidate) -> bool:
    """True when a candidate scores below the fitted cut: too weak to answer from."""
    return candidate.score < model().min_score


def off_topic(found: Sequence[Candidate]) -> bool:
    """True when even the best sentences cover too little of the question to be about it."""
    return max((c.relevance for c in found[:3]), default=0.0) < MIN_RELEVANCE


@lru_cache(maxsize=512)
def quotes_in(text: str) -> tuple[Quote, ...]:
    """The attributed quotes of a document's text, parsed once per text."""
    return find_quotes(text)


_APPROX = re.compile(
    r"\b(cirka|ca\.?|drygt|ungefär|omkring|runt|nästan|närmare|knappt|över)\s*$", re.I
)


@dataclass
class Draft:
    """An answer being composed: lines of text, citations and the amounts stated."""

    question: Question
    citations: Citations = field(default_factory=Citations)
    lines: list[str] = field(default_factory=list)
    amounts: list[int] = field(default_factory=list)
    answered: bool = True
    # Figures fou-bot computed (sums, differences) and other texts that ground figures.
    computed: list[int] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def according(self, candidate: Candidate) -> str:
        """ "according to the decision of 25 June 2013"."""
        p = candidate.passage
        label = kind_label(self.question.language, p.kind)
        date = date_phrase(p.date, self.question.language)
        if date is None:
            return phrase(self.question.language, "according_undated", label=label)
        return phrase(self.question.language, "according", label=label, date=date)


def _has_years(question: Question, candidate: Candidate) -> bool:
    """Years asked about must be where the amount is: its paragraph, title, date or heading."""
    if not question.years:
        return True
    p = candidate.passage
    near = f"{candidate.paragraph} {p.title} {p.date or ''} {candidate.doc_text[:600]}"
    return all(str(year) in near for year in question.years)


def pick_amount(
    question: Question,
    candidate: Candidate,
    among: Sequence[Amount] | None = None,
    names: Sequence[str] = (),
    owners: Sequence[str] = (),
) -> Amount:
    """The amount of a sentence whose surroundings best match the question; `owners`, the
    names asked about, tell whose amount is whose when the sentence states several."""
    sek = list(among) if among else None
    if sek is None:
        sek = [a for a in candidate.amounts if a.currency == "SEK"] or list(candidate.amounts)
    if question.threshold is not None:
        sek = [a for a in sek if a.value != question.threshold] or sek
    text = candidate.text
    named = [
        (start, end) for name, start, end in find_receivers(text) if name in question.recipients
    ]
    folded = text.casefold()
    at = [m.end() for n in names for m in re.finditer(re.escape(n.casefold()[:6]), folded)]
    # "1 400 tkr till A, 300 tkr till B": the amount whose own clause names B is B's,
    # whatever stands nearest.
    telling = _telling(text, candidate.amounts, owners)
    sek = [a for a in sek if a.start in telling] or sek
    sek = _final_total(question, text, sek)
    sek = _respective(text, candidate.amounts, owners, sek)

    def fit(amount: Amount) -> float:
        window = text[max(0, amount.start - 90) : amount.end + 90]
        score = coverage(question.terms, term_set(window))
        # The amount right after a recipient the question names is that recipient's.
        if any(0 <= amount.start - end <= 40 for _, end in named):
            score += 1.0
        if at:
            score += 0.5 / (1 + min(abs(amount.start - e) for e in at) / 40)
        return score

    return max(sek, key=fit)


_TOTAL_ASKED = re.compile(r"\b(totalt|sammanlagt|i allt|in total|altogether)\b", re.I)
_TOTAL_BEFORE = re.compile(r"\b(totalt|sammanlagt|i allt|in total|a total of)\W+(?:\w+\W+)?$", re.I)
_ADDED = re.compile(
    r"\b(ytterligare|utöver|plus|skjuta till|skjuter till|sköt till|tillkommer|additional|"
    r"another|a further)\b",
    re.I,
)


_NAME_PAIR = re.compile(r"([\w-]+(?:\s+[\w-]+){0,3})\s+(?:och|and)\s+([\w-]+(?:\s+[\w-]+){0,3})")
_RESPECTIVELY = re.compile(r"^\W*(?:kronor|kr|mnkr|tkr|miljoner\w*)?\s*(?:respektive)\b", re.I)


def _respective(
    text: str, amounts: Sequence[Amount], owners: Sequence[str], sek: list[Amount]
) -> list[Amount]:
    """ "Norrdal och Sydvik får 200 000 respektive 300 000 kronor": the n-th name's amount
    is the n-th amount; asked about one of the names, only its own amount is left."""
    if len(amounts) != 2 or not owners:
        return sek
    first, second = amounts
    if not _RESPECTIVELY.match(text[first.end : second.start]):
        return sek
    opening = text[: first.start].casefold()
    pairs = list(_NAME_PAIR.finditer(opening))
    pair = pairs[-1] if pairs else None
    if pair is None:
        return sek
    left, right = pair.group(1), pair.group(2)
    for owner in owners:
        stem = owner.casefold()[:6]
        in_left, in_right = stem in left, stem in right
        if in_left != in_right:
            own = first if in_left else second
            return [a for a in sek if a == own] or sek
    return sek


def _final_total(question: Question, text: str, sek: list[Amount]) -> list[Amount]:
    """ "Totalt var 500 000 kr avsatt men nämnden sköt till ytterligare 100 000 kr, totalt
    600 000 kr": asked for the total, the last total after an addition is the sum."""
    if len(sek) < 2 or not _TOTAL_ASKED.search(question.text):
        return sek
    totals = [a for a in sek if _TOTAL_BEFORE.search(text[max(0, a.start - 30) : a.start])]
    if len(totals) >= 2 and _ADDED.search(text, totals[0].end, totals[-1].start):
        return [totals[-1]]
    return sek


def _telling(text: str, amounts: Sequence[Amount], owners: Sequence[str]) -> set[int]:
    """The amounts (by start) whose own clause alone names one of `owners`, a name standing
    after the first amount: the words before it may be every amount's subject ("L höjer A
    med N och B med M")."""
    clauses = own_clauses(text, amounts)
    if not clauses:
        return set()
    opening = text[: min(clauses)]
    owned: set[int] = set()
    for owner in owners:
        having = [start for start, clause in clauses.items() if mentions(owner, clause)]
        if len(having) == 1 and not mentions(owner, opening):
            owned.update(having)
    return owned


def _sek(candidate: Candidate) -> bool:
    return any(a.currency == "SEK" for a in candidate.amounts)


def _has_recipients(question: Question, candidate: Candidate) -> bool:
    """Districts and organisations asked about must be named where the amount is: its
    paragraph, or for one amount asked (not a sum across documents) the title of a
    document about them ("Norrdalens budget 2030")."""
    required = [r for r in question.recipients if not is_body(r)]
    if not required:
        return True
    title = candidate.passage.title if question.kind == "amount" else ""
    where = f"{candidate.paragraph}\n{title}"
    present = {name for name, _, _ in find_receivers(where)}
    return all(r in present for r in required)


def _status(ledger: Ledger, candidate: Candidate, amount: Amount) -> str | None:
    start = candidate.span.start
    for grant in ledger.in_span(candidate.passage.doc_id, start, candidate.span.end):
        if grant.amount_sek == amount.value:
            return grant.status
    return None


def _as_written(candidate: Candidate, amount: Amount) -> str:
    """The amount as the source writes it, with its "cirka" when it has one."""
    before = candidate.text[max(0, amount.start - 12) : amount.start]
    match = _APPROX.search(before)
    raw = " ".join(amount.raw.split())
    if match and not _APPROX.match(raw):
        return f"{match.group(1)} {raw}"
    return raw


def _quote_span(question: Question, candidate: Candidate) -> Span:
    """The sentence, widened to the earlier sentence naming the recipients asked about."""
    missing = [r for r in question.recipients if r not in candidate.text]
    if not missing:
        return candidate.span
    for span in reversed(sentence_spans(candidate.doc_text, 0, candidate.span.start)[-3:]):
        sentence = candidate.doc_text[span.start : span.end]
        if all(r in {n for n, _, _ in find_receivers(sentence)} for r in missing):
            return Span(span.start, candidate.span.end)
    return candidate.span


def with_next(candidate: Candidate, limit: int = 350) -> Span:
    """The sentence and the next one of its paragraph, when both fit in `limit` characters."""
    text = candidate.doc_text
    para = paragraph_of(text, candidate.span.start)
    following = sentence_spans(text, candidate.span.end, para.end)[:1]
    if following and following[0].end - candidate.span.start <= limit:
        return Span(candidate.span.start, following[0].end)
    return candidate.span


_SUPPORTING = 2  # further sentences of the best document quoted with a why or who answer


def supporting(
    best: Candidate,
    others: Sequence[Candidate],
    quoted: Sequence[Span],
    cue: re.Pattern[str],
    limit: int = _SUPPORTING,
) -> list[Candidate]:
    """Further sentences of the best document that are about the question and carry the cue
    (a reason, a recipient), none of them already quoted."""
    kept: list[Candidate] = []
    spans = list(quoted)
    for other in others:
        if other.passage.doc_id != best.passage.doc_id or len(kept) >= limit:
            continue
        if other.relevance < 0.5 * best.relevance or not cue.search(other.text):
            continue
        if any(other.span.start < s.end and s.start < other.span.end for s in spans):
            continue
        kept.append(other)
        spans.append(other.span)
    return kept


def open_line(draft: Draft, candidate: Candidate, marker: str) -> str:
    """ "Enligt beslut 11 juni 2024 [1]:": the source and date a quote is given under."""
    p = candidate.passage
    language = draft.question.language
    date = date_phrase(p.date, language) or phrase(language, "undated")
    return phrase(language, "open", label=kind_label(language, p.kind), date=date, marker=marker)


def add_quotes(draft: Draft) -> None:
    """Add each citation's quote as its own line, after the direct answer."""
    for citation in draft.citations.items:
        draft.lines.append(f"> ”{shown_quote(citation.quote)}” [{citation.n}]")


# A line of a list: "1. ...", "2) ...", "• ...", "- ...".
_LIST_ITEM = re.compile(r"^\s*(\d{1,2}[.)]|[•*–-])\s")


def shown_quote(quote: str) -> str:
    """A quote on one line, but for the items of a list, which keep a quoted line each:
    their numbering stays numbering, not a figure of the answer."""
    lines = [" ".join(line.split()) for line in quote.split("\n")]
    shown = ""
    for line in (line for line in lines if line):
        if not shown:
            shown = line
        elif _LIST_ITEM.match(line):
            shown += "\n> " + line
        else:
            shown += " " + line
    return shown


def join_names(names: Sequence[str], language: str) -> str:
    """ "A, B och C" (or "A, B and C")."""
    if len(names) == 1:
        return names[0]
    conjunction = " och " if language == "sv" else " and "
    return ", ".join(names[:-1]) + conjunction + names[-1]
