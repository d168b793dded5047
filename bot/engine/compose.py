"""Extractive answers: a direct first sentence built from the best evidence, then quotes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from bot.engine.candidates import PURPOSE, Candidate
from bot.engine.citations import Citations
from bot.engine.dates import date_phrase
from bot.engine.ledger import Ledger
from bot.engine.question import Question
from bot.engine.receivers import is_body, receivers_of_type, wanted_type
from bot.engine.scoring import model
from bot.engine.sentences import Span, paragraph_of, sentence_spans
from bot.engine.terms import coverage, rarity, term_set
from bot.engine.wording import kind_label, phrase
from ingest.models import Amount, Grant, Quote
from ingest.quotes import find_quotes
from ingest.recipients import find_receivers

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


def answer_recipients(
    question: Question, found: Sequence[Candidate], ledger: Ledger | None = None
) -> Draft | None:
    """Who got it: the recipients named in the best sentence, or every row of its table."""
    wanted = wanted_type(question.text)
    pool = [c for c in found if not weak(c)]
    if not pool:
        return None
    best = _naming_sentence(pool, wanted)
    draft = Draft(question)
    rows = _table_rows(question, best, ledger, wanted)
    if rows:
        names = list(dict.fromkeys(r for g in rows for r in g.recipients))
        markers = [
            draft.citations.cite(best.passage, best.doc_text, Span(g.start, g.end)) for g in rows
        ]
        marker = " ".join(markers)
    else:
        names = list(dict.fromkeys(receivers_of_type(best.text, wanted)))
        span = _with_list(question, best)
        more = _also_receiving(best, span, wanted)
        if more is not None:
            span, added = more
            names = list(dict.fromkeys([*names, *added]))
        marker = draft.citations.cite(best.passage, best.doc_text, span)
        named_first = bool(_names(best.text, wanted))
        for other in _more_receivers(question, best, pool[1:12], span, wanted):
            # Names of other sentences add to the lead's; alone they may be anyone's.
            if named_first:
                names = list(dict.fromkeys([*names, *_names(other.text, wanted)]))
            listed = _with_list(question, other)
            marker += " " + draft.citations.cite(other.passage, other.doc_text, listed)
    names = [n for n in names if _receives(n, wanted)]
    if names:
        draft.lines.append(
            phrase(
                question.language,
                "recipients",
                names=_join(names, question.language),
                according=draft.according(best),
                marker=marker,
            )
        )
    else:
        draft.lines.append(_open_line(draft, best, marker))
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


def _naming_sentence(pool: Sequence[Candidate], wanted: str | None) -> Candidate:
    """The best sentence naming recipients of the kind asked for, or listing what is asked
    for, when it scores close to the best sentence; else the best naming one, else the best."""
    close = [c for c in pool if c.score >= pool[0].score - _NAMING_MARGIN]
    for candidate in close:
        if _names(candidate.text, wanted) or _listing(candidate.text):
            return candidate
    return next((c for c in pool if _names(c.text, wanted)), pool[0])


def _names(text: str, wanted: str | None) -> list[str]:
    """The recipients a sentence names, of the kind asked for, deciding bodies left out."""
    return [n for n in receivers_of_type(text, wanted) if _receives(n, wanted)]


def _receives(name: str, wanted: str | None) -> bool:
    """A deciding body is no recipient unless bodies are what is asked for."""
    return wanted == "nämnd" or not is_body(name)


def _more_receivers(
    question: Question, best: Candidate, others: Sequence[Candidate], span: Span, wanted: str | None
) -> list[Candidate]:
    """Other sentences of the best document naming recipients tied to the question."""
    kept = []
    for other in supporting(best, others, [span], _ANY, limit=4):
        if _names(other.text, wanted) or other.amounts or _listing(other.text):
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


def answer_quote(question: Question, found: Sequence[Candidate]) -> Draft | None:
    """Who said what: the quote that best matches, its speaker and when."""
    best = _best_quote(question, found)
    if best is None:
        return None  # a who-said answer is a speaker and a quote; a sentence is no quote
    candidate, quote = best
    draft = Draft(question)
    marker = draft.citations.cite(
        candidate.passage, candidate.doc_text, Span(quote.start, quote.end)
    )
    speaker = quote.speaker + (f" ({quote.party})" if quote.party else "")
    if quote.role:
        speaker += f", {quote.role},"
    draft.lines.append(
        phrase(
            question.language,
            "said",
            speaker=speaker,
            according=draft.according(candidate),
            marker=marker,
        )
    )
    add_quotes(draft)
    return draft


def _best_quote(question: Question, found: Sequence[Candidate]) -> tuple[Candidate, Quote] | None:
    """The attributed quote of the top documents whose words and speaker fit the question."""
    surnames = [p.split()[-1] for p in question.persons]
    pool: list[tuple[Candidate, Quote, frozenset[str]]] = []
    seen: set[str] = set()
    for candidate in found:
        if candidate.passage.doc_id in seen or candidate.score < 0.75 * model().min_score:
            continue
        seen.add(candidate.passage.doc_id)
        for quote in quotes_in(candidate.doc_text):
            if surnames and not any(s in quote.speaker for s in surnames):
                continue
            about = term_set(
                f"{quote.speaker} {quote.role or ''} {quote.text} "
                + _introduction(candidate.doc_text, quote)
            )
            pool.append((candidate, quote, about))
        if len(seen) >= 5:
            break
    if not pool:
        return None
    # Words every quote shares (the district, the topic) say less than the rare ones.
    weights = rarity(question.terms, [about for _, _, about in pool])
    candidate, quote, _ = max(
        pool, key=lambda row: coverage(question.terms, row[2], weights) + row[0].score
    )
    return candidate, quote


def _introduction(text: str, quote: Quote) -> str:
    """The paragraph before a quote when it names the speaker ("X (M) tycker att ...")."""
    para = paragraph_of(text, quote.start)
    if para.start < 2:
        return ""
    before = paragraph_of(text, para.start - 2)
    intro = text[before.start : before.end]
    return intro if quote.speaker.split()[-1] in intro else ""


def answer_general(question: Question, found: Sequence[Candidate]) -> Draft | None:
    """Why, when, and open questions: the best sentences, introduced with source and date."""
    if not found or weak(found[0]):
        return None
    best = found[0]
    draft = Draft(question)
    asks_decided = question.kind == "when" and _ASKS_DECIDED.search(question.text)
    decided = _meeting_decision(best, found[:12]) if asks_decided else None
    if decided is not None:
        # "When was it decided": the meeting that took the decision, not the paper's date.
        best, span, date = decided
        marker = draft.citations.cite(best.passage, best.doc_text, span)
        written = date_phrase(date, question.language) if "-" in date else date
        draft.lines.append(
            phrase(
                question.language,
                "decided_when",
                date_phrase=written or date,
                according=draft.according(best),
                marker=marker,
            )
        )
        add_quotes(draft)
        return draft
    # The reason usually follows the sentence that names the money or the project.
    span = _with_following(best) if question.kind == "why" else _quote_span(question, best)
    marker = draft.citations.cite(best.passage, best.doc_text, span)
    if question.kind == "when":
        draft.lines.append(
            phrase(
                question.language,
                "when",
                date_phrase=_when(best, question),
                according=draft.according(best),
                marker=marker,
            )
        )
    else:
        draft.lines.append(_open_line(draft, best, marker))
    if question.kind == "why":
        reason = _reason(best, span, found[1:12])
        if reason is not None:
            draft.citations.cite(reason[0].passage, reason[0].doc_text, reason[1])
        quoted = [span, *([reason[1]] if reason else [])]
        for other in supporting(best, found[1:12], quoted, REASON_OR_PURPOSE):
            draft.citations.cite(other.passage, other.doc_text, other.span)
    else:
        second = _companion(best, found[1:4])
        if second is not None:
            draft.citations.cite(second.passage, second.doc_text, second.span)
    add_quotes(draft)
    return draft


def pick_amount(
    question: Question,
    candidate: Candidate,
    among: Sequence[Amount] | None = None,
    names: Sequence[str] = (),
) -> Amount:
    """The amount of a sentence whose surroundings best match the question."""
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


def _sek(candidate: Candidate) -> bool:
    return any(a.currency == "SEK" for a in candidate.amounts)


def _has_recipients(question: Question, candidate: Candidate) -> bool:
    """Districts and organisations asked about must be named where the amount is."""
    required = [r for r in question.recipients if not is_body(r)]
    if not required:
        return True
    present = {name for name, _, _ in find_receivers(candidate.paragraph)}
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


_ASKS_DECIDED = re.compile(r"\b(beslutade|beslöt|beslut\w*|decided|decision)\b", re.I)
_DECIDES = re.compile(r"\b(beslutar|beslutade|beslöt|fattade beslut|decided)\b", re.I)
_DATE = (
    r"(\d{4}-\d{2}-\d{2}|\d{1,2} (?:januari|februari|mars|april|maj|juni|juli|augusti|"
    r"september|oktober|november|december) \d{4})"
)
# The minutes' heading: "Socialnämnden, sammanträde den 11 juni 2024", "Sammanträdesdatum".
_MEETING = re.compile(rf"\b(?:sammanträde(?:t|sdatum)?|mötet?)\s*(?:den\s+|:\s*)?{_DATE}", re.I)
_PROPOSED = re.compile(r"\b(förslag till beslut|föreslår|föreslås|proposes?d?)\b", re.I)
_MEETING_REACH = 400  # how far before the decision its meeting heading may stand


def _meeting_decision(
    best: Candidate, found: Sequence[Candidate]
) -> tuple[Candidate, Span, str] | None:
    """A decision sentence about the question under a meeting heading, the span from the
    heading to the sentence, and the meeting's date."""
    for candidate in found:
        if candidate.relevance < max(0.1, 0.5 * best.relevance):
            continue
        if not _DECIDES.search(candidate.text):
            continue
        text = candidate.doc_text
        start = max(0, candidate.span.start - _MEETING_REACH)
        headings = list(_MEETING.finditer(text, start, candidate.span.start))
        if not headings or _PROPOSED.search(text, headings[-1].end(), candidate.span.end):
            continue  # no meeting heading, or a proposal for the meeting to decide
        heading = headings[-1]
        return candidate, Span(heading.start(), candidate.span.end), heading.group(1)
    return None


