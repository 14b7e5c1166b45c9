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
        f"<li><cite>{link(url, src['title'], external=True)}</cite> "
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


def coverage_rows(catalog: Catalog) -> list[dict]:
    """Per instrument: LLDCs in scope, how many have an established status, how many are unknown."""
    from .common import counts

    established = {t["id"] for t in catalog.vocabulary("statuses") if t.get("established") and not t.get("computed")}
    rows = []
    for i in catalog.instruments():
        n = counts(catalog, i["id"])
        in_scope = len(catalog.countries()) - n["not_applicable"]
        done = sum(n[s] for s in established)
        rows.append({
            "instrument": i, "in_scope": in_scope, "established": done,
            "unknown": n["unknown"], "party": n["party"], "not_applicable": n["not_applicable"],
        })
    return rows


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "–"


def coverage_table(catalog: Catalog, page_url: str) -> str:
    """How many cells of each instrument are established with a source, computed from the records."""
    rows = coverage_rows(catalog)
    def name(i: dict) -> str:
        return link(rel(page_url, urls.instrument_url(i["id"])), i["short_name"])

    body = "".join(
        "<tr>"
        f'<th scope="row">{name(r["instrument"])}</th>'
        f"<td>{r['in_scope']}</td><td>{r['not_applicable']}</td><td>{r['party']}</td>"
        f"<td>{r['established']}</td><td>{r['unknown']}</td><td>{_pct(r['established'], r['in_scope'])}</td>"
        "</tr>"
        for r in rows
    )
    cells = sum(r["in_scope"] for r in rows)
    done = sum(r["established"] for r in rows)
    foot = (
        f'<tr><th scope="row">All {len(rows)} instruments</th><td>{cells}</td>'
        f"<td>{sum(r['not_applicable'] for r in rows)}</td><td>{sum(r['party'] for r in rows)}</td>"
        f"<td>{done}</td><td>{sum(r['unknown'] for r in rows)}</td><td>{_pct(done, cells)}</td></tr>"
    )
    return (
        '<table class="lldc-table"><caption>Coverage of the matrix: cells established with a source '
        "(party, signatory, withdrawn or not a party) over the LLDCs each instrument is open to</caption>"
        '<thead><tr><th scope="col">Instrument</th><th scope="col">LLDCs in scope</th>'
        '<th scope="col">Not applicable</th><th scope="col">Parties</th><th scope="col">Established</th>'
        '<th scope="col">Unknown</th><th scope="col">Share established</th></tr></thead>'
        f"<tbody>{body}</tbody><tfoot>{foot}</tfoot></table>"
    )


def coverage_of(catalog: Catalog, instrument_ids: list[str]) -> str:
    """One sentence: the share of established cells over some instruments (the four named ones)."""
    rows = [r for r in coverage_rows(catalog) if r["instrument"]["id"] in instrument_ids]
    missing = set(instrument_ids) - {r["instrument"]["id"] for r in rows}
    if missing:
        raise KeyError(f"no such instruments: {', '.join(sorted(missing))}")
    cells = sum(r["in_scope"] for r in rows)
    done = sum(r["established"] for r in rows)
    names = ", ".join(r["instrument"]["short_name"] for r in rows)
    return (
        f"For the {len(rows)} conventions named first ({esc(names)}), {done} of {cells} cells "
        f"({_pct(done, cells)}) are established with a source; {cells - done} are unknown."
    )


def parties_by(catalog: Catalog, instrument_id: str, day: str) -> dict[str, list[dict]]:
    """LLDC parties known to be parties on ``day``, known to have deposited after it,
    dated too loosely to tell (a year that spans the day), or with nothing dated.

    A party is known to be one on ``day`` when its deposit date, its entry into
    force, or the date of the source that lists it as a party is not later.
    """
    from ..dates import parse_date

    cutoff = parse_date(day).latest()
    out: dict[str, list[dict]] = {"by": [], "after": [], "uncertain": [], "undated": []}
    for c in catalog.countries():
        e = catalog.cell(instrument_id, c["id"])
        if e["status"] not in ("party", "withdrawn"):
            continue
        evidence = [e.get("entry_into_force"), (e.get("source") or {}).get("as_of")]
        if any(d and parse_date(d).latest() <= cutoff for d in evidence):
            out["by"].append(c)
            continue
        if not e.get("date"):
            out["undated"].append(c)
            continue
        when = parse_date(e["date"])
        if when.latest() <= cutoff:
            out["by"].append(c)
        elif when.earliest() > cutoff:
            out["after"].append(c)
        else:
            out["uncertain"].append(c)
    return out


