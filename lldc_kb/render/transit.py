"""Country-page sections and corridor pages built on ``lldc_kb.transit``:
transit neighbours, corridors, and what to join next with its accession kit."""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog
from ..transit import (
    RANKING_RULE,
    lldc_parties,
    next_steps,
    pair_view,
    route_view,
    routes_of,
    tir_not_operational,
)
from . import urls
from .common import source_html
from .html import block, esc, link, paragraphs, rel
from .parts import facts, front, heading, md_text, sources_section

VERDICTS = {
    "both": "In force on both sides",
    "here_only": "Only {here} is a party",
    "there_only": "Only {there} is a party",
    "neither": "Neither is a party",
    "open": "Not settled (a status is unknown)",
    "unrecorded": "Not researched for {there} yet",
}


def _names(catalog: Catalog, here: str, ids: list[str]) -> str:
    return ", ".join(
        link(rel(here, urls.country_url(cid)), catalog.country(cid)["name"]) for cid in ids
    )


def _inst_links(catalog: Catalog, here: str, ids: list[str]) -> str:
    """Instrument short names, each linked to its page."""
    return ", ".join(
        link(rel(here, urls.instrument_url(i)), catalog.instrument(i)["short_name"]) for i in ids
    ) or '<span class="lldc-muted">none</span>'


def basis_badge(catalog: Catalog, basis: str) -> str:
    label = catalog.term("route-bases", basis)["label"]
    return f'<span class="lldc-basis lldc-basis--{esc(basis)}">{esc(label)}</span>'


