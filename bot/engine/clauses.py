"""Which amount of a sentence stating several is whose: each amount's own clause."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from funding import Amount

# Where one amount's clause ends and the next one's begins: "..., 300 tkr till B och ...".
_CONNECTOR = re.compile(r",|;|\b(och|samt|and|medan|while)\b", re.I)


def own_clauses(text: str, amounts: Sequence[Amount]) -> dict[int, str]:
    """For a sentence stating several amounts, each amount's own clause by its start: the
    words between it and its neighbours, cut at the last connector between them ("A får
    N och B får M", "N till A, M till B"). Empty when the sentence states one amount."""
    ordered = sorted(amounts, key=lambda a: a.start)
    if len(ordered) < 2:
        return {}
    cuts = [0]
    for left, right in pairwise(ordered):
        between = text[left.end : right.start]
        connectors = list(_CONNECTOR.finditer(between))
        cuts.append(left.end + (connectors[-1].start() if connectors else len(between) // 2))
    cuts.append(len(text))
    return {a.start: text[cuts[i] : cuts[i + 1]] for i, a in enumerate(ordered)}
