"""Exports computed from the catalog: the status matrix as CSV."""

from __future__ import annotations

import csv
import io

from .catalog import Catalog

STATUS_COLUMNS = ["country", "iso3", "instrument", "status", "action", "date", "source_url", "verified_on"]


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


def status_csv(catalog: Catalog) -> str:
    """The matrix as CSV text (UTF-8, comma-separated, header row, CRLF ends)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=STATUS_COLUMNS)
    writer.writeheader()
    writer.writerows(status_rows(catalog))
    return buf.getvalue()
