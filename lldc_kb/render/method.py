"""Tables for the method page: vocabulary meanings and the sources used."""

from __future__ import annotations

from collections import Counter

from ..catalog import Catalog
from . import urls
from .common import show_date, status_badge
from .html import esc, link, rel


def statuses_table(catalog: Catalog) -> str:
    rows = "".join(
        f"<tr><th scope=\"row\">{status_badge(catalog, t['id'])}</th><td><code>{esc(t['id'])}</code></td>"
        f"<td>{esc(t.get('description', ''))}</td>"
        f"<td>{'yes' if t.get('established') else 'no: notes say why'}</td></tr>"
        for t in catalog.vocabulary("statuses")
    )
    return (
        '<table class="lldc-table"><thead><tr><th scope="col">Status</th><th scope="col">In records</th>'
        '<th scope="col">Meaning</th><th scope="col">Needs a source</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def actions_table(catalog: Catalog) -> str:
    rows = "".join(
        f"<tr><th scope=\"row\">{esc(t['label'])}</th><td><code>{esc(t['id'])}</code></td>"
        f"<td>{esc(t.get('description', ''))}</td></tr>"
        for t in catalog.vocabulary("actions")
    )
    return (
        '<table class="lldc-table"><thead><tr><th scope="col">Action</th><th scope="col">In records</th>'
        f'<th scope="col">Meaning</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def depositaries(catalog: Catalog) -> str:
    """Each instrument with its depositary and the depositary's status page."""
    items = []
    for i in catalog.instruments():
        status = [lk for lk in i["links"] if lk["kind"] == "status"]
        where = f": {link(status[0]['url'], status[0]['title'], external=True)}" if status else ""
        items.append(f"<li>{esc(i['short_name'])}, {esc(i['depositary']['office'])}{where}</li>")
    return f"<ul>{''.join(items)}</ul>"


def source_list(catalog: Catalog) -> str:
    """Every distinct source URL of the participation entries, with how often it is cited."""
    seen: dict[str, dict] = {}
    uses: Counter[str] = Counter()
    for rec in catalog.of("participation").values():
        for e in rec.data["entries"].values():
            src = e.get("source")
            if src:
                seen.setdefault(src["url"], src)
                uses[src["url"]] += 1
    items = "".join(
        f"<li>{link(url, src['title'], external=True)} "
        f'<span class="lldc-muted">(as of {esc(show_date(src["as_of"]))}; cited by {uses[url]} '
        f"entr{'y' if uses[url] == 1 else 'ies'})</span></li>"
        for url, src in sorted(seen.items(), key=lambda kv: (-uses[kv[0]], kv[1]["title"]))
    )
    return f'<ul class="lldc-sources">{items}</ul>'


def unknown_list(catalog: Catalog, page_url: str) -> str:
    """Every entry whose status is still unknown, linked to where the page explains it."""
    items = []
    for i in catalog.instruments():
        for c in catalog.countries():
            e = catalog.entry(i["id"], c["id"])
            if e and e["status"] == "unknown":
                href = rel(page_url, urls.country_url(c["id"]) + "#" + i["id"])
                items.append(f"<li>{link(href, c['name'] + ': ' + i['short_name'])}</li>")
    if not items:
        return "<p>No status is unknown.</p>"
    return f'<ul class="lldc-columns">{"".join(items)}</ul>'


def library_sources(catalog: Catalog) -> str:
    """How the practices, guidelines, programmes and events are sourced, counted from the records."""
    from urllib.parse import urlparse

    from ..facets import KIND_PLURALS

    rows = []
    for kind, label in KIND_PLURALS.items():
        records = [r.data for r in catalog.of(kind).values()]
        sources = [s for d in records for s in d["sources"]]
        hosts = {urlparse(s["url"]).netloc.removeprefix("www.") for s in sources if s.get("url")}
        rows.append(
            f'<tr><th scope="row">{esc(label)}</th><td>{len(records)}</td><td>{len(sources)}</td>'
            f"<td>{len(hosts)}</td><td>{sum(1 for s in sources if not s.get('as_of'))}</td>"
            f"<td>{sum(1 for s in sources if not s.get('url'))}</td></tr>"
        )
    return (
        '<table class="lldc-table"><thead><tr><th scope="col">Records</th><th scope="col">Count</th>'
        '<th scope="col">Sources cited</th><th scope="col">Web sites</th><th scope="col">Undated sources</th>'
        '<th scope="col">Sources with no public copy</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
