"""Rules that a schema cannot express: ids, references, dates, sources.

Each rule is a small function ``rule(catalog, today) -> problems``,
registered in ``RULES``; ``check_rules`` runs them all and collects every
problem. Which statuses need a source, which actions give which status,
and which countries must be covered all come from the vocabularies.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pycountry

from .catalog import Catalog, Record
from .dates import DateFormError, PartialDate, may_precede, parse_date
from .problems import Problem
from .yamlfile import dotted

Rule = Callable[[Catalog, dt.date], Iterable[Problem]]
RULES: list[Rule] = []

DATE_FIELDS = {
    "date", "as_of", "verified_on", "member_since", "observer_since",
    "published", "adopted", "start", "end", "year", "changed_on",
}
"""Keys whose text value is a date (``entry_into_force`` too, when it is text)."""

COVERED_GROUP = "lldc"
"""Every country of this group needs an entry in every participation file."""

_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]|&#?[a-zA-Z0-9]+;")
_TEMPLATE = re.compile(r"\{\{|\{%|\{#|%\}|\}\}")
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters and bidirectional overrides: they hide or reorder what a reader sees."""


def rule(fn: Rule) -> Rule:
    RULES.append(fn)
    return fn


def check_rules(catalog: Catalog, today: dt.date) -> list[Problem]:
    """Run every rule; a rule that meets odd data reports, never raises."""
    out: list[Problem] = []
    for fn in RULES:
        out.extend(fn(catalog, today))
    return out


def _walk(value: Any, at: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    yield at, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, at + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, at + (i,))


def _vocab_check(
    catalog: Catalog, rec: Record, at: tuple, value: Any, vocab: str
) -> Iterator[Problem]:
    allowed = catalog.term_ids(vocab)
    if value not in allowed:
        yield rec.problem(
            at, dotted(at),
            f"{value!r} is not a term of vocabularies/{vocab}.yaml: use one of {', '.join(allowed)}",
        )


# --- files and ids -------------------------------------------------------


