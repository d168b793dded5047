"""The engine's fixed phrases in Swedish and English; answers follow the question's language."""

from __future__ import annotations

from prompts.messages import NO_ANSWER_EN, NO_ANSWER_SV

KIND_LABELS = {
    "sv": {
        "press_release": "pressmeddelande",
        "decision": "beslut",
        "fou_plan": "FoU-dokument",
        "meeting_agenda": "sammanträdeshandling",
        "news": "nyhetsartikel",
        "other": "dokument",
    },
    "en": {
        "press_release": "press release",
        "decision": "decision",
        "fou_plan": "R&D document",
        "meeting_agenda": "meeting papers",
        "news": "news article",
        "other": "document",
    },
}

# Words marking a figure fou-bot computed rather than quoted, in every language.
COMPUTED_MARKS = ("beräknad av fou-bot", "computed by fou-bot")

PHRASES = {
    "sv": {
        "no_answer": NO_ANSWER_SV,
        "nearest": "Närmast i dokumenten:",
        "undated": "odaterat",
        "according": "enligt {label} {date}",
        "according_undated": "enligt {label} (odaterat)",
        "amount": "{amount}, {according} {marker}.",
        "applied": "Dokumenten visar bara ett sökt belopp, inget beviljat: {amount}, {according} "
        "{marker}.",
        "proposed": "Det är ett förslag, inte ett beslut: {amount}, {according} {marker}.",
        "refused": "Det är ett avslag: {amount} söktes men beviljades inte, {according} {marker}.",
        "untied_names": "Närmast finns detta, {according} {marker}, men där står inget belopp "
        "för just {names}:",
        "untied_year": "Närmast finns detta, {according} {marker}: beloppet där gäller ett "
        "annat år än det du frågar om:",
        "untied_topic": "Närmast finns detta, {according} {marker}, men beloppet där gäller "
        "inte uttryckligen det du frågar om:",
        "untied_part": "Närmast finns detta, {according} {marker}: beloppet där är en del, "
        "inte den summa du frågar efter:",
        "untied_cap": "Närmast finns detta, {according} {marker}: beloppet där är ett tak "
        "(högsta belopp), inte vad som faktiskt beviljades eller betalades ut:",
        "untied_pot": "Närmast finns detta, {according} {marker}: beloppet där är en "
        "sammanlagd pott för flera, inte andelen för {names}:",
        "untied_annual": "Närmast finns detta, {according} {marker}: beloppet där gäller per "
        "år, inte hela perioden:",
        "untied_currency": "Närmast finns detta, {according} {marker}: beloppet anges i en "
        "annan valuta än kronor och räknas inte om:",
        "untied_count": "Närmast finns detta, {according} {marker}: där står ett belopp, inte "
        "det antal du frågar efter:",
        "untied_given": "Dokumenten anger inget annat belopp än det frågan själv nämner; "
        "närmast, {according} {marker}:",
        "untied_applied": "Dokumenten visar bara ett sökt belopp, inget beslut om det du "
        "frågar om, {according} {marker}:",
        "untied_proposed": "Dokumenten visar bara ett förslag, inget beslut, {according} {marker}:",
        "untied_refused": "Dokumenten visar ett avslag, inget beviljat belopp, {according} "
        "{marker}:",
        "untied_granted": "Dokumenten anger ett beslutat belopp, inte det förslag eller den "
        "ansökan du frågar om, {according} {marker}:",
        "earlier": "Tidigare, i {label} {date}, angavs {amount} {marker}.",
        "later": "Senare, i {label} {date}, angavs {amount} {marker}.",
        "recipients": "{names}, {according} {marker}.",
        "said": "{speaker} sa det, {according} {marker}.",
        "why": "Enligt {label} {date} {marker}:",
        "when": "{date_phrase}, {according} {marker}.",
        "decided_when": "{date_phrase}, vid sammanträdet där beslutet fattades, {according} "
        "{marker}.",
        "total": "Sammanlagt {total} (summa beräknad av fou-bot av {parts}).",
        "stated_total": "Sammanlagt {amount}, {according} {marker}.",
        "difference": "Skillnaden är {difference} (beräknad av fou-bot: {high} − {low}).",
        "over_period": "{total} för hela perioden (beräknad av fou-bot: {amount} per år × "
        "{years} år) {marker}.",
        "note_proposed": "Det är ett förslag, inte ett beslut:",
        "note_applied": "Dokumenten visar bara ett sökt belopp, inget beviljat:",
        "list_over": "Dessa belopp över {threshold} framgår av dokumenten:",
        "quote_intro": "Ur källan:",
        "open": "Enligt {label} {date} {marker}:",
        "explain": "{term}: {explanation}",
        "glossary": "(ordlistan)",
    },
    "en": {
        "no_answer": NO_ANSWER_EN,
        "nearest": "Nearest in the documents:",
        "undated": "undated",
        "according": "according to the {label} of {date}",
        "according_undated": "according to the {label} (undated)",
        "amount": "{amount}, {according} {marker}.",
        "applied": "The documents only show an amount applied for, not granted: {amount}, "
        "{according} {marker}.",
        "proposed": "That is a proposal, not a decision: {amount}, {according} {marker}.",
        "refused": "That is a refusal: {amount} was applied for but not granted, {according} "
        "{marker}.",
        "untied_names": "The nearest evidence is this, {according} {marker}, but it states no "
        "amount for {names} itself:",
        "untied_year": "The nearest evidence is this, {according} {marker}: its amount is for "
        "another year than the one you ask about:",
        "untied_topic": "The nearest evidence is this, {according} {marker}, but its amount is "
        "not stated for what you ask about:",
        "untied_part": "The nearest evidence is this, {according} {marker}: its amount is one "
        "part, not the sum you ask for:",
        "untied_cap": "The nearest evidence is this, {according} {marker}: its amount is a cap "
        "(the most that may be given), not what was actually granted or paid out:",
        "untied_pot": "The nearest evidence is this, {according} {marker}: its amount is a pot "
        "shared by several, not the share of {names}:",
        "untied_annual": "The nearest evidence is this, {according} {marker}: its amount is "
        "per year, not for the whole period:",
        "untied_currency": "The nearest evidence is this, {according} {marker}: its amount is "
        "in another currency than kronor and is not converted:",
        "untied_count": "The nearest evidence is this, {according} {marker}: it states an "
        "amount, not the number you ask for:",
        "untied_given": "The documents state no other amount than the one the question gives; "
        "nearest, {according} {marker}:",
        "untied_applied": "The documents only show an amount applied for, no decision on what "
        "you ask about, {according} {marker}:",
        "untied_proposed": "The documents only show a proposal, no decision, {according} {marker}:",
        "untied_refused": "The documents show a refusal, no amount granted, {according} {marker}:",
        "untied_granted": "The documents state a decided amount, not the proposal or "
        "application you ask about, {according} {marker}:",
        "earlier": "Earlier, the {label} of {date} stated {amount} {marker}.",
        "later": "Later, the {label} of {date} stated {amount} {marker}.",
        "recipients": "{names}, {according} {marker}.",
        "said": "{speaker} said it, {according} {marker}.",
        "why": "According to the {label} of {date} {marker}:",
        "when": "{date_phrase}, {according} {marker}.",
        "decided_when": "{date_phrase}, at the meeting that took the decision, {according} "
        "{marker}.",
        "total": "In total {total} (sum computed by fou-bot from {parts}).",
        "stated_total": "In total {amount}, {according} {marker}.",
        "difference": "The difference is {difference} (computed by fou-bot: {high} − {low}).",
        "over_period": "{total} for the whole period (computed by fou-bot: {amount} a year × "
        "{years} years) {marker}.",
        "note_proposed": "That is a proposal, not a decision:",
        "note_applied": "The documents only show an amount applied for, not granted:",
        "list_over": "These amounts over {threshold} appear in the documents:",
        "quote_intro": "From the source:",
        "open": "According to the {label} of {date} {marker}:",
        "explain": "{term}: {explanation}",
        "glossary": "(glossary)",
    },
}


def phrase(language: str, key: str, **values: str) -> str:
    """A fixed phrase in the question's language, filled in."""
    table = PHRASES.get(language, PHRASES["sv"])
    return table[key].format(**values)


def kind_label(language: str, kind: str) -> str:
    """What to call a kind of document in running text."""
    labels = KIND_LABELS.get(language, KIND_LABELS["sv"])
    return labels.get(kind, labels["other"])
