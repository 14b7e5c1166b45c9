"""Facet values of practices, guidelines, programmes and events.

The browse pages filter on these values in the reader's browser; the same
functions feed the backlinks and the tests, so what a facet shows and what
a page lists cannot drift apart.
"""

from __future__ import annotations

from typing import Any

from .catalog import Catalog

FACETS: list[tuple[str, str]] = [
    ("kind", "Kind"),
    ("region", "Region"),
    ("country", "Country"),
    ("theme", "Theme"),
    ("instrument", "Instrument"),
    ("article", "TFA article"),
    ("year", "Year"),
]
"""(key, label) of each facet, in the order the browse pages show them."""

KIND_LABELS = {"practice": "Practice", "guideline": "Guideline or tool", "programme": "Programme", "event": "Event"}
KIND_PLURALS = {"practice": "Practices", "guideline": "Guidelines and tools", "programme": "Programmes and resolutions",
                "event": "Events and workshops"}


def year_of(kind: str, d: dict[str, Any]) -> str | None:
    """The year a record is filed under: stage year, publication, adoption or start."""
    if kind == "practice":
        value = d["status"].get("year")
    elif kind == "guideline":
        value = d.get("published")
    elif kind == "programme":
        value = d.get("adopted") or d.get("period", {}).get("start")
    else:
        value = d.get("start")
    return value[:4] if value else None


def countries_of(kind: str, d: dict[str, Any]) -> list[str]:
    """Countries a record concerns: its list, plus an event's host country."""
    out = list(d.get("countries", []))
    host = d.get("place", {}).get("country") if kind == "event" else None
    if host and host not in out:
        out.append(host)
    return out


def region_chain(catalog: Catalog, region: str) -> list[str]:
    """A region and every area enclosing it (western-africa, sub-saharan-africa, africa)."""
    terms = {t["id"]: t for t in catalog.vocabulary("regions")}
    out: list[str] = []
    while region in terms and region not in out:
        out.append(region)
        region = terms[region].get("parent", "")
    return out


def regions_of(catalog: Catalog, kind: str, d: dict[str, Any]) -> list[str]:
    """Every region a record falls in: its own and those of its countries."""
    found: list[str] = []
    starts = [d["region"]] if d.get("region") else []
    countries = catalog.of("country")
    starts += [countries[c].data["subregion"] for c in countries_of(kind, d) if c in countries]
    for start in starts:
        for r in region_chain(catalog, start):
            if r not in found:
                found.append(r)
    return found


def instruments_of(d: dict[str, Any]) -> list[str]:
    return list(d.get("instruments", []))


def facet_values(catalog: Catalog, kind: str, d: dict[str, Any]) -> dict[str, list[str]]:
    """key -> the values of that facet for one record."""
    year = year_of(kind, d)
    return {
        "kind": [kind],
        "region": regions_of(catalog, kind, d),
        "country": countries_of(kind, d),
        "theme": list(d.get("themes", [])),
        "instrument": instruments_of(d),
        "article": list(d.get("tfa_articles", [])),
        "year": [year] if year else [],
    }


def facet_options(catalog: Catalog, items: list[tuple[str, dict[str, Any]]]) -> dict[str, list[tuple[str, str, int]]]:
    """key -> (value, label, count) of every value the items carry, in a reader's order."""
    counts: dict[str, dict[str, int]] = {key: {} for key, _ in FACETS}
    for kind, d in items:
        for key, values in facet_values(catalog, kind, d).items():
            for v in values:
                counts[key][v] = counts[key].get(v, 0) + 1
    labels = {
        "kind": KIND_LABELS,
        "region": {t["id"]: t["label"] for t in catalog.vocabulary("regions")},
        "country": {cid: r.data["name"] for cid, r in catalog.of("country").items()},
        "theme": {t["id"]: t["label"] for t in catalog.vocabulary("themes")},
        "instrument": {iid: r.data["short_name"] for iid, r in catalog.of("instrument").items()},
        "article": {t["id"]: t["label"] for t in catalog.vocabulary("tfa-articles")},
        "year": {},
    }
    order = {
        "region": [t["id"] for t in catalog.vocabulary("regions")],
        "article": catalog.term_ids("tfa-articles"),
        "theme": catalog.term_ids("themes"),
        "kind": list(KIND_LABELS),
    }
    out: dict[str, list[tuple[str, str, int]]] = {}
    for key, _ in FACETS:
        values = list(counts[key])
        if key in order:
            values.sort(key=lambda v, o=order[key]: o.index(v) if v in o else len(o))
        elif key == "year":
            values.sort(reverse=True)
        else:
            values.sort(key=lambda v, lab=labels[key]: lab.get(v, v).casefold())
        out[key] = [(v, labels[key].get(v, v), counts[key][v]) for v in values]
    return out


def citing(catalog: Catalog, field: str, target: str) -> dict[str, list[dict[str, Any]]]:
    """kind -> library records that name ``target`` as an instrument or a country (backlinks).

    ``field`` is "instrument" or "country". The index is built once per
    catalog, not once per page.
    """
    if "backlinks" not in catalog.memo:
        index: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
        for kind in KIND_LABELS:
            for d in catalog.library(kind):
                keys = [("instrument", i) for i in instruments_of(d)]
                keys += [("country", c) for c in countries_of(kind, d)]
                for key in keys:
                    index.setdefault(key, {}).setdefault(kind, []).append(d)
        catalog.memo["backlinks"] = index
    return catalog.memo["backlinks"].get((field, target), {})
