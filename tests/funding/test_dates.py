"""parse_date and find_date: Swedish and English ways of writing a date."""

from __future__ import annotations

import datetime as dt

import pytest

from funding.dates import find_date, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("25 juni 2013", dt.date(2013, 6, 25), id="swedish-long"),
        pytest.param("den 3 mars 2021", dt.date(2021, 3, 3), id="swedish-den"),
        pytest.param("tisdagen den 3:e mars 2021", dt.date(2021, 3, 3), id="swedish-ordinal"),
        pytest.param("12 okt. 2019", dt.date(2019, 10, 12), id="swedish-abbreviated"),
        pytest.param("2013-06-11", dt.date(2013, 6, 11), id="iso"),
        pytest.param("2013.06.11", dt.date(2013, 6, 11), id="dotted"),
        pytest.param("2013-6-1", dt.date(2013, 6, 1), id="iso-without-zeros"),
        pytest.param("2013-06-25T06:00:00+02:00", dt.date(2013, 6, 25), id="iso-datetime"),
        pytest.param("2013-06-25 06:00", dt.date(2013, 6, 25), id="iso-with-time"),
        pytest.param("Jun 25, 2013", dt.date(2013, 6, 25), id="english-short"),
        pytest.param("June 25, 2013", dt.date(2013, 6, 25), id="english-long"),
        pytest.param("June 25th, 2013", dt.date(2013, 6, 25), id="english-ordinal"),
        pytest.param("25 Jun 2013", dt.date(2013, 6, 25), id="english-day-first"),
        pytest.param("Jun 25, 2013 06:00 CEST", dt.date(2013, 6, 25), id="english-with-time"),
        pytest.param("11/6 2013", dt.date(2013, 6, 11), id="swedish-day-slash-month"),
        pytest.param("25/06/2013", dt.date(2013, 6, 25), id="slashed-day-first-unambiguous"),
        pytest.param("06/25/2013", dt.date(2013, 6, 25), id="slashed-month-first-unambiguous"),
    ],
)
def test_parse_date_reads_common_forms(value: str, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("2013-02-30", id="no-30-february"),
        pytest.param("31 april 2014", id="no-31-april"),
        pytest.param("2013-13-01", id="month-13"),
        pytest.param("11/06/2013", id="slashed-ambiguous"),
        pytest.param("25 juni", id="no-year"),
        pytest.param("Dnr 105-0332/2007", id="case-number"),
        pytest.param("1 150 000 kr", id="amount"),
        pytest.param("08-508 25 443", id="phone"),
        pytest.param("19811218-9876", id="personal-number"),
        pytest.param("2013-06-111", id="too-many-digits"),
        pytest.param("", id="empty"),
    ],
)
def test_parse_date_rejects_impossible_and_non_dates(value: str) -> None:
    assert parse_date(value) is None


def test_find_date_takes_the_first_date_in_the_head() -> None:
    text = "Fiktivt pressmeddelande\nPublicerat 12 maj 2016\nMötet hölls 2016-05-10."

    assert find_date(text) == dt.date(2016, 5, 12)


def test_find_date_skips_impossible_dates_for_later_real_ones() -> None:
    assert find_date("Ref 2016-02-31, sedan den 1 mars 2016.") == dt.date(2016, 3, 1)


def test_find_date_ignores_dates_far_down_the_text() -> None:
    text = "Fiktiv nyhet utan datum i början.\n" + "Lång brödtext. " * 100 + "den 1 januari 2030"

    assert parse_date(text) == dt.date(2030, 1, 1)
    assert find_date(text) is None
