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
