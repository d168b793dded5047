"""Every user-facing Swedish string of the Slack bot, in one place.

Templates use `str.format` placeholders; values from users or documents must be
escaped by the caller (see `blocks.escape`) before they are put in.
"""

from __future__ import annotations

# --- Working and progress -------------------------------------------------------
WORKING = "Letar i dokumenten …"
WORKING_STATUS = "letar i dokumenten …"
LOADING_MESSAGES = (
    "Letar i dokumenten …",
    "Läser de bästa träffarna …",
    "Sammanställer svaret med källor …",
)

# --- Questions --------------------------------------------------------------------
EMPTY_QUESTION = (
    "Skriv din fråga efter mitt namn, till exempel: "
    "_Hur mycket pengar fick Skärholmen för arbetet med unga vuxna?_ "
    "Skriv `/fou hjälp` för att se allt jag kan."
)
TOO_LONG = (
    "Frågan är för lång ({length} tecken). Korta ner den till högst {limit} tecken "
    "och fråga igen – en fråga i taget ger bäst svar."
)
ERROR = (
    "Tyvärr gick något fel när jag skulle svara. Försök igen om en stund. "
    "Om felet kvarstår, kontakta support och uppge felkod `{error_id}`."
)
MALFORMED = (
    "Jag kunde inte läsa ditt meddelande. Försök att skicka det igen. "
    "Om felet kvarstår, kontakta support och uppge felkod `{error_id}`."
)
NOT_ALLOWED_HERE = (
    "FoU-boten är inte aktiverad i den här kanalen. "
    "Fråga mig i ett direktmeddelande eller be en administratör att lägga till kanalen."
)

# --- Answers ------------------------------------------------------------------------
SOURCES_HEADING = "*Källor*"
PAGE = "s. {page}"
LLM_FALLBACK_NOTICE = (
    "Språkmodellen svarade inte i tid, så svaret bygger direkt på utdragen ur dokumenten."
)
DRAFT_WARNING = (
    ":warning: *Utkast till citat* – kontrollera fakta mot källorna och stäm av "
    "med den som citeras innan texten används."
)
TRUNCATED = "… _(svaret är förkortat)_"
SHARED_BY = "Delat av <@{user}>"
BUTTON_SHOW_SOURCES = "Visa källor"
BUTTON_SHARE = "Dela i kanalen"
BUTTON_HELPFUL = "👍"
BUTTON_NOT_HELPFUL = "👎"
FALLBACK_SOURCES = "Källor: {sources}"
NO_ANSWER_TEXT = "Jag hittade inget svar i dokumenten."

# --- Revealed quotes ----------------------------------------------------------------
QUOTES_HEADING = "*Citerade avsnitt*"
NO_QUOTES = "Svaret har inga citerade källor."
ANSWER_GONE = (
    "Jag hittar inte längre det svaret, så jag kan inte visa källorna eller spara "
    "återkopplingen. Ställ gärna frågan igen."
)

# --- Feedback -------------------------------------------------------------------------
FEEDBACK_THANKS_HELPFUL = "Tack för återkopplingen! Skönt att svaret hjälpte. 👍"
FEEDBACK_THANKS_NOT_HELPFUL = (
    "Tack för återkopplingen! Vi använder den för att göra svaren bättre. 👎"
)

# --- Slash command --------------------------------------------------------------------
HELP_TITLE = "FoU-boten – hjälp"
HELP = (
    "Jag svarar på frågor om socialförvaltningens dokument och anger alltid källor.\n"
    "• *Nämn mig i en kanal:* `@FoU-boten Hur mycket fick Skärholmen för unga vuxna?` "
    "– jag svarar i tråden, och följdfrågor i samma tråd förstår sammanhanget.\n"
    "• *Skriv till mig* i ett direktmeddelande.\n"
    "• `/fou <fråga>` – ett svar som bara du ser, med en knapp för att dela det i kanalen.\n"
    "• `/fou citat <politiker>: <ämne>` – utkast till citat för pressarbete, byggt på källor.\n"
    "• `/fou intro <begrepp>` – förklaring av ett begrepp eller program för nya medarbetare.\n"
    "• `/fou källor` – vad som finns inläst.\n"
    "• `/fou hjälp` – den här hjälpen.\n"
    "Tryck *Visa källor* för att se de exakta citerade avsnitten, "
    "och 👍 eller 👎 för att berätta om svaret hjälpte."
)
CITAT_USAGE = (
    "Skriv så här: `/fou citat <politiker>: <ämne>`, "
    "till exempel `/fou citat Anna Svensson: hemlöshet bland unga`."
)
INTRO_USAGE = "Skriv så här: `/fou intro <begrepp>`, till exempel `/fou intro FoU-plan`."

