"""What the language model may read: numbered passages, each with its citation."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.errors import EvidenceError
from bot.engine.types import Citation


@dataclass(frozen=True)
class Evidence:
    """Source number `n`: a verbatim passage of the stored text and the citation it backs."""

    n: int
    citation: Citation  # its quote is the best span the retriever found
    passage: str

    def __post_init__(self) -> None:
        if self.n < 1:
            raise EvidenceError(f"evidence {self.citation.source}: n={self.n}; numbers start at 1")
        if not self.passage.strip():
            raise EvidenceError(
                f"evidence [{self.n}] {self.citation.source}: the passage is empty; "
                "pass the stored text the model may read"
            )
