"""Belt and braces: even if hostile text got past the validator, the pages show
it as text. A record whose text carries <script>, <img onerror> and template
syntax is rendered by the real page code and the real Markdown extensions,
opened in Chromium, and must run nothing and show the text literally."""

from __future__ import annotations

import markdown
import pytest

from lldc_kb.catalog import load_catalog
from lldc_kb.render.library import record_page
from tests.conftest import MiniCatalog, dump
from tests.test_browser import ARGS, CHROMIUM, playwright_api  # noqa: F401  (same Chromium launch)

pytestmark = pytest.mark.browser

HOSTILE = (
    "Plain words <script>window.__pwned = 1; alert(1)</script> and "
    '<img src=x onerror="window.__pwned = 2"> and {{ config.site_name }} {% include "x" %}.'
)


def test_hostile_text_is_shown_as_text_and_runs_nothing(mini: MiniCatalog) -> None:
    dump(mini.path("practices/hostile.yaml"), {
        "id": "hostile", "title": "Hostile <b>title</b> {{ 7 * 7 }}", "countries": ["kaz"],
        "themes": ["transit-regime"], "status": {"stage": "pilot"}, "summary": HOSTILE,
        "outcomes": [HOSTILE],
        "sources": [{"title": "<script>alert(2)</script>", "url": "https://example.org/", "as_of": "2020"}],
        "verified_on": "2026-11-22",
    })
    catalog, problems = load_catalog(mini.root)
    # the validator refuses it (with a position) ...
    assert {p.field for p in problems} >= {"summary", "title", "outcomes[0]", "sources[0].title"}
    # ... and the page code, if it ever got it, would still show it as text
    page = record_page(catalog, "practice", "hostile")
    front, body = page.split("---\n", 2)[1:]
    assert "render_macros: false" in front  # template syntax is never evaluated by the macros plugin
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables", "toc"])
    assert "<script>" not in html and "<img" not in html
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page()
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.set_content(f"<!doctype html><html><body>{html}</body></html>")
        pg.wait_for_timeout(300)
        assert pg.evaluate("window.__pwned === undefined")
        assert dialogs == []
        text = pg.inner_text("body")
        assert "<script>window.__pwned = 1; alert(1)</script>" in text
        assert '<img src=x onerror="window.__pwned = 2">' in text
        assert "{{ config.site_name }}" in text and "{{ 7 * 7 }}" in text
        browser.close()
