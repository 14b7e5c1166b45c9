"""The built site in a real browser: Debian's Chromium driven by Playwright.

Screenshots are kept in test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--disable-dev-shm-usage",
]
ARTIFACTS = ROOT / "test-artifacts"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(built_site: Path):
    handler = functools.partial(_Quiet, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-deps (apt-get install chromium)")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=base_url)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    pg = context.new_page()
    pg.external_requests = requests  # type: ignore[attr-defined]
    yield pg
    outside = [u for u in requests if not u.startswith(base_url)]
    context.close()
    assert outside == [], f"the page asked for outside resources: {outside}"


def shot(pg, name: str, full: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)


def test_matrix_renders_every_country_and_sorts(page, catalog) -> None:
    page.goto("matrix/")
    rows = page.locator("table.lldc-matrix tbody tr")
    assert rows.count() == 32
    first_cell = rows.nth(0).locator("td").nth(1)
    assert first_cell.locator(".lldc-status__label").inner_text() in {
        t["label"] for t in catalog.vocabulary("statuses")
    }
    shot(page, "matrix")
    # sort by the TIR column: parties first, then descending puts unknown/not party first
    col = 2 + [i["id"] for i in catalog.instruments()].index("tir-1975")
    page.locator(f'button[data-sort-column="{col}"]').click()
    assert page.locator("table.lldc-matrix thead th").nth(col).get_attribute("aria-sort") == "ascending"
    parties = sorted(
        (catalog.entry("tir-1975", c["id"])["date"], c["name"]) for c in catalog.countries()
        if catalog.entry("tir-1975", c["id"])["status"] == "party"
    )
    assert rows.nth(0).locator("th").inner_text() == parties[0][1]
    assert rows.nth(len(parties) - 1).locator("th").inner_text() == parties[-1][1]
    shot(page, "matrix-sorted-by-tir")


def test_matrix_filter_is_kept_in_the_url(page, catalog) -> None:
    page.goto("matrix/")
    page.select_option("select[data-matrix-region]", "africa")
    africa = [c for c in catalog.countries() if c["region"] == "africa"]
    assert page.locator("table.lldc-matrix tbody tr:visible").count() == len(africa)
    assert "region=africa" in page.url
    page.goto(page.url)  # a shared link opens the same view
    assert page.locator("table.lldc-matrix tbody tr:visible").count() == len(africa)
    page.fill("input[data-matrix-filter]", "mal")
    names = page.locator("table.lldc-matrix tbody tr:visible th").all_inner_texts()
    assert names == [c["name"] for c in africa if "mal" in c["name"].lower()]


def test_matrix_cells_link_to_sources(page, catalog) -> None:
    page.goto("matrix/")
    row = page.locator("table.lldc-matrix tbody tr", has=page.locator("th", has_text="Kazakhstan"))
    col = 1 + [i["id"] for i in catalog.instruments()].index("tir-1975")
    href = row.locator("td").nth(col).locator("a.lldc-status").get_attribute("href")
    assert href == catalog.entry("tir-1975", "kaz")["source"]["url"]


def test_country_page_links_to_its_sources(page, catalog) -> None:
    page.goto("countries/npl/")
    assert page.title().startswith("Nepal")
    for i in catalog.instruments():
        e = catalog.cell(i["id"], "npl")
        if e.get("source"):
            assert page.locator(f'a[href="{e["source"]["url"]}"]').count() >= 1
    shot(page, "country-nepal", full=True)


def search(page, query: str, expected_href: str) -> None:
    """Type a query into Material's search and wait until the best match is ``expected_href``.

    The search index is built in a web worker after the page loads; a query
    typed before it is ready is typed again.
    """
    box = page.locator("input.md-search__input")
    top = page.locator(".md-search-result__item > a").first
    for _attempt in range(4):
        box.click()
        box.fill("")
        box.press_sequentially(query)
        try:
            playwright_api.expect(top).to_have_attribute("href", re.compile(expected_href), timeout=5000)
            return
        except AssertionError:
            continue
    playwright_api.expect(top).to_have_attribute("href", re.compile(expected_href), timeout=1)


def test_search_finds_a_country_and_an_instrument(page) -> None:
    page.goto("")
    search(page, "Nepal", r"/countries/npl/")
    shot(page, "search-nepal")
    search(page, "Harmonization", r"/instruments/harmonization-1982/")
    shot(page, "search-harmonization")


def test_navigation_reaches_a_country_and_an_instrument(page) -> None:
    page.goto("")
    page.locator(".md-tabs a", has_text="Countries").click()
    page.wait_for_url("**/countries/")
    page.locator("article a", has_text="Mongolia").first.click()
    page.wait_for_url("**/countries/mng/")
    page.locator("article a[href*='instruments/tir-1975/']").first.click()
    page.wait_for_url("**/instruments/tir-1975/")
    assert "How to join" in page.locator("article").inner_text()
    shot(page, "instrument-tir", full=True)


def _expected(catalog, kinds, **chosen) -> int:
    from lldc_kb.facets import facet_values

    n = 0
    for kind in kinds:
        for d in catalog.library(kind):
            values = facet_values(catalog, kind, d)
            if all(v in values[k] for k, v in chosen.items()):
                n += 1
    return n


def test_facets_combine_and_a_shared_filter_url_opens_the_same_view(page, catalog, browser, base_url) -> None:
    from lldc_kb.catalog import LIBRARY_KINDS
    from lldc_kb.facets import facet_values

    kinds = list(LIBRARY_KINDS)
    page.goto("library/")
    items = page.locator("li.lldc-item")
    total = sum(len(catalog.of(k)) for k in kinds)
    assert items.count() == total
    # the most common theme, then the most common country among those records
    themes: dict[str, int] = {}
    for kind in kinds:
        for d in catalog.library(kind):
            for t in d.get("themes", []):
                themes[t] = themes.get(t, 0) + 1
    theme = max(themes, key=themes.get)
    page.select_option("select[data-facet=theme]", theme)
    assert page.locator("li.lldc-item:visible").count() == _expected(catalog, kinds, theme=theme)
    countries: dict[str, int] = {}
    for kind in kinds:
        for d in catalog.library(kind):
            values = facet_values(catalog, kind, d)
            if theme in values["theme"]:
                for c in values["country"]:
                    countries[c] = countries.get(c, 0) + 1
    country = max(countries, key=countries.get)
    page.select_option("select[data-facet=country]", country)
    expected = _expected(catalog, kinds, theme=theme, country=country)
    assert 0 < expected < total
    assert page.locator("li.lldc-item:visible").count() == expected
    assert page.locator("[data-count]").inner_text() == str(expected)
    assert f"theme={theme}" in page.url and f"country={country}" in page.url
    shot(page, "library-filtered", full=True)
    shared = page.url
    # a fresh browser context (no state) opens the shared address
    other = browser.new_context(viewport={"width": 1400, "height": 1000})
    fresh = other.new_page()
    fresh.goto(shared)
    assert fresh.locator("li.lldc-item:visible").count() == expected
    assert fresh.locator("select[data-facet=theme]").input_value() == theme
    assert fresh.locator("select[data-facet=country]").input_value() == country
    other.close()
    # clearing shows all again; a region filter includes the areas inside it
    page.click("form[data-facets] button[type=reset]")
    page.wait_for_function(f"document.querySelector('[data-count]').textContent === '{total}'")
    assert "?" not in page.url
    page.select_option("select[data-facet=region]", "africa")
    africa = _expected(catalog, kinds, region="africa")
    assert page.locator("li.lldc-item:visible").count() == africa > 0
    sub = [d for k in kinds for d in catalog.library(k) if d.get("region") == "western-africa"]
    assert africa >= len(sub)


def test_practice_page_links_back_and_copies_a_citation(page, catalog) -> None:
    d = next(p for p in catalog.library("practice") if p.get("instruments"))
    page.goto(f"practices/{d['id']}/")
    cite = page.locator(".lldc-cite")
    assert page.url in cite.inner_text()
    shot(page, "practice-page", full=True)
    page.locator(f"article a[href$='instruments/{d['instruments'][0]}/']").first.click()
    page.wait_for_url(f"**/instruments/{d['instruments'][0]}/")
    assert page.locator(f"#library ~ * a[href$='practices/{d['id']}/']").count() >= 1


def test_every_country_brief_prints_on_one_page(page, catalog) -> None:
    """The brief of each LLDC, printed to PDF by Chromium, fits one A4 page and keeps its parts."""
    import re

    for c in catalog.countries():
        page.goto(f"countries/{c['id']}/brief/")
        text = page.locator("article.lldc-brief").inner_text()
        for part in ("Status", "Next steps", "Transit neighbours", "Sources", "Cite"):
            assert part.upper() in text.upper(), (c["id"], part)
        pdf = page.pdf(format="A4", print_background=True)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"{c['id']}: the brief prints on {pages} pages"
        if c["id"] == "npl":
            (ARTIFACTS / "brief-npl.pdf").write_bytes(pdf)
