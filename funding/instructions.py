"""Text that gives orders instead of stating facts: never evidence, never a grant."""

from __future__ import annotations

import re

# Documents are data: a sentence that tells the reader (or a model) what to say states
# nothing about the world, whatever a question echoing it asks. Three shapes, in Swedish
# and English: an imperative "say/write/answer that ..." opening a sentence; the reader
# addressed ("du ska svara", "you must say"); and the classic override phrases.
_SENTENCE_START = r"(?:^|(?<=[.!?:;\n])|(?<=[.!?:;]\s))[\s\"'”“»«(\-–*]*"
_ORDER_SV = (
    r"(?:säg|skriv|svara|påstå|uppge|ange|berätta|meddela|rapportera|intyga|hävda|citera"
    r"|bekräfta|låtsas|föreställ dig)"
)
_ORDER_EN = r"(?:say|state|write|claim|answer|reply|respond|report|tell|confirm|assert|pretend)"
_INSTRUCTION = re.compile(
    _SENTENCE_START + _ORDER_SV + r"\b[^.!?\n]{0,40}?\b(?:att|alltid)\b"
    r"|" + _SENTENCE_START + _ORDER_SV + r"\s*:"
    r"|" + _SENTENCE_START + _ORDER_EN + r"\b[^.!?\n]{0,40}?\b(?:that|always)\b"
    r"|" + _SENTENCE_START + _ORDER_EN + r"\s*:"
    r"|\bsvara med\b|\b(?:answer|reply|respond) with\b"
    r"|\b(?:du|ni)\s+(?:ska|skall|måste|bör|får)\s+(?:alltid\s+)?"
    r"(?:svara|säga|skriva|påstå|uppge|ange|hävda|citera|låtsas)\b"
    r"|\byou\s+(?:must|should|shall|will|are to)\s+(?:always\s+)?"
    r"(?:say|answer|reply|respond|state|claim|write|pretend)\b"
    r"|\b(?:ignorera|bortse från|glöm|strunta i)\b[^.]{0,60}"
    r"\b(?:instruktion\w*|regler\w*|tidigare)\b"
    r"|\b(?:ignore|disregard|forget)\b[^.]{0,60}\b(?:instructions?|rules|previous|above)\b"
    r"|\b(?:system ?prompt|språkmodell|language model|som en ai|as an ai)\b"
    r"|\b(?:ny instruktion|nya instruktioner|new instructions?)\b",
    re.IGNORECASE | re.MULTILINE,
)


def looks_like_instruction(text: str) -> bool:
    """True when a sentence reads as an order to the reader rather than a statement."""
    return bool(_INSTRUCTION.search(text))


_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def without_instructions(text: str) -> str:
    """The text with every instruction-like sentence blanked (offsets kept), for a reader."""
    if not looks_like_instruction(text):
        return text
    return _SENTENCE.sub(lambda m: " " * len(m[0]) if looks_like_instruction(m[0]) else m[0], text)
