"""chunk_text: exact slices within pages, bounded sizes, quotes, sentences and headings."""

from __future__ import annotations

import functools
import itertools
from pathlib import Path

import pytest

from ingest.chunking import chunk_text
from ingest.models import Chunk, PageSpan
from ingest.parse import parse_file

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"
# A trailing piece under 40 characters (a page number, a stray heading) is folded into its
# neighbour, so a chunk may pass `size` by that much plus the paragraph break between them.
TINY_FOLD = 40 + 8
FILLER = "Socialnämnden har fattat beslut om bidrag till flera projekt i staden."


@functools.cache
def parsed_example(name: str) -> tuple[str, tuple[PageSpan, ...]]:
    path = EXAMPLES / name
    document = parse_file(path, key=str(path), digest="test")
    return document.text, document.pages


def page_of(pages: tuple[PageSpan, ...], chunk: Chunk) -> PageSpan:
    return next(p for p in pages if p.start <= chunk.start and chunk.end <= p.end)


def chunk_holding(chunks: list[Chunk], needle: str) -> int:
    """The index of the one chunk that holds `needle` whole; fails if none does."""
    holding = [c.index for c in chunks if needle in c.text]
    assert len(holding) == 1, f"{needle[:40]!r} is whole in chunks {holding}"
    return holding[0]


def three_pages() -> tuple[str, tuple[PageSpan, ...]]:
    """Two long pages and a last page holding only a page number."""
    first = "\n\n".join([FILLER * 3] * 6)
    second = "Rubrik på sidan två\n\n" + "\n\n".join([FILLER * 2] * 5)
    third = "3"
    text = f"{first}\n\n{second}\n\n{third}"
    start2 = len(first) + 2
    start3 = start2 + len(second) + 2
    pages = (
        PageSpan(1, 0, len(first)),
        PageSpan(2, start2, start2 + len(second)),
        PageSpan(3, start3, len(text)),
    )
    return text, pages


DOCUMENTS = [
    pytest.param(*three_pages(), id="three-pages-tiny-last-page"),
    *(
        pytest.param(*parsed_example(path.name), id=path.stem[:40])
        for path in sorted(EXAMPLES.iterdir())
    ),
]


@pytest.mark.parametrize("size", [pytest.param(s, id=f"size-{s}") for s in (200, 500, 900)])
@pytest.mark.parametrize(("text", "pages"), DOCUMENTS)
def test_chunks_are_exact_slices_that_cover_each_page(
    text: str, pages: tuple[PageSpan, ...], size: int
) -> None:
    chunks = chunk_text(text, pages, size=size)

    assert [c.index for c in chunks] == list(range(len(chunks)))
    for chunk in chunks:
        assert text[chunk.start : chunk.end] == chunk.text
        assert chunk.text == chunk.text.strip(), "chunks are trimmed"
        assert chunk.page == page_of(pages, chunk).number
        assert len(chunk.text) <= size + TINY_FOLD
    for before, after in itertools.pairwise(chunks):
        assert before.end <= after.start
        # Nothing but whitespace is lost between neighbouring chunks.
        assert not text[before.end : after.start].strip()
    assert not text[: chunks[0].start].strip()
    assert not text[chunks[-1].end :].strip()


def test_a_tiny_page_keeps_its_own_chunk_and_number() -> None:
    text, pages = three_pages()

    chunks = chunk_text(text, pages, size=400)

    assert chunks[-1].text == "3"
    assert chunks[-1].page == 3
    assert {c.page for c in chunks} == {1, 2, 3}


def test_pdf_chunks_carry_the_page_they_come_from() -> None:
    text, pages = parsed_example("01-fou-plan-socialtjansten-2024-2026.pdf")

    chunks = chunk_text(text, pages, size=900)

    for number in (1, 2, 3):
        header = next(c for c in chunks if f"Sida {number} (3)" in c.text)
        assert header.page == number


QUOTE = (
    "– Det här är en satsning som gör verklig skillnad för familjerna i stadsdelen, "
    "och vi kommer att följa upp resultaten noga."
)
ATTRIBUTION = "säger Henrik Ståhlberg (M), ordförande i socialnämnden."
QUOTE_CONTINUED = "– Vi vill att fler barn ska få hjälp tidigt, säger Cecilia Wahlgård (S)."


@pytest.mark.parametrize(
    ("quote", "attribution"),
    [
        pytest.param(QUOTE, ATTRIBUTION, id="quote-then-says-paragraph"),
        pytest.param(QUOTE, QUOTE_CONTINUED, id="quote-over-two-paragraphs"),
    ],
)
def test_a_quote_stays_with_its_attribution_wherever_the_cut_falls(
    quote: str, attribution: str
) -> None:
    # Every filler length moves the quote along; some put a cut right after it.
    for sentences in range(40):
        lead = " ".join([FILLER] * sentences) or "Inledning."
        text = f"{lead}\n\n{quote}\n\n{attribution}\n\nNästa stycke handlar om annat."

        chunks = chunk_text(text, (), size=400)

        assert chunk_holding(chunks, quote) == chunk_holding(chunks, attribution), sentences


def test_a_long_paragraph_is_split_at_sentence_ends() -> None:
    sentences = [
        f"Delprojekt {i} i stadsdelen har ett eget mål och en egen budget." for i in range(40)
    ]
    paragraph = " ".join(sentences)

    chunks = chunk_text(paragraph, (), size=300)

    assert len(chunks) > 1
    for chunk in chunks:
        assert len(chunk.text) <= 300
        assert chunk.text.startswith("Delprojekt ")
        assert chunk.text.endswith("budget.")
    assert " ".join(c.text for c in chunks) == paragraph


def test_a_run_on_sentence_is_split_between_words() -> None:
    words = [f"ord{i}" for i in range(300)]
    sentence = " ".join(words)

    chunks = chunk_text(sentence, (), size=200)

    assert len(chunks) > 1
    for chunk in chunks:
        assert len(chunk.text) <= 200 + TINY_FOLD
        assert set(chunk.text.split()) <= set(words), "no word is cut in two"
    assert [w for c in chunks for w in c.text.split()] == words


@pytest.mark.parametrize(
    "lead_sentences", [pytest.param(n, id=f"lead-{n}") for n in (5, 9, 10, 11, 12)]
)
def test_a_heading_opens_the_chunk_of_the_text_it_introduces(lead_sentences: int) -> None:
    lead = " ".join([FILLER] * lead_sentences)
    body = " ".join(["Bakgrunden till beslutet beskrivs här i detalj."] * 8)
    text = f"{lead}\n\nBakgrund\n\n{body}"

    chunks = chunk_text(text, (), size=900)

    holding_body = chunks[chunk_holding(chunks, body)]
    assert holding_body.text.startswith("Bakgrund\n\n") or holding_body.start == 0
    assert holding_body.heading == "Bakgrund"
    assert not any(c.text.endswith("Bakgrund") for c in chunks)
    assert all(len(c.text) <= 900 for c in chunks)


def test_a_long_section_keeps_its_heading_on_every_chunk() -> None:
    body = "\n\n".join([FILLER * 4] * 6)
    text = f"Inledning\n\n{FILLER}\n\nBakgrund\n\n{body}"

    chunks = chunk_text(text, (), size=400)

    assert chunks[0].heading == "Inledning"
    assert len(chunks) > 3
    assert [c.heading for c in chunks[1:]] == ["Bakgrund"] * (len(chunks) - 1)
