"""Pages of practices, guidelines, programmes and events; browse pages;
backlinks on country and instrument pages; the cite block and print styles."""

from __future__ import annotations

import html
import re
from pathlib import Path

from lldc_kb.catalog import LIBRARY_KINDS
from lldc_kb.facets import citing, facet_values
from lldc_kb.render import urls


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def section(text: str, anchor: str) -> str:
    """The HTML from the heading with id ``anchor`` to the next h2."""
    start = text.index(f'id="{anchor}"')
    end = text.find("<h2", start)
    return text[start:end if end != -1 else len(text)]


def linked_ids(fragment: str, folder: str) -> set[str]:
    return set(re.findall(rf'href="(?:\.\./)+{folder}/([a-z0-9-]+)/"', fragment))


def test_the_catalog_has_a_library(catalog) -> None:
    assert len(catalog.of("practice")) >= 40
    for kind in ("guideline", "programme", "event"):
        assert catalog.of(kind), kind


def test_every_record_page_shows_its_facts_sources_and_citation(built_site: Path, catalog) -> None:
    for kind in LIBRARY_KINDS:
        for d in catalog.library(kind):
            text = page(built_site, urls.record_url(kind, d["id"]))
            plain = html.unescape(text)
            assert "<h1" in text and d["title"] in plain, d["id"]
            sources = section(text, "sources")
            for s in d["sources"]:
                if s.get("url"):
                    assert f'href="{html.escape(s["url"])}"' in sources, (d["id"], s["url"])
                else:  # a document with no public copy: its title and the note saying where it is
                    assert html.escape(s["title"]) in sources and "no public copy online" in sources
            cite = section(text, "cite")
            assert "data-cite-url" in cite and f"/{urls.record_url(kind, d['id'])}" in cite
            assert "Suggested citation" in cite and d["title"] in html.unescape(cite)


def test_practice_pages_link_their_countries_instruments_and_compendium(built_site: Path, catalog) -> None:
    for d in catalog.library("practice"):
        text = page(built_site, urls.record_url("practice", d["id"]))
        facts = text[: text.index('id="summary"')]
        assert linked_ids(facts, "countries") == set(d["countries"])
        assert linked_ids(facts, "instruments") == set(d.get("instruments", []))
        if d.get("compiled_in"):
            assert linked_ids(facts, "guidelines") == {d["compiled_in"]}
        for theme in d["themes"]:
            assert f"theme={theme}" in facts


def test_instrument_pages_list_exactly_the_records_that_cite_them(built_site: Path, catalog) -> None:
    for i in catalog.instruments():
        part = section(page(built_site, urls.instrument_url(i["id"])), "library")
        found = citing(catalog, "instrument", i["id"])
        for kind in LIBRARY_KINDS:
            expected = {d["id"] for d in found.get(kind, [])}
            assert linked_ids(part, urls.LIBRARY_FOLDERS[kind]) == expected, (i["id"], kind)


def test_country_pages_list_exactly_their_practices_and_events(built_site: Path, catalog) -> None:
    seen_any = False
    for c in catalog.countries(group=None):
        part = section(page(built_site, urls.country_url(c["id"])), "library")
        found = citing(catalog, "country", c["id"])
        seen_any = seen_any or bool(found)
        for kind in LIBRARY_KINDS:
            expected = {d["id"] for d in found.get(kind, [])}
            assert linked_ids(part, urls.LIBRARY_FOLDERS[kind]) == expected, (c["id"], kind)
    assert seen_any


def test_browse_page_lists_every_record_with_its_facets(built_site: Path, catalog) -> None:
    text = page(built_site, urls.LIBRARY_URL)
    items = re.findall(r'<li class="lldc-item"([^>]*)>.*?href="\.\./([a-z]+)/([a-z0-9-]+)/"', text)
    total = sum(len(catalog.of(k)) for k in LIBRARY_KINDS)
    assert len(items) == total
    folder_kind = {v: k for k, v in urls.LIBRARY_FOLDERS.items()}
    for attrs, folder, rid in items:
        kind = folder_kind[folder]
        values = facet_values(catalog, kind, catalog.of(kind)[rid].data)
        for key, vals in values.items():
            assert f'data-{key}="{" ".join(vals)}"' in attrs, (rid, key)


def test_kind_pages_list_only_their_kind(built_site: Path, catalog) -> None:
    for kind in LIBRARY_KINDS:
        text = page(built_site, urls.kind_index_url(kind))
        listed = re.findall(r'<li class="lldc-item" data-kind="([a-z]+)"', text)
        assert listed == [kind] * len(catalog.of(kind))
        assert 'name="kind"' not in text  # one kind: no kind facet


def test_practice_pages_carry_their_themes_as_tags(built_site: Path, catalog) -> None:
    d = catalog.library("practice")[0]
    text = html.unescape(page(built_site, urls.record_url("practice", d["id"])))
    for theme in d["themes"]:
        label = catalog.term("themes", theme)["label"]
        assert re.search(rf'class="md-tag[^"]*"[^>]*>{re.escape(label)}<', text), label


def test_print_stylesheet_hides_the_chrome(built_site: Path) -> None:
    css = (built_site / "assets/stylesheets/lldc.css").read_text(encoding="utf-8")
    block = css[css.index("@media print"):]
    for selector in (".md-header", ".md-sidebar", ".md-footer", ".lldc-facets"):
        assert selector in block
