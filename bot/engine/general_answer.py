"""Why, when and open questions: the best sentences, with the reason or the meeting."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.engine.candidates import PURPOSE, Candidate
from bot.engine.compose import (
    Draft,
    _quote_span,
    add_quotes,
    open_line,
    supporting,
    weak,
)
from bot.engine.dates import date_phrase
from bot.engine.question import Question
from bot.engine.sentences import Span, paragraph_of, sentence_spans
from bot.engine.wording import phrase


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
        draft.lines.append(open_line(draft, best, marker))
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


def _companion(best: Candidate, others: Sequence[Candidate]) -> Candidate | None:
    """A second sentence of the same document that adds to the first."""
    for other in others:
        close = abs(other.span.start - best.span.end) < 400
        if other.passage.doc_id == best.passage.doc_id and close and best.score - other.score < 0.1:
            return other
    return None
