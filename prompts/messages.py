"""Fixed user-facing sentences shared by the prompt files, the engine and the tests.

The prompt files never spell these out: they name a placeholder (`{no_answer}`,
`{draft_mark}`) that the engine fills from here, so a model's reply can be compared
with the exact constant and the tests assert against the same string.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

NO_ANSWER_SV = "Det kan jag inte svara på utifrån dokumenten."
NO_ANSWER_EN = "The documents do not answer that."

DRAFT_MARK_SV = "UTKAST – kontrollera citatet mot källorna och med politikern innan det används."
DRAFT_MARK_EN = "DRAFT – check the quote against the sources and with the politician before use."

LLM_FALLBACK_NOTICE_SV = (
    "Språkmodellen svarade inte i tid eller gav inget användbart svar; "
    "det här är svaret hämtat direkt ur dokumenten."
)
LLM_FALLBACK_NOTICE_EN = (
    "The language model did not answer in time or gave no usable answer; "
    "this is the answer taken directly from the documents."
)

LLM_UNGROUNDED_NOTICE_SV = (
    "Språkmodellens svar innehöll en siffra som inte finns i källorna; "
    "det här är svaret hämtat direkt ur dokumenten."
)
LLM_UNGROUNDED_NOTICE_EN = (
    "The language model's answer contained a figure that is not in the sources; "
    "this is the answer taken directly from the documents."
)

NO_ANSWER: Mapping[str, str] = MappingProxyType({"sv": NO_ANSWER_SV, "en": NO_ANSWER_EN})
DRAFT_MARK: Mapping[str, str] = MappingProxyType({"sv": DRAFT_MARK_SV, "en": DRAFT_MARK_EN})
LLM_FALLBACK_NOTICE: Mapping[str, str] = MappingProxyType(
    {"sv": LLM_FALLBACK_NOTICE_SV, "en": LLM_FALLBACK_NOTICE_EN}
)
LLM_UNGROUNDED_NOTICE: Mapping[str, str] = MappingProxyType(
    {"sv": LLM_UNGROUNDED_NOTICE_SV, "en": LLM_UNGROUNDED_NOTICE_EN}
)

# Said to every question while no document is indexed (the CLI prints its own English line).
EMPTY_INDEX_SV = (
    "Inga dokument är indexerade ännu, så jag kan inte svara. "
    "En administratör fyller indexet med `fou-bot ingest MAPP` "
    "(eller laddar upp en fil till mig i ett direktmeddelande)."
)

# Quote drafts: the code's own lines around the cited facts and earlier quotes.
QUOTE_DRAFT: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "sv": MappingProxyType(
            {
                "absent": "{name} förekommer inte i dokumenten: det finns inga tidigare citat "
                "av {name}, och inget nedan är sagt av {name}.",
                "unquoted": "{name} nämns i dokumenten men citeras inte där; det finns inga "
                "tidigare citat att utgå från.",
                "facts": "Fakta om {topic} att bygga citatet på (ur dokumenten, inte citat "
                "av {name}):",
                "unknown_place": "Varken ämnet eller politikerns dokument anger kommun; "
                "kontrollera att fakta gäller rätt kommun.",
                "no_facts": "Dokumenten har inga fakta om {topic} att bygga ett citat på.",
                "no_facts_in": "Dokumenten har inga fakta om {topic} för {places} att bygga "
                "ett citat på.",
                "style": "Tidigare citat av {name}, ordagrant, som stilexempel:",
                "model": "Formulering av språkmodellen att arbeta vidare med (inte sagt av "
                "{name}):",
            }
        ),
        "en": MappingProxyType(
            {
                "absent": "{name} appears in none of the documents: there are no earlier "
                "quotes of {name}, and nothing below was said by {name}.",
                "unquoted": "{name} is named in the documents but never quoted; there are no "
                "earlier quotes to go by.",
                "facts": "Facts about {topic} to build the quote on (from the documents, not "
                "quotes of {name}):",
                "unknown_place": "Neither the topic nor the politician's documents name a "
                "municipality; check that the facts are about the right one.",
                "no_facts": "The documents hold no facts about {topic} to build a quote on.",
                "no_facts_in": "The documents hold no facts about {topic} for {places} to "
                "build a quote on.",
                "style": "Earlier quotes of {name}, verbatim, as style examples:",
                "model": "Wording by the language model to work from (not said by {name}):",
            }
        ),
    }
)