# --- Index overview (/fou källor) ----------------------------------------------------
OVERVIEW_TITLE = "Inlästa källor"
OVERVIEW_COUNTS = (
    "*{documents}* dokument, *{chunks}* textavsnitt och *{grants}* beslutade eller "
    "föreslagna belopp."
)
OVERVIEW_EMPTY = "Inga dokument är inlästa ännu. En administratör kan ladda upp filer till mig."
OVERVIEW_BY_KIND = "*Per typ:* {kinds}"
OVERVIEW_NEWEST = "*Senast tillagda:*"
OVERVIEW_LAST_INGEST = "Senaste inläsning: {when}"
OVERVIEW_NEVER_INGESTED = "Ingen inläsning har gjorts ännu."
KIND_LABEL = {
    "press_release": "pressmeddelande",
    "decision": "beslut",
    "fou_plan": "FoU-plan",
    "meeting_agenda": "föredragningslista",
    "news": "nyhet",
}
KIND_LABELS = {
    "press_release": "pressmeddelanden",
    "decision": "beslut",
    "fou_plan": "FoU-planer",
    "meeting_agenda": "föredragningslistor",
    "news": "nyheter",
    "other": "övrigt",
}

# --- Uploads -----------------------------------------------------------------------------
UPLOAD_NOT_ADMIN = (
    "Tack för filen! Bara administratörer kan lägga till dokument i mina källor, "
    "så jag har inte läst in den. Kontakta en administratör om dokumentet borde finnas med."
)
UPLOAD_TOO_LARGE = (
    "Filen *{name}* är för stor ({size_mb} MB). Jag kan läsa in filer på högst {limit_mb} MB; "
    "dela upp dokumentet eller exportera det i mindre storlek."
)
UPLOAD_UNSUPPORTED = (
    "Filen *{name}* kan jag inte läsa in. Jag läser PDF, Word (.docx), text (.txt), "
    "Markdown (.md) och HTML."
)
UPLOAD_WORKING = "Läser in *{name}* …"
UPLOAD_FAILED = (
    "Jag kunde inte läsa in *{name}*. Försök igen, och uppge felkod `{error_id}` "
    "till support om felet kvarstår."
)
UPLOAD_FAILED_BECAUSE = "Jag kunde inte läsa in *{name}*: {reason} (felkod `{error_id}`)"
UPLOAD_SUMMARY = (
    "Inläsningen av *{name}* är klar: {added} ny, {updated} uppdaterad, "
    "{unchanged} oförändrad och {failed} misslyckad. "
    "{chunks} textavsnitt sparades och {redactions} personuppgifter maskerades."
)
UPLOAD_FAILURE_REASON = "• *{path}*: {reason}"
UPLOAD_DUPLICATE = "• *{path}* finns redan inläst som *{original}* och sparades inte en gång till."
UPLOAD_UNKNOWN_REASON = "okänt fel"
UPLOAD_WARNING = "• {warning}"

# --- Suggested prompts in the assistant view ------------------------------------------
PROMPTS_TITLE = "Förslag på frågor"
SUGGESTED_PROMPTS = (
    ("Vad finns inläst?", "Vilka typer av dokument finns inlästa och vilka är nyast?"),
    (
        "Beviljade medel",
        "Hur mycket pengar har beviljats för arbetet med unga vuxna?",
    ),
    ("Förklara ett begrepp", "Vad är en FoU-plan och vem beslutar om den?"),
)
