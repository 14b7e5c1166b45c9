"""Bulk downloads computed from the catalog: CSV files and their Frictionless data package.

``status.csv`` is the matrix (one row per LLDC and instrument, "not
applicable" included). ``participation.csv`` holds every recorded entry
with all its fields. Each record kind has its own CSV whose columns follow
the kind's JSON Schema: text as is, lists of ids joined with "; ", and
nested values (sources, links, places) as JSON. ``datapackage.json``
describes every file with a Table Schema, so standard tools can load and
validate them.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .api import LICENCE, records_of
from .catalog import LIBRARY_KINDS, Catalog
from .render import urls

STATUS_COLUMNS = ["country", "iso3", "instrument", "status", "action", "date", "source_url", "verified_on"]
PARTICIPATION_COLUMNS = [
    "instrument", "country", "status", "action", "date", "entry_into_force",
    "source_title", "source_url", "source_as_of", "verified_on", "notes", "history",
]
CSV_KINDS = ("country", "instrument", "corridor", "organization", *LIBRARY_KINDS)
LIST_SEPARATOR = "; "
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
"""Dates are as precise as their source (year, month or day), so they are typed as patterned strings."""


def status_rows(catalog: Catalog) -> list[dict[str, str]]:
    """One row per LLDC and instrument, in matrix order (country, then instrument)."""
    rows = []
    for c in catalog.countries():
        for i in catalog.instruments():
            e = catalog.cell(i["id"], c["id"])
            rows.append({
                "country": c["name"],
                "iso3": c["iso3"],
                "instrument": i["id"],
                "status": e["status"],
                "action": e.get("action", ""),
                "date": e.get("date", ""),
                "source_url": (e.get("source") or {}).get("url", ""),
                "verified_on": e.get("verified_on", ""),
            })
    return rows


def _csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def status_csv(catalog: Catalog) -> str:
    """The matrix as CSV text (UTF-8, comma-separated, header row, CRLF ends)."""
    return _csv(STATUS_COLUMNS, status_rows(catalog))


def participation_rows(catalog: Catalog) -> list[dict[str, str]]:
    """Every recorded entry with all its fields; history as JSON."""
    rows = []
    for i in catalog.instruments():
        rec = catalog.of("participation").get(i["id"])
        for cid, e in sorted((rec.data["entries"] if rec else {}).items()):
            src = e.get("source") or {}
            rows.append({
                "instrument": i["id"], "country": cid, "status": e["status"],
                "action": e.get("action", ""), "date": e.get("date", ""),
                "entry_into_force": e.get("entry_into_force", ""),
                "source_title": src.get("title", ""), "source_url": src.get("url", ""),
                "source_as_of": src.get("as_of", ""), "verified_on": e.get("verified_on", ""),
                "notes": e.get("notes", ""),
                "history": json.dumps(e["history"], ensure_ascii=False) if e.get("history") else "",
            })
    return rows


# --- one CSV per record kind, columns from the schema ---------------------------------


def _schemas(catalog: Catalog) -> dict[str, dict[str, Any]]:
    key = "schemas"
    if key not in catalog.memo:
        folder = Path(catalog.root) / "schemas"
        catalog.memo[key] = {
            f.name: json.loads(f.read_text(encoding="utf-8")) for f in folder.glob("*.schema.json")
        }
    return catalog.memo[key]


def _resolve(node: dict[str, Any], schemas: dict[str, dict[str, Any]], here: str) -> tuple[dict[str, Any], str]:
    """Follow ``$ref`` to the node it names; also return the file that holds it."""
    while "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        here = file or here
        node = schemas[here]
        for part in filter(None, pointer.split("/")):
            node = node[part]
    return node, here


def _column_shape(node: dict[str, Any], schemas: dict[str, dict[str, Any]], here: str) -> str:
    """'text', 'list' (of strings, joined) or 'json' (anything nested)."""
    node, here = _resolve(node, schemas, here)
    kind = node.get("type")
    if kind == "array":
        items, _ = _resolve(node.get("items", {}), schemas, here)
        return "list" if items.get("type") == "string" else "json"
    if kind == "object":
        return "json"
    return "text"


def kind_columns(catalog: Catalog, kind: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(column, shape, resolved schema node) for each property of the kind, plus the page address."""
    schemas = _schemas(catalog)
    name = f"{kind}.schema.json"
    props = schemas[name]["properties"]
    return [(p, _column_shape(node, schemas, name), _resolve(node, schemas, name)[0]) for p, node in props.items()]


