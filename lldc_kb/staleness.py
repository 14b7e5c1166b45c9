"""Which participation entries are due for a re-check, and a report of them.

An entry is *stale* when nobody has checked it against its source for
``STALE_AFTER_MONTHS`` months: a country may have joined or withdrawn since.
The site flags stale entries; ``scripts/stale`` lists them, oldest first, so
maintainers know what to re-check first.

    python -m lldc_kb.staleness [--months N] [--today YYYY-MM-DD] [--fail]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from typing import Any

from .catalog import DEFAULT_CATALOG, Catalog, load_catalog
from .dates import DateFormError, parse_date

STALE_AFTER_MONTHS = 24
"""How long an entry may go without a check before the site flags it."""


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 if later is not after it)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def verified_date(entry: dict[str, Any]) -> dt.date | None:
    """The day the entry was last checked, or None if it never was (or the date is unreadable)."""
    try:
        return parse_date(entry["verified_on"]).earliest() if entry.get("verified_on") else None
    except DateFormError:
        return None


def is_stale(entry: dict[str, Any], today: dt.date, months: int = STALE_AFTER_MONTHS) -> bool:
    """True when the entry was never verified, or not for ``months`` months or more."""
    checked = verified_date(entry)
    return checked is None or months_between(checked, today) >= months


@dataclass(frozen=True)
class StaleEntry:
    """One entry due for a re-check."""

    instrument: str
    country: str
    status: str
    verified_on: str | None
    months: int | None
    """Months since the last check; None when it was never checked."""


def stale_entries(catalog: Catalog, today: dt.date | None = None, months: int = STALE_AFTER_MONTHS) -> list[StaleEntry]:
    """Every stale entry of the catalog, never-checked and oldest first."""
    today = today or catalog.today
    out = []
    for rec in catalog.of("participation").values():
        for cid, e in rec.data["entries"].items():
            if not is_stale(e, today, months):
                continue
            checked = verified_date(e)
            out.append(StaleEntry(
                rec.data["instrument"], cid, e["status"], e.get("verified_on"),
                months_between(checked, today) if checked else None,
            ))
    return sorted(out, key=lambda s: (s.verified_on or "", s.instrument, s.country))


def report(entries: list[StaleEntry], months: int, today: dt.date) -> str:
    """The plain-text report that ``scripts/stale`` prints."""
    head = f"Entries not re-verified for {months} months or more, as of {today.isoformat()}: {len(entries)}"
    if not entries:
        return head + "\n"
    lines = [head, "", f"{'verified_on':<12} {'months':>6}  {'instrument':<22} {'country':<8} status"]
    for s in entries:
        age = "never" if s.months is None else str(s.months)
        lines.append(f"{s.verified_on or '-':<12} {age:>6}  {s.instrument:<22} {s.country:<8} {s.status}")
    lines.append("")
    lines.append("Re-check each against its source, then set verified_on to the day you checked.")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/stale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--months", type=int, default=STALE_AFTER_MONTHS, help="age that makes an entry stale")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="judge as of this day (YYYY-MM-DD)")
    parser.add_argument("--fail", action="store_true", help="exit 1 when any entry is stale")
    args = parser.parse_args(argv)
    today = args.today or dt.date.today()
    catalog, problems = load_catalog(DEFAULT_CATALOG, today)
    if problems:
        print(f"the catalog has {len(problems)} problems: run scripts/validate first", file=sys.stderr)
        return 2
    entries = stale_entries(catalog, today, args.months)
    sys.stdout.write(report(entries, args.months, today))
    return 1 if entries and args.fail else 0


if __name__ == "__main__":
    raise SystemExit(main())
