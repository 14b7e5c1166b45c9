"""Transit analysis: which instruments are in force on both sides of a border or
along a whole corridor, and which instrument a country might join next.

A landlocked country gains from a transit convention only where the countries
its goods cross are parties too. Everything here is computed from the
participation entries, the transit neighbours of the country records and the
corridor records; nothing is typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .catalog import Catalog

ESTABLISHED_NOT_PARTY = ("not_party", "signatory", "withdrawn")
"""Statuses that settle that a country is not (or no longer) bound."""

RANKING_RULE = (
    "Instruments the country has not joined are ordered by: (1) how many of its transit neighbours are "
    "parties, since a transit instrument works only where both sides apply it; (2) how many articles of the "
    "WTO Trade Facilitation Agreement the instrument helps implement, according to the crosswalk; "
    "(3) how many other landlocked developing countries are parties; then by name."
)


def is_party(entry: dict[str, Any]) -> bool:
    return entry["status"] == "party"


def side(entry: dict[str, Any]) -> str:
    """'party', 'not' (established not bound), 'unknown' or 'not_applicable'."""
    status = entry["status"]
    if status == "party":
        return "party"
    if status in ESTABLISHED_NOT_PARTY:
        return "not"
    return status if status == "not_applicable" else "unknown"


@dataclass(frozen=True)
class Pair:
    """One instrument across one border: the status on each side and what follows."""

    instrument: str
    here: str
    there: str

    @property
    def verdict(self) -> str:
        """both | here_only | there_only | neither | open (a side unknown) | unrecorded (not researched there)."""
        if self.here == "party" and self.there == "party":
            return "both"
        if self.there == "unrecorded":
            return "unrecorded"
        if "unknown" in (self.here, self.there):
            return "open"
        if self.here == "party":
            return "here_only"
        if self.there == "party":
            return "there_only"
        return "neither"


def neighbours(catalog: Catalog, country_id: str) -> list[dict[str, Any]]:
    """The transit neighbours recorded for a country (empty for a country without them)."""
    return list(catalog.country(country_id).get("transit_neighbours", []))


def transit_countries(catalog: Catalog) -> list[dict[str, Any]]:
    """Countries other than LLDCs that are the transit neighbour of an LLDC or lie on a corridor."""
    ids = {n["country"] for c in catalog.countries() for n in c.get("transit_neighbours", [])}
    ids |= {cid for d in catalog.corridors() for cid in d["countries"]}
    rows = [catalog.country(cid) for cid in ids if "lldc" not in catalog.country(cid)["groups"]]
    return sorted(rows, key=lambda c: c.get("sort_name", c["name"]).casefold())


def pair_view(catalog: Catalog, here: str, there: str) -> list[Pair]:
    """Every instrument open to both countries, with each side's status."""
    out = []
    for i in catalog.instruments():
        a, b = side(catalog.cell(i["id"], here)), side(catalog.cell(i["id"], there))
        if "not_applicable" in (a, b):
            continue
        if catalog.entry(i["id"], there) is None and "lldc" not in catalog.country(there)["groups"]:
            b = "unrecorded"
        out.append(Pair(i["id"], a, b))
    return out


@dataclass
class RouteStatus:
    """One instrument along a whole route."""

    instrument: str
    parties: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """Countries established as not bound."""
    unknown: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    """Countries outside the instrument's scope."""

    @property
    def end_to_end(self) -> bool:
        """In force in every country of the route."""
        return not (self.missing or self.unknown or self.outside)


def route_view(catalog: Catalog, countries: list[str]) -> list[RouteStatus]:
    """For each instrument, which countries of the route are parties, which are not, which are unknown."""
    out = []
    for i in catalog.instruments():
        status = RouteStatus(i["id"])
        for cid in countries:
            s = side(catalog.cell(i["id"], cid))
            {"party": status.parties, "not": status.missing, "unknown": status.unknown,
             "not_applicable": status.outside}[s].append(cid)
        if len(status.outside) < len(countries):  # open to at least one country of the route
            out.append(status)
    return out


def tir_not_operational(catalog: Catalog, countries: list[str]) -> list[str]:
    """TIR parties on a route where a source shows TIR not operational (or suspended)."""
    return [
        cid for cid in countries
        if (op := catalog.cell("tir-1975", cid).get("operation")) and op["state"] in ("not_operational", "suspended")
    ] if "tir-1975" in catalog.of("instrument") else []


# --- what to join next ---------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """An instrument a country has not joined, with the figures that rank it."""

    instrument: str
    status: str
    neighbours_party: int
    neighbours_total: int
    tfa_articles: int
    lldc_parties: int

    @property
    def key(self) -> tuple:
        return (-self.neighbours_party, -self.tfa_articles, -self.lldc_parties)


def tfa_support(catalog: Catalog) -> dict[str, set[str]]:
    """instrument id -> the TFA articles its provisions support, from the crosswalk records."""
    key = "tfa-support"
    if key not in catalog.memo:
        out: dict[str, set[str]] = {}
        for rec in catalog.of("crosswalk").values():
            for p in rec.data.get("provisions", []):
                out.setdefault(p["instrument"], set()).add(rec.data["article"])
        catalog.memo[key] = out
    return catalog.memo[key]


def lldc_parties(catalog: Catalog) -> dict[str, set[str]]:
    """instrument id -> the LLDCs that are parties (computed once per catalog)."""
    key = "lldc-parties"
    if key not in catalog.memo:
        catalog.memo[key] = {
            i["id"]: {c["id"] for c in catalog.countries() if is_party(catalog.cell(i["id"], c["id"]))}
            for i in catalog.instruments()
        }
    return catalog.memo[key]


def next_steps(catalog: Catalog, country_id: str) -> list[Step]:
    """The instruments the country has not joined (and may join), in the order of ``RANKING_RULE``."""
    near = [n["country"] for n in neighbours(catalog, country_id)]
    support = tfa_support(catalog)
    parties = lldc_parties(catalog)
    steps = []
    for i in catalog.instruments():
        e = catalog.cell(i["id"], country_id)
        if e["status"] in ("party", "not_applicable"):
            continue
        in_scope = [n for n in near if catalog.in_scope(i["id"], n)]
        steps.append(Step(
            i["id"], e["status"],
            sum(is_party(catalog.cell(i["id"], n)) for n in in_scope), len(in_scope),
            len(support.get(i["id"], ())),
            len(parties[i["id"]] - {country_id}),
        ))
    names = {i["id"]: i["short_name"] for i in catalog.instruments()}
    return sorted(steps, key=lambda s: (*s.key, names[s.instrument].casefold()))


def routes_of(catalog: Catalog, corridor: dict[str, Any], origin: str | None = None) -> list[list[str]]:
    """The routes to check on a corridor, each a list of countries in order.

    A chain is one route; an LLDC served from off it is counted as its first
    country. A corridor of ``alternatives`` holds one route per non-LLDC
    country listed: from the LLDC (``origin``, or each LLDC served) through
    that country.
    """
    countries = list(corridor["countries"])
    if not corridor.get("alternatives"):
        if origin and origin not in countries:
            countries.insert(0, origin)
        return [countries]
    lldc_ids = {c["id"] for c in catalog.countries()}
    via = [c for c in countries if c not in lldc_ids]
    starts = [origin] if origin else list(corridor["lldcs"])
    return [[start, c] for start in starts for c in via]
