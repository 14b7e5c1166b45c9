"""Status changes computed from the participation entries and their history.

A change is either a **deposit** (a country deposited an act: the status it
gives starts on the deposit date) or a **correction** (the catalog replaced
an earlier status, for example an unknown settled by a better source, on
the day recorded in the history). The Atom feeds are made of these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .dates import parse_date


@dataclass(frozen=True)
class Change:
    """One change of one entry."""

    instrument: str
    country: str
    day: str
    """When it happened, as precise as the source (the deposit date or the day the history records)."""
    status: str
    """The status from that day on."""
    previous: str | None
    """The status before, where the catalog knows it."""
    action: str | None
    source: dict[str, Any] | None
    notes: str | None

    @property
    def key(self) -> str:
        """Stable identity of the change (for feed entry ids)."""
        return f"{self.instrument}/{self.country}/{self.day}/{self.previous or '-'}/{self.status}"


def entry_changes(instrument_id: str, country_id: str, entry: dict[str, Any]) -> list[Change]:
    """The changes of one entry: each deposit, and each change its history records."""
    states = [*entry.get("history", []), entry]
    out: list[Change] = []
    for n, state in enumerate(states):
        previous = states[n - 1]["status"] if n else None
        if state.get("date") and state.get("action"):
            out.append(Change(
                instrument_id, country_id, state["date"], state["status"],
                previous if previous not in (None, "unknown", state["status"]) else None,
                state["action"], state.get("source"), None,
            ))
        if n and states[n - 1].get("changed_on") and state["status"] != previous:
            day = states[n - 1]["changed_on"]
            if not (state.get("date") == day and state.get("action")):  # not the deposit already listed
                out.append(Change(
                    instrument_id, country_id, day, state["status"], previous,
                    None, state.get("source"), states[n - 1].get("notes"),
                ))
    return out


def _sort_key(change: Change) -> tuple:
    return (parse_date(change.day).earliest(), change.instrument, change.country)


def all_changes(catalog: Catalog) -> list[Change]:
    """Every change in the catalog, newest first."""
    key = "changes"
    if key not in catalog.memo:
        out = [
            ch
            for rec in catalog.of("participation").values()
            for cid, e in rec.data["entries"].items()
            for ch in entry_changes(rec.data["instrument"], cid, e)
        ]
        catalog.memo[key] = sorted(out, key=_sort_key, reverse=True)
    return catalog.memo[key]


def changes_of(catalog: Catalog, *, country: str | None = None, instrument: str | None = None) -> list[Change]:
    """The changes of one country or one instrument, newest first."""
    return [
        ch for ch in all_changes(catalog)
        if (country is None or ch.country == country) and (instrument is None or ch.instrument == instrument)
    ]
