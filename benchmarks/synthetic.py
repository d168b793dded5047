"""A deterministic synthetic corpus of Swedish-like FoU documents, and questions about it.

Documents are built from templates and word lists (districts, projects, organisations,
amounts, dates, quotes), so they read like the real corpus: press releases, minutes and
news with grants, quotes and background paragraphs. Document `i` depends only on the
seed and `i`, so a larger corpus contains every document of a smaller one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = "synthetic-v1"

DISTRICTS = (
    "Rinkeby-Kista", "Spånga-Tensta", "Hässelby-Vällingby", "Bromma", "Kungsholmen",
    "Norrmalm", "Östermalm", "Södermalm", "Enskede-Årsta-Vantör", "Skarpnäck", "Farsta",
    "Älvsjö", "Hägersten-Liljeholmen", "Skärholmen", "Bredäng", "Vårberg", "Husby",
    "Tensta", "Rågsved", "Hagsätra",
)  # fmt: skip
GROUPS = (
    "unga vuxna", "barnfamiljer", "äldre med missbruk", "våldsutsatta kvinnor",
    "ensamkommande barn", "personer i hemlöshet", "anhöriga", "unga i riskzon",
    "föräldrar till tonåringar", "personer med psykisk ohälsa", "nyanlända familjer",
)  # fmt: skip
TOPICS = (
    "föräldraskapsstöd", "uppsökande arbete", "Housing First", "anhörigstöd",
    "våld i nära relationer", "missbruksvård", "evidensbaserad praktik", "kamratstöd",
    "sommarlovsaktiviteter", "skolsamverkan", "boendestöd", "brottsförebyggande arbete",
    "digitala tjänster", "kompetensutveckling", "barnrättsarbete", "ekonomiskt bistånd",
)  # fmt: skip
ORG_HEADS = (
    "Stiftelsen", "Föreningen", "Nätverket", "Kooperativet", "Ideella föreningen",
)  # fmt: skip
ORG_NAMES = (
    "Tryggt Tak", "Lindansaren", "Framsteg", "Nya Vägar", "Gemenskap", "Solrosen",
    "Bryggan", "Fyrtornet", "Stöttepelaren", "Ankaret", "Vägvisaren", "Kompassen",
)  # fmt: skip
FIRST = (
    "Anna", "Erik", "Leyla", "Johan", "Sara", "Mehmet", "Karin", "Ahmed", "Eva", "Lars",
    "Nadia", "Per", "Cecilia", "Henrik", "Maria", "Omar",
)  # fmt: skip
LAST = (
    "Lindqvist", "Berglöw", "Forsmark", "Wahlgård", "Ståhlberg", "Nyström", "Ekholm",
    "Sandberg", "Hedlund", "Öberg", "Karlsson", "Åkesson", "Dahl", "Björk",
)  # fmt: skip
PARTIES = ("S", "M", "V", "L", "C", "KD", "MP", "SD")
ROLES = (
    "ordförande i socialnämnden", "socialborgarrådet", "vice ordförande i socialnämnden",
    "ordförande i stadsdelsnämnden", "oppositionsborgarråd", "ledamot i socialnämnden",
)  # fmt: skip
KINDS = ("press_release", "news", "minutes", "decision", "agenda")
MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
)  # fmt: skip
QUOTES = (
    "Det här är en viktig satsning för {group} i {district}",
    "Med pengarna kan vi nå fler {group} innan problemen växer",
    "Vi har väntat länge på att {topic} ska få den uppmärksamhet det förtjänar",
    "Pengarna räcker inte, och de kommer för sent för {group}",
    "Forskningen visar att {topic} ger resultat när vi arbetar långsiktigt",
)  # fmt: skip
BACKGROUND = (
    "Socialförvaltningen följer upp insatsen och redovisar resultaten till nämnden under "
    "hösten. Erfarenheterna ska spridas till stadens övriga stadsdelar.",
    "Arbetet med {topic} är ett av de prioriterade områdena i socialnämndens forsknings- och "
    "utvecklingsplan, som lyfter behovet av kunskapsbaserade metoder.",
    "Insatsen riktar sig till {group} och genomförs i samverkan med skolor, fritidsgårdar, "
    "polisen och lokala föreningar i {district}.",
    "Under förra året deltog drygt {people} personer i verksamheten, och väntelistan har "
    "vuxit sedan dess. Förvaltningen bedömer att behovet fortsätter att öka.",
    "Projektet utvärderas av en extern forskare, och en rapport om {topic} väntas till "
    "årsskiftet. Metoden har tidigare prövats i {other} med goda resultat.",
    "Nämnden betonar att {topic} ska bygga på bästa tillgängliga kunskap, brukarnas "
    "erfarenheter och professionens expertis, i enlighet med evidensbaserad praktik.",
    "Stadsdelsförvaltningen i {district} har sedan {year} byggt upp ett nätverk av "
    "kontaktpersoner som möter {group} i vardagen, på kvällar och helger.",
    "Kritiker i nämnden menar att {topic} borde finansieras långsiktigt i budgeten i stället "
    "för med tillfälliga projektmedel som måste sökas på nytt varje år.",
    "Ansökan bedömdes av en referensgrupp med representanter för forskningen, brukarna och "
    "förvaltningen. Den fick högst poäng av de {people} ansökningar som kom in.",
    "En liknande verksamhet i {other} har minskat antalet orosanmälningar, men resultaten "
    "går inte direkt att överföra till {district}, skriver utredaren.",
    "Pengarna kommer ur stadens stimulansmedel och får inte användas till löpande drift. "
    "Det som inte används ska betalas tillbaka till socialnämnden.",
    "Fackförbundet välkomnar satsningen men påpekar att socialsekreterarna i {district} "
    "redan har en hög arbetsbelastning och behöver mer tid för {group}.",
)  # fmt: skip


@dataclass(frozen=True)
class Grant:
    """The grant a document announces, for asking about it later."""

    district: str
    org: str
    topic: str
    group: str
    amount: int
    year: int
    speaker: str
    quote: str


def amount_words(amount: int) -> str:
    """An amount as the documents write it: "350 000 kronor", "2,5 miljoner kronor"."""
    if amount >= 1_000_000:
        millions = f"{amount / 1_000_000:.1f}".replace(".", ",").removesuffix(",0")
        return f"{millions} miljoner kronor"
    return f"{amount:,} kronor".replace(",", " ")


def document(seed: int, index: int) -> tuple[str, str, Grant]:
    """File name, text (front matter and body, about 4,000 characters) and its grant."""
    rng = random.Random(f"{seed}:{index}")
    pick = rng.choice
    district, group, topic = pick(DISTRICTS), pick(GROUPS), pick(TOPICS)
    org = f"{pick(ORG_HEADS)} {pick(ORG_NAMES)}"
    year, month, day = rng.randint(2013, 2025), rng.randint(1, 12), rng.randint(1, 28)
    amount = rng.choice((5_000, 25_000, 100_000, 500_000)) * rng.randint(1, 40)
    speaker = f"{pick(FIRST)} {pick(LAST)}"
    fill = {"group": group, "district": district, "topic": topic}
    quote = pick(QUOTES).format(**fill)
    kind = pick(KINDS)
    title = f"{district}: {amount_words(amount)} till {topic} för {group} {year}"
    date_sv = f"{day} {MONTHS[month - 1]} {year}"
    paragraphs = [
        f"# {title}",
        f"Socialnämnden beslutade den {date_sv} att bevilja {org} {amount_words(amount)} "
        f"för projektet {topic.capitalize()} i {district}. Pengarna ska användas under "
        f"{year} och {year + 1} för att stärka stödet till {group}.",
        f"– {quote}. Nu kan vi göra skillnad på riktigt, säger {speaker} "
        f"({pick(PARTIES)}), {pick(ROLES)}.",
    ]
    for _ in range(rng.randint(14, 17)):
        other = pick(DISTRICTS)
        people = rng.randint(40, 900)
        text = pick(BACKGROUND).format(**fill, other=other, people=people, year=year - 2)
        paragraphs.append(text)
        if rng.random() < 0.25:
            extra = rng.choice((20_000, 75_000, 150_000)) * rng.randint(1, 10)
            paragraphs.append(
                f"Dessutom fick {other} {amount_words(extra)} för {pick(TOPICS)} riktat till "
                f"{pick(GROUPS)}, enligt beslut i {MONTHS[rng.randint(0, 11)]} {year}."
            )
    front = (
        f"---\ntitle: {title}\ndate: {year}-{month:02d}-{day:02d}\nkind: {kind}\n"
        f"url: https://fou-bot.example/syntetisk/{index:06d}\n---\n"
    )
    name = f"{index:06d}-{district.lower()}-{year}.md"
    return (
        name,
        front + "\n\n".join(paragraphs) + "\n",
        Grant(district, org, topic, group, amount, year, speaker, quote),
    )


def write_documents(folder: Path, seed: int, start: int, end: int) -> list[Path]:
    """Write documents start..end-1 into folder (keeping files already there); their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(start, end):
        name, text, _ = document(seed, index)
        path = folder / name
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def questions(seed: int, documents: int, count: int) -> list[str]:
    """`count` varied questions about the first `documents` documents (amount, who said,
    recipients, when, aggregate, why, glossary, off-topic)."""
    rng = random.Random(f"{seed}:questions")
    asked: list[str] = []
    for n in range(count):
        g = document(seed, rng.randrange(documents))[2]
        templates = (
            f"Hur mycket pengar fick {g.org} för {g.topic} i {g.district}?",
            f"Vem sa att {g.quote[0].lower() + g.quote[1:]}?",
            f"Vilka fick pengar för {g.topic} till {g.group} {g.year}?",
            f"När beslutade socialnämnden om stödet till {g.org}?",
            f"Hur mycket har {g.district} fått totalt för {g.topic}?",
            f"Varför fick {g.district} pengar till {g.topic}?",
            f"Vad är {g.topic}?",
            f"Har vi något citat från {g.speaker} om {g.group}?",
            f"hur mkt fick {g.district.lower()} {g.year}",
            "Vad kostar en månadsbiljett i kollektivtrafiken?",
        )
        asked.append(templates[n % len(templates)])
    return asked
