"""Whether an amount in a sentence answers the question: tied to what the question names.

An amount is stated as the answer only when its own words fit the question: the names the
question asks about stand in its sentence, it is not a cap, a pot shared by many or one
year of several when a share, a grant or a total was asked, it is in kronor, it is not a
figure the question itself gives, and its status (applied, proposed, refused, decided) is
the one asked for. Everything else is evidence, shown but never stated as the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.engine.places import places_in
from bot.engine.question import Question
from bot.engine.receivers import is_body
from funding import Amount, cues, figures_in, find_amounts

_CAP_BEFORE = re.compile(
    rf"\b({cues.CAP}|{cues.CEILING}|{cues.FLOOR_OR_NEED})\s*"
    r"(belopp\w*|bidrag\w*|summa|amount)?\s*(på|om|of)?\s*$",
    re.I,
)
# "Maxbeloppet är", "taket för bidraget ligger på", "det högsta belopp som kan sökas är".
_CAP_STATED = re.compile(
    rf"\b({cues.CAP}|{cues.CEILING}|högsta\s+belopp\w*|the\s+most)\b[^.!?\n]{{0,40}}"
    r"\b(är|blir|ligger på|uppgår till|is|was|of)\s*$",
    re.I,
)
# The amount as read may carry its cap word: "upp till 80 000 kr", "högst 80 000 kronor".
_CAP_RAW = re.compile(rf"({cues.CAP}|{cues.FLOOR_OR_NEED})\b", re.I)
_POT_BEFORE = re.compile(
    r"\b(totalt|sammanlagt|dela på|delar på|pott\w*|ram\w*|fördelningen av|"
    r"in total|a total of|share)\b[^.!?\n]{0,30}$",
    re.I,
)
_POT_AFTER = re.compile(
    r"^[^.!?\n]{0,25}\b(att fördela|att dela|som ska fördelas|som är avsatta|som fördelas|"
    r"fördelat på|till \d+ \w+|to be shared|to distribute|varav|därav|of which)\b",
    re.I,
)
# "4 miljoner kronor per år avsätts för X, varav 500 000 ...": the amount a later part of
# its sentence splits is the whole.
_SPLIT_AFTER = re.compile(r"^[^.!?\n]{0,80}\b(varav|därav|of which)\b", re.I)
# "Av de 28 miljonerna går 19 miljoner till ...": the amount a clause opens with "av" is the
# whole the rest of the clause takes a part of.
_WHOLE_BEFORE = re.compile(r"(?:^|[.!?:;,]\s*|\n)\s*(?:av|of)\s+(?:de|dessa|the)?\s*$", re.I)
# The receivers an amount goes to, right after it: "N till 47 etniska organisationer".
_TO_RECEIVERS = re.compile(
    r"^\W*(?:till|to)\s+([^,.;:!?\n]{1,50}?)(?=\s+(?:och|samt|and)\s|[,.;:!?\n]|$)", re.I
)
_ANNUAL_AFTER = re.compile(
    r"[^.!?\n]{0,30}\b(per år|årligen|om året|varje år|per year|a year|annually|each year)\b",
    re.I,
)
# Asking another body for money is applying for it: "begärt att kommunstyrelsen skjuter till",
# "hemställer hos kommunstyrelsen om".
_REQUESTING = r"begär(?:t|de|er|an)?|hemställ\w*|request(?:s|ed)?"
_STATUS_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("refused", cues.REFUSED),
    ("applied", re.compile(rf"\b(?:{cues.APPLYING}|{cues.APPLICATION_FOR}|{_REQUESTING})\b", re.I)),
    ("proposed", re.compile(rf"\b(?:{cues.PROPOSING}|{cues.ALTERNATIVE})\b", re.I)),
)
_CAP_ASKED = re.compile(
    r"\b(maximal\w*|max\w*|högst|som mest|the most|(?-i:tak(?:et|belopp\w*)?)|up to|at most|"
    r"cap|minst|at least|"
    r"behöv\w*|need\w*)\b",
    re.I,
)
# Verbs that ask what someone was given: a proposal does not answer them.
_GIVEN_ASKED = re.compile(
    r"\b(fick|fått|får|bevilja\w*|tilldela\w*|betala\w* ut|utbetal\w*|got|"
    r"received|granted|awarded|paid)\b",
    re.I,
)
_POT_ASKED = re.compile(
    r"\b(totalt|sammanlagt|sammantaget|pott\w*|ram\w*|hela|in total|altogether|total|"
    r"pot|budget\w*|fond\w*|fördela\w*|delades ut|dela ut|avsatt\w*|avsätt\w*|avsatte|"
    r"hur stor|how large|how big|distribut\w*|set aside|satsa\w*|allocat\w*|"
    r"dela på|delar på|share(?! of)|med hur mycket|by how much)\b",
    re.I,
)
_SEVERAL_YEARS = re.compile(
    r"\b(totalt|sammanlagt|under (två|tre|fyra|fem|\d+) år|över (två|tre|fyra|fem|\d+) år|"
    r"in total|over (two|three|four|five|\d+) years)\b",
    re.I,
)
_ANNUAL_ASKED = re.compile(r"\b(per år|årligen|om året|varje år|per year|a year|annual\w*)\b", re.I)
_PLAN_ASKED = re.compile(
    r"\b(plan\w*|budget\w*|förslag\w*|motion\w*|ansökan|ansökt|sökt|söker|propos\w*|"
    r"verksamhetsplan\w*|ville|vill)\b",
    re.I,
)
# "Hur mycket beviljade Exempelfonden?", "How much did the board hand out in 2016?": what a body
# gave in all, its pot, unless a receiver is named after it ("till X", "give X").
_GIVER_ASKED = re.compile(
    r"\b(?:hur (?:mycket|mkt)(?:\s+\w+)?\s+(?:beviljade|beviljar|delade|delar|fördelade|"
    r"fördelar|gav|ger|tilldelade|betalade)\s+[\wåäöÅÄÖ-]+"
    r"(?:\s+(?:ut|i|för|till|under|vid|den|totalt|år|\d{4})\b[^?]*)?\s*\??\s*$"
    r"|how much(?:\s+\w+)?\s+(?:did|does|has|have)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+"
    r"(?:grant|give|hand out|award|distribute|allocate|pay(?: out)?)(?:ed)?"
    r"(?:\s+(?:in|for|during|at|on|to)\b[^?]*)?\s*\??\s*$)",
    re.I,
)
# "de sociala stödföreningarna", "kvinnojourerna": a plural group, whose pot ("sex sociala
# stödföreningar på totalt 526 000 kronor") is what they got together; by its stem.
_GROUP_REACH = 60
_GROUP_ASKED = re.compile(r"\b([a-zåäö][a-zåäö-]{3,})(?:arna|erna|orna|urna)\b")


def _group_shares(groups: tuple[str, ...], roles: set[str], window: str) -> bool:
    """The pot is shared by a group the question asks about: the group is named right before
    the amount, and is the only group of its kind the sentence names ("etniska organisationer
    och hbtq-organisationer" share one pot)."""
    folded = window.casefold()
    named = " ".join(r.removeprefix("group:") for r in roles if r.startswith("group:"))
    return any(group in named and folded.count(group) == 1 for group in groups)


_RECEIVER_NAMED = re.compile(
    r"\b(?:till|åt|to)\s+(?:the\s+|[Ff]öreningen\s+)?[\"'”’«]?[A-ZÅÄÖ]"
    r"|\b(?:specifi\w*|särskilt|enbart|bara|endast|only|just)\b"
)
_SUM_ASKED = re.compile(r"\b(ihop|summera\w*|båda|bägge|add up|combined|together|both)\b", re.I)
# "gick INTE till", "delades inte ut": the rest of a sum, which no sentence states.
_NEGATED = re.compile(
    r"\b(gick|delades|fördelades|betalades|användes|fick|went|was|were)\s+(inte|ej|not)\b|"
    r"\b(inte|ej)\s+(gick|delades|fördelades|användes)\b|\bdid(n't| not)\s+(go|get)\b",
    re.I,
)
# A share to compute ("om 70 procent ... ska gå till"): no stated amount is that share.
_COMPUTED_ASKED = re.compile(r"\b\d+\s*(procent|%)|\bper cent\b|\bpercent\b", re.I)
# "Hur många projekt", "how many grants": a count; "hur många miljoner" asks an amount.
_COUNT_ASKED = re.compile(
    r"\b(hur många|how many)\s+(?!(kronor|kr|tkr|mnkr|miljon\w*|miljard\w*|millions?|"
    r"billions?|thousand\w*|tusen\w*)\b)",
    re.I,
)
# The question asks the figure in kronor: a euro or krone figure, never converted, is not it.
_KRONOR_ASKED = re.compile(
    r"\b(i|in|into)\s+(svenska\s+|swedish\s+)?(kronor|kr|sek|crowns)\b|\bomräkna\w*", re.I
)
_REFUSAL_ASKED = re.compile(r"\b(avslag|avslog|avslå\w*|refus\w*|reject\w*)\b", re.I)
# "ville föreningen få" (its own wish), not "ville oppositionen att föreningen skulle få".
_WANTS_TO_GET = re.compile(r"\b(ville|vill)\b(?:(?!\batt\b)[^?])*\b(få|erhålla)\b", re.I)
_PROPOSED_WORD = re.compile(r"föresl|förslag|propos|budget", re.I)
_PROPOSAL_FIRST = re.compile(r"föresl|förslag|propos|ville|vill\b", re.I)
# Verbs of applying; "ansökan" the noun names what a grant was asked on, not the status.
_APPLIED_FIRST = re.compile(
    rf"ansökt|ansöker|ansökte|\bsökt|\bsöker|\bsökte|\bapplie|\bapply|\b(?:{_REQUESTING})\b",
    re.I,
)
_CAPITALISED = re.compile(
    r"(?<![\w-])([A-ZÅÄÖ][a-zåäöéüA-ZÅÄÖ]*(?:[- ][A-ZÅÄÖ][a-zåäöéüA-ZÅÄÖ]*)*)"
)
_SENTENCE_START = re.compile(r"(^|[.!?:–—]\s*|[.!?]\W*)\s*$")
_REACH = 60  # characters before an amount whose words decide what kind of sum it is

# Capitalised words of a question that name no one in particular.
_GENERIC = {
    "hur", "vad", "vilka", "vilken", "vilket", "vem", "när", "varför", "finns", "fick", "får",
    "how", "what", "which", "who", "when", "why", "did", "does", "the", "in", "i", "and",
    "stockholm", "stockholms", "staden", "stadens", "stan", "kommunen", "sverige", "sweden",
    "enligt", "exakt", "ungefär", "totalt", "sammanlagt", "om", "och", "is", "was", "were",
    "according", "about", "for", "för", "är", "var", "har", "blev", "under", "till", "från",
    "gick", "ville", "beviljade", "föreslog", "föreslogs", "inom",
}  # fmt: skip


@dataclass(frozen=True)
class Asked:
    """What an amount must be to answer the question."""

    names: tuple[str, ...]  # names the amount's own sentence must carry
    status: str  # "granted" | "proposed" | "applied" | "refused"; "any" for other figures
    cap: bool
    pot: bool
    several_years: bool
    annual: bool
    plan: bool  # the question asks what a plan, budget, proposal or application gives
    strict: bool  # the question asks what was given, not what was set aside or planned
    given: frozenset[int]  # figures the question itself states
    total: bool = False  # an aggregate asking for a sum: one part of it does not answer
    years: tuple[int, ...] = ()  # years asked about: an amount said to be for another is not
    parts: bool = False  # the sum asked for joins named parts ("A och B, sammanlagt")
    negated: bool = False  # "gick INTE till", "om 70 procent": to compute, not stated
    groups: tuple[str, ...] = ()  # plural groups asked about ("föreningarna"): a pot is theirs
    counting: bool = False  # "hur många projekt": asks a number of things, not an amount
    kronor: bool = False  # "i svenska kronor": a figure in another currency does not answer
    givers: tuple[str, ...] = ()  # who gave it ("fick X av Y"): named in the document only


def asked(question: Question, title: str = "") -> Asked:
    """What the question asks an amount to be."""
    text = question.text
    if _REFUSAL_ASKED.search(text):
        status = "refused"
    elif _PROPOSAL_FIRST.search(text):
        # "Hur mycket ville föreningen få?": what the recipient wanted is what it applied for.
        wants = _WANTS_TO_GET.search(text) and not _PROPOSED_WORD.search(text)
        status = "applied" if wants else "proposed"
    elif _APPLIED_FIRST.search(text):
        status = "applied"
    else:
        status = "granted"
    given = frozenset(int(f) for f in figures_in(text) if f >= 1000 and f == int(f))
    names = named(question)
    groups = tuple(m.group(1).casefold() for m in _GROUP_ASKED.finditer(text))
    givers = _givers(text, names, groups)
    return Asked(
        names=tuple(n for n in names if n not in givers),
        givers=givers,
        status=status,
        cap=bool(_CAP_ASKED.search(text)),
        pot=bool(_POT_ASKED.search(text))
        or bool(_GIVER_ASKED.search(text) and not _RECEIVER_NAMED.search(text)),
        several_years=bool(_SEVERAL_YEARS.search(text)) and not _ANNUAL_ASKED.search(text),
        annual=bool(_ANNUAL_ASKED.search(text)),
        plan=bool(_PLAN_ASKED.search(text)),
        strict=bool(_GIVEN_ASKED.search(text)),
        given=given,
        years=question.years,
        parts=_joins_parts(question, text),
        negated=bool(_NEGATED.search(text) or _COMPUTED_ASKED.search(text)),
        groups=groups,
        counting=bool(_COUNT_ASKED.search(text)),
        kronor=bool(_KRONOR_ASKED.search(text)),
        total=question.kind == "aggregate"
        and bool(_POT_ASKED.search(text) or _SUM_ASKED.search(text)),
    )


# "Hur mycket fick föreningarna av Exempelfonden?": the name after "av" gave the money.
_RECEIVED = re.compile(r"\b(fick|får|fått|erhöll|erhållit|tog emot|got|get|gets|received?)\b", re.I)
_FROM = r"\b(?:av|från|from|by)\s+(?:the\s+)?"


def _givers(text: str, names: tuple[str, ...], groups: tuple[str, ...]) -> tuple[str, ...]:
    """The names the question gives as who gave the money ("fick X av Y", "got from Y"),
    when it names a receiver too: the giver is the document's, not the amount's sentence's."""
    if not _RECEIVED.search(text):
        return ()
    givers = tuple(n for n in names if re.search(_FROM + re.escape(n) + r"(?!\w)", text))
    return givers if groups or len(givers) < len(names) else ()


def _joins_parts(question: Question, text: str) -> bool:
    """The sum asked for joins parts: "lägg ihop", "båda", or two names or years joined
    ("Fyrbåken och Ankaret", "2015 och 2016"); "kommuner och landsting" is one receiver."""
    if _SUM_ASKED.search(text):
        return True
    if not re.search(r"\b(och|samt|plus|and)\b", text):
        return False
    if _JOINED_PLACES.search(text):
        return True  # "i A 2010 och i fördelningen B": two sums from two places
    return len(named(question)) >= 2 or len(question.years) >= 2


_JOINED_PLACES = re.compile(r"\b(och|samt|and)\s+(i|till|för|från|in|to|for|from)\b", re.I)


def named(question: Question) -> tuple[str, ...]:
    """Proper names and acronyms of the question: recipients, projects, organisations.
    Municipalities are checked per document (places.py); a follow-up's own names are the
    ones it asks about."""
    if question.focus:
        return question.focus
    names = [r for r in question.recipients if not is_body(r)]
    body = question.text
    for match in _CAPITALISED.finditer(body):
        if _SENTENCE_START.search(body[: match.start()]):
            continue  # the first word of a sentence is capitalised anyway
        words = [w for w in re.split(r"[ -]", match.group(1)) if w.lower() not in _GENERIC]
        if not words or all(is_body(w) for w in words) or places_in(" ".join(words)):
            continue
        names.append(" ".join(words))
    return tuple(dict.fromkeys(n for n in names if len(n) >= 2))


def mentions(name: str, text: str) -> bool:
    """The name, or each of its words by its stem, occurs in the text."""
    folded = _folded(text)
    if name.casefold() in folded:
        return True
    words = [w.casefold() for w in re.split(r"[ -]", name) if w]
    return all(_word_pattern(w).search(folded) for w in words if len(w) >= 2)


@lru_cache(maxsize=1024)
def _word_pattern(word: str) -> re.Pattern[str]:
    """A name word by its first six letters; a short word in the genitive ("Anna Melkes
    projekt") as the whole word, with or without its -s."""
    if 5 <= len(word) <= 6 and word.endswith("s"):
        return re.compile(rf"(?<!\w){re.escape(word[:-1])}s?(?!\w)")
    return _stem_pattern(word[: max(3, min(len(word), 6))])


@lru_cache(maxsize=256)
def _folded(text: str) -> str:
    return text.casefold()


@lru_cache(maxsize=1024)
def _stem_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(stem)}")


