"""Recipients of a kind: "vilka nämnder", "which districts", "which organisations"."""

from __future__ import annotations

import re

from funding import canonical_district, find_receivers


def is_body(name: str) -> bool:
    """A committee ("Socialnämnden") decides as often as it receives: a soft constraint."""
    return name.lower().rstrip("s").endswith(("nämnden", "nämnd", "utskottet", "fullmäktige"))


_TYPES = (
    ("nämnd", re.compile(r"\b(nämnd\w*|committees?|boards?)\b", re.I)),
    ("stadsdel", re.compile(r"\b(stadsdel\w*|district\w*)\b", re.I)),
    (
        "organisation",
        re.compile(r"\b(organisation\w*|organization\w*|förening\w*|aktör\w*)\b", re.I),
    ),
)


def wanted_type(text: str) -> str | None:
    """The kind of recipient a question asks for ("vilka nämnder"), if it names one."""
    for kind, pattern in _TYPES:
        if pattern.search(text):
            return kind
    return None


def receivers_of_type(text: str, wanted: str | None) -> list[str]:
    """Receivers named in a text, of the wanted type when one is given."""
    names = [name for name, _, _ in find_receivers(text)]
    if wanted == "nämnd":
        return [n for n in names if is_body(n)]
    if wanted == "stadsdel":
        return [n for n in names if canonical_district(n) is not None]
    if wanted == "organisation":
        return [n for n in names if not is_body(n) and canonical_district(n) is None]
    return names
