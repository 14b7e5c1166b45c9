"""A one-page printable brief per LLDC: status, gaps, neighbours, next steps, sources, date, citation.

The page is built for paper: the print stylesheet hides the site's chrome,
and the content is kept short enough for one A4 page. Everything on it is
computed from the same records as the country page.
"""

from __future__ import annotations

from ..catalog import Catalog
from ..dates import parse_date
from ..transit import next_steps, pair_view
from . import urls
from .common import show_date
from .html import block, esc, link, rel
from .parts import SITE_NAME, front

TOP_STEPS = 4
"""How many next steps the brief lists (the country page lists them all)."""


def _short(title: str, limit: int = 90) -> str:
    """A long source title cut at a word, for the brief (the country page gives it in full)."""
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + " …"


def brief_src(country_id: str) -> str:
    return f"countries/{country_id}/brief.md"


def brief_url(country_id: str) -> str:
    return f"countries/{country_id}/brief/"


def brief_page(catalog: Catalog, country_id: str) -> str:
    c = catalog.country(country_id)
    here = brief_url(country_id)
    page = urls.country_url(country_id)
    as_of = catalog.as_of()
    out = [front(f"{c['name']}: brief", f"A one-page brief on {c['name']} and the trade and transit conventions.",
                 wide=True, toc=False, search=False)]
    rows = []
    for i in catalog.instruments():
        e = catalog.cell(i["id"], country_id)
        term = catalog.term("statuses", e["status"])
        when = parse_date(e["date"]).short if e.get("date") else ""
        rows.append(
            f"<tr><th scope=\"row\">{esc(i['short_name'])}</th>"
            f"<td>{esc(term['icon'])} {esc(term['label'])}</td><td>{esc(when)}</td></tr>"
        )
    steps = next_steps(catalog, country_id)[:TOP_STEPS]
    step_items = "".join(
        f"<li><strong>{esc(catalog.instrument(s.instrument)['short_name'])}</strong>: "
        f"{s.neighbours_party} of {s.neighbours_total} transit neighbours are parties; "
        f"{s.lldc_parties} other LLDCs are parties. Deposit with: "
        f"{esc(catalog.instrument(s.instrument)['depositary']['office'])}.</li>"
        for s in steps
    )
    near = []
    for n in c.get("transit_neighbours", []):
        pairs = pair_view(catalog, country_id, n["country"])
        both = [p.instrument for p in pairs if p.verdict == "both"]
        tir = next((p.verdict for p in pairs if p.instrument == "tir-1975"), None)
        tir_text = {"both": "TIR on both sides", "here_only": "TIR here only", "there_only": "TIR there only",
                    "neither": "no TIR", "open": "TIR not settled", "unrecorded": "TIR not recorded"}.get(tir, "")
        near.append(
            f"<strong>{esc(catalog.country(n['country'])['name'])}</strong> "
            f"({esc(catalog.term('route-bases', n['basis'])['label'].lower())}; "
            f"{len(both)} on both sides" + (f"; {tir_text}" if tir_text else "") + ")"
        )
    sources = {}
    for i in catalog.instruments():
        src = catalog.cell(i["id"], country_id).get("source")
        if src and src.get("url"):
            sources.setdefault(src["url"], src)
    statuses = [catalog.cell(i["id"], country_id)["status"] for i in catalog.instruments()]
    gaps = sum(1 for s in statuses if s not in ("party", "not_applicable"))
    parties = statuses.count("party")
    citation = (
        f"{SITE_NAME}, “{c['name']}: brief”, /{here}, data as of {show_date(as_of)}."
    )
    out.append(block(
        '<article class="lldc-brief">'
        f'<header><p class="lldc-brief__kicker">{esc(SITE_NAME)} · country brief</p>'
        f"<h1>{esc(c['name'])}</h1>"
        f'<p>Party to {parties} of the {len(catalog.instruments())} instruments in the catalog; '
        f"{gaps} not joined or not settled. Data as of {esc(show_date(as_of))}. "
        f"Full page with sources and notes: {link(rel(here, page), '/' + page)}</p></header>"
        '<section class="lldc-brief__status"><h2>Status</h2>'
        '<table class="lldc-brief__table"><thead><tr><th scope="col">Instrument</th><th scope="col">Status</th>'
        f'<th scope="col">Deposit</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>'
        '<section class="lldc-brief__side">'
        f"<h2>Next steps</h2><ol>{step_items or '<li>None: a party to every instrument open to it.</li>'}</ol>"
        f"<h2>Transit neighbours</h2><p>{'; '.join(near) or 'None recorded.'}. "
        "Figures count the instruments in force on both sides of each border.</p>"
        f"<h2>Sources</h2><p class=\"lldc-brief__sources\">{len(sources)} sources back the statuses, listed with "
        "each entry on the full country page; the main ones: "
        + "; ".join(f"<cite>{esc(_short(s['title']))}</cite>" for s in list(sources.values())[:3])
        + ".</p>"
        f'<h2>Cite</h2><p><cite class="lldc-cite__text">{esc(citation)}</cite></p>'
        "</section></article>"
        f'<p class="lldc-brief__print lldc-muted">To print or save as PDF, use your browser\'s Print command. '
        f"{link(rel(here, page), 'Back to the country page')}</p>"
    ))
    return "".join(out)
