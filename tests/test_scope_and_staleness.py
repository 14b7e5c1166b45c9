"""Regional scope ("not applicable"), the history of an entry, and stale entries.

Each rule is broken once in a minimal catalog and must give its exact
problem; the pages must show what the data says.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import yaml

from lldc_kb.catalog import load_catalog
from lldc_kb.render.matrix import status_matrix
from lldc_kb.render.method import coverage_rows, parties_by
from lldc_kb.render.pages import country_page, instrument_page
from lldc_kb.staleness import months_between, stale_entries
from tests.conftest import CATALOG, ROOT, TODAY, MiniCatalog, build_env, line_of

PART = "participation/tir-1975.yaml"
TIR = "instruments/tir-1975.yaml"
SOURCE = {"title": "A list of parties", "url": "https://example.org/list", "as_of": "2020-01-01"}


def with_nepal(mini: MiniCatalog) -> None:
    """Add a second LLDC (Nepal) with its real TIR entry."""
    mini.add_country("npl")
    npl = yaml.safe_load((CATALOG / PART).read_text(encoding="utf-8"))["entries"]["npl"]
    mini.edit(PART, lambda d: d["entries"].update(npl=npl))


def scope(countries: list[str]) -> dict:
    return {"description": "Open to the States of one region.", "countries": countries, "source": SOURCE}


# --- scope -------------------------------------------------------------------------


def test_an_entry_outside_the_scope_is_refused_at_its_key(mini: MiniCatalog) -> None:
    with_nepal(mini)
    mini.edit(TIR, lambda d: d.update(scope=scope(["kaz"])))
    problems = mini.problems()
    assert len(problems) == 1, problems
    p = problems[0]
    assert p.path.endswith(PART) and p.line == line_of(mini.path(PART), "  npl:")
    assert "'npl' is outside the scope of tir-1975" in p.message and "not applicable" in p.message


def test_an_lldc_in_scope_still_needs_an_entry(mini: MiniCatalog) -> None:
    with_nepal(mini)
    mini.edit(PART, lambda d: d["entries"].pop("npl"))
    mini.edit(TIR, lambda d: d.update(scope=scope(["kaz", "npl"])))
    [p] = mini.problems()
    assert "no entry for npl" in p.message


def test_scope_countries_must_exist(mini: MiniCatalog) -> None:
    mini.edit(TIR, lambda d: d.update(scope=scope(["kaz", "kzz"])))
    [p] = mini.problems()
    assert p.field == "scope.countries[1]" and "did you mean 'kaz'" in p.message


def test_not_applicable_is_never_written_in_a_record(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"].update(kaz={"status": "not_applicable", "verified_on": "2026-11-22"}))
    [p] = mini.problems()
    assert p.field == "entries.kaz.status" and "computed from the instrument's scope" in p.message


def test_outside_the_scope_shows_not_applicable_not_a_gap(mini: MiniCatalog) -> None:
    with_nepal(mini)
    mini.edit(PART, lambda d: d["entries"].pop("npl"))
    mini.edit(TIR, lambda d: d.update(scope=scope(["kaz"])))
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    assert catalog.cell("tir-1975", "npl") == {"status": "not_applicable"}
    assert catalog.cell("tir-1975", "kaz")["status"] == "party"

    page = country_page(catalog, "npl")
    assert "lldc-status--not_applicable" in page and "Open to the States of one region." in page
    assert "join-tir-1975" not in page  # not listed among the instruments to join

    inst = instrument_page(catalog, "tir-1975")
    assert "{#scope}" in inst
    assert "Outside the scope of the instrument" in inst
    assert "1 not applicable" in inst

    matrix = status_matrix(catalog)
    row = matrix[matrix.index("Nepal"):]
    assert 'data-status="not_applicable"' in row[: row.index("</tr>")]


# --- history -------------------------------------------------------------------------


def earlier(status: str, changed_on: str, **more) -> dict:
    return {"status": status, "changed_on": changed_on, **more}


def test_history_is_oldest_first(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(history=[
        earlier("unknown", "2020-05-01", notes="No list read."),
        earlier("unknown", "2019-01-01", notes="Still none."),
    ]))
    [p] = mini.problems()
    assert p.field == "entries.kaz.history[1].changed_on" and "oldest first" in p.message


def test_an_established_earlier_status_needs_its_source(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(history=[earlier("signatory", "2020-05-01")]))
    [p] = mini.problems()
    assert p.field == "entries.kaz.history[0].source" and "needs the source" in p.message


def test_history_terms_come_from_the_vocabulary(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(history=[earlier("member", "2020-05-01")]))
    [p] = mini.problems()
    assert p.field == "entries.kaz.history[0].status"


def test_history_is_shown_on_country_and_instrument_pages(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(history=[
        earlier("signatory", "2019-06-30", action="signature", date="2018-03-01", source=SOURCE,
                notes="Signed, not yet ratified."),
    ]))
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    page = country_page(catalog, "kaz")
    assert "Earlier statuses" in page and "Signatory (signature, 1 March 2018), until 30 June 2019" in page
    assert "Signed, not yet ratified." in page and "https://example.org/list" in page
    inst = instrument_page(catalog, "tir-1975")
    assert "Recorded changes" in inst and "until 30 June 2019" in inst


# --- staleness -----------------------------------------------------------------------


def test_months_between_counts_whole_calendar_months() -> None:
    assert months_between(dt.date(2024, 11, 22), dt.date(2026, 11, 22)) == 24
    assert months_between(dt.date(2024, 11, 23), dt.date(2026, 11, 22)) == 23
    assert months_between(dt.date(2024, 1, 31), dt.date(2024, 2, 29)) == 0
    assert months_between(dt.date(2026, 1, 1), dt.date(2025, 1, 1)) == 0


def test_an_entry_older_than_24_months_is_flagged_and_reported(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(verified_on="2024-11-22"))
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    [s] = stale_entries(catalog)
    assert (s.instrument, s.country, s.months) == ("tir-1975", "kaz", 24)
    assert "re-check due" in country_page(catalog, "kaz")
    assert "re-check due" in instrument_page(catalog, "tir-1975")
    assert "re-check due" in status_matrix(catalog)

    mini.edit(PART, lambda d: d["entries"]["kaz"].update(verified_on="2024-11-23"))
    fresh, _ = load_catalog(mini.root, TODAY)
    assert stale_entries(fresh) == []
    assert "re-check due" not in country_page(fresh, "kaz")


def test_the_report_command_lists_stale_entries_oldest_first() -> None:
    later = dt.date(2029, 1, 1)
    catalog, problems = load_catalog(CATALOG, later)
    assert problems == []
    expected = sorted(
        (e["verified_on"], rec.data["instrument"], cid)
        for rec in catalog.of("participation").values()
        for cid, e in rec.data["entries"].items()
        if months_between(dt.date.fromisoformat(e["verified_on"]), later) >= 24
    )
    assert expected, "the real catalog has entries verified before 2027"
    run = subprocess.run(
        [sys.executable, "-m", "lldc_kb.staleness", "--today", "2029-01-01", "--fail"],
        cwd=ROOT, env=build_env(), capture_output=True, text=True, check=False,
    )
    assert run.returncode == 1, run.stderr
    lines = [ln.split() for ln in run.stdout.splitlines() if ln[:4].isdigit()]
    assert [(ln[0], ln[2], ln[3]) for ln in lines] == expected
    assert f": {len(expected)}" in run.stdout.splitlines()[0]

    now = subprocess.run(
        [sys.executable, "-m", "lldc_kb.staleness", "--today", TODAY.isoformat(), "--fail"],
        cwd=ROOT, env=build_env(), capture_output=True, text=True, check=False,
    )
    assert now.returncode == 0 and ": 0" in now.stdout


# --- coverage figures ------------------------------------------------------------------


def test_coverage_figures_are_the_counts_of_the_records(catalog) -> None:
    for row in coverage_rows(catalog):
        iid = row["instrument"]["id"]
        cells = [catalog.cell(iid, c["id"])["status"] for c in catalog.countries()]
        assert row["in_scope"] == sum(s != "not_applicable" for s in cells)
        assert row["unknown"] == cells.count("unknown")
        assert row["established"] == row["in_scope"] - row["unknown"]


def test_parties_by_a_day_uses_the_deposit_dates(catalog) -> None:
    from lldc_kb.dates import parse_date

    cutoff = dt.date(2021, 3, 31)
    groups = parties_by(catalog, "rkc", "2021-03-31")
    for c in groups["by"]:
        e = catalog.entry("rkc", c["id"])
        dates = [e.get("date"), e.get("entry_into_force"), e["source"]["as_of"]]
        assert any(d and parse_date(d).latest() <= cutoff for d in dates)
    for c in groups["after"] + groups["uncertain"]:
        e = catalog.entry("rkc", c["id"])
        assert all(parse_date(d).latest() > cutoff for d in (e.get("entry_into_force"), e["source"]["as_of"]) if d)
    for c in groups["after"]:
        assert parse_date(catalog.entry("rkc", c["id"])["date"]).earliest() > cutoff
    for c in groups["uncertain"]:
        when = parse_date(catalog.entry("rkc", c["id"])["date"])
        assert when.earliest() <= cutoff < when.latest()
    parties = [c for c in catalog.countries() if catalog.entry("rkc", c["id"])["status"] in ("party", "withdrawn")]
    assert len(parties) == sum(len(v) for v in groups.values())


def test_a_published_figure_is_reconciled_with_the_count(catalog) -> None:
    from lldc_kb.render.method import parties_by_text

    n = len(parties_by(catalog, "rkc", "2021-03-31")["by"])
    assert "matches the published figure" in parties_by_text(catalog, "rkc", "2021-03-31", "method/", n)
    text = parties_by_text(catalog, "rkc", "2021-03-31", "method/", n + 2)
    unknown = sum(catalog.cell("rkc", c["id"])["status"] == "unknown" for c in catalog.countries())
    assert "so 2 LLDC parties on that day are not yet identified" in text and f"the {unknown} LLDCs" in text
    assert "1 fewer than the catalog counts" in parties_by_text(catalog, "rkc", "2021-03-31", "method/", n - 1)


def test_further_layers_are_checked_and_shown(mini: MiniCatalog) -> None:
    layer = {"layer": "annexes", "value": "Accepted Specific Annex E", "date": "2009-06",
             "source": dict(SOURCE)}
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(layers=[dict(layer, layer="anexes")]))
    [p] = mini.problems()
    assert p.field == "entries.kaz.layers[0].layer" and "status-layers" in p.message
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(layers=[layer]))
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    page = country_page(catalog, "kaz")
    assert "Annexes accepted:</strong> Accepted Specific Annex E (June 2009)" in page
