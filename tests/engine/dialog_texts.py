"""Small fictional documents written for the quote-draft, follow-up and allocation tests.

Each corpus is a handful of short texts ingested through the real pipeline
(`tests/engine/corpus.py`), so drafts and follow-ups are read from a real store.
"""

from __future__ import annotations

from pathlib import Path

_FICTION = "Fiktivt exempel – dokumentet är påhittat för fou-bots tester."

# --- Quote drafts: a Stockholm politician with a quote, and another city's programme ----

POLITICIAN = "Maja Törnblad"
ABSENT = "Elsa Granmyr"
OTHER_CITY_POLITICIAN = "Ove Lindahl"
POLITICIAN_QUOTE = (
    "Ingen ung människa ska behöva sova ute i Stockholm. Med nattpatrullen når vi dem "
    "som ingen annan når"
)
STOCKHOLM_FACT = (
    "Socialnämnden i Stockholms stad beslutade den 5 mars 2024 att ge Enskede-Årsta-Vantörs "
    "stadsdelsförvaltning 900 000 kronor för en nattpatrull som söker upp hemlösa unga."
)
GOTEBORG_FACT = (
    "Socialnämnden Nordost i Göteborg har beslutat att fördela 2,4 miljoner kronor till ett "
    "parkteam för unga i Angered."
)

QUOTE_DOCUMENTS = {
    "stockholm-nattpatrull-hemlosa-unga-2024": f"""---
title: Stockholms stad startar nattpatrull för hemlösa unga
date: 2024-03-06
kind: press_release
url: https://fou-bot.example/stockholm/press/nattpatrull
---
{_FICTION}

# Stockholms stad startar nattpatrull för hemlösa unga

{STOCKHOLM_FACT} Patrullen arbetar i Stockholm på kvällar och nätter från april.

– {POLITICIAN_QUOTE}, säger socialborgarrådet {POLITICIAN} (S).

Stockholms stad följer upp arbetet i december 2024.
""",
    "goteborg-parkteam-angered-2024": f"""---
title: Göteborg satsar 2,4 miljoner kronor på parkteam i Angered
date: 2024-05-14
kind: press_release
url: https://fou-bot.example/goteborg/press/parkteam
---
{_FICTION}

# Göteborg satsar 2,4 miljoner kronor på parkteam i Angered

{GOTEBORG_FACT} Parkteamet ska möta unga i Göteborg på kvällar i parker och på torg.

– Parkteamet gör Angered tryggare för alla unga i Göteborg, säger {OTHER_CITY_POLITICIAN} (M),
ordförande i socialnämnden Nordost i Göteborg.

Göteborgs stad utvärderar parkteamet efter ett år.
""",
}

# --- Follow-ups: two districts, the same kind of grant, different reasons -------------

FIRST_DISTRICT, SECOND_DISTRICT = "Hässelby-Vällingby", "Bromma"
FIRST_REASON = "träffpunkter där äldre kan äta lunch tillsammans"
SECOND_REASON = "hembesök av volontärer hos äldre som bor ensamma"

FOLLOWUP_DOCUMENTS = {
    "hasselby-vallingby-ensamhet-aldre-2025": f"""---
title: Hässelby-Vällingby får pengar mot ensamhet bland äldre
date: 2025-02-10
kind: decision
---
{_FICTION}

# Hässelby-Vällingby får pengar mot ensamhet bland äldre

Socialnämnden beviljar Hässelby-Vällingby stadsdelsförvaltning 450 000 kronor för att bryta
ensamheten bland äldre under 2025.

Pengarna ska användas till {FIRST_REASON}, eftersom många äldre i stadsdelen äter ensamma.
""",
    "bromma-ensamhet-aldre-2025": f"""---
title: Bromma får pengar mot ensamhet bland äldre
date: 2025-02-10
kind: decision
---
{_FICTION}

# Bromma får pengar mot ensamhet bland äldre

Socialnämnden beviljar Bromma stadsdelsförvaltning 300 000 kronor för att bryta ensamheten
bland äldre under 2025.

Pengarna ska användas till {SECOND_REASON}, eftersom många äldre i stadsdelen saknar anhöriga
i närheten.
""",
}

# --- Earlier and later figures: one allocation restated, or two different ones -------------


def _decision(source: str, date: str, district: str, amount: str, purpose: str) -> tuple[str, str]:
    return (
        source,
        f"""---
title: Beslut om bidrag till {district} {date}
date: {date}
kind: decision
---
{_FICTION}

# Beslut om bidrag till {district}

Socialnämnden beviljar {district}s stadsdelsförvaltning {amount} kronor för {purpose} för barn i
årskurs 4–6 under läsåret.
""",
    )


HOMEWORK = "läxhjälp"
FIRST_DECISION = _decision(
    "beslut-laxhjalp-februari", "2024-02-01", "Skarpnäck", "700 000", HOMEWORK
)
RESTATED = _decision("beslut-laxhjalp-september", "2024-09-03", "Skarpnäck", "750 000", HOMEWORK)
OTHER_PURPOSE = _decision(
    "beslut-sommarlov-september", "2024-09-03", "Skarpnäck", "500 000", "sommarlovsaktiviteter"
)
OTHER_RECIPIENT = _decision(
    "beslut-laxhjalp-alvsjo-september", "2024-09-03", "Älvsjö", "500 000", HOMEWORK
)


def write_documents(folder: Path, documents: dict[str, str]) -> list[Path]:
    """Write each text as `<source>.md` into `folder`; the paths, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for source, text in documents.items():
        path = folder / f"{source}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
