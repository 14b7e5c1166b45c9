"""The static JSON API (``/api/v1/``) and the JSON Schemas published with it (``/schema/``).

Every API file carries the record exactly as the catalog holds it, so it
validates against the same schema as the YAML file, with its sources and
``verified_on``; countries and instruments add their participation entries.
The envelopes are described by ``catalog/schemas/api-*.schema.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .catalog import LIBRARY_KINDS, Catalog
from .render import urls

API_VERSION = "1"
LICENCE = {
    "name": "CC-BY-4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
    "attribution": "LLDC Transit Knowledge Base, with the sources named in each record",
}
"""The data licence: one place, used by the API, the data package and the pages."""

API_KINDS = ("country", "instrument", "corridor", "crosswalk", "organization", *LIBRARY_KINDS, "vocabulary")


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def records_of(catalog: Catalog, kind: str) -> list[dict[str, Any]]:
    """The records of one kind in the order the site lists them."""
    if kind == "country":
        return catalog.countries(group=None)
    if kind == "instrument":
        return catalog.instruments()
    if kind == "corridor":
        return catalog.corridors()
    if kind in LIBRARY_KINDS:
        return catalog.library(kind)
    return [r.data for _, r in sorted(catalog.of(kind).items())]


def envelope(catalog: Catalog, kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """The API object of one record."""
    rid = data["id"]
    out: dict[str, Any] = {"api_version": API_VERSION, "kind": kind, "id": rid}
    if kind in urls.RECORD_FOLDERS:
        out["page"] = urls.record_url(kind, rid)
    out["record"] = data
    if kind == "country":
        out["participation"] = {
            i["id"]: e for i in catalog.instruments() if (e := catalog.entry(i["id"], rid)) is not None
        }
        out["not_applicable"] = [i["id"] for i in catalog.instruments() if not catalog.in_scope(i["id"], rid)]
    elif kind == "instrument":
        rec = catalog.of("participation").get(rid)
        out["participation"] = dict(rec.data["entries"]) if rec else {}
        out["not_applicable"] = [c["id"] for c in catalog.countries() if not catalog.in_scope(rid, c["id"])]
    return out


def participation(catalog: Catalog) -> dict[str, Any]:
    """Every recorded participation entry, instrument by instrument, country by country."""
    entries = [
        {"instrument": i["id"], "country": cid, "entry": e}
        for i in catalog.instruments()
        if (rec := catalog.of("participation").get(i["id"])) is not None
        for cid, e in sorted(rec.data["entries"].items())
    ]
    return {"api_version": API_VERSION, "count": len(entries), "entries": entries}


def index(catalog: Catalog) -> dict[str, Any]:
    """The API's table of contents, with relative links from ``/api/v1/``."""
    rel = len(urls.API_ROOT.strip("/").split("/"))
    up = "../" * rel
    return {
        "api_version": API_VERSION,
        "title": "LLDC Transit Knowledge Base: open data",
        "licence": LICENCE,
        "as_of": catalog.as_of(),
        "collections": {
            urls.API_FOLDERS[k]: {
                "kind": k,
                "count": len(records_of(catalog, k)),
                "href": urls.api_collection(k).removeprefix(urls.API_ROOT),
                "records": urls.api_record(k, "{id}").removeprefix(urls.API_ROOT),
            }
            for k in API_KINDS
        },
        "participation": {
            "count": participation(catalog)["count"],
            "href": urls.API_PARTICIPATION.removeprefix(urls.API_ROOT),
        },
        "schemas": up + urls.SCHEMA_ROOT,
        "downloads": up + urls.DATAPACKAGE,
        "feeds": {"changes": up + urls.CHANGES_FEED, "calendar": up + urls.CALENDAR},
    }


def _api_files(catalog: Catalog) -> dict[str, str]:
    """Path -> JSON text of every API file."""
    files = {urls.API_INDEX: _dump(index(catalog)), urls.API_PARTICIPATION: _dump(participation(catalog))}
    for kind in API_KINDS:
        items = [envelope(catalog, kind, d) for d in records_of(catalog, kind)]
        files[urls.api_collection(kind)] = _dump(
            {"api_version": API_VERSION, "kind": kind, "count": len(items), "items": items}
        )
        for item in items:
            files[urls.api_record(kind, item["id"])] = _dump(item)
    return files


def schema_files(catalog: Catalog) -> dict[str, str]:
    """Path -> text of every JSON Schema, published as the catalog holds them."""
    folder = Path(catalog.root) / "schemas"
    return {
        urls.SCHEMA_ROOT + f.name: f.read_text(encoding="utf-8")
        for f in sorted(folder.glob("*.schema.json"))
    }


def api_files(catalog: Catalog) -> dict[str, str]:
    """Path -> JSON text of every API file (made once per catalog: the build and the open-data page share them)."""
    key = "files:api_files"
    if key not in catalog.memo:
        catalog.memo[key] = _api_files(catalog)
    return catalog.memo[key]
