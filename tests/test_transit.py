"""Transit neighbours, corridors and what to join next: computed from the entries, shown on pages."""

from __future__ import annotations

import yaml

from lldc_kb.catalog import load_catalog
from lldc_kb.render.pages import country_page
from lldc_kb.render.transit import corridor_page
from lldc_kb.transit import next_steps, pair_view, route_view
from tests.conftest import CATALOG, TODAY, MiniCatalog, dump, line_of

PART = "participation/tir-1975.yaml"
SOURCE = {"title": "A corridor study", "url": "https://example.org/corridor", "as_of": "2024-01-01"}
LIST = {"title": "UNTC XI-A-16", "url": "https://example.org/tir", "as_of": "2024-05-04"}


def setup(mini: MiniCatalog) -> None:
    """Kazakhstan (TIR party) with two transit neighbours: Russia (party) and China (not a party here)."""
    for cid in ("rus", "chn", "npl", "ind"):
        mini.add_country(cid)
    npl = yaml.safe_load((CATALOG / PART).read_text(encoding="utf-8"))["entries"]["npl"]

    def entries(d: dict) -> None:
        d["entries"].update(
            npl=npl,
            rus={"status": "party", "action": "ratification", "date": "1982-09-08", "source": dict(LIST),
                 "verified_on": "2026-11-22"},
            chn={"status": "not_party", "source": dict(LIST), "verified_on": "2026-11-22"},
            ind={"status": "party", "action": "accession", "date": "2017-06-15", "source": dict(LIST),
                 "verified_on": "2026-11-22"},
        )
    mini.edit(PART, entries)
    mini.edit("countries/kaz.yaml", lambda d: d.update(transit_neighbours=[
        {"country": "rus", "basis": "source", "source": dict(SOURCE)},
        {"country": "chn", "basis": "geography"},
    ]))
    mini.edit("countries/npl.yaml", lambda d: d.update(transit_neighbours=[
        {"country": "ind", "basis": "source", "source": dict(SOURCE)}, {"country": "chn", "basis": "geography"},
    ]))


def corridor(**more) -> dict:
    return {"id": "kaz-rus", "name": "Kazakhstan–Russia", "countries": ["kaz", "rus"], "lldcs": ["kaz"],
            "modes": ["rail"], "basis": "source", "summary": "A route.", "sources": [SOURCE],
            "verified_on": "2026-11-22", **more}


def test_neighbours_and_corridors_validate(mini: MiniCatalog) -> None:
    setup(mini)
    dump(mini.path("corridors/kaz-rus.yaml"), corridor())
    assert mini.problems() == []


def test_a_sourced_route_needs_its_source(mini: MiniCatalog) -> None:
    setup(mini)
    mini.edit("countries/kaz.yaml", lambda d: d["transit_neighbours"][0].pop("source"))
    [p] = mini.problems()
    assert p.field == "transit_neighbours[0].source" and "basis 'source' needs" in p.message


def test_corridor_rules(mini: MiniCatalog) -> None:
    setup(mini)
    dump(mini.path("corridors/kaz-rus.yaml"), corridor(lldcs=["nzz"], sources=[], modes=["hovercraft"]))
    messages = {p.field: p.message for p in mini.problems()}
    assert "is not a record in countries/" in messages["lldcs[0]"]
    assert "needs at least one source" in messages["sources"]
    assert "modes[0]" in messages
    assert line_of(mini.path("corridors/kaz-rus.yaml"), "lldcs:") > 0


def test_pairs_say_who_is_a_party_on_each_side(mini: MiniCatalog) -> None:
    setup(mini)
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    assert [p.verdict for p in pair_view(catalog, "kaz", "rus")] == ["both"]
    assert [p.verdict for p in pair_view(catalog, "kaz", "chn")] == ["here_only"]
    assert [p.verdict for p in pair_view(catalog, "npl", "ind")] == ["there_only"]
    page = country_page(catalog, "kaz")
    assert "TIR carnets are accepted on both sides of this border." in page
    assert "A TIR transport from Kazakhstan cannot continue under TIR into China." in page
    assert "Sourced" in page and "Geography" in page and "https://example.org/corridor" in page