def role(sentence: str, amount: Amount) -> set[str]:
    """What kind of sum an amount is by the words around it: cap, pot, annual, a status."""
    before = sentence[max(0, amount.start - _REACH) : amount.start]
    after = sentence[amount.end : amount.end + 60]
    roles = set()
    if _CAP_BEFORE.search(before) or _CAP_STATED.search(before) or _CAP_RAW.match(amount.raw):
        roles.add("cap")
    if (
        _POT_BEFORE.search(before)
        or _WHOLE_BEFORE.search(before)
        or _POT_AFTER.search(after)
        or _SPLIT_AFTER.search(after)
    ):
        roles.add("pot")
    if _ANNUAL_AFTER.match(after) or _ANNUAL_AFTER.search(amount.raw):
        roles.add("annual")
    if len(find_amounts(sentence)) > 1:
        roles.add("among")  # one of several amounts of its sentence
    # The words right before the amount, for a group that shares it ("till sex sociala
    # stödföreningar på totalt N"), or the receivers right after it ("N till 47 etniska
    # organisationer").
    receivers = _TO_RECEIVERS.match(after)
    group = sentence[max(0, amount.start - _GROUP_REACH) : amount.start]
    roles.add("group:" + (group + " " + (receivers.group(1) if receivers else "")).casefold())
    year = _YEAR_AFTER.match(after) or _YEAR_BEFORE.search(_own_clause(before))
    if year:
        roles.add(f"year:{year.group(1)}")
    else:
        respective = _respective_year(sentence, amount)
        if respective:
            roles.add(f"year:{respective}")
    status = _nearest_status(before, after)
    if status is not None:
        roles.add(status)
    return roles


