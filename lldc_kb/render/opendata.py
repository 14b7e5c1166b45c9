"""Tables for the open-data page: the API files, the downloads and the feeds, computed from the catalog."""

from __future__ import annotations

import csv
import io
import json

from ..api import API_KINDS, LICENCE, api_files
from ..catalog import Catalog
from ..exports import data_files
from ..feeds import calendar_events, feed_files
from . import urls
from .html import esc, rel


def _code_link(page_url: str, path: str) -> str:
    """A link whose text is the file's address, set as code."""
    return f'<a href="{esc(rel(page_url, path))}"><code>/{esc(path)}</code></a>'


def licence_text() -> str:
    return (
        f'The data are published under the <a href="{esc(LICENCE["url"])}" rel="license">'
        f"Creative Commons Attribution 4.0 International licence ({esc(LICENCE['name'])})</a>: "
        "you may copy, share and adapt them for any purpose, provided you credit "
        f"“{esc(LICENCE['attribution'])}”. Each record names its own sources; "
        "cite them too when you rely on a status or a date."
    )


def api_table(catalog: Catalog, page_url: str) -> str:
    """Every API collection with its count, its file and an example record file."""
    files = api_files(catalog)
    index = json.loads(files[urls.API_INDEX])
    rows = []
    for kind in API_KINDS:
        name = urls.API_FOLDERS[kind]
        items = json.loads(files[urls.api_collection(kind)])["items"]
        example = urls.api_record(kind, items[0]["id"]) if items else ""
        rows.append(
            f'<tr><th scope="row">{esc(name.capitalize())}</th><td>{len(items)}</td>'
            f"<td>{_code_link(page_url, urls.api_collection(kind))}</td>"
            f"<td><code>/{esc(urls.api_record(kind, '{id}'))}</code>"
            + (f"<br>e.g. {_code_link(page_url, example)}" if example else "")
            + "</td></tr>"
        )
    rows.append(
        f'<tr><th scope="row">Participation entries</th><td>{index["participation"]["count"]}</td>'
        f"<td>{_code_link(page_url, urls.API_PARTICIPATION)}</td><td>in each country and instrument file</td></tr>"
    )
    return (
        '<table class="lldc-table"><thead><tr><th scope="col">Records</th><th scope="col">Count</th>'
        '<th scope="col">All in one file</th><th scope="col">One file per record</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def downloads_table(catalog: Catalog, page_url: str) -> str:
    """Every CSV of the data package, with its rows and columns."""
    files = data_files(catalog)
    package = json.loads(files[urls.DATAPACKAGE])
    rows = []
    for res in package["resources"]:
        path = urls.DATA_ROOT + res["path"]
        n = sum(1 for _ in csv.reader(io.StringIO(files[path]))) - 1
        cols = ", ".join(f["name"] for f in res["schema"]["fields"])
        rows.append(
            f'<tr><th scope="row">{_code_link(page_url, path)}</th><td>{esc(res["title"])}</td>'
            f"<td>{n}</td><td><small>{esc(cols)}</small></td></tr>"
        )
    return (
        '<table class="lldc-table"><thead><tr><th scope="col">File</th><th scope="col">Holds</th>'
        '<th scope="col">Rows</th><th scope="col">Columns</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def feeds_list(catalog: Catalog, page_url: str) -> str:
    """The feeds and the calendar, with how many items each holds."""
    feeds = feed_files(catalog)
    n_country = sum(1 for p in feeds if p.startswith(urls.FEEDS_ROOT + "countries/"))
    n_inst = sum(1 for p in feeds if p.startswith(urls.FEEDS_ROOT + "instruments/"))
    changes = feeds[urls.CHANGES_FEED].count("<entry>")
    return (
        "<ul>"
        f"<li>{_code_link(page_url, urls.CHANGES_FEED)}: every deposit and status change, newest first "
        f"({changes} items).</li>"
        f"<li><code>/{esc(urls.country_feed('{iso3}'))}</code>: one feed per country ({n_country} feeds), "
        f"e.g. {_code_link(page_url, urls.country_feed('npl'))}; linked from each country page.</li>"
        f"<li><code>/{esc(urls.instrument_feed('{id}'))}</code>: one feed per instrument ({n_inst} feeds), "
        f"e.g. {_code_link(page_url, urls.instrument_feed('tir-1975'))}; linked from each instrument page.</li>"
        f"<li>{_code_link(page_url, urls.CALENDAR)}: an iCalendar file of the workshops and meetings and of "
        f"the entries into force whose day is known ({len(calendar_events(catalog))} events).</li>"
        "</ul>"
    )
