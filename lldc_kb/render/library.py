"""Pages of practices, guidelines, programmes and events, and their browse pages.

Every value shown comes from a record and passes through ``esc``. Facet
values on the pages link to the browse page filtered on that value, so a
reader can go from one practice to all practices of its theme or country.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from ..catalog import Catalog
from ..facets import FACETS, KIND_LABELS, KIND_PLURALS, citing, countries_of, facet_options, facet_values, year_of
from . import urls
from .common import org_name, show_date
from .crosswalk import articles_of_record, crosswalk_links
from .html import block, esc, link, paragraphs, rel
from .parts import facts, front, heading, md_text, sources_section

KIND_INTROS = {
    "practice": (
        "What customs administrations and governments did to make transit and border crossing easier, "
        "with the outcomes their sources report. Each practice names the instruments and articles of the "
        "WTO Trade Facilitation Agreement it helps implement."
    ),
    "guideline": (
        "Guidelines, handbooks, compendia, recommendations and other tools that explain how to implement "
        "the conventions, with where to read them."
    ),
    "programme": (
        "The programmes of action for landlocked developing countries, the General Assembly resolutions that "
        "follow them, and the projects and capacity-building programmes that support them."
    ),
    "event": (
        "Workshops, seminars and meetings on transit and trade facilitation for landlocked developing "
        "countries, with their purpose, outcomes and material."
    ),
}


# --- one record --------------------------------------------------------------------


def _browse(here: str, key: str, value: str, label: str, kind: str | None = None) -> str:
    """A facet value as a link to the browse page filtered on it."""
    target = urls.kind_index_url(kind) if kind else urls.LIBRARY_URL
    return link(rel(here, target) + "?" + urlencode({key: value}), label)


def _countries(catalog: Catalog, here: str, ids: list[str]) -> str:
    out = []
    for cid in ids:
        name = catalog.country(cid)["name"]
        out.append(link(rel(here, urls.country_url(cid)), name))
    return ", ".join(out)


def _instruments(catalog: Catalog, here: str, ids: list[str]) -> str:
    return ", ".join(link(rel(here, urls.instrument_url(i)), catalog.instrument(i)["short_name"]) for i in ids)


def _terms(catalog: Catalog, here: str, vocab: str, key: str, ids: list[str], kind: str) -> str:
    return ", ".join(_browse(here, key, t, catalog.term(vocab, t)["label"], kind) for t in ids)


def _orgs(catalog: Catalog, ids: list[str]) -> str:
    return "; ".join(esc(org_name(catalog, o)) for o in ids)


def _link_to(catalog: Catalog, here: str, kind: str, record_id: str | None) -> str:
    if not record_id:
        return ""
    d = catalog.of(kind)[record_id].data
    return link(rel(here, urls.record_url(kind, record_id)), d["title"])


def _period(period: dict[str, str]) -> str:
    return show_date(period["start"]) + (f" to {show_date(period['end'])}" if period.get("end") else "")


def _links_list(catalog: Catalog, items: list[dict[str, Any]]) -> str:
    return "<ul>\n" + "\n".join(
        f"<li><cite>{link(lk['url'], lk['title'], external=True)}</cite> "
        f'<span class="lldc-muted">({esc(catalog.term("link-kinds", lk["kind"])["label"].lower())})</span></li>'
        for lk in items
    ) + "\n</ul>"


def _record_list(catalog: Catalog, here: str, kind: str, rows: list[dict[str, Any]]) -> str:
    items = []
    for d in rows:
        year = year_of(kind, d)
        items.append(
            f"<li>{link(rel(here, urls.record_url(kind, d['id'])), d['title'])}"
            + (f' <span class="lldc-muted">({esc(year)})</span>' if year else "")
            + "</li>"
        )
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


def _dates(d: dict[str, Any]) -> str:
    start, end = d.get("start"), d.get("end")
    return show_date(start) + (f" to {show_date(end)}" if end and end != start else "")


def _place(catalog: Catalog, here: str, place: dict[str, Any]) -> str:
    if place.get("online") and not place.get("city"):
        return "Online"
    parts = [esc(x) for x in (place.get("venue"), place.get("city")) if x]
    if place.get("country"):
        parts.append(_countries(catalog, here, [place["country"]]))
    return ", ".join(parts) + (" and online" if place.get("online") else "")


def _common_facts(catalog: Catalog, here: str, kind: str, d: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        ("Countries", _countries(catalog, here, d.get("countries", []))),
        ("Region", _browse(here, "region", d["region"], catalog.term("regions", d["region"])["label"], kind)
         if d.get("region") else ""),
        ("Themes", _terms(catalog, here, "themes", "theme", d.get("themes", []), kind)),
        ("Instruments", _instruments(catalog, here, d.get("instruments", []))),
        ("TFA articles", _terms(catalog, here, "tfa-articles", "article", d.get("tfa_articles", []), kind)),
        ("In the crosswalk", crosswalk_links(catalog, here, articles_of_record(catalog, kind, d))
         if kind in ("practice", "guideline") else ""),
    ]


def record_page(catalog: Catalog, kind: str, record_id: str) -> str:
    """The page of one practice, guideline, programme or event."""
    d = catalog.of(kind)[record_id].data
    here = urls.record_url(kind, record_id)
    tags = [catalog.term("themes", t)["label"] for t in d.get("themes", [])]
    lead_text = d.get("summary") or d.get("purpose") or ""
    description = " ".join(lead_text.split())[:200]
    out = [front(d["title"], description or KIND_LABELS[kind], boost=2, tags=tags)]
    out.append(f"# {md_text(d['title'])}\n")
    kind_link = link(rel(here, urls.kind_index_url(kind)), KIND_LABELS[kind])
    rows: list[tuple[str, str]] = []
    if kind == "practice":
        st = d["status"]
        stage = catalog.term("practice-stages", st["stage"])["label"]
        rows += [
            ("Status", esc(stage + (f" (as of {st['year']})" if st.get("year") else ""))
             + (f'<br><span class="lldc-muted">{esc(st["note"])}</span>' if st.get("note") else "")),
            ("Corridor", esc(d.get("corridor", ""))),
        ]
        rows += _common_facts(catalog, here, kind, d)
        rows += [
            ("Organizations", _orgs(catalog, d.get("organizations", []))),
            ("Documented in", _link_to(catalog, here, "guideline", d.get("compiled_in"))),
        ]
    elif kind == "guideline":
        rows += [
            ("Kind", esc(catalog.term("guideline-kinds", d["kind"])["label"])),
            ("Published", esc(show_date(d.get("published")))),
            ("Publisher", _orgs(catalog, d["publishers"])),
            ("Stage", esc(catalog.term("guideline-stages", d["stage"])["label"])),
        ]
        rows += _common_facts(catalog, here, kind, d)
    elif kind == "programme":
        period = d.get("period")
        rows += [
            ("Kind", esc(catalog.term("programme-kinds", d["kind"])["label"])),
            ("Document symbol", esc(d.get("symbol", ""))),
            ("Adopted", esc(show_date(d.get("adopted")))),
            ("Adopted by", esc(d.get("adopted_by", ""))),
            ("Period", esc(_period(period)) if period else ""),
            ("Organizations", _orgs(catalog, d.get("organizations", []))),
            ("Succeeded by", _link_to(catalog, here, "programme", d.get("succeeded_by"))),
        ]
        rows += _common_facts(catalog, here, kind, d)
    else:
        rows += [
            ("Kind", esc(catalog.term("event-kinds", d["kind"])["label"])),
            ("Dates", esc(_dates(d))),
            ("Place", _place(catalog, here, d["place"])),
            ("Organizers", _orgs(catalog, d.get("organizers", []))),
            ("Part of", _link_to(catalog, here, "programme", d.get("series"))),
            ("Participants", esc(d.get("participants", ""))),
        ]
        rows += _common_facts(catalog, here, kind, d)
    full = f'<p class="lldc-lead">{esc(d["full_title"])}</p>\n' if d.get("full_title") else ""
    out.append(block(f'<p class="lldc-kind">{kind_link}</p>\n{full}' + facts(rows)))

    if kind == "event":
        out.append(heading(2, "Purpose", "purpose"))
        out.append(block(paragraphs(d["purpose"])))
        if d.get("outcomes"):
            out.append(heading(2, "Outcomes", "outcomes"))
            out.append(block(paragraphs(d["outcomes"])))
    else:
        out.append(heading(2, "Summary", "summary"))
        out.append(block(paragraphs(d["summary"])))
    if kind == "practice" and d.get("outcomes"):
        out.append(heading(2, "Outcomes", "outcomes"))
        out.append(block("<ul>\n" + "\n".join(f"<li>{esc(o)}</li>" for o in d["outcomes"]) + "\n</ul>"))
    links = d.get("material") if kind == "event" else d.get("links")
    if links:
        out.append(heading(2, "Material" if kind == "event" else "Where to read it", "links"))
        out.append(block(_links_list(catalog, links)))
    out.append(_related(catalog, here, kind, d))
    if d.get("notes"):
        out.append(heading(2, "Notes", "notes"))
        out.append(block(paragraphs(d["notes"])))
    out.append(sources_section(here, d, KIND_LABELS[kind]))
    return "".join(out)


def _related(catalog: Catalog, here: str, kind: str, d: dict[str, Any]) -> str:
    """Records linked to this one through the data, in both directions."""
    sections: list[tuple[str, str, list[dict[str, Any]]]] = []
    rid = d["id"]
    if kind == "guideline":
        sections.append(("Practices documented here", "practice",
                         [p for p in catalog.library("practice") if p.get("compiled_in") == rid]))
    if kind == "programme":
        sections.append(("Events of this programme", "event",
                         [e for e in catalog.library("event") if e.get("series") == rid]))
        sections.append(("Recalls", "programme",
                         [catalog.of("programme")[r].data for r in d.get("recalls", [])]))
        sections.append(("Recalled by", "programme",
                         [p for p in catalog.library("programme") if rid in p.get("recalls", [])]))
        sections.append(("Preceded by", "programme",
                         [p for p in catalog.library("programme") if p.get("succeeded_by") == rid]))
    parts = []
    for title, other_kind, rows in sections:
        if rows:
            parts.append(f"<h3>{esc(title)}</h3>\n" + _record_list(catalog, here, other_kind, rows))
    if not parts:
        return ""
    return heading(2, "Related records", "related") + block("\n".join(parts))


# --- backlinks on country and instrument pages ----------------------------------------


def backlinks_section(catalog: Catalog, here: str, field: str, target: str, name: str) -> str:
    """Practices, guidelines, programmes and events that name a country or instrument."""
    found = citing(catalog, field, target)
    out = heading(2, "Practices, guidance and events", "library")
    if not found:
        return out + block(
            f'<p class="lldc-muted">No practice, guideline, programme or event in the catalog names '
            f"{esc(name)} yet.</p>"
        )
    parts = []
    for kind, rows in found.items():
        more = link(rel(here, urls.kind_index_url(kind)) + "?" + urlencode({field: target}), "filter these")
        parts.append(
            f"<h3>{esc(KIND_PLURALS[kind])} ({len(rows)})</h3>\n"
            + _record_list(catalog, here, kind, rows)
            + f'\n<p class="lldc-muted">Browse: {more}.</p>'
        )
    return out + block("\n".join(parts))


# --- browse pages -----------------------------------------------------------------------


def _item(catalog: Catalog, here: str, kind: str, d: dict[str, Any], show_kind: bool) -> str:
    values = facet_values(catalog, kind, d)
    attrs = "".join(f' data-{key}="{esc(" ".join(vals))}"' for key, vals in values.items())
    text = " ".join([d["title"], d.get("summary") or d.get("purpose") or "", d.get("corridor", "")]).casefold()
    year = year_of(kind, d)
    names = [catalog.country(c)["name"] for c in countries_of(kind, d)]
    where = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
    meta = " · ".join(x for x in (KIND_LABELS[kind] if show_kind else "", where, year or "") if x)
    lead = " ".join((d.get("summary") or d.get("purpose") or "").split())
    if len(lead) > 220:
        lead = lead[:220].rsplit(" ", 1)[0] + " …"
    return (
        f'<li class="lldc-item"{attrs} data-text="{esc(" ".join(text.split()))}">'
        f'<p class="lldc-item__title">{link(rel(here, urls.record_url(kind, d["id"])), d["title"])}</p>'
        f'<p class="lldc-item__meta lldc-muted">{esc(meta)}</p>'
        f'<p class="lldc-item__lead">{esc(lead)}</p></li>'
    )


def browse_block(catalog: Catalog, here: str, kinds: list[str]) -> str:
    """Facet form and item list; ``facets.js`` filters it and keeps the state in the URL.

    Without JavaScript every item stays listed, so nothing is hidden from a
    reader or a search engine.
    """
    items = [(k, d) for k in kinds for d in catalog.library(k)]
    options = facet_options(catalog, items)
    selects = []
    for key, label in FACETS:
        if key == "kind" and len(kinds) == 1:
            continue
        opts = options[key]
        if not opts:
            continue
        body = f'<option value="">All ({len(items)})</option>' + "".join(
            f'<option value="{esc(v)}">{esc(lab)} ({n})</option>' for v, lab, n in opts
        )
        selects.append(
            f'<label class="lldc-facet"><span>{esc(label)}</span>'
            f'<select name="{esc(key)}" data-facet="{esc(key)}">{body}</select></label>'
        )
    form = (
        '<form class="lldc-facets" data-facets role="search" aria-label="Filter the list">\n'
        + "\n".join(selects)
        + '\n<label class="lldc-facet lldc-facet--text"><span>Words</span>'
        '<input type="search" name="q" data-facet-text placeholder="Title or summary"></label>\n'
        '<button type="reset" class="md-button">Clear filters</button>\n</form>'
    )
    count = (
        f'<p class="lldc-facets__count" aria-live="polite">Showing <span data-count>{len(items)}</span> '
        f"of {len(items)}.</p>"
    )
    body = "\n".join(_item(catalog, here, k, d, show_kind=len(kinds) > 1) for k, d in items)
    empty = '<p class="lldc-facets__empty" data-empty hidden>Nothing matches these filters. Clear one to see more.</p>'
    return f'{form}\n{count}\n<ul class="lldc-items" data-items>\n{body}\n</ul>\n{empty}'


def kind_index(catalog: Catalog, kind: str) -> str:
    """The browse page of one kind: /practices/, /guidelines/ ..."""
    here = urls.kind_index_url(kind)
    title = KIND_PLURALS[kind]
    n = len(catalog.of(kind))
    out = [front(title, KIND_INTROS[kind])]
    out.append(f"# {md_text(title)}\n")
    out.append(block(
        f"<p>{esc(KIND_INTROS[kind])}</p>\n<p>{n} records. Filters combine; the address keeps them, "
        "so a filtered list can be shared.</p>"
    ))
    out.append(block(browse_block(catalog, here, [kind])))
    return "".join(out)


def library_index(catalog: Catalog) -> str:
    """All practices, guidelines, programmes and events on one browse page."""
    here = urls.LIBRARY_URL
    out = [front("Practices and guidance", "Practices, guidelines, programmes and events, filterable.")]
    out.append("# Practices and guidance\n")
    counts = "; ".join(
        link(rel(here, urls.kind_index_url(k)), KIND_PLURALS[k]) + f": {len(catalog.of(k))}"
        for k in KIND_LABELS
    )
    out.append(block(
        f"<p>How others implement the conventions. {counts}.</p>\n<p>Filter by kind, region, country, theme, "
        "instrument, article of the WTO Trade Facilitation Agreement and year. Filters combine; the address "
        "keeps them, so a filtered list can be shared.</p>"
    ))
    out.append(block(browse_block(catalog, here, list(KIND_LABELS))))
    return "".join(out)



def library_figures(catalog: Catalog, page_url: str = "") -> str:
    """Home-page cards: how many records of each library kind, linking to their lists."""
    cards = "".join(
        f'<li><a href="{esc(rel(page_url, urls.kind_index_url(k)))}">'
        f'<span class="lldc-figures__n">{len(catalog.of(k))}</span> '
        f'<span class="lldc-figures__label">{esc(KIND_PLURALS[k].lower())}</span></a></li>'
        for k in KIND_LABELS
    )
    return f'<ul class="lldc-figures">{cards}</ul>'
