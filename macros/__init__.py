"""mkdocs-macros entry point: thin wrappers over ``lldc_kb`` for hand-written pages.

Hand-written pages call these macros; pages generated from records have
macros turned off, so record text is never evaluated as a template.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lldc_kb.render import method as method_render  # noqa: E402
from lldc_kb.render import opendata  # noqa: E402
from lldc_kb.render.common import show_date  # noqa: E402
from lldc_kb.render.library import library_figures  # noqa: E402
from lldc_kb.render.matrix import home_figures, status_legend, status_matrix  # noqa: E402
from lldc_kb.site import checked_catalog  # noqa: E402


def define_env(env) -> None:
    catalog = checked_catalog(ROOT / "catalog")

    def page_url() -> str:
        page = env.page
        return page.url if page is not None else ""

    @env.macro
    def figures() -> str:
        """Home-page figures computed from the catalog."""
        return home_figures(catalog, page_url())

    @env.macro
    def library() -> str:
        """Home-page counts of practices, guidelines, programmes and events."""
        return library_figures(catalog, page_url())

    @env.macro
    def matrix() -> str:
        """The LLDC x instrument status matrix."""
        return status_matrix(catalog, page_url())

    @env.macro
    def legend() -> str:
        """What each status icon means."""
        return status_legend(catalog)

    @env.macro
    def as_of() -> str:
        """The date of the data: the latest verified_on."""
        return show_date(catalog.as_of())

    @env.macro
    def depositaries() -> str:
        return method_render.depositaries(catalog)

    @env.macro
    def statuses_table() -> str:
        return method_render.statuses_table(catalog)

    @env.macro
    def actions_table() -> str:
        return method_render.actions_table(catalog)

    @env.macro
    def source_list() -> str:
        return method_render.source_list(catalog)

    @env.macro
    def library_sources() -> str:
        return method_render.library_sources(catalog)

    @env.macro
    def unknown_list() -> str:
        return method_render.unknown_list(catalog, page_url())

    @env.macro
    def coverage_table() -> str:
        """Established cells per instrument, computed from the records."""
        return method_render.coverage_table(catalog, page_url())

    @env.macro
    def coverage_of(*instrument_ids: str) -> str:
        """The share of established cells over the named instruments."""
        return method_render.coverage_of(catalog, list(instrument_ids))

    @env.macro
    def parties_by(instrument_id: str, day: str, published: int | None = None) -> str:
        """The LLDCs the catalog counts as parties on a given day, reconciled with a published figure."""
        return method_render.parties_by_text(catalog, instrument_id, day, page_url(), published)

    @env.macro
    def stale_list() -> str:
        """Entries due for a re-check."""
        return method_render.stale_list(catalog, page_url())

    @env.macro
    def licence() -> str:
        """The data licence statement."""
        return opendata.licence_text()

    @env.macro
    def api_table() -> str:
        """The API collections and record files, with counts."""
        return opendata.api_table(catalog, page_url())

    @env.macro
    def downloads_table() -> str:
        """The CSV downloads of the data package."""
        return opendata.downloads_table(catalog, page_url())

    @env.macro
    def feeds_list() -> str:
        """The Atom feeds and the calendar."""
        return opendata.feeds_list(catalog, page_url())

    @env.macro
    def routes_summary() -> str:
        """Transit neighbours and corridors: sourced or geography."""
        return method_render.routes_summary(catalog, page_url())

    @env.macro
    def stale_months() -> int:
        """How long an entry may go without a check before it is flagged (lldc_kb.staleness)."""
        from lldc_kb.staleness import STALE_AFTER_MONTHS

        return STALE_AFTER_MONTHS