def parties_by_text(catalog: Catalog, instrument_id: str, day: str, page_url: str, published: int | None = None) -> str:
    """A sentence and list: how many LLDCs the catalog counts as parties by a given day,
    and, given a published figure for that day, where the difference can lie."""
    groups = parties_by(catalog, instrument_id, day)
    inst = catalog.instrument(instrument_id)

    def names(cs: list[dict]) -> str:
        return ", ".join(link(rel(page_url, urls.country_url(c["id"]) + "#" + instrument_id), c["name"]) for c in cs)

    out = (
        f"<p>The catalog counts <strong>{len(groups['by'])}</strong> LLDCs known to be parties to the "
        f"{esc(inst['short_name'])} on {esc(show_date(day))} (by their deposit date, their entry into force or "
        f"a dated list of parties): {names(groups['by'])}.</p>"
    )
    if groups["after"]:
        out += f"<p>Deposited later: {names(groups['after'])}.</p>"
    if groups["uncertain"]:
        out += f"<p>Deposited in a year or month that spans that day: {names(groups['uncertain'])}.</p>"
    if groups["undated"]:
        out += f"<p>Parties with no date that places them before or after it: {names(groups['undated'])}.</p>"
    if published is not None:
        gap = published - len(groups["by"])
        unknown = [c for c in catalog.countries() if catalog.cell(instrument_id, c["id"])["status"] == "unknown"]
        if gap == 0:
            out += f"<p>This matches the published figure of {published}.</p>"
        elif gap > 0:
            out += (
                f"<p>The published figure is {published}, so {gap} LLDC parties on that day are not yet "
                f"identified in the catalog. They can only be among the parties above that are dated too "
                f"loosely or not at all, and the {len(unknown)} LLDCs whose status is still unknown: "
                f"{names(unknown)}. Their notes say which sources were searched.</p>"
            )
        else:
            out += (
                f"<p>The published figure is {published}, {-gap} fewer than the catalog counts: "
                "the entries concerned need to be checked against the depositary's list.</p>"
            )
    return out


def stale_list(catalog: Catalog, page_url: str) -> str:
    """The re-check queue: entries not verified for the staleness period, oldest first."""
    from ..staleness import STALE_AFTER_MONTHS, stale_entries

    entries = stale_entries(catalog)
    if not entries:
        return (
            f"<p>No entry is due: every entry was checked against its source in the last "
            f"{STALE_AFTER_MONTHS} months.</p>"
        )
    items = []
    for s in entries:
        label = f"{catalog.country(s.country)['name']}: {catalog.instrument(s.instrument)['short_name']}"
        when = esc(show_date(s.verified_on)) if s.verified_on else "never"
        items.append(
            f"<li>{link(rel(page_url, urls.country_url(s.country) + '#' + s.instrument), label)}"
            f' <span class="lldc-muted">(verified {when})</span></li>'
        )
    return f"<ul>{''.join(items)}</ul>"


def routes_summary(catalog: Catalog, page_url: str) -> str:
    """How many transit neighbours and corridors rest on a source, and which rest on geography alone."""
    pairs = [(c, n) for c in catalog.countries() for n in c.get("transit_neighbours", [])]
    geo = [(c, n) for c, n in pairs if n["basis"] == "geography"]
    corridors = catalog.corridors()
    geo_corr = [d for d in corridors if d["basis"] == "geography"]
    items = "".join(
        f"<li>{link(rel(page_url, urls.country_url(c['id']) + '#neighbours'), c['name'])} – "
        f"{esc(catalog.country(n['country'])['name'])}</li>"
        for c, n in geo
    )
    return (
        f"<p>{len(pairs)} transit neighbours of the LLDCs are recorded: {len(pairs) - len(geo)} described by a "
        f"cited source, {len(geo)} resting on geography alone. Of the {len(corridors)} corridors, "
        f"{len(corridors) - len(geo_corr)} rest on a source and {len(geo_corr)} on geography.</p>"
        + (f'<p>Neighbours on geography alone, to be sourced:</p><ul class="lldc-columns">{items}</ul>' if geo else "")
    )
