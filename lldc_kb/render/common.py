"""Pieces shared by several pages: status badges, dates, sources, labels."""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog
from ..dates import parse_date
from .html import esc, link


def show_date(value: str | None) -> str:
    """A record date for readers (``23 September 1982``), or an empty string."""
    return parse_date(value).display if value else ""


def status_badge(catalog: Catalog, status: str, href: str | None = None, title: str = "") -> str:
    """Icon **and** text for a status, never colour alone; optionally a link."""
    term = catalog.term("statuses", status)
    inner = (
        f'<span class="lldc-status__icon" aria-hidden="true">{esc(term["icon"])}</span> '
        f'<span class="lldc-status__label">{esc(term["label"])}</span>'
    )
    cls = f"lldc-status lldc-status--{esc(status)}"
    tip = f' title="{esc(title)}"' if title else ""
    if href:
        return f'<a class="{cls}" href="{esc(href)}"{tip}>{inner}</a>'
    return f'<span class="{cls}"{tip}>{inner}</span>'


def action_label(catalog: Catalog, action: str | None) -> str:
    return catalog.term("actions", action)["label"] if action else ""


def source_html(source: dict[str, Any] | None) -> str:
    """A source as a link with its as-of date, or a plain 'no source' note."""
    if not source:
        return '<span class="lldc-muted">no source</span>'
    # titles of sources are quoted as published (other languages, file names):
    # <cite> marks them, and the spelling check skips them
    if source.get("url"):
        out = f'<cite>{link(source["url"], source["title"], external=True)}</cite>'
    else:
        out = f'<cite>{esc(source["title"])}</cite> <span class="lldc-muted">(no public copy online)</span>'
    when = f"as of {show_date(source['as_of'])}" if source.get("as_of") else "undated"
    out += f' <span class="lldc-muted">({esc(when)})</span>'
    # locators and notes quote the source (other languages, file names): <small>
    # marks these details, and the spelling check skips them
    if source.get("locator"):
        out += f'<br><small class="lldc-muted">At: {esc(source["locator"])}</small>'
    if source.get("note"):
        out += f'<br><small class="lldc-muted">{esc(source["note"])}</small>'
    return out


def source_short(source: dict[str, Any] | None) -> str:
    """A compact source for wide tables: a link titled with the full citation."""
    if not source:
        return '<span class="lldc-muted">no source</span>'
    tip = f"{source['title']} (as of {show_date(source['as_of'])})"
    return (
        f'<a href="{esc(source["url"])}" title="{esc(tip)}" rel="noopener">Source</a> '
        f'<span class="lldc-muted">(as of {esc(parse_date(source["as_of"]).short)})</span>'
    )


def org_name(catalog: Catalog, org_id: str) -> str:
    org = catalog.organization(org_id)
    return f"{org['name']} ({org['short_name']})"


def region_label(catalog: Catalog, region_id: str) -> str:
    return catalog.term("regions", region_id)["label"]


def counts(catalog: Catalog, instrument_id: str) -> dict[str, int]:
    """How many LLDCs hold each status in one instrument (every status listed)."""
    out = {s: 0 for s in catalog.term_ids("statuses")}
    for c in catalog.countries():
        e = catalog.entry(instrument_id, c["id"])
        if e:
            out[e["status"]] += 1
    return out
