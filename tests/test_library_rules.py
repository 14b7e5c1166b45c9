"""Rules for practices, guidelines, programmes and events: each broken in one
way in a minimal catalog, with the exact problem it must produce."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import MiniCatalog, dump, line_of

PRACTICE = "practices/kaz-transit.yaml"
GUIDE = "guidelines/transit-guide.yaml"
PROG = "programmes/prog-a.yaml"
EVENT = "events/workshop-a.yaml"

SOURCE = {"title": "A report", "url": "https://example.org/report", "as_of": "2020-05", "locator": "p. 4"}


def practice() -> dict[str, Any]:
    return {
        "id": "kaz-transit", "title": "Electronic transit in Kazakhstan", "countries": ["kaz"],
        "themes": ["transit-regime"], "instruments": ["tir-1975"], "tfa_articles": ["art-11"],
        "status": {"stage": "operational", "year": "2019"}, "summary": "What was done.",
        "compiled_in": "transit-guide", "sources": [SOURCE], "verified_on": "2026-11-22",
    }


def guideline() -> dict[str, Any]:
    return {
        "id": "transit-guide", "title": "Transit guide", "kind": "guidelines", "published": "2017-07",
        "publishers": ["unece"], "stage": "published", "themes": ["transit-regime"], "summary": "A guide.",
        "sources": [SOURCE], "verified_on": "2026-11-22",
    }


def programme(pid: str = "prog-a") -> dict[str, Any]:
    return {
        "id": pid, "title": "Programme A", "kind": "resolution", "adopted": "2010-12-20",
        "period": {"start": "2010", "end": "2030"}, "summary": "A resolution.",
        "sources": [SOURCE], "verified_on": "2026-11-22",
    }


def event() -> dict[str, Any]:
    return {
        "id": "workshop-a", "title": "Workshop A", "kind": "workshop", "start": "2015-09-07", "end": "2015-09-08",
        "place": {"city": "Almaty", "country": "kaz"}, "organizers": ["unece"], "series": "prog-a",
        "purpose": "Training.", "sources": [SOURCE], "verified_on": "2026-11-22",
    }


@pytest.fixture
def lib(mini: MiniCatalog) -> MiniCatalog:
    dump(mini.path(PRACTICE), practice())
    dump(mini.path(GUIDE), guideline())
    dump(mini.path(PROG), programme())
    dump(mini.path(EVENT), event())
    return mini


def only(mini: MiniCatalog):
    problems = mini.problems()
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_a_full_library_is_valid(lib: MiniCatalog) -> None:
    assert lib.problems() == []


def test_unknown_theme_names_the_vocabulary(lib: MiniCatalog) -> None:
    lib.edit(PRACTICE, lambda d: d.update(themes=["transit-regime", "teleportation"]))
    p = only(lib)
    assert (p.field, p.line) == ("themes[1]", line_of(lib.path(PRACTICE), "teleportation"))
    assert "vocabularies/themes.yaml" in p.message and "transit-regime" in p.message


def test_unknown_tfa_article(lib: MiniCatalog) -> None:
    lib.edit(PRACTICE, lambda d: d.update(tfa_articles=["art-99"]))
    p = only(lib)
    assert p.field == "tfa_articles[0]" and "tfa-articles.yaml" in p.message


def test_unknown_country_reference(lib: MiniCatalog) -> None:
    lib.edit(PRACTICE, lambda d: d.update(countries=["kaz", "xyz"]))
    p = only(lib)
    assert p.field == "countries[1]" and "'xyz' is not a record in countries/" in p.message


def test_compiled_in_must_be_a_guideline(lib: MiniCatalog) -> None:
    lib.edit(PRACTICE, lambda d: d.update(compiled_in="prog-a"))
    p = only(lib)
    assert p.field == "compiled_in" and "not a record in guidelines/" in p.message


def test_event_series_and_host_country_resolve(lib: MiniCatalog) -> None:
    lib.edit(EVENT, lambda d: (d.update(series="nope"), d["place"].update(country="fra")))
    fields = sorted(p.field for p in lib.problems())
    assert fields == ["place.country", "series"]


def test_event_end_before_start(lib: MiniCatalog) -> None:
    lib.edit(EVENT, lambda d: d.update(end="2015-09-01"))
    p = only(lib)
    assert p.field == "end" and "before the start" in p.message


def test_an_announced_event_may_lie_ahead(lib: MiniCatalog) -> None:
    lib.edit(EVENT, lambda d: d.update(start="2027-03-01", end="2027-03-02"))
    assert lib.problems() == []


def test_a_practice_stage_cannot_be_in_the_future(lib: MiniCatalog) -> None:
    lib.edit(PRACTICE, lambda d: d["status"].update(year="2031"))
    p = only(lib)
    assert p.field == "status.year" and "in the future" in p.message


def test_programme_cannot_recall_itself(lib: MiniCatalog) -> None:
    lib.edit(PROG, lambda d: d.update(recalls=["prog-a"]))
    p = only(lib)
    assert p.field == "recalls[0]" and "itself" in p.message


def test_successor_must_exist(lib: MiniCatalog) -> None:
    lib.edit(PROG, lambda d: d.update(succeeded_by="prog-b"))
    assert only(lib).field == "succeeded_by"
    dump(lib.path("programmes/prog-b.yaml"), programme("prog-b"))
    assert lib.problems() == []


def test_every_record_needs_a_source(lib: MiniCatalog) -> None:
    lib.edit(GUIDE, lambda d: d.update(sources=[]))
    p = only(lib)
    assert p.field == "sources" and p.line == line_of(lib.path(GUIDE), "sources:")


def test_source_cannot_postdate_the_check(lib: MiniCatalog) -> None:
    lib.edit(PRACTICE, lambda d: d.update(verified_on="2020-01-01"))
    p = only(lib)
    assert p.field == "sources[0].as_of" and "after verified_on" in p.message


def test_stage_and_kind_terms(lib: MiniCatalog) -> None:
    lib.edit(PRACTICE, lambda d: d["status"].update(stage="rumoured"))
    lib.edit(GUIDE, lambda d: d.update(kind="poster"))
    assert sorted(p.field for p in lib.problems()) == ["kind", "status.stage"]


def test_javascript_url_in_material_is_refused(lib: MiniCatalog) -> None:
    lib.edit(EVENT, lambda d: d.update(material=[{"title": "x", "url": "javascript:alert(1)", "kind": "report"}]))
    p = only(lib)
    assert p.field == "material[0].url"


def test_html_in_a_summary_is_refused(lib: MiniCatalog) -> None:
    lib.edit(PRACTICE, lambda d: d.update(summary="Good <script>alert(1)</script>"))
    p = only(lib)
    assert p.field == "summary" and "HTML" in p.message


def test_a_country_outside_the_lldcs_needs_no_wto_entry(lib: MiniCatalog) -> None:
    geo = {
        "id": "geo", "iso3": "GEO", "m49": "268", "name": "Georgia", "region": "asia", "subregion": "western-asia",
        "groups": [], "sources": [SOURCE], "verified_on": "2026-11-22",
    }
    dump(lib.path("countries/geo.yaml"), geo)
    lib.edit(PRACTICE, lambda d: d.update(countries=["kaz", "geo"]))
    assert lib.problems() == []
    lib.edit("countries/kaz.yaml", lambda d: d.pop("wto"))
    p = only(lib)
    assert p.path.endswith("kaz.yaml") and "wto" in p.message