def neighbours_section(catalog: Catalog, country_id: str, here: str) -> str:
    """Each transit neighbour: which instruments apply on both sides of the border, and what that means."""
    c = catalog.country(country_id)
    near = c.get("transit_neighbours", [])
    out = [heading(2, "Transit neighbours", "neighbours")]
    if not near:
        out.append(block("<p>No transit neighbour is recorded for this country yet.</p>"))
        return "".join(out)
    out.append(block(
        "<p>A transit instrument helps only where the countries on both sides of a border apply it. "
        "For each country the trade of " + esc(c["name"]) + " crosses, the instruments open to both, "
        "grouped by who is a party. <em>Sourced</em> means a cited document describes the route; "
        "<em>Geography</em> means general knowledge only.</p>"
    ))
    rows = []
    for n in near:
        there = catalog.country(n["country"])
        pairs = pair_view(catalog, country_id, n["country"])
        groups: dict[str, list[str]] = {}
        for p in pairs:
            groups.setdefault(p.verdict, []).append(p.instrument)
        cells = "".join(
            f"<li><strong>{esc(VERDICTS[v].format(here=c['name'], there=there['name']))}:</strong> "
            f"{_inst_links(catalog, here, groups[v])}</li>"
            for v in VERDICTS if groups.get(v)
        )
        tir = next((p for p in pairs if p.instrument == "tir-1975"), None)
        meaning = ""
        if tir is not None:
            meaning = {
                "both": "TIR carnets are accepted on both sides of this border.",
                "here_only": f"A TIR transport from {c['name']} cannot continue under TIR into {there['name']}.",
                "there_only": f"A TIR transport cannot start or end in {c['name']}: only {there['name']} applies TIR.",
                "neither": "Neither side applies TIR: each crossing needs a national transit procedure and guarantee.",
                "open": "Whether TIR works across this border is not settled: a status is unknown.",
                "unrecorded": f"TIR participation of {there['name']} is not recorded yet.",
            }[tir.verdict]
        source = f"<br>{source_html(n['source'])}" if n.get("source") else ""
        note = paragraphs(n.get("note"), "lldc-muted")
        rows.append(
            f'<tr><th scope="row">{link(rel(here, urls.country_url(n["country"])), there["name"])}'
            f"<br>{basis_badge(catalog, n['basis'])}{source}{note}</th>"
            f'<td><ul class="lldc-verdicts">{cells}</ul>'
            + (f'<p class="lldc-tir">{esc(meaning)}</p>' if meaning else "")
            + "</td></tr>"
        )
    out.append(block(
        '<table class="lldc-table lldc-neighbours"><thead><tr><th scope="col">Neighbour</th>'
        '<th scope="col">Instruments across the border</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    ))
    return "".join(out)


def route_summary(catalog: Catalog, corridor: dict[str, Any], here: str, origin: str | None = None) -> str:
    """Which instruments are in force along each route of the corridor, and where the others stop.

    ``origin``: the LLDC whose view this is (see ``routes_of``).
    """
    routes = routes_of(catalog, corridor, origin)
    if len(routes) == 1:
        return _route_summary(catalog, routes[0], here)
    return "".join(
        f"<p><strong>Route {esc(' → '.join(catalog.country(c)['name'] for c in route))}</strong></p>"
        + _route_summary(catalog, route, here)
        for route in routes
    )


def _route_summary(catalog: Catalog, route: list[str], here: str) -> str:
    statuses = route_view(catalog, route)
    whole = [s.instrument for s in statuses if s.end_to_end]
    gaps = [s for s in statuses if not s.end_to_end and s.parties]
    items = []
    for s in gaps:
        parts = []
        if s.missing:
            parts.append(f"not a party: {_names(catalog, here, s.missing)}")
        if s.unknown:
            parts.append(f"unknown: {_names(catalog, here, s.unknown)}")
        if s.outside:
            parts.append(f"outside its scope: {_names(catalog, here, s.outside)}")
        items.append(f"<li>{_inst_links(catalog, here, [s.instrument])} — {'; '.join(parts)}</li>")
    tir = next((s for s in statuses if s.instrument == "tir-1975"), None)
    if tir is None:
        tir_text = ""
    elif tir.end_to_end:
        stopped = tir_not_operational(catalog, route)
        tir_text = (
            "Every country on this route is a TIR party: a TIR transport can run end to end"
            + (f", although a source shows TIR not operational in {_names(catalog, here, stopped)}" if stopped else "")
            + "."
        )
    else:
        blockers = tir.missing + tir.unknown + tir.outside
        one = len(blockers) == 1
        tir_text = (
            f"A TIR transport cannot run end to end on this route: {_names(catalog, here, blockers)} "
            f"{'is' if one else 'are'} not (or not known to be) TIR part{'y' if one else 'ies'}."
        )
    return (
        f"<p><strong>In force along the whole route:</strong> {_inst_links(catalog, here, whole)}</p>"
        + (f"<p><strong>In force in part of the route:</strong></p><ul>{''.join(items)}</ul>" if items else "")
        + (f'<p class="lldc-tir">{tir_text}</p>' if tir_text else "")
    )


def corridors_section(catalog: Catalog, country_id: str, here: str) -> str:
    rows = catalog.corridors(country_id)
    out = [heading(2, "Corridors", "corridors")]
    if not rows:
        out.append(block("<p>No corridor through this country is recorded yet.</p>"))
        return "".join(out)
    for d in rows:
        route = " → ".join(catalog.country(cid)["name"] for cid in d["countries"])
        ports = f" (ports: {esc(', '.join(d['ports']))})" if d.get("ports") else ""
        feeder = (
            " The corridor lists alternative routes; each is checked on its own."
            if d.get("alternatives") else
            f" {esc(catalog.country(country_id)['name'])} reaches this corridor by a feeder route; "
            "it is counted as the first country of the route below."
            if country_id not in d["countries"] else ""
        )
        out.append(heading(3, d["name"], f"corridor-{d['id']}"))
        out.append(block(
            f"<p>{link(rel(here, urls.record_url('corridor', d['id'])), d['name'])}: {esc(route)}{ports}. "
            f"Basis: {basis_badge(catalog, d['basis'])}.{feeder}</p>" + route_summary(catalog, d, here, country_id)
        ))
    return "".join(out)


# --- what to join next ------------------------------------------------------------------


def _practices_by_instrument(catalog: Catalog) -> dict[str, list[dict[str, Any]]]:
    """instrument id -> practices that name it (computed once per catalog)."""
    key = "practices-by-instrument"
    if key not in catalog.memo:
        out: dict[str, list[dict[str, Any]]] = {}
        for d in catalog.library("practice"):
            for i in d.get("instruments", []):
                out.setdefault(i, []).append(d)
        catalog.memo[key] = out
    return catalog.memo[key]


def _kit(catalog: Catalog, country_id: str, instrument_id: str, here: str) -> str:
    """The accession kit: who may join, what to deposit where, the steps, entry into force, guidance, practice."""
    i = catalog.instrument(instrument_id)
    join = i["how_to_join"]
    guides = [lk for lk in i["links"] if lk["kind"] in ("text", "guide", "status")]
    joined = lldc_parties(catalog)[instrument_id]
    practices = [d for d in _practices_by_instrument(catalog).get(instrument_id, []) if joined & set(d["countries"])]
    steps = "".join(f"<li>{esc(s)}</li>" for s in join["steps"])
    return facts([
        ("Depositary", esc(i["depositary"]["office"])),
        ("Who may join", paragraphs(join["who_may_join"])),
        ("What to deposit", paragraphs(join["instrument_to_deposit"])),
        ("Steps", f'<ol class="lldc-steps">{steps}</ol>'),
        ("Entry into force", paragraphs(i["entry_into_force"]["rule"])),
        ("Official texts, guidance and model instruments", "<ul>" + "".join(
            f"<li><cite>{link(lk['url'], lk['title'], external=True)}</cite></li>" for lk in guides
        ) + "</ul>" if guides else ""),
        ("Practice of countries that joined", "<ul>" + "".join(
            f"<li>{link(rel(here, urls.record_url('practice', d['id'])), d['title'])}</li>" for d in practices[:6]
        ) + "</ul>" if practices else ""),
    ])


def next_steps_section(catalog: Catalog, country_id: str, here: str) -> str:
    c = catalog.country(country_id)
    steps = next_steps(catalog, country_id)
    out = [heading(2, "What to join next", "not-yet-a-party")]
    if not steps:
        out.append(block(f"<p>{esc(c['name'])} is a party to every instrument in the catalog open to it.</p>"))
        return "".join(out)
    out.append(block(f'<p class="lldc-muted">{esc(RANKING_RULE)}</p>'))
    for rank, s in enumerate(steps, 1):
        i = catalog.instrument(s.instrument)
        label = catalog.term("statuses", s.status)["label"].lower()
        figures = (
            f"{s.neighbours_party} of {s.neighbours_total} transit neighbours are parties; "
            f"supports {s.tfa_articles} TFA article{'s' if s.tfa_articles != 1 else ''}; "
            f"{s.lldc_parties} other LLDCs are parties. Status here: {label}."
        )
        out.append(heading(3, f"{rank}. {i['short_name']}", f"join-{s.instrument}"))
        out.append(block(
            f'<p class="lldc-rank">{esc(figures)} '
            f"{link(rel(here, urls.instrument_url(s.instrument) + '#how-to-join'), 'How to join')}</p>"
            f"<details><summary>Accession kit</summary>{_kit(catalog, country_id, s.instrument, here)}</details>"
        ))
    return "".join(out)


# --- corridor pages --------------------------------------------------------------------------


def corridor_page(catalog: Catalog, corridor_id: str) -> str:
    d = catalog.of("corridor")[corridor_id].data
    here = urls.record_url("corridor", corridor_id)
    out = [front(d["name"], f"Route, ports and the instruments in force along the {d['name']}.", boost=2)]
    out.append(f"# {md_text(d['name'])}\n")
    modes = ", ".join(catalog.term("transport-modes", m)["label"] for m in d["modes"])
    out.append(block(facts([
        ("Route", " → ".join(
            link(rel(here, urls.country_url(cid)), catalog.country(cid)["name"]) for cid in d["countries"]
        )),
        ("LLDCs served", _names(catalog, here, d["lldcs"])),
        ("Ports", esc(", ".join(d.get("ports", [])))),
        ("Modes", esc(modes)),
        ("Managed by", esc("; ".join(catalog.organization(o)["name"] for o in d.get("organizations", [])))),
        ("Basis", basis_badge(catalog, d["basis"])),
    ])))
    out.append(heading(2, "Summary", "summary"))
    out.append(block(paragraphs(d["summary"])))
    out.append(heading(2, "Instruments along the route", "instruments"))
    out.append(block(route_summary(catalog, d, here)))
    out.append(sources_section(here, d, "Corridor") if d["sources"] else block(
        '<p class="lldc-muted">No source describes this route yet: it rests on geography.</p>'
    ))
    return "".join(out)


def corridors_index(catalog: Catalog) -> str:
    here = urls.CORRIDORS_URL
    out = [front("Corridors", "The transit corridors of the landlocked developing countries.")]
    out.append("# Corridors\n")
    rows = "".join(
        f'<tr><th scope="row">{link(rel(here, urls.record_url("corridor", d["id"])), d["name"])}</th>'
        f"<td>{esc(' → '.join(catalog.country(c)['name'] for c in d['countries']))}</td>"
        f"<td>{basis_badge(catalog, d['basis'])}</td></tr>"
        for d in catalog.corridors()
    )
    out.append(block(
        f"<p>{len(catalog.corridors())} corridors. For each, the instruments in force along the whole route "
        "and where the others stop.</p>"
        '<table class="lldc-table"><thead><tr><th scope="col">Corridor</th><th scope="col">Route</th>'
        f'<th scope="col">Basis</th></tr></thead><tbody>{rows}</tbody></table>'
    ))
    return "".join(out)
