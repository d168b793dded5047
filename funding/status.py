"""How far money got, from the words around it and the kind of paper it stands in.

Statuses: decided, proposed, applied, refused, budget, reported (GRANT_STATUSES). The cue
words come from the one lexicon in `cues.py`; here they are ordered, strongest first, and
read over a grant's supporting text (`cued_status`), one clause of a sentence with several
amounts (`clause_status`), and a paper's title and opening (`doc_context`: a decision, a
proposal, an application, or None). "Förslag till beslut" sections (`proposal_sections`)
hold drafts whatever their verbs say.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from funding import cues
from funding.models import Document

_REFUSED = cues.REFUSED
# "hade fått 18,7 miljoner", "skulle ha fått": what would have been, not what is.
_COUNTERFACTUAL = re.compile(
    # "hade Föreningen Ekby fått": the subject may stand between the auxiliary and the verb
    r"\bhade\s+(?:[\w-]+\s+){0,4}?(?:fått|kunnat|blivit|varit|gett|behövt|fördelats)\b"
    r"|\bskulle\s+(?:[\w-]+\s+){0,3}?(?:ha|få)\b",
    re.IGNORECASE,
)
# "fick förra året 200 000 kr": last year's money is a figure reported, whatever its verb;
# "6 miljoner mer än i fjol", "jämfört med förra året" only compare this year's with it.
_EARLIER = re.compile(
    r"(?<!jämfört\smed\s)(?<!\bän\s)(?<!\bmot\s)(?<!\bfrån\s)(?<!\bän\si\s)"
    r"(?:\bförra\s+året\b|\bförra\s+årets\b|\bi\s+fjol\b|\bföregående\s+år\b|\bfjolår\w*"
    r"|\b(?:förra|föregående)\s+mandatperiod\w*)",
    re.IGNORECASE,
)
# "Årsredovisningen visar att fonden fördelade 30 miljoner", "Den visar att ...": what a
# report or a statistic shows is reported, not given by the sentence.
_SHOWN = re.compile(r"\b(?!beslut)\w+\s+(?:[\w-]+\s+){0,3}?visa(?:r|de)\s+att\b", re.IGNORECASE)
# "Det kom in 30 ansökningar på 900 000 kr", "fick in ansökningar om 2 miljoner": the sum of
# the applications received is applied for, whatever "fick" says elsewhere.
_APPLICATIONS_IN = re.compile(
    r"\b(?:inkom|inkommit|kom\s+in|fick\s+in|har\s+kommit\s+in)\b[^.]{0,60}?\bansökning\w*"
    r"|\bansökning\w*\s+(?:[\w-]+\s+){0,3}?(?:inkom|kom\s+in|har\s+kommit\s+in)\b",
    re.IGNORECASE,
)
# "Sedan 2015 har fonden delat ut 40 miljoner", "Under perioden har fonden fördelat ...": a
# running total over years, a statistic reported, whatever its verb.
_CUMULATIVE = re.compile(
    r"\b(?:sedan\s+(?:starten|(?:år\s+)?(?:19|20)\d\d)|under\s+(?:hela\s+)?\w*perioden)"
    r"(?:\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d)?[\s,]+har\b",
    re.IGNORECASE,
)
# "Under september betalades 4 miljoner ut": what was paid out is an outcome, reported.
_PAID_OUT = re.compile(
    r"\bbetalades\s+(?:[\w-]+\s+){0,5}?ut\b|\butbetala(?:t|ts|des)\b|\bhar\s+betalats\s+ut\b",
    re.IGNORECASE,
)
_RESULT = re.compile(r"\bresultat\w*|\bprognos\w*|\butfall\w*|\bbokslut\w*", re.IGNORECASE)
# "kan söka högst 25 000 kronor": a cap on what may be applied for.
_CAP = re.compile(rf"\b(?:{cues.MAY_APPLY}|{cues.TO_DISTRIBUTE}|{cues.CAP})\b", re.IGNORECASE)
# A request for money from a higher body: a hemställan, an äskande.
_REQUESTED = re.compile(r"\bhemställ\w*|\bbegär(?:t|de|s|a|er)?\b|\bäska\w*", re.IGNORECASE)
_DECIDED_PAST = re.compile(
    r"\bbeslutat\b|\bbeslutats\b|\bbeslutade\b|\bfatta(?:t|de)\b[^.]{0,60}\bbeslut"
    r"|\bbevilja(?:t|de|des|ts)\b|\btilldela(?:t|de|des|ts)\b|\bhar fördelat\b"
    r"|\bfått\b|\bfick\b|\bdelades\s+ut\b|\bgavs\b|\bhar\s+getts\b|\bgått\s+till\b"
    r"|\bfördela(?:t|de|des|ts)\b|\bförmedla(?:t|de|des|ts)\b"
    r"|\bsatsade\b|\bbetalade\b"
    r"|\btog\b[^.]{0,40}\bbeslut\b|\bgodkän(?:t|de|ts|des)\b|\bfattades\b[^.]{0,40}\bbeslut"
    r"|\b(?:granted|awarded|received|allocated|paid\s+out)\b",
    re.IGNORECASE,
)
_PROPOSED_VERB = re.compile(
    r"\bföreslå(?:r|s)?\b|\bföreslog\b|\bföreslagit\b|\bföreslagna\b|förslag\s+till\s+beslut"
    # "bedömer att Ekby IF bör beviljas 40 000 kr": what should be given is proposed
    r"|\bbör\s+(?:\w+\s+)?(?:beviljas|tilldelas|få|ges|erhålla)\b",
    re.IGNORECASE,
)
_APPLIED = re.compile(rf"\b(?:{cues.APPLYING}|{cues.APPLICATION})\b", re.IGNORECASE)
_PROPOSED = cues.PROPOSED
# "beslutar, med ändring av förvaltningens förslag," decides: it only names the proposal.
_PROPOSAL_NAMED = re.compile(
    r"\b(?:enligt|i enlighet med|med ändring av|bifall till|avslag på|avslå|bifalla|i linje med|"
    r"godkänt|godkände|godkänner|godkänna|antagit|antog|antar|anta|fastställt|fastställde|"
    r"än vad|utöver)\s+(?:[\w-]+\s+){0,2}?förslag\w*",
    re.IGNORECASE,
)
# "beviljas 50 000 kr enligt ansökan" grants: it only names the application.
_APPLICATION_NAMED = re.compile(
    r"\b(?:enligt|i\s+enlighet\s+med|utifrån|i\s+linje\s+med)\s+(?:[\w-]+\s+){0,2}?ansökan\b",
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
_DECIDED = re.compile(r"\bbeslutar\b|\bfattar\b[^.]{0,60}\bbeslut", re.IGNORECASE)
# Results, deficits, comparisons: figures reported, not money given.
_REPORTED = re.compile(
    r"\bresultat\w*|\bunderskott\w*|\böverskott\w*|\butfall\w*|\bbokslut\w*|\bprognos\w*"
    r"|\b(?:bättre|sämre|mer|mindre|högre|lägre)\s+än\s+(?:budget|beräknat|väntat|prognos)",
    re.IGNORECASE,
)
_BUDGET = re.compile(
    r"budget|\bavsätt|\bavsatt|\banslag|\banslå|\banvisa\w*|\bram(?:en|ar|arna)?\b|\bpott|\breserver"
    r"|\bkostnad|\bkostar\b|\bomfattar\b|\bsparkrav|\bbesparing|\berbjuder\b|\btak(?:et)?\b"
    # "det samarbete som finns i stadsdelen" exists somewhere; "det finns 2 mnkr" is money.
    r"|\bfinns\b(?!\s+(?:i|på|inom|hos|mellan|bland|för)\b)",
    re.IGNORECASE,
)
_GIVEN = re.compile(
    r"\b(?:fördela[rs]?|ges|ger|tilldela[rs]|får|beviljas|beviljar|går till|satsa[rs]?"
    r"|investera[rs]|läggs?|lägga|delas\s+ut|tillför|tillförs|förstärks|täpps\s+till"
    r"|stöttar|stödjer|stöder|delar\s+på|förmedla[rs]|(?:ska|skall|kommer\s+att)\s+få|betalas\s+ut)\b"
    # "35 miljoner till trygghetsarbete": an amount given to something, without a verb.
    r"|\b(?:miljon|miljoner|miljard|miljarder|kronor|kr|mnkr|mkr|tkr)\s+(?:extra\s+)?till\b"
    # "Till Ekby IF går 40 000 kr": given, the receiver first.
    r"|\b[Tt]ill\s+(?:[\w-]+\s+){1,6}?går\b"
    # "Bidraget höjs till 60 000 kronor": a grant changed, which is a decision too.
    r"|\b(?:höjs|ökas|sänks|minskas|räknas\s+upp)\s+(?:från\s+[^.]{1,30}?\s+)?(?:till|med)\b"
    # "Verksamhetsbidragen uppgår till 11 miljoner": grants, summed.
    r"|\b\w*(?:bidrag|bidragen|anslag|anslagen|stödet)\s+(?:[\w-]+\s+){0,6}?uppgår\s+till\b"
    # "Bidraget till Ekby IF är 30 000 kronor": a grant to a named receiver, stated.
    r"|\b\w*(?:bidraget|anslaget|stödet)\s+till\s+(?:[\w-]+\s+){1,6}?(?:är|blir)\b"
    r"|\b(?:awards?|grants|gives|allocates|receives)\b",
    re.IGNORECASE,
)
# "X får höjda anslag om 1,6 miljoner": a receiver gets money, whatever it is called.
_RECEIVED = re.compile(r"\b(?:får|fick|erhåller|erhöll|beviljas|tilldelas)\b", re.IGNORECASE)
_OPENING = 500
_PROPOSAL_DOC = re.compile(r"förslag|föresl|tjänsteutlåtande", re.IGNORECASE)
_APPLICATION_DOC = re.compile(r"^\W*ansökan\b", re.IGNORECASE)
# An annual report tells what a past year gave: its "fördelade", "beviljade" are reported.
_REPORT_DOC = re.compile(
    r"verksamhetsberättelse|årsredovisning|årsberättelse|verksamhetsredovisning|årsrapport",
    re.IGNORECASE,
)


def doc_context(doc: Document) -> str | None:
    """What kind of paper this is, from its title and opening: a decision, a proposal, an
    application, an annual report, or None when it does not say (news, press releases)."""
    opening = _PROPOSAL_NAMED.sub(" ", f"{doc.meta.title}\n{doc.text[:_OPENING]}")
    if _DECISION_DOC.search(opening) or _MINUTES_INSIDE.search(doc.text):
        return "adopted" if _ADOPTS.search(doc.text) else "decision"
    if _REPORT_DOC.search(doc.meta.title):
        return "report"
    if _APPLICATION_DOC.search(doc.meta.title):
        return "applied"
    if doc.meta.kind == "meeting_agenda":
        return "proposed"  # an agenda's items are proposals until the minutes say otherwise
    if _PROPOSAL_DOC.search(opening) or _budget_not_yet_adopted(doc, opening):
        return "proposed"
    return None


# "budget 2013" in a paper of November 2012, "den nya budgeten som presenterades": a budget
# is a proposal until the council adopts it, which such a paper would say.
_BUDGET_FOR = re.compile(
    r"\bbudget(?:en)?\s+(?:för\s+)?(?:år\s+)?((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+års\s+budget",
    re.IGNORECASE,
)
_BUDGET_PRESENTED = re.compile(
    r"\bbudget\w*\s+(?:[\w-]+\s+){0,6}?(?:presenter\w*|läggs\s+fram|lade\s+fram|lägger\s+fram)"
    r"|\b(?:presenter\w*|lägger\s+fram|lade\s+fram)\s+(?:[\w-]+\s+){0,4}?budget"
    # A party's budget, or a budget alternative: only the council adopts a budget.
    r"|\bbudgetalternativ\w*|\b\w+(?:ernas|partiets)\s+budget\w*",
    re.IGNORECASE,
)
_BUDGET_ADOPTED = re.compile(
    r"\b(?:antagen|antogs|antog|antagit|fastställ\w*|klubba\w*|röstades\s+igenom|"
    r"beslutade\s+(?:om\s+)?(?:[\w-]+\s+){0,2}?budget\w*|beslutat\s+(?:om\s+)?budget\w*|"
    r"budget\w*\s+(?:som\s+)?(?:har\s+)?beslutats)\b",
    re.IGNORECASE,
)


def _budget_not_yet_adopted(doc: Document, opening: str) -> bool:
    """The paper presents a budget for a later year, or says it is presented, not adopted."""
    if doc.meta.kind == "decision" or _BUDGET_ADOPTED.search(opening):
        return False
    if _BUDGET_PRESENTED.search(opening):
        return True
    year = int(doc.meta.date[:4]) if doc.meta.date and doc.meta.date[:4].isdigit() else None
    stated = (int(m[1] or m[2]) for m in _BUDGET_FOR.finditer(opening))
    return year is not None and any(budget_year > year for budget_year in stated)


# "Förslag till beslut" opens a proposal that runs to the decision, the next item or the
# next "§"; what it says the body "beslutar" is a draft.
_PROPOSAL_SECTION = re.compile(
    r"^[ \t]*(?:[\w-]+s\s+)?förslag\s+till\s+beslut\b", re.IGNORECASE | re.MULTILINE
)
_SECTION_END = re.compile(
    r"^[ \t]*(?:(?:[\w-]+s\s+)?beslut\s*:?\s*$|§\s*\d|\d{1,2}[.)]\s+[A-ZÅÄÖ]|beslutsgång\b"
    r"|protokollsanteckning|reservation\b)",
    re.IGNORECASE | re.MULTILINE,
)
_SECTION_REACH = 4000


def proposal_sections(text: str) -> list[tuple[int, int]]:
    """The spans of the "Förslag till beslut" sections, in order."""
    spans: list[tuple[int, int]] = []
    for match in _PROPOSAL_SECTION.finditer(text):
        if spans and match.start() < spans[-1][1]:
            continue
        limit = min(len(text), match.end() + _SECTION_REACH)
        stop = _SECTION_END.search(text, match.end(), limit)
        spans.append((match.start(), stop.start() if stop else limit))
    return spans


def in_sections(spans: list[tuple[int, int]], offset: int) -> bool:
    index = bisect_right([start for start, _ in spans], offset) - 1
    return index >= 0 and offset < spans[index][1]


def cued_status(support: str, context: str | None, rows: bool = False) -> str | None:
    """How far the money got, from the cue words of the supporting text, strongest first:
    refused, counterfactual or result (reported), requested (applied), caps (budget),
    decided in the past, proposed by a verb, applied (not for table rows), proposed, what
    the paper is, decided now, reported results, budget frames, given (decided); None when
    nothing says."""
    support = _APPLICATION_NAMED.sub(" ", _PROPOSAL_NAMED.sub(" ", support))
    strong = (
        ("refused", _REFUSED),
        ("reported", _COUNTERFACTUAL),
        ("reported", _RESULT),
        ("reported", _EARLIER),
        ("reported", _PAID_OUT),
        ("reported", _CUMULATIVE),
        ("reported", _SHOWN),
        ("applied", _REQUESTED),
        ("applied", _APPLICATIONS_IN),
        ("budget", _CAP),
        ("decided", _DECIDED_PAST),
        ("proposed", _PROPOSED_VERB),
        ("applied", _APPLIED),
        ("proposed", _PROPOSED),
    )
    for status, pattern in strong:
        # Above a table, "62 organisationer har ansökt" is a remark: the rows are allocations
        # (a "Sökt belopp" column says when they are applications).
        if pattern.search(support) and not (rows and pattern is _APPLIED):
            return _as_reported(status, context)
    if context in ("proposed", "applied"):
        return context  # "Socialnämnden beslutar ..." in a proposal is a draft decision
    weak = (
        ("decided", _DECIDED),
        ("reported", _REPORTED),
        ("decided", _RECEIVED),
        ("budget", _BUDGET),
        ("decided", _GIVEN),
    )
    found = next((status for status, pattern in weak if pattern.search(support)), None)
    return _as_reported(found, context)


def _as_reported(status: str | None, context: str | None) -> str | None:
    """In an annual report, money said to be given was given in the year it reports on."""
    return "reported" if context == "report" and status == "decided" else status


# "ligger i dag på 2 800 kr och höjs till 5 800 kr": what a sum is now, and what it becomes.
_NOW_AT = re.compile(r"\bligger\s+(?:[\w()]+\s+){0,4}?på\b", re.IGNORECASE)
_CHANGED_TO = re.compile(
    r"\b(?:höjs|ökas|sänks|minskas|räknas\s+upp)\s+(?:till|med)\b", re.IGNORECASE
)


# "och får i år 45 000 kr": a clause of its own says the money is given now.
_RECEIVES_NOW = re.compile(r"\b(?:får|beviljas|tilldelas|erhåller)\b", re.IGNORECASE)


def clause_status(clause: str, context: str | None = None) -> str | None:
    """The status one clause states outright (refused, applied, decided in the past, a sum
    now and what it is raised to), or None."""
    own = (
        ("refused", _REFUSED),
        ("reported", _EARLIER),
        ("reported", _PAID_OUT),
        ("applied", _APPLIED),
        ("decided", _DECIDED_PAST),
        ("reported", _NOW_AT),
        ("decided", _CHANGED_TO),
    )
    found = next((status for status, pattern in own if pattern.search(clause)), None)
    if found is None and context in (None, "report") and _RECEIVES_NOW.search(clause):
        found = "decided"  # in a proposal, what a clause says one gets is still proposed
    return _as_reported(found, context)
