"""One Markdown page per record, plus the index pages that list them.

Pages are Markdown for structure (headings, so MkDocs builds the table of
contents and anchors) and escaped HTML blocks for everything that comes
from a record. Front matter turns macros off: record text is never
evaluated as a template.
"""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog
from . import urls
from .charts import accession_timeline, status_map
from .common import (
    action_label,
    counts,
    history_html,
    layers_html,
    operation_html,
    org_name,
    region_label,
    show_date,
    source_html,
    source_short,
    stale_flag,
    status_badge,
    verified_html,
)
from .crosswalk import instrument_section
from .html import block, esc, link, paragraphs, rel
from .library import backlinks_section
from .parts import facts, feed_link, front, heading, md_text, sources_section
from .transit import corridors_section, neighbours_section, next_steps_section

# --- country ---------------------------------------------------------------------


def _wto_text(catalog: Catalog, wto: dict[str, Any]) -> str:
    if wto["status"] == "member":
        text = f"Member since {show_date(wto['member_since'])}"
    elif wto["status"] == "observer":
        text = "Observer (acceding government)"
        if wto.get("observer_since"):
            text += f", since {show_date(wto['observer_since'])}"
    else:
        text = "Not a member or observer"
    return esc(text) + "<br>" + source_html(wto["source"])


def country_page(catalog: Catalog, country_id: str) -> str:
    """The page of one country: its status in every instrument, then gaps."""
    c = catalog.country(country_id)
    here = urls.country_url(country_id)
    groups = ", ".join(catalog.term("country-groups", g)["label"] for g in c["groups"])
    covered = "lldc" in c["groups"] or any(catalog.entry(i["id"], country_id) for i in catalog.instruments())
    feed = urls.country_feed(country_id) if covered else None
    out = [front(
        c["name"], f"Which trade and transit conventions {c['name']} has joined, with sources.", boost=4, feed=feed,
    )]
    out.append(f"# {md_text(c['name'])}\n")
    out.append(block(facts([
        ("Region", esc(f"{region_label(catalog, c['subregion'])}, {region_label(catalog, c['region'])}")),
        ("Groups", esc(groups)),
        ("ISO 3166 code", f"<code>{esc(c['iso3'])}</code>"),
        ("WTO", _wto_text(catalog, c["wto"]) if "wto" in c else ""),
        ("Notes", paragraphs(c.get("notes"))),
    ])))

    lldc = "lldc" in c["groups"]
    # an LLDC has an entry (or a computed "not applicable") for every instrument; another
    # country only for the instruments researched for it, and the page says so
    instruments = [
        i for i in catalog.instruments() if lldc or catalog.entry(i["id"], country_id) is not None
    ]
    if not covered:
        out.append(heading(2, "Participation", "summary"))
        out.append(block(
            f"<p>The catalog records participation for the landlocked developing countries; "
            f"{esc(c['name'])} is listed because practices, guidance or events name it. Its participation "
            "in the conventions is not recorded yet.</p>"
        ))
        out.append(backlinks_section(catalog, here, "country", country_id, c["name"]))
        out.append(sources_section(here, c, "Country"))
        return "".join(out)
    out.append(heading(2, "Participation at a glance", "summary"))
    if lldc:
        out.append(block(
            f'<p class="lldc-feed">{link(rel(here, here + "brief/"), "One-page brief to print")}</p>'
        ))
    if not lldc:
        out.append(block(
            f"<p>{esc(c['name'])} is a transit country of the landlocked developing countries. The catalog records "
            f"its participation in the {len(instruments)} instruments below; the others are not researched yet.</p>"
        ))
    out.append(feed_link(here, urls.country_feed(country_id), f"changes for {c['name']}"))
    rows = []
    for inst in instruments:
        e = catalog.cell(inst["id"], country_id)
        flag = stale_flag(catalog, e)
        rows.append(
            "<tr>"
            f'<th scope="row">{link(rel(here, urls.instrument_url(inst["id"])), inst["short_name"])}</th>'
            f'<td>{status_badge(catalog, e["status"], "#" + inst["id"])}{"<br>" + flag if flag else ""}</td>'
            f"<td>{esc(action_label(catalog, e.get('action')))}</td>"
            f"<td>{esc(show_date(e.get('date')))}</td>"
            "</tr>"
        )
    out.append(block(
        '<table class="lldc-table">\n<thead><tr><th scope="col">Instrument</th><th scope="col">Status</th>'
        '<th scope="col">Action</th><th scope="col">Deposit date</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows) + "\n</tbody>\n</table>"
    ))

    for inst in instruments:
        e = catalog.cell(inst["id"], country_id)
        out.append(heading(2, inst["short_name"], inst["id"]))
        if e["status"] == "not_applicable":
            out.append(block(facts([
                ("Status", status_badge(catalog, e["status"])),
                ("Scope", paragraphs(inst["scope"]["description"])
                 + link(rel(here, urls.instrument_url(inst["id"]) + "#scope"), "Who it is open to")),
            ])))
            continue
        out.append(block(facts([
            ("Status", status_badge(catalog, e["status"])),
            ("Action", esc(action_label(catalog, e.get("action")))),
            ("Deposit date", esc(show_date(e.get("date")))
             + (f' <span class="lldc-muted">(known to the {esc(_precision(e["date"]))})</span>'
                if e.get("date") and len(e["date"]) < 10 else "")),
            ("Entry into force", esc(show_date(e.get("entry_into_force")))),
            ("Source", source_html(e.get("source"))),
            ("In operation", operation_html(catalog, e)),
            ("Further layers", layers_html(catalog, e)),
            ("Verified on", verified_html(catalog, e)),
            ("Notes", paragraphs(e.get("notes"))),
            ("Earlier statuses", history_html(catalog, e)),
        ])))

    if lldc:
        out.append(neighbours_section(catalog, country_id, here))
        out.append(corridors_section(catalog, country_id, here))
        out.append(next_steps_section(catalog, country_id, here))
    else:
        out.append(corridors_section(catalog, country_id, here))

    out.append(backlinks_section(catalog, here, "country", country_id, c["name"]))
    out.append(sources_section(here, c, "Country"))
    return "".join(out)


