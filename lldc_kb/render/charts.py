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
