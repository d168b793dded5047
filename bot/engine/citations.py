"""Numbered citations: one per quoted span, numbered in order of first use."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine.candidates import Candidate
from bot.engine.sentences import Span
from bot.engine.types import Citation, Passage


@dataclass
class Citations:
    """Hands out [n] markers for quoted spans and keeps the citations in order."""

    items: list[Citation] = field(default_factory=list)
    _keys: dict[tuple[str, int, int], int] = field(default_factory=dict)

    def cite(self, passage: Passage, doc_text: str, span: Span) -> str:
        """The marker "[n]" for this span of this document, adding it if new."""
        key = (passage.doc_id, span.start, span.end)
        if key not in self._keys:
            n = len(self.items) + 1
            self._keys[key] = n
            self.items.append(
                Citation(
                    n=n,
                    source=passage.source,
                    title=passage.title,
                    kind=passage.kind,
                    date=passage.date,
                    page=passage.page,
                    url=passage.url,
                    path=passage.path,
                    quote=doc_text[span.start : span.end],
                )
            )
        return f"[{self._keys[key]}]"

    def cite_candidate(self, candidate: Candidate) -> str:
        """The marker for a candidate sentence."""
        return self.cite(candidate.passage, candidate.doc_text, candidate.span)

    def quotes(self) -> list[str]:
        """Every quoted span, for the grounding check."""
        return [c.quote for c in self.items]
