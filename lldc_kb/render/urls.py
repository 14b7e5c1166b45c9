"""Where each page lives: one place for the site's URL scheme.

Pages are Markdown files (``src``) that MkDocs serves at directory URLs
(``url``). Published URLs are stable: trainers link to them.
"""

from __future__ import annotations

RECORD_FOLDERS = {
    "country": "countries", "instrument": "instruments",
    "practice": "practices", "guideline": "guidelines", "programme": "programmes", "event": "events",
    "corridor": "corridors",
}
"""kind -> folder of its pages: /countries/<id>/, /practices/<id>/ ..."""

LIBRARY_FOLDERS = {k: RECORD_FOLDERS[k] for k in ("practice", "guideline", "programme", "event")}


def record_src(kind: str, record_id: str) -> str:
    return f"{RECORD_FOLDERS[kind]}/{record_id}.md"


def record_url(kind: str, record_id: str) -> str:
    return f"{RECORD_FOLDERS[kind]}/{record_id}/"


def country_src(country_id: str) -> str:
    return record_src("country", country_id)


def country_url(country_id: str) -> str:
    return record_url("country", country_id)


def instrument_src(instrument_id: str) -> str:
    return record_src("instrument", instrument_id)


def instrument_url(instrument_id: str) -> str:
    return record_url("instrument", instrument_id)


MAP_SRC = "map.md"
MAP_URL = "map/"
CROSSWALK_SRC = "crosswalk.md"
CROSSWALK_URL = "crosswalk/"
CORRIDORS_SRC = "corridors/index.md"
CORRIDORS_URL = "corridors/"
COUNTRIES_SRC = "countries/index.md"
COUNTRIES_URL = "countries/"
INSTRUMENTS_SRC = "instruments/index.md"
INSTRUMENTS_URL = "instruments/"
MATRIX_URL = "matrix/"
METHOD_URL = "method/"
STATUS_CSV = "data/status.csv"


def kind_index_src(kind: str) -> str:
    return f"{LIBRARY_FOLDERS[kind]}/index.md"


def kind_index_url(kind: str) -> str:
    return f"{LIBRARY_FOLDERS[kind]}/"


LIBRARY_SRC = "library/index.md"
LIBRARY_URL = "library/"
THEMES_URL = "themes/"


# --- open data: JSON API, schemas, downloads, feeds ---------------------------------

API_ROOT = "api/v1/"
API_INDEX = API_ROOT + "index.json"
API_PARTICIPATION = API_ROOT + "participation.json"
API_FOLDERS = {
    **RECORD_FOLDERS, "organization": "organizations", "vocabulary": "vocabularies", "crosswalk": "crosswalk",
}
"""kind -> folder of its API files: /api/v1/countries/<id>.json ..."""
SCHEMA_ROOT = "schema/"
DATA_ROOT = "data/"
DATAPACKAGE = DATA_ROOT + "datapackage.json"
FEEDS_ROOT = "feeds/"
CHANGES_FEED = FEEDS_ROOT + "changes.atom"
CALENDAR = FEEDS_ROOT + "calendar.ics"
DATA_PAGE_URL = "data/"


def api_collection(kind: str) -> str:
    return f"{API_ROOT}{API_FOLDERS[kind]}.json"


def api_record(kind: str, record_id: str) -> str:
    return f"{API_ROOT}{API_FOLDERS[kind]}/{record_id}.json"


def data_csv(name: str) -> str:
    return f"{DATA_ROOT}{name}.csv"


def country_feed(country_id: str) -> str:
    return f"{FEEDS_ROOT}countries/{country_id}.atom"


def instrument_feed(instrument_id: str) -> str:
    return f"{FEEDS_ROOT}instruments/{instrument_id}.atom"