# "för 2020 och 2021 … 67,5 mnkr respektive 68,2 mnkr": the n-th amount is for the n-th year.
_YEAR_PAIR = re.compile(r"\b((?:19|20)\d\d)\s*(?:och|and|,)\s*((?:19|20)\d\d)\b")
_RESPECTIVE = re.compile(r"^\W*(?:kronor|kr|mnkr|tkr|miljoner\w*)?\s*(?:respektive|respectively)\b")


def _respective_year(sentence: str, amount: Amount) -> str | None:
    """The year a 'respektive' pairs with the amount, when the sentence names two years."""
    if "respektive" not in sentence and "respectively" not in sentence:
        return None
    years = _YEAR_PAIR.search(sentence)
    amounts = find_amounts(sentence)
    if years is None or len(amounts) != 2 or years.end() > amounts[0].start:
        return None
    first, second = amounts
    between = sentence[first.end : second.start]
    if not _RESPECTIVE.match(between) and "respectively" not in sentence[second.end :]:
        return None
    if (amount.start, amount.end) == (first.start, first.end):
        return years.group(1)
    if (amount.start, amount.end) == (second.start, second.end):
        return years.group(2)
    return None


# "100 000 kronor för 2020": the year an amount is for, right after it.
_YEAR_AFTER = re.compile(
    r"^\W*(?:kronor|kr|miljoner\w*)?\s*(?:för|under|år|in|for)\s+(?:år\s+)?(\d{4})\b"
)
# "För 2025 beviljas 90 000 kronor": the year its clause says the amount is for.
_YEAR_BEFORE = re.compile(r"\b(?:för|under|inför|for|in)\s+(?:år\s+)?(\d{4})\b(?!-)\D*$", re.I)