@rule
def id_is_file_stem(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """The ``id`` of a record equals its file name without ``.yaml``."""
    for rec in catalog.loaded:
        if rec.data["id"] != rec.path.stem:
            yield rec.problem(
                ("id",), "id",
                f"the id {rec.data['id']!r} differs from the file name {rec.path.name!r}: "
                f"make them the same (rename the file to {rec.data['id']}.yaml or set id: {rec.path.stem})",
            )


@rule
def ids_are_unique(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """No two records of one kind share an id."""
    seen: dict[tuple[str, str], Record] = {}
    for rec in catalog.loaded:
        key = (rec.kind, rec.data["id"])
        if key in seen:
            yield rec.problem(
                ("id",), "id",
                f"the id {rec.data['id']!r} is already used by {seen[key].doc.path}: ids must be unique",
            )
        else:
            seen[key] = rec


# --- text ------------------------------------------------------------------


@rule
def text_is_plain(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """Record text is shown as text: no HTML, no template syntax, no invisible characters in it."""
    for rec in catalog.loaded:
        for at, value in _walk(rec.data):
            if not isinstance(value, str):
                continue
            hidden = _INVISIBLE.search(value)
            if hidden:
                yield rec.problem(
                    at, dotted(at),
                    f"contains the invisible character U+{ord(hidden.group()):04X} (a control character or a "
                    "text-direction override): remove it",
                )
            if at and at[-1] == "url":
                continue
            if _HTML.search(value):
                yield rec.problem(
                    at, dotted(at),
                    "contains HTML (a <tag> or &entity;): write plain text; the site formats it",
                )
            if _TEMPLATE.search(value):
                yield rec.problem(
                    at, dotted(at),
                    "contains template syntax ({{ }}, {% %} or {# #}): remove the braces",
                )


# --- vocabularies ---------------------------------------------------------------

REQUIRED_VOCABULARIES = [
    "statuses", "actions", "regions", "instrument-kinds", "country-groups",
    "organization-kinds", "link-kinds", "themes", "tfa-articles", "practice-stages",
    "guideline-kinds", "guideline-stages", "programme-kinds", "event-kinds", "operation-states",
    "route-bases", "transport-modes", "status-layers",
]

LIBRARY_VOCAB_FIELDS: dict[str, dict[tuple, str]] = {
    "practice": {("status", "stage"): "practice-stages"},
    "guideline": {("kind",): "guideline-kinds", ("stage",): "guideline-stages"},
    "programme": {("kind",): "programme-kinds"},
    "event": {("kind",): "event-kinds"},
}
"""Single-valued vocabulary fields of the library kinds (lists are below)."""

LIBRARY_LIST_FIELDS = {"themes": "themes", "tfa_articles": "tfa-articles"}
LIBRARY_LINK_FIELDS = ("links", "material")


@rule
def vocabularies_are_sound(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """Every vocabulary the records use exists, and term ids are unique."""
    for name in REQUIRED_VOCABULARIES:
        if name not in catalog.of("vocabulary"):
            yield Problem(
                str(catalog.root / "vocabularies" / f"{name}.yaml"), 0, 0, "-",
                "this vocabulary is missing: the records use it",
            )
    for rec in catalog.of("vocabulary").values():
        seen: set[str] = set()
        for i, term in enumerate(rec.data["terms"]):
            if term["id"] in seen:
                yield rec.problem(("terms", i, "id"), f"terms[{i}].id", f"the term {term['id']!r} is listed twice")
            seen.add(term["id"])
    regions = {t["id"]: t for t in catalog.vocabulary("regions")}
    rec = catalog.of("vocabulary").get("regions")
    for i, term in enumerate(regions.values()):
        if "parent" in term and term["parent"] not in regions and rec:
            yield rec.problem(
                ("terms", i, "parent"), f"terms[{i}].parent",
                f"{term['parent']!r} is not a region of this vocabulary",
            )
    statuses = catalog.of("vocabulary").get("statuses")
    if statuses:
        for i, term in enumerate(statuses.data["terms"]):
            for key in ("icon", "rank", "established"):
                if key not in term:
                    yield statuses.problem(("terms", i), f"terms[{i}].{key}", f"each status needs {key!r}")
    actions = catalog.of("vocabulary").get("actions")
    if actions:
        for i, term in enumerate(actions.data["terms"]):
            if term.get("gives_status") not in catalog.term_ids("statuses"):
                yield actions.problem(
                    ("terms", i), f"terms[{i}].gives_status",
                    "each action names the status it gives (a term of statuses.yaml)",
                )


@rule
def terms_are_known(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """Fields drawn from a vocabulary use only its terms."""
    for rec in catalog.of("country").values():
        d = rec.data
        yield from _vocab_check(catalog, rec, ("region",), d["region"], "regions")
        yield from _vocab_check(catalog, rec, ("subregion",), d["subregion"], "regions")
        for i, g in enumerate(d["groups"]):
            yield from _vocab_check(catalog, rec, ("groups", i), g, "country-groups")
        for i, n in enumerate(d.get("transit_neighbours", [])):
            yield from _vocab_check(catalog, rec, ("transit_neighbours", i, "basis"), n["basis"], "route-bases")
    for rec in catalog.of("crosswalk").values():
        yield from _vocab_check(catalog, rec, ("article",), rec.data["article"], "tfa-articles")
        if rec.data["article"] != rec.data["id"]:
            yield rec.problem(("article",), "article",
                              "a crosswalk record is named after its article: set id and article alike")
    for rec in catalog.of("corridor").values():
        yield from _vocab_check(catalog, rec, ("basis",), rec.data["basis"], "route-bases")
        for i, mode in enumerate(rec.data["modes"]):
            yield from _vocab_check(catalog, rec, ("modes", i), mode, "transport-modes")
    for rec in catalog.of("instrument").values():
        yield from _vocab_check(catalog, rec, ("kind",), rec.data["kind"], "instrument-kinds")
        for i, link in enumerate(rec.data["links"]):
            yield from _vocab_check(catalog, rec, ("links", i, "kind"), link["kind"], "link-kinds")
    for rec in catalog.of("organization").values():
        yield from _vocab_check(catalog, rec, ("kind",), rec.data["kind"], "organization-kinds")
    for kind, fields in LIBRARY_VOCAB_FIELDS.items():
        for rec in catalog.of(kind).values():
            d = rec.data
            for at, vocab in fields.items():
                value = d.get(at[0], {}).get(at[1]) if len(at) == 2 else d.get(at[0])
                if value is not None:
                    yield from _vocab_check(catalog, rec, at, value, vocab)
            if "region" in d:
                yield from _vocab_check(catalog, rec, ("region",), d["region"], "regions")
            for key, vocab in LIBRARY_LIST_FIELDS.items():
                for i, value in enumerate(d.get(key, [])):
                    yield from _vocab_check(catalog, rec, (key, i), value, vocab)
            for key in LIBRARY_LINK_FIELDS:
                for i, link in enumerate(d.get(key, [])):
                    yield from _vocab_check(catalog, rec, (key, i, "kind"), link["kind"], "link-kinds")
    for rec in catalog.of("participation").values():
        for cid, entry in rec.data["entries"].items():
            at = ("entries", cid)
            yield from _vocab_check(catalog, rec, at + ("status",), entry["status"], "statuses")
            if "action" in entry:
                yield from _vocab_check(catalog, rec, at + ("action",), entry["action"], "actions")
            for i, layer in enumerate(entry.get("layers", [])):
                yield from _vocab_check(catalog, rec, at + ("layers", i, "layer"), layer["layer"], "status-layers")
            if "operation" in entry:
                yield from _vocab_check(
                    catalog, rec, at + ("operation", "state"), entry["operation"]["state"], "operation-states"
                )
            for i, old in enumerate(entry.get("history", [])):
                yield from _vocab_check(catalog, rec, at + ("history", i, "status"), old["status"], "statuses")
                if "action" in old:
                    yield from _vocab_check(catalog, rec, at + ("history", i, "action"), old["action"], "actions")


@rule
def regions_nest(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """A country's subregion lies inside its region."""
    regions = {t["id"]: t for t in catalog.vocabulary("regions")}
    for rec in catalog.of("country").values():
        region, sub = rec.data["region"], rec.data["subregion"]
        if region not in regions or sub not in regions:
            continue  # reported by terms_are_known
        if "parent" in regions[region]:
            yield rec.problem(("region",), "region", f"{region!r} is a subregion: use its top-level region")
        chain, cur = [], sub
        while cur in regions and cur not in chain:
            chain.append(cur)
            cur = regions[cur].get("parent")
        if region not in chain[1:]:
            yield rec.problem(
                ("subregion",), "subregion",
                f"{sub!r} is not inside the region {region!r}: check both against vocabularies/regions.yaml",
            )


# --- references -----------------------------------------------------------------


@rule
def references_resolve(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """Every id a record names is the id of an existing record."""
    orgs, instruments, countries = (catalog.of(k) for k in ("organization", "instrument", "country"))

    def need(rec: Record, at: tuple, value: str, pool: dict, folder: str) -> Iterator[Problem]:
        if value not in pool and value not in catalog.invalid.get(folder, set()):
            ids = sorted(pool)
            close = difflib.get_close_matches(value, ids, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            known = ", ".join(ids) if len(ids) <= 12 else f"{len(ids)} records, e.g. {', '.join(ids[:5])}"
            yield rec.problem(
                at, dotted(at),
                f"{value!r} is not a record in {folder}/ (known: {known or 'none yet'}): "
                f"{hint}fix the id or add the record",
                key=at[0] == "entries",
            )

    for rec in orgs.values():
        if "parent" in rec.data:
            yield from need(rec, ("parent",), rec.data["parent"], orgs, "organizations")
    for rec in countries.values():
        for i, n in enumerate(rec.data.get("transit_neighbours", [])):
            yield from need(rec, ("transit_neighbours", i, "country"), n["country"], countries, "countries")
    for rec in catalog.of("crosswalk").values():
        for i, p in enumerate(rec.data["provisions"]):
            yield from need(rec, ("provisions", i, "instrument"), p["instrument"], instruments, "instruments")
        for i, g in enumerate(rec.data["guidelines"]):
            yield from need(rec, ("guidelines", i), g, catalog.of("guideline"), "guidelines")
    for rec in catalog.of("corridor").values():
        for key, pool, folder in (("countries", countries, "countries"), ("lldcs", countries, "countries"),
                                  ("organizations", orgs, "organizations")):
            for i, value in enumerate(rec.data.get(key, [])):
                yield from need(rec, (key, i), value, pool, folder)
    for rec in instruments.values():
        d = rec.data
        for i, org in enumerate(d["administered_by"]):
            yield from need(rec, ("administered_by", i), org, orgs, "organizations")
        yield from need(rec, ("depositary", "organization"), d["depositary"]["organization"], orgs, "organizations")
        for i, cid in enumerate(d.get("scope", {}).get("countries", [])):
            yield from need(rec, ("scope", "countries", i), cid, countries, "countries")
        for i, other in enumerate(d.get("related", [])):
            yield from need(rec, ("related", i), other, instruments, "instruments")
            if other == d["id"]:
                yield rec.problem(("related", i), f"related[{i}]", "an instrument is not related to itself")
    for rec in catalog.of("participation").values():
        d = rec.data
        yield from need(rec, ("instrument",), d["instrument"], instruments, "instruments")
        if d["id"] != d["instrument"]:
            yield rec.problem(
                ("instrument",), "instrument",
                f"a participation file is named after its instrument: set instrument: {d['id']}",
            )
        for cid in d["entries"]:
            yield from need(rec, ("entries", cid), cid, countries, "countries")
    pools = {
        "countries": (countries, "countries"),
        "instruments": (instruments, "instruments"),
        "organizations": (orgs, "organizations"),
        "publishers": (orgs, "organizations"),
        "organizers": (orgs, "organizations"),
        "recalls": (catalog.of("programme"), "programmes"),
    }
    single = {
        ("compiled_in",): (catalog.of("guideline"), "guidelines"),
        ("series",): (catalog.of("programme"), "programmes"),
        ("succeeded_by",): (catalog.of("programme"), "programmes"),
        ("place", "country"): (countries, "countries"),
    }
    for kind in LIBRARY_VOCAB_FIELDS:
        for rec in catalog.of(kind).values():
            d = rec.data
            for key, (pool, folder) in pools.items():
                for i, value in enumerate(d.get(key, [])):
                    yield from need(rec, (key, i), value, pool, folder)
            for at, (pool, folder) in single.items():
                value = d.get(at[0], {}).get(at[1]) if len(at) == 2 else d.get(at[0])
                if value is None:
                    continue
                yield from need(rec, at, value, pool, folder)
                if pool is catalog.of(kind) and value == d["id"]:
                    yield rec.problem(at, dotted(at), "a record cannot name itself here")
            if d["id"] in d.get("recalls", []) and kind == "programme":
                i = d["recalls"].index(d["id"])
                yield rec.problem(("recalls", i), f"recalls[{i}]", "a programme cannot recall itself")


@rule
def coverage_is_complete(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """Each instrument has a participation file covering every LLDC: no blanks."""
    members = [c["id"] for c in catalog.countries(COVERED_GROUP)]
    parts = catalog.of("participation")
    for rec in catalog.of("instrument").values():
        if rec.id not in parts and rec.id not in catalog.invalid.get("participation", set()):
            yield rec.problem(
                ("id",), "id",
                f"no participation file for this instrument: add participation/{rec.id}.yaml "
                "with an entry for every LLDC",
            )
    instruments = catalog.of("instrument")
    for rec in parts.values():
        inst = instruments.get(rec.data["instrument"])
        scope = inst.data.get("scope") if inst else None
        in_scope = [m for m in members if scope is None or m in scope["countries"]]
        if scope is not None:
            for cid in rec.data["entries"]:
                if cid not in scope["countries"]:
                    yield rec.problem(
                        ("entries", cid), f"entries.{cid}",
                        f"{cid!r} is outside the scope of {inst.id} (scope.countries in "
                        f"instruments/{inst.id}.yaml): remove this entry, the site shows 'not applicable', "
                        "or add the country to the scope with a source",
                        key=True,
                    )
        missing = [m for m in in_scope if m not in rec.data["entries"]]
        if missing:
            yield rec.problem(
                ("entries",), "entries",
                f"no entry for {', '.join(missing)}: add one per country (status: unknown, "
                "with a note saying why, if the status is not established)",
            )


# --- routes: transit neighbours and corridors -------------------------------------


@rule
def routes_are_sound(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """A sourced route names its source, a geographic one names none; routes hold together."""
    for rec in catalog.of("country").values():
        seen: set[str] = set()
        for i, n in enumerate(rec.data.get("transit_neighbours", [])):
            at = ("transit_neighbours", i)
            if n["basis"] == "source" and "source" not in n:
                yield rec.problem(at, f"transit_neighbours[{i}].source",
                                  "basis 'source' needs the source that describes the route (title, url, as_of)")
            if n["basis"] == "geography" and "source" in n:
                yield rec.problem(at + ("basis",), f"transit_neighbours[{i}].basis",
                                  "a neighbour with a source has basis 'source', not 'geography'")
            if n["country"] == rec.id:
                yield rec.problem(at + ("country",), f"transit_neighbours[{i}].country",
                                  "a country is not its own transit neighbour")
            if n["country"] in seen:
                yield rec.problem(at + ("country",), f"transit_neighbours[{i}].country",
                                  f"{n['country']!r} is listed twice: keep one entry")
            seen.add(n["country"])
    for rec in catalog.of("corridor").values():
        d = rec.data
        if d["basis"] == "source" and not d["sources"]:
            yield rec.problem(("sources",), "sources",
                              "basis 'source' needs at least one source that describes the route")
        if d["basis"] == "geography" and d["sources"]:
            yield rec.problem(("basis",), "basis", "a corridor with sources has basis 'source', not 'geography'")
        if len(set(d["countries"])) != len(d["countries"]):
            yield rec.problem(("countries",), "countries", "a country appears twice on the route")


# --- countries --------------------------------------------------------------------


@rule
def country_codes_are_real(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """Country ids are ISO 3166-1 alpha-3 codes, and the M49 code matches."""
    for rec in catalog.of("country").values():
        d = rec.data
        if d["iso3"].lower() != d["id"]:
            yield rec.problem(("iso3",), "iso3", f"the id must be the ISO code in lower case ({d['iso3'].lower()})")
        found = pycountry.countries.get(alpha_3=d["iso3"])
        if found is None:
            yield rec.problem(("iso3",), "iso3", f"{d['iso3']!r} is not an ISO 3166-1 alpha-3 code")
        elif "m49" in d and d["m49"] != found.numeric:
            yield rec.problem(
                ("m49",), "m49",
                f"the M49 code of {d['iso3']} is {found.numeric} (ISO 3166-1 numeric), not {d['m49']}",
            )
        wto = d.get("wto", {"status": "none"})
        if wto["status"] == "member" and "member_since" not in wto:
            yield rec.problem(("wto",), "wto.member_since", "a WTO member needs member_since (the date of membership)")
        if wto["status"] != "member" and "member_since" in wto:
            yield rec.problem(("wto", "member_since"), "wto.member_since", "only members have member_since")


# --- dates ---------------------------------------------------------------------------


def _dates(rec: Record) -> Iterator[tuple[tuple, str]]:
    for at, value in _walk(rec.data):
        if not at or not isinstance(value, str):
            continue
        if at[-1] in DATE_FIELDS or (at[-1] == "entry_into_force" and rec.kind == "participation"):
            yield at, value


MAY_BE_FUTURE = {("event", "start"), ("event", "end"), ("programme", "end"), ("participation", "entry_into_force")}
"""Dates that may lie ahead: an announced event, the end of a running programme,
the entry into force that follows a recent deposit."""


@rule
def dates_are_real_and_past(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """Every date is a real calendar date and, except planned ones, not in the future."""
    for rec in catalog.loaded:
        for at, value in _dates(rec):
            try:
                when = parse_date(value)
            except DateFormError as exc:
                yield rec.problem(at, dotted(at), str(exc))
                continue
            if when.earliest() > today and (rec.kind, at[-1]) not in MAY_BE_FUTURE:
                yield rec.problem(
                    at, dotted(at),
                    f"{value} is in the future (today is {today.isoformat()}): record only what has happened",
                )


def _date(value: Any) -> PartialDate | None:
    try:
        return parse_date(value)
    except DateFormError:
        return None


@rule
def dates_are_in_order(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """Entry into force is not before deposit; a source is not dated after its check."""
    for rec in catalog.of("participation").values():
        for cid, e in rec.data["entries"].items():
            at = ("entries", cid)
            dep, eif = _date(e.get("date")), _date(e.get("entry_into_force"))
            # a successor State is bound from the date of its independence, before it deposits
            if dep and eif and not may_precede(dep, eif) and e.get("action") != "succession":
                yield rec.problem(
                    at + ("entry_into_force",), dotted(at + ("entry_into_force",)),
                    f"entry into force ({eif}) is before the deposit date ({dep}): check both against the source",
                )
            changes = [(i, _date(h.get("changed_on"))) for i, h in enumerate(e.get("history", []))]
            for (_, a), (j, b) in zip(changes, changes[1:], strict=False):
                if a and b and not may_precede(a, b):
                    yield rec.problem(
                        at + ("history", j, "changed_on"), dotted(at + ("history", j, "changed_on")),
                        f"history is oldest first: {b} comes before the previous change ({a})",
                    )
            as_of, checked = _date(e.get("source", {}).get("as_of")), _date(e.get("verified_on"))
            if as_of and checked and not may_precede(as_of, checked):
                yield rec.problem(
                    at + ("verified_on",), dotted(at + ("verified_on",)),
                    f"verified_on ({checked}) is before the source's as_of ({as_of}): a source cannot be "
                    "checked before its date",
                )
    for kind, first, last in (("event", ("start",), ("end",)), ("programme", ("period", "start"), ("period", "end"))):
        for rec in catalog.of(kind).values():
            d = rec.data
            a = _date(d.get(first[0]) if len(first) == 1 else d.get(first[0], {}).get(first[1]))
            b = _date(d.get(last[0]) if len(last) == 1 else d.get(last[0], {}).get(last[1]))
            if a and b and not may_precede(a, b):
                yield rec.problem(last, dotted(last), f"the end ({b}) is before the start ({a})")
    for rec in catalog.loaded:
        if rec.kind in LIBRARY_VOCAB_FIELDS:
            checked = _date(rec.data.get("verified_on"))
            for i, src in enumerate(rec.data.get("sources", [])):
                as_of = _date(src.get("as_of"))
                if as_of and checked and not may_precede(as_of, checked):
                    yield rec.problem(
                        ("sources", i, "as_of"), f"sources[{i}].as_of",
                        f"the source is dated {as_of}, after verified_on ({checked}): a source cannot be "
                        "checked before its date",
                    )
    for rec in catalog.of("instrument").values():
        d = rec.data
        adopted, eif = _date(d["adopted"]["date"]), _date(d["entry_into_force"]["date"])
        if adopted and eif and not may_precede(adopted, eif):
            yield rec.problem(
                ("entry_into_force", "date"), "entry_into_force.date",
                f"entry into force ({eif}) is before adoption ({adopted})",
            )


# --- status claims -----------------------------------------------------------------


@rule
def statuses_are_sourced(catalog: Catalog, today: dt.date) -> Iterator[Problem]:
    """Established statuses carry a source and verified_on; unknown says why.

    Which statuses are "established" is a property of the status term in
    ``vocabularies/statuses.yaml``; which status an action gives, of the
    action term in ``vocabularies/actions.yaml``.
    """
    statuses = {t["id"]: t for t in catalog.vocabulary("statuses")}
    actions = {t["id"]: t for t in catalog.vocabulary("actions")}
    gives = {a["gives_status"] for a in actions.values()}  # statuses an action leads to
    for rec in catalog.of("participation").values():
        for cid, e in rec.data["entries"].items():
            at = ("entries", cid)
            for i, old in enumerate(e.get("history", [])):
                term = statuses.get(old["status"])
                here = at + ("history", i)
                if term and term.get("computed"):
                    yield rec.problem(
                        here + ("status",), dotted(here + ("status",)),
                        f"{old['status']!r} is computed by the site, never recorded: use another status",
                    )
                elif term and term.get("established") and "source" not in old:
                    yield rec.problem(
                        here, dotted(here + ("source",)),
                        f"the earlier status {old['status']!r} needs the source it rested on",
                    )
            status = statuses.get(e["status"])
            if status is None:
                continue  # reported by terms_are_known
            sid = status["id"]
            if status.get("computed"):
                yield rec.problem(
                    at + ("status",), dotted(at + ("status",)),
                    f"{sid!r} is computed from the instrument's scope, never recorded: remove the entry "
                    "if the country is outside the scope, or give its real status",
                )
                continue
            if status.get("established"):
                if "source" not in e:
                    yield rec.problem(
                        at, dotted(at + ("source",)),
                        f"status {sid!r} needs a source (title, url, as_of)"
                        + (": the list of parties checked and its date" if sid == "not_party" else ""),
                    )
                if "verified_on" not in e:
                    yield rec.problem(
                        at, dotted(at + ("verified_on",)),
                        f"status {sid!r} needs verified_on: the day the entry was checked against its source",
                    )
            elif "notes" not in e:
                yield rec.problem(
                    at, dotted(at + ("notes",)),
                    f"status {sid!r} needs notes saying why the status could not be established",
                )
            action = actions.get(e.get("action", ""))
            if sid in gives and "action" not in e and "notes" not in e:
                yield rec.problem(
                    at, dotted(at + ("action",)),
                    f"status {sid!r} needs the action deposited ("
                    + ", ".join(a for a, t in actions.items() if t["gives_status"] == sid)
                    + "), or notes saying why it is not known",
                )
            if action and action["gives_status"] != sid and sid != "withdrawn":
                yield rec.problem(
                    at + ("action",), dotted(at + ("action",)),
                    f"the action {action['id']!r} makes a country {action['gives_status']!r}, "
                    f"not {sid!r}: fix the status or the action",
                )
            if sid in ("not_party", "unknown"):
                for key in ("date", "entry_into_force"):
                    if key in e:
                        yield rec.problem(
                            at + (key,), dotted(at + (key,)),
                            f"status {sid!r} has no {key.replace('_', ' ')}: remove it or correct the status",
                        )
            if sid in gives and "date" not in e and "notes" not in e:
                yield rec.problem(
                    at, dotted(at + ("date",)),
                    f"status {sid!r} needs the deposit date, or notes saying why it is not known",
                )
