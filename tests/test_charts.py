"""Build-time SVG charts: well-formed, one point per dated deposit, and the same data as a table."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from lldc_kb.catalog import load_catalog
from lldc_kb.render.charts import accession_timeline, accessions
from tests.conftest import TODAY, MiniCatalog

SVG = "{http://www.w3.org/2000/svg}"


def test_every_instrument_page_has_a_timeline_of_its_dated_deposits(built_site: Path, catalog) -> None:
    for i in catalog.instruments():
        html = (built_site / "instruments" / i["id"] / "index.html").read_text(encoding="utf-8")
        dated = [c for c in catalog.countries()
                 if catalog.cell(i["id"], c["id"])["status"] in ("party", "withdrawn")
                 and catalog.cell(i["id"], c["id"]).get("date")]
        found = re.search(r"<svg class=\"lldc-chart\".*?</svg>", html, re.S)
        if not dated:
            assert found is None and "no timeline to draw" in html
            continue
        svg = ET.fromstring(found.group(0))  # well-formed XML, or this raises
        assert svg.get("role") == "img" and svg.find(f"{SVG}title") is not None
        assert len(svg.findall(f"{SVG}circle")) == len(dated), i["id"]
        assert f"{len(dated)} dated deposits" in svg.find(f"{SVG}title").text


def test_the_timeline_counts_up_and_names_undated_parties(mini: MiniCatalog) -> None:
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    [(date, country, _)] = accessions(catalog, "tir-1975")
    assert country["id"] == "kaz"
    html = accession_timeline(catalog, "tir-1975", "instruments/tir-1975/")
    assert "1 dated deposits" in html and "Kazakhstan" in html and "Not drawn" not in html
    mini.edit("participation/tir-1975.yaml", lambda d: d["entries"]["kaz"].pop("date"))
    mini.edit("participation/tir-1975.yaml", lambda d: d["entries"]["kaz"].pop("entry_into_force"))
    mini.edit("participation/tir-1975.yaml", lambda d: d["entries"]["kaz"].update(notes="Date not known."))
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    assert "No LLDC deposit with a known date" in accession_timeline(catalog, "tir-1975", "instruments/tir-1975/")


def test_the_map_has_a_linked_tile_per_country_and_a_pattern_per_status(built_site: Path, catalog) -> None:
    from lldc_kb.render.charts import map_countries

    shown = map_countries(catalog)
    assert len(shown) > len(catalog.countries())  # LLDCs and their transit countries
    for i in catalog.instruments():
        html = (built_site / "instruments" / i["id"] / "index.html").read_text(encoding="utf-8")
        found = re.search(r'<svg viewBox="[^"]*" role="group" aria-labelledby="map-.*?</svg>', html, re.S)
        svg = ET.fromstring(found.group(0))
        tiles = svg.findall(f"{SVG}a")
        assert len(tiles) == len(shown)
        hrefs = {a.get("href") for a in tiles}
        assert hrefs == {f"../../countries/{c['id']}/" for c in shown}
        for a in tiles:
            title = a.find(f"{SVG}title").text
            cid = a.get("href").split("/")[-2]
            e = catalog.cell(i["id"], cid)
            if catalog.entry(i["id"], cid) or cid in {c["id"] for c in catalog.countries()}:
                assert catalog.term("statuses", e["status"])["label"].lower() in title, (i["id"], cid, title)
    page = (built_site / "map" / "index.html").read_text(encoding="utf-8")
    assert page.count('class="lldc-map__tile"') == len(shown)