def _own_clause(before: str) -> str:
    """The words before an amount in its own clause."""
    cuts = list(_CLAUSE.finditer(before))
    return before[cuts[-1].end() :] if cuts else before


_CLAUSE = re.compile(r"[,;:.!?()–]|\boch\b|\bmen\b|\bbut\b")


def _nearest_status(before: str, after: str) -> str | None:
    """The status word closest to the amount within its own clause."""
    cuts = list(_CLAUSE.finditer(before))
    before = before[cuts[-1].end() :] if cuts else before
    stop = _CLAUSE.search(after)
    after = after[: stop.start()] if stop else after
    own = re.match(r"^\W*(kronor|kr|euro|miljoner\w*|tkr|mnkr)?\s*(som|which|that)\b", after)
    if own:
        # A relative clause after the amount is the amount's own: "de 90 000 kr som de sökt".
        for status, pattern in _STATUS_CUES:
            if pattern.search(after):
                return status
    before = cues.MAY_APPLY_RULE.sub(" ", before)
    best: tuple[int, str] | None = None
    for status, pattern in _STATUS_CUES:
        for match in pattern.finditer(before):
            distance = len(before) - match.end()
            if best is None or distance < best[0]:
                best = (distance, status)
        following = pattern.search(after)
        if following and (best is None or following.start() < best[0]):
            best = (following.start(), status)
    return best[1] if best else None


