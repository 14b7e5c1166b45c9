"""Dates keep the precision their source gives."""

from __future__ import annotations

import pytest

from lldc_kb.dates import DateFormError, may_precede, parse_date


@pytest.mark.parametrize("text, precision, display, short", [
    ("2016", "year", "2016", "2016"),
    ("2016-11", "month", "November 2016", "Nov 2016"),
    ("2016-11-24", "day", "24 November 2016", "24 Nov 2016"),
])
def test_forms(text: str, precision: str, display: str, short: str) -> None:
    d = parse_date(text)
    assert (d.precision, d.display, d.short, d.iso) == (precision, display, short, text)


@pytest.mark.parametrize("text", ["2016-02-30", "2016-13", "16-01-01", "24/11/2016", "1700", "", None, True])
def test_invalid(text) -> None:
    with pytest.raises(DateFormError):
        parse_date(text)


def test_leap_day() -> None:
    assert parse_date("2016-02-29").day == 29


def test_order_respects_precision() -> None:
    assert may_precede(parse_date("2016"), parse_date("2016-01-01"))
    assert not may_precede(parse_date("2017"), parse_date("2016-12-31"))