def _when(candidate: Candidate, question: Question) -> str:
    match = re.search(rf"\b{_DATE}\b", candidate.text, re.I)
    if match:
        written = match.group(0)
        return date_phrase(written, question.language) or written if "-" in written else written
    return date_phrase(candidate.passage.date, question.language) or phrase(
        question.language, "undated"
    )


def with_next(candidate: Candidate, limit: int = 350) -> Span:
    """The sentence and the next one of its paragraph, when both fit in `limit` characters."""
    text = candidate.doc_text
    para = paragraph_of(text, candidate.span.start)
    following = sentence_spans(text, candidate.span.end, para.end)[:1]
    if following and following[0].end - candidate.span.start <= limit:
        return Span(candidate.span.start, following[0].end)
    return candidate.span


def _with_following(candidate: Candidate, limit: int = 450) -> Span:
    """The sentence and the next ones of its paragraph, up to about `limit` characters."""
    text = candidate.doc_text
    para = paragraph_of(text, candidate.span.start)
    end = candidate.span.end
    following = sentence_spans(text, candidate.span.end, para.end)[:2]
    if not any(PURPOSE.search(text[f.start : f.end]) for f in following):
        # The reason may open the next paragraph ("Pengarna ska gå till ...").
        nxt = paragraph_of(text, min(len(text), para.end + 2))
        first = sentence_spans(text, nxt.start, nxt.end)[:1]
        following = [*following, *(f for f in first if PURPOSE.search(text[f.start : f.end]))]
    # The last paragraph has no next one: what paragraph_of finds then lies before the quote.
    following = [f for f in following if f.start >= candidate.span.end]
    for span in following:
        if text[span.start : span.end].startswith(("•", "-", "*")):
            break
        if span.end - candidate.span.start > limit:
            break
        end = span.end
    return Span(candidate.span.start, end)