def local_status(roles: set[str], ledger_status: str | None) -> str:
    """The status of one amount: its own words first, then the ledger's row."""
    for status in ("refused", "applied", "proposed"):
        if status in roles:
            return status
    if ledger_status in ("applied", "proposed", "refused"):
        return ledger_status
    return "granted"


def fits(want: Asked, amount: Amount, roles: set[str], status: str, where: Where) -> str | None:
    """Why the amount does not answer, or None when it is tied to the question. An amount
    in another currency may answer, as written; it is never an amount in kronor."""
    if amount.value in want.given:
        return "given"
    if want.negated:
        return "part"  # what did not go somewhere is a difference, never a stated amount
    if want.counting:
        return "count"  # "hur många projekt": a number of things, never an amount
    if want.kronor and amount.currency != "SEK":
        return "currency"
    if any(not where.names(n) for n in want.names):
        return "names"
    if any(not mentions(g, where.document) for g in want.givers):
        return "names"
    years = {r.removeprefix("year:") for r in roles if r.startswith("year:")}
    if want.years and years and not years & {str(y) for y in want.years}:
        return "year"
    if want.total and "pot" not in roles and ("among" in roles or want.parts):
        return "part"
    if "cap" in roles and not want.cap:
        return "cap"
    if "pot" in roles and not want.pot and not _group_shares(want.groups, roles, where.window):
        return "pot"
    if "annual" in roles and want.several_years:
        return "annual"
    if want.status == "any":
        return None
    if want.status != "granted" and status not in (want.status, "granted"):
        return "status"  # another status stated outright; none stated leaves the question's
    if want.status == "granted" and status in ("applied", "refused"):
        return "status"
    if want.status == "granted" and status == "proposed" and want.strict and not want.plan:
        return "status"
    return None


