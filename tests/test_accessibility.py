"""Accessibility: axe-core, in Debian's Chromium, on one page of every type.

A serious or critical violation fails the test, which prints each one with
its rule, impact and the elements concerned.
"""

from __future__ import annotations

from typing import Any

import pytest

from lldc_kb.catalog import LIBRARY_KINDS, load_catalog
from lldc_kb.render import urls

pytest.importorskip("playwright.sync_api")
axe_api = pytest.importorskip("axe_playwright_python.sync_playwright")

from tests import test_browser  # noqa: E402  (after the skips: it needs Playwright)

# the fixtures of the browser tests: Debian's Chromium, the built site served locally, a fresh page
base_url = test_browser.base_url
browser = test_browser.browser
page = test_browser.page

pytestmark = pytest.mark.browser

FAILING_IMPACTS = {"serious", "critical"}

THEME_ISSUES = {("aria-dialog-name", ".md-search")}
"""(rule, element) pairs that come from Material's own templates, which this
project does not override: the search box ``<div class="md-search" role="dialog">``
has no accessible name. Fixing it takes a theme override (``theme.custom_dir``
with ``partials/search.html`` adding ``aria-label="Search"``). Every other
violation fails the test."""


def page_types() -> list[tuple[str, str]]:
    """(name, URL) of one page of each type; a library kind without records is left out."""
    pages = [
        ("home", ""),
        ("matrix", urls.MATRIX_URL),
        ("countries-index", urls.COUNTRIES_URL),
        ("country-npl", urls.country_url("npl")),
        ("instrument-tir-1975", urls.instrument_url("tir-1975")),
        ("method", urls.METHOD_URL),
        ("library-browse", urls.LIBRARY_URL),
        ("practices-index", urls.kind_index_url("practice")),
        ("themes", urls.THEMES_URL),
        ("open-data", urls.DATA_PAGE_URL),
        ("country-brief", urls.country_url("npl") + "brief/"),
        ("map", urls.MAP_URL),
        ("crosswalk", urls.CROSSWALK_URL),
        ("corridors-index", urls.CORRIDORS_URL),
    ]
    catalog = load_catalog()[0]
    regional = [i for i in catalog.instruments() if i.get("scope")]
    if regional:  # a page with "not applicable" rows and a scope section
        pages.append(("instrument-regional", urls.instrument_url(regional[0]["id"])))
    for kind in LIBRARY_KINDS:
        records = catalog.library(kind)
        if records:
            pages.append((f"{kind}-page", urls.record_url(kind, records[0]["id"])))
    return pages


PAGES = page_types()


def serious(response: dict[str, Any]) -> list[dict[str, Any]]:
    """The serious and critical violations of an axe run, without the known theme issues."""
    out = []
    for v in response["violations"]:
        if v["impact"] not in FAILING_IMPACTS:
            continue
        nodes = [n for n in v["nodes"] if (v["id"], n["target"][0]) not in THEME_ISSUES]
        if nodes:
            out.append(dict(v, nodes=nodes))
    return out


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per violation and element: rule id, impact, CSS target, and what to fix."""
    lines = []
    for v in violations:
        for node in v["nodes"]:
            lines.append(f"{v['id']} ({v['impact']}) {node['target']}: {v['help']}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            if summary:
                lines.append(f"    {summary[:300]}")
    return "\n".join(lines)


@pytest.mark.parametrize("url", [u for _, u in PAGES], ids=[name for name, _ in PAGES])
def test_no_serious_or_critical_violation(page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, f"/{url} does not load"
    page.wait_for_load_state("load")
    results = axe_api.Axe().run(page)
    violations = serious(results.response)
    assert not violations, f"axe on /{url}:\n{describe(violations)}"
