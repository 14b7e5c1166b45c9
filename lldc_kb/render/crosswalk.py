"""The crosswalk: TFA articles ↔ supporting provisions of other instruments ↔ guidelines ↔ practices.

Provisions and guidelines come from the crosswalk records, each link with the
source that makes it; practices join through their own ``tfa_articles``.
The same links appear on the instrument, guideline and practice pages.
"""

from __future__ import annotations

from ..catalog import Catalog
from . import urls
from .common import source_html
from .html import block, esc, link, paragraphs, rel
from .parts import front, heading


def articles_of_instrument(catalog: Catalog, instrument_id: str) -> list[tuple[dict, list[dict]]]:
    """(article term, provisions) for each TFA article an instrument's provisions support."""
    terms = {t["id"]: t for t in catalog.vocabulary("tfa-articles")}
    out = []
    for t in catalog.vocabulary("tfa-articles"):
        rec = catalog.of("crosswalk").get(t["id"])
        if rec is None:
            continue
        provs = [p for p in rec.data["provisions"] if p["instrument"] == instrument_id]
        if provs:
            out.append((terms[t["id"]], provs))
    return out


def articles_of_record(catalog: Catalog, kind: str, record: dict) -> list[str]:
    """The TFA articles a practice or guideline is linked to: its own, and (guidelines) the crosswalk's."""
    ids = set(record.get("tfa_articles", []))
    if kind == "guideline":
        ids |= {r.id for r in catalog.of("crosswalk").values() if record["id"] in r.data["guidelines"]}
    return [t["id"] for t in catalog.vocabulary("tfa-articles") if t["id"] in ids]


def crosswalk_links(catalog: Catalog, here: str, article_ids: list[str]) -> str:
    """Links to the crosswalk rows of some articles."""
    labels = {t["id"]: t["label"] for t in catalog.vocabulary("tfa-articles")}
    return ", ".join(link(rel(here, urls.CROSSWALK_URL + "#" + a), labels[a]) for a in article_ids)


def instrument_section(catalog: Catalog, instrument_id: str, here: str) -> str:
    rows = articles_of_instrument(catalog, instrument_id)
    if not rows:
        return ""
    items = "".join(
        f"<li>{link(rel(here, urls.CROSSWALK_URL + '#' + t['id']), t['label'])}: "
        + "; ".join(esc(p["provision"]) for p in provs) + "</li>"
        for t, provs in rows
    )
    return heading(2, "Articles of the Trade Facilitation Agreement it helps implement", "tfa") + block(
        f"<p>From the {link(rel(here, urls.CROSSWALK_URL), 'crosswalk')}, where each link names its source.</p>"
        f"<ul>{items}</ul>"
    )


def crosswalk_page(catalog: Catalog) -> str:
    here = urls.CROSSWALK_URL
    out = [front("Crosswalk", "TFA articles, the convention provisions that support them, guidelines and practices.",
                 wide=True)]
    out.append("# Crosswalk: Trade Facilitation Agreement\n")
    n = sum(len(r.data["provisions"]) for r in catalog.of("crosswalk").values())
    out.append(block(
        "<p>For each article of the WTO Trade Facilitation Agreement: the provisions of other instruments that "
        "support it, the guidelines that help implement it, and the practices of the catalog linked to it. "
        f"Every provision link names the document that makes it ({n} links). An article without a link "
        "has none in the sources read so far, not necessarily none at all.</p>"
    ))
    practices = catalog.library("practice")
    for t in catalog.vocabulary("tfa-articles"):
        rec = catalog.of("crosswalk").get(t["id"])
        out.append(heading(2, t["label"], t["id"]))
        parts = [paragraphs(t.get("description"), "lldc-muted")]
        provs = rec.data["provisions"] if rec else []
        if provs:
            def inst(iid: str) -> str:
                return link(rel(here, urls.instrument_url(iid)), catalog.instrument(iid)["short_name"])

            rows = "".join(
                f'<tr><th scope="row">{inst(p["instrument"])}</th>'
                f"<td>{esc(p['provision'])}{paragraphs(p.get('note'), 'lldc-muted')}</td>"
                f"<td>{source_html(p['source'])}</td></tr>"
                for p in provs
            )
            parts.append(
                '<table class="lldc-table"><thead><tr><th scope="col">Instrument</th><th scope="col">Provision</th>'
                f'<th scope="col">Source of the link</th></tr></thead><tbody>{rows}</tbody></table>'
            )
        else:
            parts.append('<p class="lldc-muted">No supporting provision recorded.</p>')
        guides = rec.data["guidelines"] if rec else []
        if guides:
            names = {g: catalog.of("guideline")[g].data["title"] for g in guides}
            parts.append("<p><strong>Guidelines:</strong> " + ", ".join(
                link(rel(here, urls.record_url("guideline", g)), names[g]) for g in guides
            ) + "</p>")
        linked = [d for d in practices if t["id"] in d.get("tfa_articles", [])]
        if linked:
            parts.append(f"<p><strong>Practices ({len(linked)}):</strong> " + ", ".join(
                link(rel(here, urls.record_url("practice", d["id"])), d["title"]) for d in linked
            ) + "</p>")
        out.append(block("".join(parts)))
    return "".join(out)