@dataclass(frozen=True)
class Where:
    """The text around an amount that may carry the names the question asks about."""

    window: str  # the quoted sentence(s) and the title
    document: str

    paragraph: str = ""
    others: tuple[str, ...] = ()  # the question's other names
    item: str = ""  # the heading of the numbered list item the amount stands under

    def names(self, name: str) -> bool:
        """The name belongs to this amount: in its own sentence or the title; in its paragraph
        when another name asked about is in the sentence ("av X:s pengar gick ... till Y");
        or the topic of the document, named in no sentence stating an amount of its own."""
        if mentions(name, self.window):
            return True
        if _for_another(self.window, self.others):
            return False  # "... om 3 400 000 kronor för Vägskälet": someone else's amount
        if self.item and _ANAPHOR.search(self.window) and mentions(name, self.item):
            return True  # "3. Ekby Byalag ... / Förvaltningen föreslår att bevilja föreningen ..."
        beside = [o for o in self.others if o != name and mentions(o, self.window)]
        if beside and mentions(name, self.paragraph):
            return True
        if not mentions(name, self.document):
            return False
        return not any(mentions(name, s) for s in _with_amounts(self.document))


@lru_cache(maxsize=64)
def _with_amounts(text: str) -> tuple[str, ...]:
    """The sentences of a text that state an amount."""
    return tuple(s for s in re.split(r"(?<=[.!?:])\s+|\n", text) if find_amounts(s))