def _operation_short(catalog: Catalog, e: dict[str, Any]) -> str:
    op = e.get("operation")
    if not op:
        return ""
    label = catalog.term("operation-states", op["state"])["label"].lower()
    return f'<br><span class="lldc-muted">in practice: {esc(label)}</span>'


def _precision(date: str) -> str:
    return "year" if len(date) == 4 else "month"


# --- instrument --------------------------------------------------------------------


def instrument_page(catalog: Catalog, instrument_id: str) -> str:
    """The page of one instrument: what it is, how to join, who has joined."""
    i = catalog.instrument(instrument_id)
    here = urls.instrument_url(instrument_id)
    out = [front(i["short_name"], i["title"], boost=4, wide=True, feed=urls.instrument_feed(instrument_id))]
    out.append(f"# {md_text(i['short_name'])}\n")
    adopted = f"{show_date(i['adopted']['date'])}, {i['adopted']['place']}"
    total = i.get("parties_total")
    out.append(block(
        f'<p class="lldc-lead">{esc(i["title"])}</p>\n' + facts([
            ("Kind", esc(catalog.term("instrument-kinds", i["kind"])["label"])),
            ("Adopted", esc(adopted) + paragraphs(i["adopted"].get("note"), "lldc-muted")),
            ("Entered into force", esc(show_date(i["entry_into_force"]["date"]))),
            ("Depositary", esc(f"{i['depositary']['office']}")),
            ("Administered by", esc("; ".join(org_name(catalog, o) for o in i["administered_by"]))),
            ("Governing bodies", "<br>".join(esc(b) for b in i.get("bodies", []))),
            ("Parties worldwide", (esc(f"{total['count']} ") + source_html(total["source"])) if total else ""),
        ])
    ))
    out.append(heading(2, "Summary", "summary"))
    out.append(block(paragraphs(i["summary"])))
    out.append(heading(2, "Why it matters to landlocked countries", "why-it-matters"))
    out.append(block(paragraphs(i["why_it_matters"])))

    join = i["how_to_join"]
    out.append(heading(2, "How to join", "how-to-join"))
    out.append(block(facts([
        ("Who may join", paragraphs(join["who_may_join"])),
        ("What to deposit", paragraphs(join["instrument_to_deposit"])),
        ("Entry into force", paragraphs(i["entry_into_force"]["rule"])),
    ])))
    steps = "\n".join(f"<li>{esc(s)}</li>" for s in join["steps"])
    out.append(block(f'<ol class="lldc-steps">\n{steps}\n</ol>'))
    if join.get("after_joining"):
        out.append(block(paragraphs(join["after_joining"])))

    if i.get("scope"):
        out.append(heading(2, "Scope: who it is open to", "scope"))
        scope = i["scope"]
        out.append(block(facts([
            ("Scope", paragraphs(scope["description"])),
            ("Countries in scope", ", ".join(
                link(rel(here, urls.country_url(cid)), catalog.country(cid)["name"])
                for cid in sorted(scope["countries"], key=lambda x: catalog.country(x)["name"])
            )),
            ("Source", source_html(scope["source"])),
        ])))

    out.append(heading(2, "Participation of the LLDCs", "participation"))
    n = counts(catalog, instrument_id)
    summary = ", ".join(
        f"{n[t['id']]} {t['label'].lower()}" for t in catalog.vocabulary("statuses") if n[t["id"]]
    )
    out.append(block(f'<p class="lldc-counts">Of the {len(catalog.countries())} LLDCs: {esc(summary)}.</p>'))
    out.append(feed_link(here, urls.instrument_feed(instrument_id), f"changes in the {i['short_name']}"))

    rows = []
    changes = []
    for c in catalog.countries():
        e = catalog.cell(instrument_id, c["id"])
        if e.get("history"):
            changes.append(
                f'<li>{link(rel(here, urls.country_url(c["id"]) + "#" + instrument_id), c["name"])}: '
                f"now {esc(catalog.term('statuses', e['status'])['label'].lower())}; before:"
                f"{history_html(catalog, e)}</li>"
            )
        if e["status"] == "not_applicable":
            rows.append(
                "<tr>"
                f'<th scope="row">{link(rel(here, urls.country_url(c["id"])), c["name"])}</th>'
                f'<td>{status_badge(catalog, e["status"], "#scope")}</td>'
                '<td colspan="5" class="lldc-muted">Outside the scope of the instrument</td>'
                "</tr>"
            )
            continue
        rows.append(
            "<tr>"
            f'<th scope="row">{link(rel(here, urls.country_url(c["id"])), c["name"])}</th>'
            f'<td>{status_badge(catalog, e["status"])}{_operation_short(catalog, e)}</td>'
            f"<td>{esc(action_label(catalog, e.get('action')))}</td>"
            f"<td>{esc(show_date(e.get('date')))}</td>"
            f"<td>{esc(show_date(e.get('entry_into_force')))}</td>"
            f"<td>{source_short(e.get('source'))}</td>"
            f"<td>{verified_html(catalog, e)}</td>"
            "</tr>"
        )
    out.append(block(
        '<table class="lldc-table" data-search-exclude>\n<thead><tr><th scope="col">Country</th>'
        '<th scope="col">Status</th>'
        '<th scope="col">Action</th><th scope="col">Deposit date</th><th scope="col">Entry into force</th>'
        '<th scope="col">Source</th><th scope="col">Verified on</th></tr></thead>\n<tbody>\n'
        + "\n".join(rows) + "\n</tbody>\n</table>"
    ))
    out.append(heading(3, "Map", "map"))
    out.append(block(status_map(catalog, instrument_id, here)))
    out.append(heading(3, "Deposits over time", "timeline"))
    out.append(block(accession_timeline(catalog, instrument_id, here)))
    if changes:
        out.append(heading(2, "Recorded changes", "changes"))
        out.append(block(
            "<p>Entries whose status changed, with the earlier statuses and their sources.</p>\n"
            f'<ul class="lldc-changes">{"".join(changes)}</ul>'
        ))

    out.append(instrument_section(catalog, instrument_id, here))
    out.append(heading(2, "Official links", "links"))
    out.append(block("<ul>\n" + "\n".join(
        f"<li><cite>{link(lk['url'], lk['title'], external=True)}</cite> "
        f'<span class="lldc-muted">({esc(catalog.term("link-kinds", lk["kind"])["label"].lower())})</span></li>'
        for lk in i["links"]
    ) + "\n</ul>"))
    if i.get("related"):
        out.append(heading(2, "Related instruments", "related"))
        out.append(block("<ul>\n" + "\n".join(
            f"<li>{link(rel(here, urls.instrument_url(r)), catalog.instrument(r)['short_name'])}</li>"
            for r in i["related"]
        ) + "\n</ul>"))
    out.append(backlinks_section(catalog, here, "instrument", instrument_id, i["short_name"]))
    out.append(sources_section(here, i, "Instrument"))
    return "".join(out)


