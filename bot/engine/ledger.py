"""The grants ledger as the engine sees it: filter, find and add up allocations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from bot.engine.types import Passage
from funding import Grant

# Money that was applied for or only proposed is not money someone got.
GRANTED = frozenset({"decided", "budget", "reported"})


def _fold(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").split())


@dataclass(frozen=True)
class DocumentInfo:
    """What a citation of a grant needs beyond the grant itself."""

    kind: str
    url: str | None
    path: str


@dataclass(frozen=True)
class Ledger:
    """Every allocation the live documents state."""

    grants: tuple[Grant, ...]  # in kronor: `amount` is the SEK figure
    documents: dict[str, DocumentInfo]
    foreign: tuple[Grant, ...] = ()  # in other currencies: listed, never added to kronor

    @classmethod
    def of(cls, grants: Iterable[Grant], documents: dict[str, DocumentInfo]) -> Ledger:
        """A ledger sorted by date, newest first, of the allocations in kronor; a row in
        euro or kronor of another country is kept apart and never added or compared."""
        ordered = sorted(grants, key=lambda g: (g.date or "", g.start), reverse=True)
        sek = tuple(g for g in ordered if in_kronor(g))
        return cls(sek, documents, tuple(g for g in ordered if not in_kronor(g)))

    def passage(self, grant: Grant) -> Passage:
        """The grant's supporting span as a passage, so it can be cited."""
        info = self.documents.get(grant.doc_id, DocumentInfo("other", None, grant.source))
        return Passage(
            chunk_id=f"{grant.doc_id}:grant",
            doc_id=grant.doc_id,
            source=grant.source,
            title=grant.title,
            kind=info.kind,
            date=grant.date,
            page=grant.page,
            url=info.url,
            path=info.path,
            body=grant.body,
            text=grant.sentence,
            start=grant.start,
            end=grant.end,
        )

    def filter(
        self,
        *,
        recipient: str | None = None,
        year: int | None = None,
        minimum: int | None = None,
        statuses: frozenset[str] | None = None,
        body: str | None = None,
        include_foreign: bool = False,
    ) -> list[Grant]:
        """Grants matching every given condition (recipient and body matched loosely);
        `minimum` is in kronor, so it leaves out foreign amounts."""
        wanted = _fold(recipient) if recipient else None
        rows = []
        pool = self.grants + self.foreign if include_foreign else self.grants
        folded = self._folded_recipients
        for grant in pool:
            if wanted and not any(wanted in name for name in folded[id(grant)]):
                continue
            if year and not (grant.date or "").startswith(str(year)):
                continue
            if minimum is not None and (grant.amount_sek or 0) < minimum:
                continue
            if body and _fold(body) not in _fold(grant.body or ""):
                continue
            if statuses is not None and grant.status not in statuses:
                continue
            rows.append(grant)
        return rows

    def in_span(self, doc_id: str, start: int, end: int) -> list[Grant]:
        """Grants whose supporting text overlaps a span of a document."""
        return [g for g in self._by_document.get(doc_id, ()) if g.start < end and start < g.end]

    @cached_property
    def _folded_recipients(self) -> dict[int, tuple[str, ...]]:
        # Every row's recipients folded once, not once per row per question.
        return {id(g): tuple(_fold(r) for r in g.recipients) for g in self.grants + self.foreign}

    @cached_property
    def _by_document(self) -> dict[str, list[Grant]]:
        # Built on first use: answers ask for the grants of a few documents many times, and
        # scanning every row for each took most of a slow answer at 50,000 passages.
        found: dict[str, list[Grant]] = {}
        for grant in self.grants:
            found.setdefault(grant.doc_id, []).append(grant)
        return found


def in_kronor(grant: Grant) -> bool:
    """The row states Swedish kronor (rows from before the ledger had a currency do)."""
    currency = getattr(grant, "currency", "SEK") or "SEK"
    return currency == "SEK" and isinstance(grant.amount_sek, int)


def distinct(grants: Sequence[Grant]) -> list[Grant]:
    """Drop repeats: the same amount to the same recipients stated twice in one document."""
    seen: set[tuple[str, int, tuple[str, ...]]] = set()
    kept = []
    for grant in grants:
        key = (grant.doc_id, grant.amount, grant.recipients)
        if key not in seen:
            seen.add(key)
            kept.append(grant)
    return kept