# "för projektet X", "till Föreningen Y": whom an amount is said to be for.
_FOR_NAMED = re.compile(
    r"\b(?:för|till|for|to)\s+(?:(?:projekt(?:et)?|verksamhet(?:en)?|föreningen|the project)\s+)?"
    r"([A-ZÅÄÖ][\wåäöéü-]+)"
)


def _for_another(window: str, asked_names: tuple[str, ...]) -> bool:
    """The text says its amount is for a named project or organisation that is none of
    the names asked about: its paragraph or document cannot tie the amount to them."""
    for match in _FOR_NAMED.finditer(window):
        name = match.group(1)
        if name.lower() in _GENERIC or is_body(name) or places_in(name):
            continue
        if not any(mentions(name, asked) or mentions(asked, name) for asked in asked_names):
            return True
    return False


# "föreningen", "projektet": the one its list item or earlier sentence named.
_ANAPHOR = re.compile(
    r"\b(föreningen|organisationen|projektet|stiftelsen|sökanden|"
    r"the association|the organisation|the organization|the project|the applicant)\b",
    re.I,
)
_ITEM = re.compile(r"(?m)^[ \t]*\d{1,2}[.)][ \t]+(\S[^\n]*)")
_ITEM_REACH = 800  # how far back a list item's heading still speaks for its sentences


def item_heading(text: str, start: int) -> str:
    """The heading line of the numbered list item a sentence at `start` stands under."""
    span = item_span(text, start)
    return text[span[0] : span[1]] if span else ""


def item_span(text: str, start: int) -> tuple[int, int] | None:
    """Where the heading line of the list item a sentence at `start` stands under is."""
    items = list(_ITEM.finditer(text, max(0, start - _ITEM_REACH), start))
    # The item's number is left out: quoted, it would read as a figure of the answer.
    return (items[-1].start(1), items[-1].end(1)) if items else None