# --- index pages ----------------------------------------------------------------------


def countries_index(catalog: Catalog) -> str:
    """All LLDCs, grouped by region, with how many instruments each has joined."""
    here = urls.COUNTRIES_URL
    instruments = catalog.instruments()
    out = [front("Countries", "The 32 landlocked developing countries and the conventions each has joined.")]
    out.append("# Countries\n")
    out.append(block(
        f"<p>The {len(catalog.countries())} landlocked developing countries, by region. "
        f"The last column counts the instruments to which each is a party, of the {len(instruments)} in the "
        "catalog less the regional ones that do not apply to it.</p>"
    ))
    regions = [t for t in catalog.vocabulary("regions") if "parent" not in t]
    for region in regions:
        members = [c for c in catalog.countries() if c["region"] == region["id"]]
        if not members:
            continue
        out.append(heading(2, region["label"], region["id"]))
        rows = []
        for c in members:
            parties = sum(1 for i in instruments if catalog.cell(i["id"], c["id"])["status"] == "party")
            open_to = sum(1 for i in instruments if catalog.in_scope(i["id"], c["id"]))
            rows.append(
                "<tr>"
                f'<th scope="row">{link(rel(here, urls.country_url(c["id"])), c["name"])}</th>'
                f"<td>{esc(region_label(catalog, c['subregion']))}</td>"
                f"<td>{esc(c['wto']['status'].replace('none', 'not a member').capitalize())}</td>"
                f"<td>{parties} of {open_to}</td>"
                "</tr>"
            )
        out.append(block(
            '<table class="lldc-table">\n<thead><tr><th scope="col">Country</th><th scope="col">Subregion</th>'
            '<th scope="col">WTO</th><th scope="col">Party to</th></tr></thead>\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody>\n</table>"
        ))
    others = [c for c in catalog.countries(group=None) if "lldc" not in c["groups"]]
    if others:
        out.append(heading(2, "Other countries named in practices and events", "other-countries"))
        out.append(block(
            "<p>Transit neighbours and other countries that practices, guidance or events of the catalog name. "
            "Their participation in the conventions is not recorded yet.</p>\n<ul class=\"lldc-columns\">\n"
            + "\n".join(f"<li>{link(rel(here, urls.country_url(c['id'])), c['name'])}</li>" for c in others)
            + "\n</ul>"
        ))
    return "".join(out)