def _cell(value: Any, shape: str) -> str:
    if value is None:
        return ""
    if shape == "list":
        return LIST_SEPARATOR.join(value)
    if shape == "json":
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def kind_rows(catalog: Catalog, kind: str) -> list[dict[str, str]]:

    columns = kind_columns(catalog, kind)
    rows = []
    for d in records_of(catalog, kind):
        row = {col: _cell(d.get(col), shape) for col, shape, _ in columns}
        if kind in urls.RECORD_FOLDERS:
            row["page"] = urls.record_url(kind, d["id"])
        rows.append(row)
    return rows


def kind_csv(catalog: Catalog, kind: str) -> str:
    cols = [c for c, _, _ in kind_columns(catalog, kind)] + (["page"] if kind in urls.RECORD_FOLDERS else [])
    return _csv(cols, kind_rows(catalog, kind))


# --- the data package ------------------------------------------------------------------


def _field(name: str, shape: str, node: dict[str, Any], description: str = "") -> dict[str, Any]:
    field: dict[str, Any] = {"name": name}
    if shape == "json":
        field["type"] = "array" if node.get("type") == "array" else "object"
    elif node.get("type") == "integer":
        field["type"] = "integer"
    elif node.get("type") == "boolean":
        field["type"] = "boolean"
    else:
        field["type"] = "string"
        if node.get("pattern") == DATE_PATTERN or name in ("date", "verified_on", "as_of"):
            field["constraints"] = {"pattern": DATE_PATTERN}
    text = description or node.get("description") or node.get("title")
    if shape == "list":
        text = (text + " " if text else "") + f"(ids separated by '{LIST_SEPARATOR}')"
    if text:
        field["description"] = text
    return field


def _string_fields(names: list[str], dates: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    return [
        {"name": n, "type": "string", **({"constraints": {"pattern": DATE_PATTERN}} if n in dates else {})}
        for n in names
    ]


def datapackage(catalog: Catalog) -> dict[str, Any]:
    """The Frictionless data package that describes every CSV download."""
    dates = ("date", "entry_into_force", "verified_on", "source_as_of")
    resources = [
        {
            "name": "status",
            "path": "status.csv",
            "title": "Status matrix: every LLDC and every instrument",
            "description": "One row per LLDC and instrument. Status 'not_applicable' marks a regional instrument "
                           "outside whose scope the country lies.",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": _string_fields(STATUS_COLUMNS, dates), "primaryKey": ["iso3", "instrument"]},
        },
        {
            "name": "participation",
            "path": "participation.csv",
            "title": "Every recorded participation entry, with its source and history",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {
                "fields": _string_fields(PARTICIPATION_COLUMNS[:-1], dates) + [{"name": "history", "type": "array"}],
                "primaryKey": ["instrument", "country"],
            },
        },
    ]
    for kind in CSV_KINDS:
        name = urls.API_FOLDERS[kind]
        fields = [_field(col, shape, node) for col, shape, node in kind_columns(catalog, kind)]
        if kind in urls.RECORD_FOLDERS:
            fields.append({"name": "page", "type": "string", "description": "Address of the record's page."})
        resources.append({
            "name": name,
            "path": f"{name}.csv",
            "title": f"{name.capitalize()}: one row per record",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": fields, "primaryKey": ["id"]},
        })
    return {
        "name": "lldc-transit-kb",
        "title": "LLDC Transit Knowledge Base: trade and transit conventions and the landlocked developing countries",
        "description": "Participation of the landlocked developing countries in trade and transit conventions, "
                       "with a source for every status, and the practices, guidelines, programmes and events "
                       "that help implement them.",
        "version": catalog.as_of() or "unversioned",
        "licenses": [{"name": LICENCE["name"], "path": LICENCE["url"], "title": "Creative Commons Attribution 4.0"}],
        "resources": resources,
    }


def _data_files(catalog: Catalog) -> dict[str, str]:
    """Path -> text of every CSV download and the data package."""
    files = {
        urls.STATUS_CSV: status_csv(catalog),
        urls.data_csv("participation"): _csv(PARTICIPATION_COLUMNS, participation_rows(catalog)),
        urls.DATAPACKAGE: json.dumps(datapackage(catalog), ensure_ascii=False, indent=1) + "\n",
    }
    for kind in CSV_KINDS:
        files[urls.data_csv(urls.API_FOLDERS[kind])] = kind_csv(catalog, kind)
    return files


def data_files(catalog: Catalog) -> dict[str, str]:
    """Path -> text of every CSV download and the data package.

    Made once per catalog: the build and the open-data page share them.
    """
    key = "files:data_files"
    if key not in catalog.memo:
        catalog.memo[key] = _data_files(catalog)
    return catalog.memo[key]
