"""The built site carries the facts of the records, and nothing is dropped."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

from lldc_kb.dates import parse_date
from lldc_kb.exports import STATUS_COLUMNS
from lldc_kb.linkcheck import check_site
from lldc_kb.render import urls
from lldc_kb.site import generated_files, record_pages


def page(site: Path, url: str) -> str:
    return html.unescape((site / url / "index.html").read_text(encoding="utf-8"))


PAGE_FOLDERS = urls.RECORD_FOLDERS


def test_one_built_page_per_record(built_site: Path, catalog) -> None:
    for kind, folder in PAGE_FOLDERS.items():
        built = sorted(p.parent.name for p in (built_site / folder).glob("*/index.html"))
        assert built == sorted(catalog.of(kind)), kind
    assert len(catalog.countries()) == 32


def test_no_record_is_dropped(catalog) -> None:
    pages = record_pages(catalog)
    assert len(pages) == sum(len(catalog.of(kind)) for kind in PAGE_FOLDERS)
    for kind, folder in PAGE_FOLDERS.items():
        for rid in catalog.of(kind):
            assert f"{folder}/{rid}.md" in pages


def test_country_pages_show_every_entry_with_its_source(built_site: Path, catalog) -> None:
    for c in catalog.countries():
        text = page(built_site, f"countries/{c['id']}")
        for i in catalog.instruments():
            e = catalog.cell(i["id"], c["id"])
            label = catalog.term("statuses", e["status"])["label"]
            assert label in text
            if e.get("date"):
                assert parse_date(e["date"]).display in text, (c["id"], i["id"])
            if e.get("source"):
                assert e["source"]["url"] in text, (c["id"], i["id"])


def test_kazakhstan_page_shows_its_tir_accession(built_site: Path, catalog) -> None:
    e = catalog.entry("tir-1975", "kaz")
    section = page(built_site, "countries/kaz").split('id="tir-1975"')[1].split('id="harmonization-1982"')[0]
    assert "Accession" in section and parse_date(e["date"]).display in section
    assert f'href="{e["source"]["url"]}"' in section


def test_not_yet_a_party_lists_exactly_the_gaps(built_site: Path, catalog) -> None:
    for c in catalog.countries():
        text = page(built_site, f"countries/{c['id']}")
        for i in catalog.instruments():
            gap = catalog.cell(i["id"], c["id"])["status"] not in ("party", "not_applicable")
            assert (f'id="join-{i["id"]}"' in text) == gap, (c["id"], i["id"])


def test_instrument_pages_count_from_data(built_site: Path, catalog) -> None:
    for i in catalog.instruments():
        text = page(built_site, f"instruments/{i['id']}")
        parties = sum(catalog.cell(i["id"], c["id"])["status"] == "party" for c in catalog.countries())
        if parties:
            assert f"Of the 32 LLDCs: {parties} party" in text
        else:
            assert "Of the 32 LLDCs:" in text and " party" not in text.split("Of the 32 LLDCs:")[1].split(".")[0]
        table = text.split('id="participation"')[1].split('id="timeline"')[0]
        assert table.count('<th scope="row"><a href="../../countries/') == 32


def test_matrix_has_a_row_per_country_and_links_sources(built_site: Path, catalog) -> None:
    text = page(built_site, "matrix")
    body = text.split("<tbody>")[1].split("</tbody>")[0]
    assert body.count("<tr ") == 32
    lldcs = {c["id"] for c in catalog.countries()}
    for rec in catalog.of("participation").values():
        for cid, e in rec.data["entries"].items():
            if e.get("source") and cid in lldcs:
                assert e["source"]["url"] in body
    assert 'href="../data/status.csv"' in text


def test_csv_matches_the_catalog_row_for_row(built_site: Path, catalog) -> None:
    with (built_site / "data" / "status.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == STATUS_COLUMNS
        rows = list(reader)
    assert len(rows) == 32 * len(catalog.instruments())
    for row in rows:
        e = catalog.cell(row["instrument"], row["iso3"].lower())
        assert row["status"] == e["status"]
        assert row["action"] == e.get("action", "")
        assert row["date"] == e.get("date", "")
        assert row["source_url"] == (e.get("source") or {}).get("url", "")
        assert row["verified_on"] == e.get("verified_on", "")
        assert row["country"] == catalog.country(row["iso3"].lower())["name"]


def test_home_figures_are_computed(built_site: Path, catalog) -> None:
    text = page(built_site, "")
    entries = sum(len(r.data["entries"]) for r in catalog.of("participation").values())
    assert re.search(rf">{entries}</span>\s*<span[^>]*>sourced participation entries", text)
    unknown = sum(
        catalog.cell(i["id"], c["id"])["status"] == "unknown"
        for i in catalog.instruments()
        for c in catalog.countries()
    )
    assert re.search(rf">{unknown}</span>\s*<span[^>]*>statuses still unknown", text)


def test_internal_links_and_anchors_resolve(built_site: Path) -> None:
    assert check_site(built_site) == []


def test_link_checker_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<p id="x"><a href="../b/">b</a><a href="#x">ok</a><a href="#nope">bad</a>'
        '<a href="javascript:alert(1)">js</a></p>'
    )
    problems = check_site(tmp_path)
    assert len(problems) == 3
    assert any("broken link '../b/'" in p for p in problems)
    assert any("no id 'nope'" in p for p in problems)
    assert any("unsafe scheme 'javascript'" in p for p in problems)


def test_site_is_offline(built_site: Path) -> None:
    for file in built_site.rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, file
        for src in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:[^"]+)"', text):
            raise AssertionError(f"{file}: external asset {src}")


def test_generated_pages_turn_macros_off(catalog) -> None:
    for path, text in generated_files(catalog).items():
        if path.endswith(".md"):
            assert "render_macros: false" in text.split("---")[1], path


def test_names_with_markup_characters_render_plainly(built_site: Path) -> None:
    raw = (built_site / "countries" / "bol" / "index.html").read_text(encoding="utf-8")
    assert ">Bolivia (Plurinational State of)<" in raw.replace('<a class="headerlink"', "<")
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "&#40;" not in index and "Bolivia (Plurinational State of)" in index
