"""Dates as sources give them: a year, a month or a day, never more precise.

A record writes ``"2016"``, ``"2016-11"`` or ``"2016-11-24"``; the precision
is the form itself, so a day can never be invented by a default.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

MONTHS = [calendar.month_name[i] for i in range(13)]


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, month or day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """``day``, ``month`` or ``year``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def iso(self) -> str:
        """The date as written in records: ``2016``, ``2016-11`` or ``2016-11-24``."""
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        return out

    @property
    def display(self) -> str:
        """``24 November 2016``, ``November 2016`` or ``2016`` (UN style)."""
        if self.day is not None:
            return f"{self.day} {MONTHS[self.month or 0]} {self.year}"
        if self.month is not None:
            return f"{MONTHS[self.month]} {self.year}"
        return str(self.year)

    @property
    def short(self) -> str:
        """``24 Nov 2016``, ``Nov 2016`` or ``2016``: for narrow table cells."""
        parts = [str(self.day)] if self.day is not None else []
        if self.month is not None:
            parts.append(MONTHS[self.month][:3])
        return " ".join(parts + [str(self.year)])

    def earliest(self) -> dt.date:
        """The first day this date can stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this date can stand for."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def __str__(self) -> str:
        return self.iso


class DateFormError(ValueError):
    """The text is not a date in one of the three accepted forms."""


def parse_date(text: object) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ``DateFormError`` with the fix."""
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        raise DateFormError(
            f"expected a date written as YYYY-MM-DD, YYYY-MM or YYYY, got {type(text).__name__}"
        )
    m = _FORM.match(text.strip())
    if not m:
        raise DateFormError(
            f"{text!r} is not a date: write YYYY-MM-DD, or YYYY-MM / YYYY when the source "
            "gives no day / month"
        )
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        raise DateFormError(f"{text!r} is not a real date: the month must be 01 to 12")
    if day is not None:
        try:
            dt.date(year, month or 1, day)
        except ValueError:
            raise DateFormError(f"{text!r} is not a real date: that month has no day {day}") from None
    if year < 1800:
        raise DateFormError(f"{text!r} is before 1800: check the year")
    return PartialDate(year, month, day)


def may_precede(a: PartialDate, b: PartialDate) -> bool:
    """True if ``a`` can be on or before ``b`` given their precisions."""
    return a.earliest() <= b.latest()
