"""Pieces shared by several pages: status badges, dates, sources, labels."""

from __future__ import annotations

from typing import Any

from ..catalog import Catalog
from ..dates import parse_date
from ..staleness import STALE_AFTER_MONTHS, is_stale
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
    """How many LLDCs hold each status in one instrument (every status listed, not applicable too)."""
    out = {s: 0 for s in catalog.term_ids("statuses")}
    for c in catalog.countries():
        out[catalog.cell(instrument_id, c["id"])["status"]] += 1
    return out


def stale_flag(catalog: Catalog, entry: dict[str, Any]) -> str:
    """A visible 're-check due' mark for an entry not verified for the staleness period, else ''."""
    if entry["status"] == "not_applicable" or not is_stale(entry, catalog.today):
        return ""
    when = f"since {show_date(entry['verified_on'])}" if entry.get("verified_on") else "ever"
    return (
        f'<span class="lldc-stale" title="Not checked against its source {esc(when)}">'
        f'<span aria-hidden="true">⚠</span> re-check due: not verified for {STALE_AFTER_MONTHS} months or more'
        "</span>"
    )


def verified_html(catalog: Catalog, entry: dict[str, Any]) -> str:
    """The verified-on date, with the re-check flag when it is stale."""
    date = esc(show_date(entry.get("verified_on"))) or '<span class="lldc-muted">never</span>'
    flag = stale_flag(catalog, entry)
    return date + (f" {flag}" if flag else "")


def history_html(catalog: Catalog, entry: dict[str, Any]) -> str:
    """Earlier statuses of an entry, oldest first, each with when it changed and its source."""
    items = []
    for old in entry.get("history", []):
        what = catalog.term("statuses", old["status"])["label"]
        if old.get("action"):
            what += f" ({action_label(catalog, old['action']).lower()}"
            what += f", {show_date(old['date'])})" if old.get("date") else ")"
        text = f"{esc(what)}, until {esc(show_date(old['changed_on']))}"
        if old.get("notes"):
            text += f". {esc(old['notes'])}"
        text += f"<br>{source_html(old.get('source'))}"
        items.append(f"<li>{text}</li>")
    return f'<ol class="lldc-history">{"".join(items)}</ol>' if items else ""


def operation_html(catalog: Catalog, entry: dict[str, Any]) -> str:
    """Whether a party's instrument works in practice (for TIR: a guaranteeing association), with its source."""
    op = entry.get("operation")
    if not op:
        return ""
    text = esc(catalog.term("operation-states", op["state"])["label"])
    if op.get("body"):
        text += f": {esc(op['body'])}"
    if op.get("since"):
        text += f", since {esc(show_date(op['since']))}"
    out = text + "<br>" + source_html(op["source"])
    if op.get("notes"):
        out += f'<br><small class="lldc-muted">{esc(op["notes"])}</small>'
    return out


def layers_html(catalog: Catalog, entry: dict[str, Any]) -> str:
    """Further layers of status (annexes, eTIR, implementation), each with its date and source."""
    items = []
    for layer in entry.get("layers", []):
        label = catalog.term("status-layers", layer["layer"])["label"]
        when = f" ({esc(show_date(layer['date']))})" if layer.get("date") else ""
        items.append(
            f"<li><strong>{esc(label)}:</strong> {esc(layer['value'])}{when}<br>{source_html(layer['source'])}</li>"
        )
    return f'<ul class="lldc-layers">{"".join(items)}</ul>' if items else ""
