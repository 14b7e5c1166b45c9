"""The open data of the built site: JSON API against its published schemas,
CSV downloads against their data package, Atom feeds and the iCalendar file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import feedparser
import pytest
import yaml
from ical.calendar_stream import IcsCalendarStream
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from lldc_kb.api import API_KINDS
from lldc_kb.catalog import load_catalog
from lldc_kb.changes import all_changes, entry_changes
from lldc_kb.feeds import calendar, calendar_events, feed_files
from lldc_kb.render import urls
from tests.conftest import TODAY, MiniCatalog

SCHEMA_FOR = {"index.json": "api-index", "participation.json": "api-participation"}


def published_validators(site: Path) -> dict[str, Draft7Validator]:
    """Validators built from the schemas as the site publishes them (not from catalog/)."""
    bodies = {f.name: json.loads(f.read_text(encoding="utf-8")) for f in (site / "schema").glob("*.schema.json")}
    registry = Registry().with_resources(
        (name, Resource.from_contents(body, default_specification=DRAFT7)) for name, body in bodies.items()
    )
    return {n.removesuffix(".schema.json"): Draft7Validator(b, registry=registry) for n, b in bodies.items()}


def schema_of(rel: str) -> str:
    name = rel.removeprefix(urls.API_ROOT)
    if name in SCHEMA_FOR:
        return SCHEMA_FOR[name]
    return "api-record" if "/" in name else "api-collection"


def test_every_api_file_validates_against_its_published_schema(built_site: Path) -> None:
    validators = published_validators(built_site)
    files = sorted((built_site / urls.API_ROOT).rglob("*.json"))
    assert len(files) > 300
    for file in files:
        rel = file.relative_to(built_site).as_posix()
        data = json.loads(file.read_text(encoding="utf-8"))
        found = validators[schema_of(rel)].iter_errors(data)
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]
        assert not errors, f"{rel}: {errors[:3]}"


def test_a_published_schema_rejects_a_broken_record(built_site: Path) -> None:
    """The check above can fail: a record file with a bad status does not validate."""
    data = json.loads((built_site / urls.api_record("country", "npl")).read_text(encoding="utf-8"))
    data["participation"]["tir-1975"]["date"] = "23 Sept 1982"
    data["record"]["iso3"] = 7
    errors = list(published_validators(built_site)["api-record"].iter_errors(data))
    assert {tuple(e.absolute_path)[:2] for e in errors} >= {("record", "iso3"), ("participation", "tir-1975")}


def test_api_records_are_the_catalog_records(built_site: Path, catalog) -> None:
    index = json.loads((built_site / urls.API_INDEX).read_text(encoding="utf-8"))
    for kind in API_KINDS:
        folder = urls.API_FOLDERS[kind]
        assert index["collections"][folder]["count"] == len(catalog.of(kind))
        for rid, rec in catalog.of(kind).items():
            item = json.loads((built_site / urls.api_record(kind, rid)).read_text(encoding="utf-8"))
            assert item["record"] == yaml.safe_load(rec.path.read_text(encoding="utf-8"))
    npl = json.loads((built_site / urls.api_record("country", "npl")).read_text(encoding="utf-8"))
    assert npl["participation"] == {
        i["id"]: catalog.entry(i["id"], "npl") for i in catalog.instruments() if catalog.entry(i["id"], "npl")
    }
    assert all("verified_on" in e for e in npl["participation"].values())
    assert all("source" in e for e in npl["participation"].values() if e["status"] != "unknown")
    every = json.loads((built_site / urls.API_PARTICIPATION).read_text(encoding="utf-8"))
    assert every["count"] == sum(len(r.data["entries"]) for r in catalog.of("participation").values())


def test_the_data_package_validates_with_frictionless(built_site: Path, catalog) -> None:
    from frictionless import validate

    report = validate(str(built_site / urls.DATAPACKAGE))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    with (built_site / urls.data_csv("participation")).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == sum(len(r.data["entries"]) for r in catalog.of("participation").values())
    kaz = next(r for r in rows if (r["instrument"], r["country"]) == ("tir-1975", "kaz"))
    assert kaz["date"] == catalog.entry("tir-1975", "kaz")["date"]
    with (built_site / urls.data_csv("practices")).open(encoding="utf-8", newline="") as f:
        practices = list(csv.DictReader(f))
    assert [p["id"] for p in practices] == [d["id"] for d in catalog.library("practice")]
    first = catalog.library("practice")[0]
    assert practices[0]["themes"] == "; ".join(first["themes"])
    assert json.loads(practices[0]["sources"]) == first["sources"]


def test_the_data_package_catches_a_broken_file(built_site: Path, tmp_path: Path) -> None:
    from frictionless import validate

    for f in (built_site / urls.DATA_ROOT).iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    status = tmp_path / "status.csv"
    status.write_text(status.read_text(encoding="utf-8").replace(",2026-11-22", ",22/11/2026", 1), encoding="utf-8")
    assert not validate(str(tmp_path / "datapackage.json")).valid


def _check_atom(text: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(text)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    feed = parsed.feed
    assert feed.get("id", "").startswith("urn:uuid:") and feed.get("title") and feed.get("updated")
    assert feed.get("author") or all(e.get("author") for e in parsed.entries)  # RFC 4287 4.1.1
    assert any(link.rel == "self" for link in feed.links)
    ids = [e.id for e in parsed.entries]
    assert len(ids) == len(set(ids)), "entry ids are unique"
    for e in parsed.entries:
        assert e.id.startswith("urn:uuid:") and e.title and e.updated and e.link and e.content
    return parsed


def test_every_feed_is_valid_atom(built_site: Path, catalog) -> None:
    feeds = sorted((built_site / urls.FEEDS_ROOT).rglob("*.atom"))
    assert len(feeds) == len(feed_files(catalog))
    for file in feeds:
        _check_atom(file.read_text(encoding="utf-8"))
    everything = _check_atom((built_site / urls.CHANGES_FEED).read_text(encoding="utf-8"))
    assert len(everything.entries) == len(all_changes(catalog))
    tir = _check_atom((built_site / urls.instrument_feed("tir-1975")).read_text(encoding="utf-8"))
    parties = [c for c in catalog.countries() if catalog.entry("tir-1975", c["id"])["status"] == "party"]
    assert len(tir.entries) >= len(parties)


def test_pages_announce_and_link_their_feed(built_site: Path) -> None:
    html = (built_site / "countries" / "npl" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="../../feeds/countries/npl.atom"' in html
    inst = (built_site / "instruments" / "tir-1975" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../feeds/instruments/tir-1975.atom"' in inst
    assert (built_site / urls.country_feed("npl")).is_file()


def test_a_correction_in_the_history_becomes_a_feed_item(mini: MiniCatalog) -> None:
    source = {"title": "WCO list of Contracting Parties", "url": "https://example.org/rkc", "as_of": "2026-06-01"}
    mini.edit("participation/tir-1975.yaml", lambda d: d["entries"]["kaz"].update(history=[
        {"status": "unknown", "changed_on": "2026-11-20", "notes": "Settled by the depositary's list."},
    ], source=source))
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    changes = entry_changes("tir-1975", "kaz", catalog.entry("tir-1975", "kaz"))
    assert [(c.day, c.previous, c.status, c.action) for c in changes] == [
        (catalog.entry("tir-1975", "kaz")["date"], None, "party", "accession"),
        ("2026-11-20", "unknown", "party", None),
    ]
    feed = _check_atom(feed_files(catalog)[urls.country_feed("kaz")])
    assert feed.entries[0].title == "Kazakhstan: TIR Convention, 1975 status now party"
    assert "from unknown to party" in feed.entries[0].content[0].value
    assert "Settled by the depositary's list." in feed.entries[0].content[0].value


def test_the_calendar_is_valid_icalendar(built_site: Path, catalog) -> None:
    text = (built_site / urls.CALENDAR).read_text(encoding="utf-8")
    cal = IcsCalendarStream.calendar_from_ics(text)  # strict RFC 5545 parser: raises on invalid input
    items = calendar_events(catalog)
    assert len(cal.events) == len(items) > 0
    uids = [e.uid for e in cal.events]
    assert len(uids) == len(set(uids))
    day_events = [d for d in catalog.library("event") if len(d.get("start", "")) == 10]
    assert sum(1 for i in items if i["uid"].startswith("event:")) == len(day_events)


def test_the_calendar_leaves_out_what_is_not_known_to_the_day(mini: MiniCatalog) -> None:
    mini.edit("participation/tir-1975.yaml", lambda d: d["entries"]["kaz"].update(entry_into_force="1996-03"))
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    assert calendar_events(catalog) == []
    mini.edit("participation/tir-1975.yaml", lambda d: d["entries"]["kaz"].update(entry_into_force="1996-03-20"))
    catalog, _ = load_catalog(mini.root, TODAY)
    [item] = calendar_events(catalog)
    assert item["summary"] == "TIR Convention, 1975 enters into force for Kazakhstan"
    cal = IcsCalendarStream.calendar_from_ics(calendar(catalog))
    assert str(cal.events[0].dtstart) == "1996-03-20"


@pytest.mark.parametrize("path", ["data/", "schema/api-record.schema.json", "data/datapackage.json"])
def test_the_open_data_page_and_files_are_published(built_site: Path, path: str) -> None:
    target = built_site / path
    assert (target / "index.html").is_file() if path.endswith("/") else target.is_file()
