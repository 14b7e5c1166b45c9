"""Atom feeds of status changes and an iCalendar file of dated events.

Feeds: all changes, one per country, one per instrument (``feeds/``). The
calendar holds the workshops and meetings of the catalog and the entries
into force that follow deposits, where the day is known: an event known
only to the month or year cannot be placed in a calendar and is left out.

Links inside the files are relative to the file, as the site has no fixed
address; feed readers resolve them against the feed's own URL.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event

from .api import LICENCE
from .catalog import Catalog
from .changes import Change, all_changes, changes_of
from .dates import DateFormError, parse_date
from .render import urls
from .render.common import show_date

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/lldc-transit-kb")
"""Feed and event ids are UUIDs derived from this and a stable key: the same change keeps its id."""
AUTHOR = {"name": "LLDC Transit Knowledge Base"}


def _uid(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


def _when(day: str) -> dt.datetime:
    return dt.datetime.combine(parse_date(day).earliest(), dt.time(0, 0), tzinfo=dt.UTC)


def _up(path: str) -> str:
    """From a file at ``path`` back to the site root."""
    return "../" * path.count("/")


def _label(catalog: Catalog, vocab: str, term: str | None) -> str:
    return catalog.term(vocab, term)["label"] if term else ""


def change_title(catalog: Catalog, ch: Change) -> str:
    country = catalog.country(ch.country)["name"]
    inst = catalog.instrument(ch.instrument)["short_name"]
    status = _label(catalog, "statuses", ch.status).lower()
    if ch.action:
        return f"{country}: {_label(catalog, 'actions', ch.action).lower()} of the {inst}"
    return f"{country}: {inst} status now {status}"


def change_text(catalog: Catalog, ch: Change) -> str:
    parts = [change_title(catalog, ch) + f" ({show_date(ch.day)})."]
    if ch.previous:
        parts.append(
            f"Status changed from {_label(catalog, 'statuses', ch.previous).lower()} "
            f"to {_label(catalog, 'statuses', ch.status).lower()}."
        )
    if ch.notes:
        parts.append(ch.notes)
    if ch.source:
        src = ch.source
        parts.append(f"Source: {src['title']}" + (f", {src['url']}" if src.get("url") else "")
                     + (f" (as of {show_date(src['as_of'])})" if src.get("as_of") else "") + ".")
    return " ".join(parts)


def atom_feed(catalog: Catalog, path: str, title: str, page: str, changes: list[Change]) -> str:
    """One Atom feed (RFC 4287) of the given changes, newest first."""
    up = _up(path)
    fg = FeedGenerator()
    fg.id(f"urn:uuid:{_uid('feed:' + path)}")
    fg.title(title)
    fg.author(AUTHOR)
    fg.link(href=up + page, rel="alternate", type="text/html")
    fg.link(href=up + path, rel="self", type="application/atom+xml")
    fg.rights(f"Data under {LICENCE['name']} ({LICENCE['url']}); {LICENCE['attribution']}.")
    fg.subtitle("Deposits and status changes recorded in the catalog, newest first.")
    fg.language("en")
    days = [_when(ch.day) for ch in changes]
    fg.updated(max(days) if days else _when(catalog.as_of() or "2000-01-01"))
    for ch in changes:
        fe = fg.add_entry(order="append")
        fe.id(f"urn:uuid:{_uid('change:' + ch.key)}")
        fe.title(change_title(catalog, ch))
        fe.updated(_when(ch.day))
        fe.published(_when(ch.day))
        fe.link(href=up + urls.country_url(ch.country) + "#" + ch.instrument, rel="alternate", type="text/html")
        fe.content(change_text(catalog, ch), type="text")
    return fg.atom_str(pretty=True).decode("utf-8")


def _feed_files(catalog: Catalog) -> dict[str, str]:
    """Path -> Atom text: all changes, each country with entries, each instrument."""
    files = {
        urls.CHANGES_FEED: atom_feed(
            catalog, urls.CHANGES_FEED, "LLDC Transit Knowledge Base: status changes",
            urls.MATRIX_URL, all_changes(catalog),
        ),
    }
    for c in catalog.countries(group=None):
        if any(catalog.entry(i["id"], c["id"]) for i in catalog.instruments()):
            path = urls.country_feed(c["id"])
            files[path] = atom_feed(
                catalog, path, f"{c['name']}: status changes", urls.country_url(c["id"]),
                changes_of(catalog, country=c["id"]),
            )
    for i in catalog.instruments():
        path = urls.instrument_feed(i["id"])
        files[path] = atom_feed(
            catalog, path, f"{i['short_name']}: status changes", urls.instrument_url(i["id"]),
            changes_of(catalog, instrument=i["id"]),
        )
    return files


# --- calendar ---------------------------------------------------------------------------


def _day(value: Any) -> dt.date | None:
    """A date known to the day, else None (a month or a year cannot be placed in a calendar)."""
    try:
        when = parse_date(value)
    except (DateFormError, TypeError):
        return None
    return when.earliest() if when.precision == "day" else None


def calendar_events(catalog: Catalog) -> list[dict[str, Any]]:
    """The dated items of the calendar: events of the catalog, then entries into force."""
    items = []
    for d in catalog.library("event"):
        start = _day(d.get("start"))
        if start is None:
            continue
        end = _day(d.get("end")) or start
        place = d.get("place", {})
        where = "online" if place.get("online") and not place.get("city") else ", ".join(
            x for x in (place.get("venue"), place.get("city"),
                        catalog.country(place["country"])["name"] if place.get("country") else None) if x
        )
        items.append({
            "uid": f"event:{d['id']}", "start": start, "end": end, "summary": d["title"],
            "location": where, "page": urls.record_url("event", d["id"]),
            "description": d.get("purpose", ""),
        })
    for i in catalog.instruments():
        rec = catalog.of("participation").get(i["id"])
        for cid, e in sorted((rec.data["entries"] if rec else {}).items()):
            day = _day(e.get("entry_into_force"))
            if day is None:
                continue
            name = catalog.country(cid)["name"]
            items.append({
                "uid": f"eif:{i['id']}:{cid}:{e['entry_into_force']}", "start": day, "end": day,
                "summary": f"{i['short_name']} enters into force for {name}",
                "location": "", "page": urls.country_url(cid) + "#" + i["id"],
                "description": f"Following its {_label(catalog, 'actions', e.get('action')).lower() or 'deposit'}"
                               + (f" of {show_date(e['date'])}" if e.get("date") else "") + ".",
            })
    return sorted(items, key=lambda x: (x["start"], x["uid"]))


def calendar(catalog: Catalog) -> str:
    """The iCalendar (RFC 5545) text of ``calendar_events``, as all-day events."""
    cal = Calendar()
    cal.add("prodid", "-//LLDC Transit Knowledge Base//Events and entries into force//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "LLDC Transit Knowledge Base")
    stamp = _when(catalog.as_of() or "2000-01-01")  # fixed per data version: builds are reproducible
    for item in calendar_events(catalog):
        ev = Event()
        ev.add("uid", f"{_uid(item['uid'])}@lldc-transit-kb")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", item["start"])
        ev.add("dtend", item["end"] + dt.timedelta(days=1))  # DTEND of an all-day event is exclusive
        ev.add("summary", item["summary"])
        if item["location"]:
            ev.add("location", item["location"])
        text = item["description"]
        ev.add("description", (text + "\n\n" if text else "") + f"On the site: {item['page']}")
        cal.add_component(ev)
    return cal.to_ical().decode("utf-8")


def feed_files(catalog: Catalog) -> dict[str, str]:
    """Path -> Atom text of every feed (made once per catalog: the build and the open-data page share them)."""
    key = "files:feed_files"
    if key not in catalog.memo:
        catalog.memo[key] = _feed_files(catalog)
    return catalog.memo[key]
