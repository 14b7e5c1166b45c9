"""Where each page lives: one place for the site's URL scheme.

Pages are Markdown files (``src``) that MkDocs serves at directory URLs
(``url``). Published URLs are stable: trainers link to them.
"""

from __future__ import annotations

RECORD_FOLDERS = {
    "country": "countries", "instrument": "instruments",
    "practice": "practices", "guideline": "guidelines", "programme": "programmes", "event": "events",
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