def test_a_route_is_end_to_end_only_if_every_country_is_a_party(mini: MiniCatalog) -> None:
    setup(mini)
    dump(mini.path("corridors/kaz-rus.yaml"), corridor())
    dump(mini.path("corridors/kaz-chn.yaml"), corridor(id="kaz-chn", name="Kazakhstan–China", countries=["kaz", "chn"]))
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    [ok] = route_view(catalog, ["kaz", "rus"])
    [blocked] = route_view(catalog, ["kaz", "chn"])
    assert ok.end_to_end and not blocked.end_to_end and blocked.missing == ["chn"]
    assert "a TIR transport can run end to end" in corridor_page(catalog, "kaz-rus")
    text = corridor_page(catalog, "kaz-chn")
    assert "A TIR transport cannot run end to end on this route" in text and "China" in text
    assert "Kazakhstan–Russia" in country_page(catalog, "kaz")


def test_next_steps_rank_by_neighbours_that_are_parties(mini: MiniCatalog) -> None:
    setup(mini)
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    [step] = next_steps(catalog, "npl")
    assert (step.instrument, step.neighbours_party, step.neighbours_total) == ("tir-1975", 1, 2)
    assert next_steps(catalog, "kaz") == []  # a party to the only instrument
    page = country_page(catalog, "npl")
    assert "1 of 2 transit neighbours are parties" in page and 'id="join-tir-1975"' not in page
    assert "{#join-tir-1975}" in page and "Accession kit" in page and "Secretary-General" in page


def test_an_lldc_served_from_off_the_route_is_counted_as_its_start(mini: MiniCatalog) -> None:
    setup(mini)
    dump(mini.path("corridors/rus-only.yaml"), corridor(id="rus-only", name="Russian ports", countries=["rus", "ind"]))
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    assert [d["id"] for d in catalog.corridors("kaz")] == ["rus-only"]
    page = country_page(catalog, "kaz")
    section = page.split("{#corridor-rus-only}")[1]
    assert "Kazakhstan reaches this corridor by a feeder route" in section
    assert "a TIR transport can run end to end" in section  # kaz, rus and ind are all TIR parties


def test_the_method_page_counts_sourced_and_geographic_routes(catalog) -> None:
    from lldc_kb.render.method import routes_summary

    pairs = [n for c in catalog.countries() for n in c.get("transit_neighbours", [])]
    geo = sum(n["basis"] == "geography" for n in pairs)
    text = routes_summary(catalog, "method/")
    assert f"{len(pairs)} transit neighbours of the LLDCs are recorded: {len(pairs) - geo} described" in text
    assert text.count("<li>") == geo
    assert all(c.get("transit_neighbours") for c in catalog.countries()), "every LLDC has its neighbours"


def test_a_corridor_of_alternatives_is_checked_route_by_route(mini: MiniCatalog) -> None:
    from lldc_kb.transit import routes_of

    setup(mini)
    dump(mini.path("corridors/kaz-sea.yaml"), corridor(
        id="kaz-sea", name="Kazakhstan to the sea", countries=["kaz", "rus", "chn"], alternatives=True,
    ))
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    d = catalog.of("corridor")["kaz-sea"].data
    assert routes_of(catalog, d) == [["kaz", "rus"], ["kaz", "chn"]]
    section = country_page(catalog, "kaz").split("{#corridor-kaz-sea}")[1]
    by_route = section.split("<strong>Route ")
    assert "Russian Federation" in by_route[1].split("</strong>")[0]
    assert "a TIR transport can run end to end" in by_route[1]
    assert "China" in by_route[2].split("</strong>")[0] and "cannot run end to end" in by_route[2]
