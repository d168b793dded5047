"""Municipalities named in questions and documents.

Documents from several municipalities can share an index (a Stockholm decision beside an
Uppsala press release); a question about Stockholm is not answered by a document that is
plainly about another municipality.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

# Larger Swedish municipalities whose names are not ordinary words, by canonical name,
# with the English spellings a question may use.
_NAMES = {
    "Stockholm": ("stockholm",),
    "Göteborg": ("göteborg", "gothenburg", "goteborg"),
    "Malmö": ("malmö", "malmo"),
    "Uppsala": ("uppsala",),
    "Linköping": ("linköping", "linkoping"),
    "Örebro": ("örebro", "orebro"),
    "Västerås": ("västerås", "vasteras"),
    "Helsingborg": ("helsingborg",),
    "Norrköping": ("norrköping", "norrkoping"),
    "Jönköping": ("jönköping", "jonkoping"),
    "Umeå": ("umeå", "umea"),
    "Lund": ("lund",),
    "Borås": ("borås",),
    "Huddinge": ("huddinge",),
    "Eskilstuna": ("eskilstuna",),
    "Nacka": ("nacka",),
    "Gävle": ("gävle", "gavle"),
    "Halmstad": ("halmstad",),
    "Södertälje": ("södertälje", "sodertalje"),
    "Sundsvall": ("sundsvall",),
    "Botkyrka": ("botkyrka",),
    "Karlstad": ("karlstad",),
    "Växjö": ("växjö", "vaxjo"),
    "Haninge": ("haninge",),
    "Kristianstad": ("kristianstad",),
    "Kungsbacka": ("kungsbacka",),
    "Solna": ("solna",),
    "Luleå": ("luleå", "lulea"),
    "Järfälla": ("järfälla",),
    "Täby": ("täby",),
    "Sollentuna": ("sollentuna",),
    "Skellefteå": ("skellefteå",),
    "Kalmar": ("kalmar",),
    "Sundbyberg": ("sundbyberg",),
    "Lidingö": ("lidingö",),
    "Trollhättan": ("trollhättan",),
    "Östersund": ("östersund",),
    "Falun": ("falun",),
}
_FORM = {form: name for name, forms in _NAMES.items() for form in forms}
# The name, or its genitive ("Stockholms", "Uppsalas"), as a whole word.
_ALTERNATIVES = "|".join(sorted(map(re.escape, _FORM), key=len, reverse=True))
_PLACE = re.compile(rf"(?<![\w-])({_ALTERNATIVES})s?(?!\w)", re.I)


@lru_cache(maxsize=1024)
def _counts(text: str) -> Counter[str]:
    """How often a text names each municipality, in order of first mention."""
    return Counter(_FORM[m.group(1).lower()] for m in _PLACE.finditer(text))


def places_in(text: str) -> tuple[str, ...]:
    """The municipalities a text names, canonical, in order of first mention."""
    return tuple(_counts(text))


def about(title: str, link: str, text: str) -> frozenset[str]:
    """The municipalities a document is about: those it names more than half as often as
    the one it names most, a name in its title or link counting three times."""
    counts = _counts(text) + Counter({place: 3 for place in places_in(f"{title} {link}")})
    if not counts:
        return frozenset()
    most = max(counts.values())
    return frozenset(place for place, n in counts.items() if 2 * n > most)


def elsewhere(places: tuple[str, ...], title: str, link: str, text: str) -> bool:
    """True when a document is about other municipalities than `places`.

    A document that names no municipality at all (a district committee's minutes) is not
    excluded: it may well be about the place asked for. One that only mentions the place
    asked for in passing ("not about Stockholm") is.
    """
    if not places:
        return False
    named = about(title, link, text)
    return bool(named) and not named.intersection(places)