def instruments_index(catalog: Catalog) -> str:
    """All instruments with their depositary and LLDC counts."""
    here = urls.INSTRUMENTS_URL
    out = [front("Instruments", "The trade and transit conventions in the catalog.")]
    out.append("# Instruments\n")
    out.append(block(
        f"<p>The {len(catalog.instruments())} instruments in the catalog, oldest first. "
        "Counts are over the LLDCs and come from the participation records.</p>"
    ))
    rows = []
    statuses = catalog.vocabulary("statuses")
    for i in catalog.instruments():
        n = counts(catalog, i["id"])
        rows.append(
            "<tr>"
            f'<th scope="row">{link(rel(here, urls.instrument_url(i["id"])), i["short_name"])}'
            f'<br><span class="lldc-muted">{esc(i["title"])}</span></th>'
            f"<td>{esc(show_date(i['adopted']['date']))}</td>"
            f"<td>{esc(i['depositary']['office'])}</td>"
            + "".join(f"<td>{n[s['id']]}</td>" for s in statuses)
            + "</tr>"
        )
    head = "".join(f'<th scope="col">{esc(s["label"])}</th>' for s in statuses)
    out.append(block(
        '<table class="lldc-table">\n<thead><tr><th scope="col">Instrument</th><th scope="col">Adopted</th>'
        f'<th scope="col">Depositary</th>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows) + "\n</tbody>\n</table>"
    ))
    return "".join(out)
