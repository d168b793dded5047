"""Dates as answers say them: "25 juni 2013" or "25 June 2013"."""

from __future__ import annotations

from datetime import date

_MONTHS = {
    "sv": [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def date_phrase(iso: str | None, language: str) -> str | None:
    """An ISO date in words, or None when there is no usable date."""
    if not iso:
        return None
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    months = _MONTHS.get(language, _MONTHS["sv"])
    return f"{day.day} {months[day.month - 1]} {day.year}"
