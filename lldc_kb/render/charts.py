"""Charts drawn at build time as inline SVG: no script, no web font, works offline.

Every chart says what it shows in its accessible name and carries a table of
the same data, so it is readable without colour, without sight and without
SVG support.
"""

from __future__ import annotations

from ..catalog import Catalog
from ..dates import parse_date
from . import urls
from .common import action_label, show_date
from .html import esc, link, rel

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 36


def accessions(catalog: Catalog, instrument_id: str) -> list[tuple[str, dict, dict]]:
    """(date, country, entry) of every LLDC party or signatory with a known date, oldest first."""
    out = []
    for c in catalog.countries():
        e = catalog.cell(instrument_id, c["id"])
        if e["status"] in ("party", "withdrawn") and e.get("date"):
            out.append((e["date"], c, e))
    return sorted(out, key=lambda x: (parse_date(x[0]).earliest(), x[1]["name"]))


def accession_timeline(catalog: Catalog, instrument_id: str, page_url: str) -> str:
    """A step chart of LLDC parties over time, with one marked point per deposit, and its table."""
    inst = catalog.instrument(instrument_id)
    points = accessions(catalog, instrument_id)
    undated = [
        c for c in catalog.countries()
        if catalog.cell(instrument_id, c["id"])["status"] in ("party", "withdrawn")
        and not catalog.cell(instrument_id, c["id"]).get("date")
    ]
    if not points:
        return '<p class="lldc-muted">No LLDC deposit with a known date: no timeline to draw.</p>'
    first = min(parse_date(inst["adopted"]["date"]).earliest().year, parse_date(points[0][0]).earliest().year)
    last = max(catalog.today.year, parse_date(points[-1][0]).earliest().year)
    top = len(points)
    span = max(last - first, 1)

    def x(year: float) -> float:
        return LEFT + (year - first) / span * (WIDTH - LEFT - RIGHT)

    def y(n: int) -> float:
        return HEIGHT - BOTTOM - n / max(top, 1) * (HEIGHT - TOP - BOTTOM)

    def when(date: str) -> float:
        d = parse_date(date).earliest()
        return d.year + (d.timetuple().tm_yday - 1) / 366

    path = [f"M{x(first):.1f},{y(0):.1f}"]
    dots = []
    for n, (date, c, e) in enumerate(points, 1):
        px = x(when(date))
        path.append(f"H{px:.1f}V{y(n):.1f}")
        tip = f"{c['name']}: {action_label(catalog, e.get('action')).lower() or 'deposit'}, {show_date(date)}"
        dots.append(
            f'<circle cx="{px:.1f}" cy="{y(n):.1f}" r="3.5" class="lldc-chart__dot">'
            f"<title>{esc(tip)}</title></circle>"
        )
    path.append(f"H{x(last):.1f}")
    step = max(1, span // 8)
    base = HEIGHT - BOTTOM
    ticks = "".join(
        f'<line x1="{x(yr):.1f}" y1="{base}" x2="{x(yr):.1f}" y2="{base + 4}" class="lldc-chart__axis"/>'
        f'<text x="{x(yr):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{yr}</text>'
        for yr in range(first, last + 1, step)
    )
    yticks = "".join(
        f'<text x="{LEFT - 6}" y="{y(n) + 4:.1f}" text-anchor="end">{n}</text>'
        f'<line x1="{LEFT}" y1="{y(n):.1f}" x2="{WIDTH - RIGHT}" y2="{y(n):.1f}" class="lldc-chart__grid"/>'
        for n in sorted({0, top // 2, top})
    )
    label = (
        f"LLDC parties to the {inst['short_name']} over time: {top} dated deposits from "
        f"{show_date(points[0][0])} to {show_date(points[-1][0])}"
    )
    svg = (
        f'<svg class="lldc-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="tl-{esc(instrument_id)}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="tl-{esc(instrument_id)}">{esc(label)}</title>'
        f"{yticks}"
        f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" class="lldc-chart__axis"/>'
        f"{ticks}"
        f'<path d="{"".join(path)}" class="lldc-chart__line"/>'
        f"{''.join(dots)}</svg>"
    )
    rows = "".join(
        f"<tr><td>{esc(show_date(date))}</td>"
        f'<th scope="row">{link(rel(page_url, urls.country_url(c["id"]) + "#" + instrument_id), c["name"])}</th>'
        f"<td>{esc(action_label(catalog, e.get('action')))}</td><td>{n}</td></tr>"
        for n, (date, c, e) in enumerate(points, 1)
    )
    table = (
        "<details><summary>The deposits as a table</summary>"
        '<table class="lldc-table"><thead><tr><th scope="col">Deposit date</th><th scope="col">Country</th>'
        '<th scope="col">Action</th><th scope="col">LLDC parties</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
    )
    note = (
        f'<p class="lldc-muted">Not drawn: {len(undated)} part{"y" if len(undated) == 1 else "ies"} '
        f"whose deposit date is not known ({esc(', '.join(c['name'] for c in undated))}).</p>"
        if undated else ""
    )
    return f'<figure class="lldc-figure">{svg}<figcaption>{esc(label)}.</figcaption></figure>{table}{note}'


# --- tile map -----------------------------------------------------------------------------

TILE, GAP, LABEL_W = 46, 6, 190
PATTERNS = {
    "party": ("solid", "#1b5e20"),
    "signatory": ("half", "#0d47a1"),
    "withdrawn": ("cross", "#6d4c41"),
    "not_party": ("hatch", "#616161"),
    "unknown": ("dots", "#8a4b00"),
    "not_applicable": ("none", "#9e9e9e"),
}
"""Status -> (pattern, colour): each status has its own pattern, so the map reads without colour."""


def _defs() -> str:
    return (
        "<defs>"
        '<pattern id="p-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#616161" stroke-width="2"/></pattern>'
        '<pattern id="p-dots" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<circle cx="3" cy="3" r="1.3" fill="#8a4b00"/></pattern>'
        '<pattern id="p-cross" width="8" height="8" patternUnits="userSpaceOnUse">'
        '<path d="M0,0L8,8M8,0L0,8" stroke="#6d4c41" stroke-width="1.5"/></pattern>'
        '<linearGradient id="p-half" x1="0" y1="0" x2="1" y2="1">'
        '<stop offset="50%" stop-color="#0d47a1"/><stop offset="50%" stop-color="#fff"/></linearGradient>'
        "</defs>"
    )


def _fill(status: str) -> tuple[str]:
    """The fill of a tile: a colour or one of the patterns of ``_defs``."""
    pattern, colour = PATTERNS[status]
    return ({
        "solid": colour, "half": "url(#p-half)", "cross": "url(#p-cross)",
        "hatch": "url(#p-hatch)", "dots": "url(#p-dots)", "none": "#fff",
    }[pattern],)


def map_countries(catalog: Catalog) -> list[dict]:
    """The LLDCs and their transit countries: the countries the map shows."""
    from ..transit import transit_countries

    return [*catalog.countries(), *transit_countries(catalog)]


def status_map(catalog: Catalog, instrument_id: str, page_url: str) -> str:
    """A tile map of the LLDCs and their transit countries by status in one instrument.

    Tiles are grouped by UN M49 subregion (outlines are not packaged with the
    project); each shows the ISO code and the status icon, has a pattern per
    status, and links to the country page.
    """
    inst = catalog.instrument(instrument_id)
    regions = {t["id"]: t for t in catalog.vocabulary("regions")}
    groups: dict[str, list[dict]] = {}
    for c in map_countries(catalog):
        groups.setdefault(c["subregion"], []).append(c)
    order = [t["id"] for t in catalog.vocabulary("regions") if t["id"] in groups]
    per_row = 12
    y = 8
    parts = [_defs()]
    counts: dict[str, int] = {}
    for sub in order:
        members = sorted(groups[sub], key=lambda c: ("lldc" not in c["groups"], c["iso3"]))
        parts.append(
            f'<text x="0" y="{y + TILE / 2 + 4}" class="lldc-map__region">{esc(regions[sub]["label"])}</text>'
        )
        for n, c in enumerate(members):
            row, col = divmod(n, per_row)
            x0, y0 = LABEL_W + col * (TILE + GAP), y + row * (TILE + GAP)
            e = catalog.cell(instrument_id, c["id"])
            recorded = catalog.entry(instrument_id, c["id"]) is not None or "lldc" in c["groups"] \
                or e["status"] == "not_applicable"
            status = e["status"] if recorded else "unknown"
            counts[status] = counts.get(status, 0) + 1
            term = catalog.term("statuses", status)
            fill = _fill(status)[0]
            lldc = "lldc" in c["groups"]
            href = rel(page_url, urls.country_url(c["id"]))
            parts.append(
                f'<a href="{esc(href)}" class="lldc-map__tile">'
                f"<title>{esc(c['name'])}: {esc(term['label'].lower() if recorded else 'not recorded yet')}"
                f"{'' if lldc else ' (transit country)'}</title>"
                f'<rect x="{x0}" y="{y0}" width="{TILE}" height="{TILE}" rx="4" fill="{fill}" '
                f'stroke="#000" stroke-width="{3 if lldc else 1}"/>'
                f'<rect x="{x0 + 6}" y="{y0 + 8}" width="{TILE - 12}" height="30" rx="3" fill="#fff" opacity=".9"/>'
                f'<text x="{x0 + TILE / 2}" y="{y0 + 21}" text-anchor="middle" class="lldc-map__code">'
                f'{esc(c["iso3"])}</text>'
                f'<text x="{x0 + TILE / 2}" y="{y0 + 34}" text-anchor="middle" class="lldc-map__icon">'
                f'{esc(term["icon"])}</text>'
                "</a>"
            )
        rows = -(-len(members) // per_row)
        y += rows * (TILE + GAP) + 10
    width = LABEL_W + per_row * (TILE + GAP)
    label = (
        f"Map of the {len(catalog.countries())} LLDCs and their transit countries by status in the "
        f"{inst['short_name']}, grouped by region: "
        + ", ".join(f"{n} {catalog.term('statuses', s)['label'].lower()}" for s, n in sorted(counts.items()))
    )
    legend = "".join(
        f'<li><svg width="18" height="18" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">{_defs()}'
        f'<rect x="1" y="1" width="16" height="16" fill="{_fill(s)[0]}" stroke="#000"/></svg> '
        f"{esc(catalog.term('statuses', s)['icon'])} {esc(catalog.term('statuses', s)['label'])}</li>"
        for s in PATTERNS
    )
    return (
        f'<figure class="lldc-figure lldc-map">'
        f'<svg viewBox="0 0 {width} {y}" role="group" aria-labelledby="map-{esc(instrument_id)}" '
        f'xmlns="http://www.w3.org/2000/svg" class="lldc-map__svg">'
        f'<title id="map-{esc(instrument_id)}">{esc(label)}</title>{"".join(parts)}</svg>'
        f"<figcaption>{esc(label)}. Thick outline: LLDC; thin outline: transit country. "
        "Each tile links to the country page.</figcaption>"
        f'<ul class="lldc-map__legend">{legend}</ul></figure>'
    )


def map_page(catalog: Catalog, default: str = "tir-1975") -> str:
    """The map page: one instrument's map, and links to the map of every other instrument."""
    from .html import block
    from .parts import front, heading

    here = urls.MAP_URL
    first = default if default in catalog.of("instrument") else catalog.instruments()[0]["id"]
    inst = catalog.instrument(first)
    out = [front("Map", "The landlocked developing countries and their transit countries by status, per instrument.",
                 wide=True)]
    out.append("# Map\n")
    others = ", ".join(
        link(rel(here, urls.instrument_url(i["id"]) + "#map"), i["short_name"]) for i in catalog.instruments()
    )
    out.append(block(
        f"<p>The LLDCs and their transit countries by status in the {esc(inst['short_name'])}. "
        f"The same map for each instrument is on its page: {others}.</p>"
    ))
    out.append(heading(2, inst["short_name"], "map"))
    out.append(block(status_map(catalog, first, here)))
    return "".join(out)
