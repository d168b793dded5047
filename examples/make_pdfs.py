"""Generate the two PDF documents of the fictional example corpus.

Run from the repository root:

    .venv/bin/python examples/make_pdfs.py

It writes ``examples/corpus/01-fou-plan-socialtjansten-2024-2026.pdf`` and
``examples/corpus/02-fou-medel-lokala-utvecklingsprojekt-2024.pdf``. The output is
byte-for-byte reproducible for a given fpdf2 version (fixed creation dates; fpdf2
derives the file id from the content).

Everything in these documents is invented. The core Helvetica font only covers latin-1,
so the texts use "-" instead of en dashes and plain quotes only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
FICTION_NOTE = "Fiktivt exempel - dokumentet är påhittat för fou-bots exempelkorpus."
FONT = "Helvetica"
LINE_H = 5.2


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Table:
    caption: str
    header: tuple[str, str, str]
    rows: Sequence[tuple[str, str, str]]
    total: tuple[str, str, str]


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | Table | PageBreak


@dataclass(frozen=True)
class PdfSpec:
    filename: str
    title: str
    subject: str
    keywords: str
    running_head: str
    created: dt.date
    blocks: Sequence[Block]


class CorpusPdf(FPDF):
    """A4 page with a small running head ("... Sida n (N)") and the fiction note at the foot."""

    def __init__(self, running_head: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.running_head = running_head
        self.set_margins(left=20, top=18, right=20)
        self.set_auto_page_break(auto=True, margin=20)

    def header(self) -> None:
        self.set_font(FONT, size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, self.running_head, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, f"Sida {self.page_no()} ({{nb}})", align="R")
        self.ln(10)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FONT, style="I", size=7)
        self.set_text_color(120, 120, 120)
        self.cell(0, 4, FICTION_NOTE, align="C")
        self.set_text_color(0, 0, 0)


def _check_latin1(text: str) -> None:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError as exc:
        bad = text[exc.start : exc.end]
        raise ValueError(f"not latin-1 (core font cannot draw it): {bad!r} in {text!r}") from exc


def _render(pdf: CorpusPdf, block: Block) -> None:
    if isinstance(block, PageBreak):
        pdf.add_page()
    elif isinstance(block, Heading):
        _check_latin1(block.text)
        size = {0: 16, 1: 12.5, 2: 10.5}[block.level]
        pdf.ln(2 if block.level else 0)
        pdf.set_font(FONT, style="B", size=size)
        pdf.multi_cell(0, size * 0.5, block.text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    elif isinstance(block, Para):
        _check_latin1(block.text)
        pdf.set_font(FONT, style="B" if block.bold else "", size=10)
        pdf.multi_cell(0, LINE_H, block.text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    else:
        _render_table(pdf, block)


def _render_table(pdf: CorpusPdf, table: Table) -> None:
    for cell in (table.caption, *table.header, *table.total, *(c for r in table.rows for c in r)):
        _check_latin1(cell)
    pdf.set_font(FONT, style="B", size=10)
    pdf.multi_cell(0, LINE_H, table.caption, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font(FONT, size=9)
    with pdf.table(
        col_widths=(70, 72, 28),
        text_align=("LEFT", "LEFT", "RIGHT"),
        line_height=6,
        headings_style=FontFace(emphasis="BOLD", fill_color=(225, 225, 225)),
    ) as grid:
        for row in (table.header, *table.rows):
            cells = grid.row()
            for value in row:
                cells.cell(value)
        total = grid.row()
        for value in table.total:
            total.cell(value, style=FontFace(emphasis="BOLD"))
    pdf.set_font(FONT, size=10)
    pdf.ln(3)


def build(spec: PdfSpec) -> Path:
    pdf = CorpusPdf(spec.running_head)
    created = dt.datetime.combine(spec.created, dt.time(9, 0), tzinfo=dt.UTC)
    pdf.set_creation_date(created)
    pdf.set_title(spec.title)
    pdf.set_subject(spec.subject)
    pdf.set_keywords(spec.keywords)
    pdf.set_author("Socialförvaltningen (fiktivt exempel)")
    pdf.set_creator("fou-bot examples/make_pdfs.py")
    pdf.set_lang("sv-SE")
    pdf.add_page()
    for block in spec.blocks:
        _render(pdf, block)
    out = CORPUS_DIR / spec.filename
    pdf.output(str(out))
    return out


# --- 01: the FoU plan (onboarding material) -------------------------------------------

FOU_PLAN = PdfSpec(
    filename="01-fou-plan-socialtjansten-2024-2026.pdf",
    title="Forsknings- och utvecklingsplan för socialtjänsten 2024-2026",
    subject="Socialnämndens FoU-plan: prioriterade områden, FoU-medel, MUST",
    keywords="FoU-plan, FoU-medel, evidensbaserad praktik, MUST, socialnämnden",
    running_head="Stockholms stad, socialförvaltningen - FoU-plan 2024-2026",
    created=dt.date(2023, 11, 21),
    blocks=(
        Para(FICTION_NOTE, bold=True),
        Heading("Forsknings- och utvecklingsplan för socialtjänsten 2024-2026", level=0),
        Para(
            "Socialnämnden, Stockholms stad. Antagen av socialnämnden den 21 november 2023 "
            "(Dnr 3.1.2-402/2023)."
        ),
        Heading("1. Vad är FoU-planen?"),
        Para(
            "FoU-planen är socialnämndens forsknings- och utvecklingsplan. Den beskriver hur "
            "socialtjänsten i Stockholms stad ska använda forskning och systematiskt "
            "utvecklingsarbete för att insatserna till stockholmarna ska bli bättre, säkrare "
            "och mer jämlika. Planen gäller i tre år och omfattar både socialförvaltningen och "
            "stadsdelsförvaltningarnas individ- och familjeomsorg."
        ),
        Para(
            "Planen har tre syften: att peka ut vilka områden som ska prioriteras, att beskriva "
            "hur FoU-medel söks och fördelas, och att ge medarbetare och chefer en gemensam bild "
            "av vad som menas med en kunskapsbaserad socialtjänst."
        ),
        Heading("2. Evidensbaserad praktik"),
        Para(
            "Socialtjänsten ska arbeta enligt evidensbaserad praktik (EBP). Med det menas att "
            "beslut om insatser bygger på en sammanvägning av tre kunskapskällor: bästa "
            "tillgängliga forskning, brukarens erfarenheter och önskemål, och professionens "
            "expertis, det vill säga medarbetarnas kunnande. Till det kommer kunskap om den "
            "lokala situationen. EBP betyder alltså inte att forskningen ensam styr, utan att "
            "den alltid ska finnas med i bedömningen."
        ),
        Para(
            "Systematisk uppföljning är en förutsättning för EBP. Varje projekt som får "
            "FoU-medel ska därför redovisa vilka resultat det har gett och hur de har mätts."
        ),
        PageBreak(),
        Heading("3. Prioriterade områden 2024-2026"),
        Para("Socialnämnden har beslutat om fem prioriterade områden för perioden:"),
        Para(
            "1. Barn och unga som riskerar att fara illa, med fokus på tidiga insatser.\n"
            "2. Missbruk och beroende, inklusive stöd till anhöriga.\n"
            "3. Våld i nära relationer, särskilt barn som upplever våld och äldre som "
            "utsätts för våld.\n"
            "4. Hemlöshet, särskilt bland unga vuxna.\n"
            "5. Ekonomiskt bistånd och vägar till egen försörjning."
        ),
        Para(
            "Ansökningar inom ett prioriterat område har företräde vid fördelningen, men även "
            "andra angelägna projekt kan få medel."
        ),
        Heading("4. Så söks och fördelas FoU-medel"),
        Para(
            "Socialnämnden avsätter varje år FoU-medel i sin budget. Ramen för lokala "
            "utvecklingsprojekt är cirka 4 miljoner kronor per år."
        ),
        Para(
            "Stadsdelsförvaltningar, enheter inom socialförvaltningen och idéburna "
            "organisationer som samverkar med staden kan söka. Ansökan görs på stadens blankett "
            "och skickas till utvecklingsenheten vid avdelningen för stadsövergripande sociala "
            "frågor senast den 15 mars. Ansökan ska beskriva syfte, målgrupp, metod, budget och "
            "hur projektet ska följas upp."
        ),
        Para(
            "Utvecklingsenheten bedömer ansökningarna tillsammans med FoU-rådet, där forskare "
            "och företrädare för stadsdelsförvaltningarna ingår. Bedömningen utgår från "
            "projektets relevans för de prioriterade områdena, kvaliteten i upplägget och "
            "möjligheten att sprida resultaten. Förvaltningen lämnar sedan ett förslag till "
            "fördelning, och socialnämnden fattar beslut vid sitt sammanträde i juni."
        ),
        Para(
            "Medel beviljas för högst ett år i taget; ett projekt som vill fortsätta söker på "
            "nytt. Senast tre månader efter projektets slut lämnas en slutrapport till "
            "utvecklingsenheten."
        ),
        PageBreak(),
        Heading("5. MUST - Mutual Study Visits"),
        Para(
            "MUST står för Mutual Study Visits, ömsesidiga studiebesök. Genom MUST kan en "
            "arbetsgrupp i socialtjänsten besöka en verksamhet i ett annat land, eller i en "
            "annan svensk kommun, som arbetar med samma målgrupp, och sedan ta emot ett "
            "motbesök. Syftet är att lära av varandras metoder och ta med konkreta idéer hem."
        ),
        Para(
            "Ett MUST-besök förbereds med gemensamma frågeställningar och följs upp med en kort "
            "rapport till FoU-rådet. MUST-medel söks på samma sätt som andra FoU-medel men kan "
            "sökas löpande under året. Beloppet anpassas efter resans längd och antalet "
            "deltagare."
        ),
        Heading("6. Uppföljning och spridning"),
        Para(
            "Resultaten från FoU-projekten presenteras på en gemensam FoU-dag i november och "
            "publiceras i stadens kunskapsbank. FoU-planen följs upp årligen i socialnämndens "
            "verksamhetsberättelse och revideras inför 2027."
        ),
        Para(
            "Frågor om FoU-planen besvaras av utvecklingsenheten, socialförvaltningen, "
            "fou@fou-bot.example."
        ),
    ),
)


# --- 02: tjänsteutlåtande + protokollsutdrag with the grant table -----------------------

GRANTS: tuple[tuple[str, str, str], ...] = (
    ("Unga vuxna i Vårberg", "Skärholmens stadsdelsförvaltning", "350 000 kr"),
    ("Familjesocialt team i förskolan", "Rinkeby-Kista stadsdelsförvaltning", "1 150 000 kr"),
    ("Digital ansökan om ekonomiskt bistånd", "Södermalms stadsdelsförvaltning", "480 000 kr"),
    ("Våld i nära relationer bland äldre", "Farsta stadsdelsförvaltning", "620 000 kr"),
    ("Föräldraskapsstöd på flera språk", "Spånga-Tensta stadsdelsförvaltning", "275 000 kr"),
    ("Samtalsstöd för unga anhöriga", "Hägersten-Älvsjö stadsdelsförvaltning", "410 000 kr"),
    ("MUST-studiebesök i Köpenhamn", "Uppsökarenheten, socialförvaltningen", "95 000 kr"),
    ("Kamratstöd efter behandling", "Föreningen Stegvis Söder", "540 000 kr"),
)
GRANT_TOTAL = "3 920 000 kr"


def _kr(value: str) -> int:
    return int(value.removesuffix(" kr").replace(" ", ""))


FOU_DECISION = PdfSpec(
    filename="02-fou-medel-lokala-utvecklingsprojekt-2024.pdf",
    title="Fördelning av FoU-medel till lokala utvecklingsprojekt 2024",
    subject="Tjänsteutlåtande och protokollsutdrag, socialnämnden 2024-06-11",
    keywords="FoU-medel, lokala utvecklingsprojekt, socialnämnden, Dnr 3.1.2-118/2024",
    running_head="Socialförvaltningen - Tjänsteutlåtande - Dnr 3.1.2-118/2024",
    created=dt.date(2024, 6, 11),
    blocks=(
        Para(FICTION_NOTE, bold=True),
        Para(
            "Socialförvaltningen\n"
            "Avdelningen för stadsövergripande sociala frågor\n"
            "Tjänsteutlåtande, Dnr 3.1.2-118/2024\n"
            "Datum: 2024-05-21\n"
            "Handläggare: Sara Ljungfors, telefon 08-465 004 12\n"
            "Till socialnämnden, sammanträde 2024-06-11"
        ),
        Heading("Fördelning av FoU-medel till lokala utvecklingsprojekt 2024", level=0),
        Heading("Förvaltningens förslag till beslut", level=2),
        Para(
            "1. Socialnämnden beslutar att fördela 3 920 000 kr i FoU-medel till lokala "
            "utvecklingsprojekt enligt förvaltningens förslag i tabell 1.\n"
            "2. Socialnämnden uppdrar åt förvaltningen att följa upp projekten och "
            "återrapportera resultaten till nämnden senast i juni 2025.\n"
            "3. Socialnämnden beslutar att omedelbart justera paragrafen."
        ),
        Para("Annika Rydholm, förvaltningschef          Mats Hjälmby, avdelningschef"),
        Heading("Sammanfattning", level=2),
        Para(
            "I ärendet föreslås hur årets FoU-medel för lokala utvecklingsprojekt ska fördelas "
            "i enlighet med socialnämndens forsknings- och utvecklingsplan 2024-2026. "
            "Förvaltningen föreslår att åtta projekt beviljas medel. Sex av projekten drivs av "
            "stadsdelsförvaltningar, ett av socialförvaltningens uppsökarenhet och ett av en "
            "idéburen organisation."
        ),
        Heading("Ärendets beredning", level=2),
        Para(
            "När ansökningstiden gick ut den 15 mars 2024 hade 22 ansökningar kommit in, med "
            "en sammanlagd ansökt summa om 7 340 000 kr. Ansökningarna har bedömts av "
            "utvecklingsenheten tillsammans med FoU-rådet. Ärendet har behandlats i "
            "förvaltningsgruppen den 14 maj 2024."
        ),
        PageBreak(),
        Table(
            caption="Tabell 1. Förslag till fördelning av FoU-medel 2024",
            header=("Projekt", "Mottagare", "Belopp"),
            rows=GRANTS,
            total=("Totalt", "", GRANT_TOTAL),
        ),
        Para("Samtliga belopp är exklusive moms. Medlen betalas ut i augusti 2024."),
        Heading("Kort om projekten", level=2),
        Para(
            "Unga vuxna i Vårberg (Skärholmen): Syftet är att nå unga vuxna 18-24 år i Vårberg "
            "som varken arbetar eller studerar, och att genom uppsökande arbete och samverkan "
            "med Jobbtorg slussa dem vidare till arbete, studier eller behandling."
        ),
        Para(
            "Familjesocialt team i förskolan (Rinkeby-Kista): Socionomer finns på plats i "
            "förskolor för att tidigt upptäcka barn som far illa och ge föräldrar stöd innan "
            "problemen växer."
        ),
        Para(
            "Digital ansökan om ekonomiskt bistånd (Södermalm): En enklare digital ansökan ska "
            "korta handläggningstiderna och frigöra tid för samtal om vägen till egen "
            "försörjning."
        ),
        Para(
            "Våld i nära relationer bland äldre (Farsta): Hemtjänstpersonal och "
            "biståndshandläggare utbildas i att upptäcka och agera vid våld mot äldre."
        ),
        PageBreak(),
        Para(
            "Föräldraskapsstöd på flera språk (Spånga-Tensta): Föräldragrupper på arabiska, "
            "somaliska och dari."
        ),
        Para(
            "Samtalsstöd för unga anhöriga (Hägersten-Älvsjö): Gruppsamtal för ungdomar som "
            "har en förälder med missbruk eller psykisk ohälsa."
        ),
        Para(
            "MUST-studiebesök i Köpenhamn (Uppsökarenheten): Ett ömsesidigt studiebesök hos "
            "Köpenhamns kommuns uppsökande team, för att lära av deras arbete med unga vuxna i "
            "hemlöshet."
        ),
        Para(
            "Kamratstöd efter behandling (Föreningen Stegvis Söder): Personer med egen "
            "erfarenhet av beroende ger kamratstöd till personer som har avslutat behandling, "
            "för att minska risken för återfall."
        ),
        Heading("Protokollsutdrag", level=1),
        Para(
            "Socialnämnden, sammanträde den 11 juni 2024, § 14\n"
            "Fördelning av FoU-medel till lokala utvecklingsprojekt 2024, Dnr 3.1.2-118/2024"
        ),
        Heading("Beslut", level=2),
        Para(
            "Socialnämnden beslutar att fördela 3 920 000 kr i FoU-medel till lokala "
            "utvecklingsprojekt i enlighet med förvaltningens förslag. Socialnämnden uppdrar "
            "åt förvaltningen att följa upp projekten och återrapportera till nämnden senast i "
            "juni 2025. Paragrafen justeras omedelbart."
        ),
        Para(
            "Vid protokollet: Sara Ljungfors\n"
            "Justeras: Cecilia Wahlgård (S), ordförande, och Henrik Ståhlberg (M)\n"
            "Justerat den 11 juni 2024"
        ),
    ),
)

SPECS: tuple[PdfSpec, ...] = (FOU_PLAN, FOU_DECISION)


def main() -> None:
    if sum(_kr(amount) for _, _, amount in GRANTS) != _kr(GRANT_TOTAL):
        raise SystemExit(f"grant rows do not add up to {GRANT_TOTAL}")
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    for spec in SPECS:
        out = build(spec)
        print(f"wrote {out.relative_to(CORPUS_DIR.parent.parent)} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
