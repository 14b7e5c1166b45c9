"""What the site build adds to the hand-written pages: one page per record.

``generated_files`` is the single list of generated paths and contents; the
MkDocs hook only hands it to MkDocs, and the tests count it against the
records.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from .api import api_files, schema_files
from .catalog import DEFAULT_CATALOG, LIBRARY_KINDS, Catalog, load_catalog
from .exports import data_files
from .feeds import calendar, feed_files
from .problems import CatalogError
from .render import urls
from .render.brief import brief_page, brief_src
from .render.charts import map_page
from .render.crosswalk import crosswalk_page
from .render.library import kind_index, library_index, record_page
from .render.pages import countries_index, country_page, instrument_page, instruments_index
from .render.transit import corridor_page, corridors_index


def checked_catalog(root: Path | str = DEFAULT_CATALOG) -> Catalog:
    """The catalog, or ``CatalogError`` listing every problem: never half a catalog.

    Cached per state of the files, so the hook and the macros of one build
    share one load, and ``mkdocs serve`` reloads after a record changes.
    """
    folder = Path(root).resolve()
    state = tuple(sorted((str(f), f.stat().st_mtime_ns) for f in folder.rglob("*") if f.is_file()))
    return _checked(str(folder), dt.date.today(), hash(state))


@lru_cache(maxsize=4)
def _checked(root: str, today: dt.date, state: int) -> Catalog:
    catalog, problems = load_catalog(Path(root), today)
    if problems:
        raise CatalogError(problems)
    return catalog


def generated_files(catalog: Catalog) -> dict[str, str]:
    """Path (relative to the docs folder) -> content of every generated file."""
    files: dict[str, str] = {
        urls.COUNTRIES_SRC: countries_index(catalog),
        urls.INSTRUMENTS_SRC: instruments_index(catalog),
        urls.LIBRARY_SRC: library_index(catalog),
        urls.CORRIDORS_SRC: corridors_index(catalog),
        urls.CROSSWALK_SRC: crosswalk_page(catalog),
        urls.MAP_SRC: map_page(catalog),
        **data_files(catalog),
        **api_files(catalog),
        **schema_files(catalog),
        **feed_files(catalog),
        urls.CALENDAR: calendar(catalog),
    }
    for kind in LIBRARY_KINDS:
        files[urls.kind_index_src(kind)] = kind_index(catalog, kind)
        for d in catalog.library(kind):
            files[urls.record_src(kind, d["id"])] = record_page(catalog, kind, d["id"])
    for c in catalog.countries(group=None):
        files[urls.country_src(c["id"])] = country_page(catalog, c["id"])
    for c in catalog.countries():
        files[brief_src(c["id"])] = brief_page(catalog, c["id"])
    for i in catalog.instruments():
        files[urls.instrument_src(i["id"])] = instrument_page(catalog, i["id"])
    for d in catalog.corridors():
        files[urls.record_src("corridor", d["id"])] = corridor_page(catalog, d["id"])
    return files


def record_pages(catalog: Catalog) -> dict[str, str]:
    """The generated page of each record (not index pages, briefs or other generated pages)."""
    files = generated_files(catalog)
    paths = [urls.record_src(kind, rid) for kind in urls.RECORD_FOLDERS for rid in catalog.of(kind)]
    return {path: files[path] for path in paths if path in files}


def listed_pages() -> list[str]:
    """Generated pages that appear in the navigation (the index pages)."""
    return [
        urls.COUNTRIES_SRC, urls.INSTRUMENTS_SRC, urls.LIBRARY_SRC,
        urls.CORRIDORS_SRC, urls.CROSSWALK_SRC, urls.MAP_SRC,
        *(urls.kind_index_src(k) for k in LIBRARY_KINDS),
    ]
