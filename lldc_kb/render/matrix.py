"""The country x instrument matrix and the home-page figures, as HTML."""

from __future__ import annotations

from ..catalog import Catalog
from ..dates import parse_date
from . import urls
from .common import action_label, counts, region_label, show_date, stale_flag, status_badge
from .html import esc, link, rel


def status_matrix(catalog: Catalog, page_url: str = urls.MATRIX_URL) -> str:
    """A sortable, filterable table: one row per LLDC, one column per instrument.

    Each cell shows the status as icon and text, the action and the date, and
    links to the entry's source (or, for an unknown without a source, to the
    country page section that explains why). ``data-sort`` values let the
    script sort by status rank then date without parsing the text.
    """
    instruments = catalog.instruments()
    ranks = {t["id"]: t["rank"] for t in catalog.vocabulary("statuses")}
    head = (
        '<th scope="col" data-sort-type="text"><span>Country</span></th>'
        '<th scope="col" data-sort-type="text"><span>Region</span></th>'
        + "".join(
            f'<th scope="col" data-sort-type="text"><span>'
            f'<a href="{esc(rel(page_url, urls.instrument_url(i["id"])))}" title="{esc(i["short_name"])}">'
            f'{esc(i.get("abbreviation", i["short_name"]))}</a>'
            "</span></th>"
            for i in instruments
        )
    )
    rows = []
    for c in catalog.countries():
        cells = []
        for i in instruments:
            e = catalog.cell(i["id"], c["id"])
            src = e.get("source")
            if e["status"] == "not_applicable":
                href = rel(page_url, urls.instrument_url(i["id"]) + "#scope")
                title = f"Outside the scope of the {i['short_name']}: see who it is open to"
            elif src:
                href, title = src["url"], f"Source: {src['title']} (as of {show_date(src['as_of'])})"
            else:
                href = rel(page_url, urls.country_url(c["id"]) + "#" + i["id"])
                title = "No source: the country page says why"
            short = parse_date(e["date"]).short if e.get("date") else ""
            detail = ", ".join(x for x in (action_label(catalog, e.get("action")), short) if x)
            key = f"{ranks[e['status']]}-{e.get('date', '9999')}"
            cells.append(
                f'<td data-sort="{esc(key)}" data-status="{esc(e["status"])}">'
                f"{status_badge(catalog, e['status'], href, title)}"
                + (f'<span class="lldc-cell__detail">{esc(detail)}</span>' if detail else "")
                + (f'<span class="lldc-cell__detail">{flag}</span>' if (flag := stale_flag(catalog, e)) else "")
                + "</td>"
            )
        sub = region_label(catalog, c["subregion"])
        rows.append(
            f'<tr data-region="{esc(c["region"])}">'
            f'<th scope="row" data-sort="{esc(c.get("sort_name", c["name"]))}">'
            f'{link(rel(page_url, urls.country_url(c["id"])), c["name"])}</th>'
            f'<td data-sort="{esc(sub)}">{esc(sub)}</td>'
            + "".join(cells)
            + "</tr>"
        )
    regions = [t for t in catalog.vocabulary("regions") if "parent" not in t]
    options = "".join(f'<option value="{esc(r["id"])}">{esc(r["label"])}</option>' for r in regions)
    controls = (
        '<div class="lldc-matrix-controls" hidden>'
        '<label>Region <select data-matrix-region><option value="">All regions</option>'
        f"{options}</select></label> "
        '<label>Country <input type="search" data-matrix-filter placeholder="Filter by name"></label> '
        '<span class="lldc-muted" data-matrix-count aria-live="polite"></span>'
        "</div>"
    )
    return (
        controls
        + '<div class="lldc-matrix-wrap"><table class="lldc-table lldc-matrix" data-sortable data-search-exclude>'
        f"<caption>Status of the {len(rows)} LLDCs in {len(instruments)} instruments, "
        f"as of {esc(show_date(catalog.as_of()))}. Select a column heading to sort.</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>"
    )


def status_legend(catalog: Catalog) -> str:
    """The statuses with their icons, so the matrix never relies on colour."""
    items = "".join(
        f"<li>{status_badge(catalog, t['id'])}: {esc(t.get('description', ''))}</li>"
        for t in catalog.vocabulary("statuses")
    )
    return f'<ul class="lldc-legend">{items}</ul>'


def home_figures(catalog: Catalog, page_url: str = "") -> str:
    """Figures computed from the catalog for the home page."""
    countries = catalog.countries()
    instruments = catalog.instruments()
    entries = sum(len(r.data["entries"]) for r in catalog.of("participation").values())
    unknown = sum(counts(catalog, i["id"])["unknown"] for i in instruments)
    cards = [
        (str(len(countries)), "landlocked developing countries", rel(page_url, urls.COUNTRIES_URL)),
        (str(len(instruments)), "instruments", rel(page_url, urls.INSTRUMENTS_URL)),
        (str(entries), "sourced participation entries", rel(page_url, urls.MATRIX_URL)),
        (str(unknown), "statuses still unknown", rel(page_url, urls.METHOD_URL + "#statuses")),
    ]
    out = '<ul class="lldc-figures">' + "".join(
        f'<li><a href="{esc(href)}"><span class="lldc-figures__n">{esc(n)}</span> '
        f'<span class="lldc-figures__label">{esc(label)}</span></a></li>'
        for n, label, href in cards
    ) + "</ul>"
    rows = ""
    for i in instruments:
        n = counts(catalog, i["id"])
        rows += (
            "<tr>"
            f'<th scope="row">{link(rel(page_url, urls.instrument_url(i["id"])), i["short_name"])}</th>'
            f"<td>{n['party']} of {len(countries) - n['not_applicable']}</td>"
            "</tr>"
        )
    out += (
        '<table class="lldc-table"><caption>LLDCs that are parties, by instrument '
        "(of the LLDCs the instrument is open to)</caption>"
        '<thead><tr><th scope="col">Instrument</th><th scope="col">LLDC parties</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        f'<p class="lldc-muted">Data as of {esc(show_date(catalog.as_of()))} '
        "(the latest date an entry was checked against its source).</p>"
    )
    return out