# Words that give a reason, not only a purpose: "därför", "eftersom", "på grund av".
REASON = re.compile(
    r"\b(därför|eftersom|på grund av|med anledning av|syftet|i syfte|motiver\w*|skälet|"
    r"because|therefore|in order to|the aim)\b",
    re.I,
)
# A reason sentence that points back ("därför") is quoted with the sentence before it.
_POINTS_BACK = re.compile(r"\b(därför|therefore|detta|this is why)\b", re.I)


def _reason(
    best: Candidate, quoted: Span, others: Sequence[Candidate]
) -> tuple[Candidate, Span] | None:
    """A sentence of the same document giving the reason, when the quote gives none."""
    text = best.doc_text
    if REASON.search(text[quoted.start : quoted.end]):
        return None
    for other in others:
        same = other.passage.doc_id == best.passage.doc_id
        outside = other.span.end <= quoted.start or other.span.start >= quoted.end
        # About the question too, not only another reason in the same document.
        related = other.relevance >= max(0.1, 0.5 * best.relevance)
        if not (same and outside and related and REASON.search(other.text)):
            continue
        span = other.span
        if _POINTS_BACK.search(other.text):
            para = paragraph_of(text, span.start)
            before = sentence_spans(text, para.start, span.start)
            if before and before[-1].end > quoted.end:
                span = Span(before[-1].start, span.end)
        return other, span
    return None


# A sentence opening on the money it follows ("Pengarna kommer att ...", "Det betyder ...")
# says what the money does, though it names no purpose word.
POINTS_TO_MONEY = re.compile(
    r"^\W*(pengarna|medlen|bidraget|bidragen|anslaget|satsningen|stödet|summan|"
    r"det betyder|det innebär|detta innebär|the money|the funds|the grant|this means)\b",
    re.I,
)
REASON_OR_PURPOSE = re.compile(
    f"{POINTS_TO_MONEY.pattern}|{REASON.pattern}|{PURPOSE.pattern}", re.I
)
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


def _companion(best: Candidate, others: Sequence[Candidate]) -> Candidate | None:
    """A second sentence of the same document that adds to the first."""
    for other in others:
        close = abs(other.span.start - best.span.end) < 400
        if other.passage.doc_id == best.passage.doc_id and close and best.score - other.score < 0.1:
            return other
    return None


def _open_line(draft: Draft, candidate: Candidate, marker: str) -> str:
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
    """A quote on one line, but for the items of a list, which keep a line each: their
    numbering stays numbering, not a figure of the answer."""
    lines = [" ".join(line.split()) for line in quote.split("\n")]
    shown = ""
    for line in (line for line in lines if line):
        if not shown:
            shown = line
        elif _LIST_ITEM.match(line):
            shown += "\n  " + line
        else:
            shown += " " + line
    return shown


def _join(names: Sequence[str], language: str) -> str:
    if len(names) == 1:
        return names[0]
    conjunction = " och " if language == "sv" else " and "
    return ", ".join(names[:-1]) + conjunction + names[-1]
