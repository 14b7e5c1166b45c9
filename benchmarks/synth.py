"""Synthetic catalogs at k times the real one, made from copies of the real records.

A catalog at scale ``k`` keeps every real record (copy 0) and adds copies of
them, so that it exercises the real schemas and rules:

- organizations, practices, guidelines, programmes and events: ``k`` copies
  of each real record. Copy ``j > 0`` has the id ``<id>-s<j>``, "(copy j)"
  after its title or name, and its references rewritten: organizations and
  library records to their copy ``j``; countries and instruments through a
  rotation (a bijection) over all the countries and instruments of the
  synthetic catalog, so that copies name synthetic countries and instruments.
- countries: about ``√k`` times the real ones. The validator requires real
  ISO 3166-1 alpha-3 codes with their M49 number (``country_codes_are_real``),
  so new countries take the codes the real catalog does not use, from
  pycountry's list, which caps the catalog at that list's size (249 countries).
  New countries copy a real LLDC first (up to ``√k`` times the real LLDCs),
  then a real country of another group.
- any other kind (``fixed_kinds()``: crosswalk, one record per TFA article,
  corridor ...): the real records, once, at every scale.
- instruments: about ``√k`` times the real ones (copy ``r`` is ``<id>-s<r>``),
  with one participation file each that has an entry for every LLDC, copied
  from the real entry of the LLDC the country was copied from. When the cap
  on countries holds the LLDCs below ``√k`` times, there are more instruments
  instead, so that participation entries (LLDCs × instruments: the matrix
  cells) still grow ``k`` times.

``make_catalog(k, dest)`` writes such a catalog; ``make_project(k, dest)``
also copies what ``mkdocs build`` needs (``docs/``, ``macros/``, ``hooks/``,
``lldc_kb/``, ``overrides/``, ``mkdocs.yml`` ...) so that the real configuration
builds the site from the synthetic catalog.
"""

from __future__ import annotations

import copy
import math
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
import yaml

from lldc_kb.catalog import KIND_FOLDERS, LIBRARY_KINDS
from lldc_kb.yamlfile import read_yaml

REPO = Path(__file__).resolve().parent.parent
REAL_CATALOG = REPO / "catalog"
NOT_COPIED = {
    "catalog", "site", "tests", "benchmarks", "scripts", "spelling", "test-artifacts", "__pycache__",
}
"""Top-level entries a temporary project root does without (it gets its own catalog/); everything else
(docs/, macros/, hooks/, lldc_kb/, overrides/, mkdocs.yml, redirects.yaml ...) is copied, so that the
real mkdocs.yml builds there whatever it refers to. Hidden entries (.git, .venv, caches) are not copied."""

ID_MAX = 60
"""Maximum length of a record id (common.schema.json)."""
LINE_MAX = 300
"""Maximum length of one line of text (common.schema.json)."""
ABBREVIATION_MAX = 16
LLDC = "lldc"

COPIED_KINDS = ("organization", *LIBRARY_KINDS)
"""Kinds with k copies of every real record."""
SCALED_KINDS = ("vocabulary", "country", "instrument", "participation", *COPIED_KINDS)
"""Kinds this module knows how to scale; the records of any other kind (crosswalk, one per TFA article;
corridor ...) are kept as they are, once, at every scale: see ``fixed_kinds``."""


def fixed_kinds() -> list[str]:
    """Kinds of lldc_kb.catalog.KIND_FOLDERS kept at their real count at every scale."""
    return [k for k in KIND_FOLDERS if k not in SCALED_KINDS]

LIST_REFS: dict[str, str] = {
    "countries": "country",
    "instruments": "instrument",
    "organizations": "organization",
    "publishers": "organization",
    "organizers": "organization",
    "recalls": "programme",
}
"""List fields of library records that hold ids of records of a kind (as in rules.references_resolve)."""

SINGLE_REFS: dict[tuple[str, ...], str] = {
    ("compiled_in",): "guideline",
    ("series",): "programme",
    ("succeeded_by",): "programme",
    ("place", "country"): "country",
}
"""Single-id fields of library records (a path into the record) and the kind they name."""

_COPY = re.compile(r"-s([0-9]+)$")


# --- the plan: how many records of each kind ------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """How many records a catalog at scale ``k`` has, from the real counts."""

    k: int
    countries: int
    lldcs: int
    instruments: int
    countries_wanted: int
    """round(real countries × √k), before the cap of the ISO list."""

    @property
    def capped(self) -> bool:
        return self.countries < self.countries_wanted


def plan(k: int, real_countries: int, real_lldcs: int, real_instruments: int,
         iso_codes: int | None = None) -> Plan:
    """Counts at scale ``k``: countries and instruments about ×√k, LLDC × instruments about ×k."""
    if k < 1:
        raise ValueError("the scale must be a whole number >= 1")
    iso = len(pycountry.countries) if iso_codes is None else iso_codes
    root = math.sqrt(k)
    wanted = round(real_countries * root)
    total = max(real_countries, min(wanted, iso))
    new = total - real_countries
    new_lldcs = min(max(round(real_lldcs * root) - real_lldcs, 0), new)
    lldcs = real_lldcs + new_lldcs
    instruments = max(round(real_instruments * root), round(real_instruments * real_lldcs * k / max(lldcs, 1)))
    return Plan(k=k, countries=total, lldcs=lldcs, instruments=instruments, countries_wanted=wanted)


# --- ids and text of copies ---------------------------------------------------------------------


def copy_id(real_id: str, j: int) -> str:
    """The id of copy ``j`` of a record (copy 0 is the record itself), at most 60 characters."""
    if j == 0:
        return real_id
    suffix = f"-s{j}"
    return real_id[: ID_MAX - len(suffix)].rstrip("-") + suffix


def copy_number(record_id: str) -> int:
    """Which copy an id names: 0 for a real record, ``j`` for ``<id>-s<j>``."""
    m = _COPY.search(record_id)
    return int(m.group(1)) if m else 0


def _line(text: str, extra: str) -> str:
    return text[: LINE_MAX - len(extra)] + extra


# --- reading the real catalog and writing records -------------------------------------------------


@dataclass
class Real:
    """The real records, by kind and id, with the text of each file."""

    data: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    text: dict[str, dict[str, str]] = field(default_factory=dict)

    def ids(self, kind: str) -> list[str]:
        return sorted(self.data.get(kind, {}))


def read_real(source: Path = REAL_CATALOG) -> Real:
    """Every record of the catalog at ``source``; ``ValueError`` if one does not parse."""
    real = Real()
    for kind, folder in KIND_FOLDERS.items():
        real.data[kind], real.text[kind] = {}, {}
        for file in sorted((source / folder).glob("*.yaml")):
            doc, problems = read_yaml(file)
            if problems or not isinstance(doc.data, dict):
                raise ValueError(f"the source catalog has a broken record: {problems[0] if problems else file}")
            real.data[kind][file.stem] = doc.data
            real.text[kind][file.stem] = file.read_text(encoding="utf-8")
    return real


class _Dumper(yaml.SafeDumper):
    """The layout of lldc_kb.fmt (lists indented under their key, long text folded), never an alias."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value.strip():
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def record_text(kind: str, data: dict[str, Any]) -> str:
    """A record file in the canonical layout, with the schema line editors use."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)
    return f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n{body}"


# --- the synthetic catalog ---------------------------------------------------------------------------


@dataclass
class Synth:
    """What ``make_catalog`` wrote."""

    root: Path
    plan: Plan
    counts: dict[str, int]
    """kind -> number of record files."""
    yaml_bytes: int
    country_copy_of: dict[str, str]
    """synthetic country id -> the real country it copies."""
    instrument_ids: list[str]

    @property
    def records(self) -> int:
        return sum(self.counts.values())


class _Writer:
    def __init__(self, root: Path, real: Real):
        self.root, self.real = root, real
        self.counts: dict[str, int] = dict.fromkeys(KIND_FOLDERS, 0)
        self.bytes = 0
        self.seen: dict[str, set[str]] = {}

    def write(self, kind: str, data: dict[str, Any]) -> None:
        rid = data["id"]
        seen = self.seen.setdefault(kind, set())
        if rid in seen:
            raise ValueError(f"two synthetic {kind} records have the id {rid!r}")
        seen.add(rid)
        same = self.real.data.get(kind, {}).get(rid) == data
        text = self.real.text[kind][rid] if same else record_text(kind, data)
        raw = text.encode("utf-8")
        (self.root / KIND_FOLDERS[kind] / f"{rid}.yaml").write_bytes(raw)
        self.counts[kind] += 1
        self.bytes += len(raw)


def _get(d: dict[str, Any], at: tuple[str, ...]) -> Any:
    for key in at[:-1]:
        d = d.get(key, {})
        if not isinstance(d, dict):
            return None
    return d.get(at[-1])


def _set(d: dict[str, Any], at: tuple[str, ...], value: Any) -> None:
    for key in at[:-1]:
        d = d[key]
    d[at[-1]] = value


def make_catalog(k: int, dest: Path, source: Path = REAL_CATALOG) -> Synth:
    """Write the catalog at scale ``k`` into ``dest`` (created; must not exist or be empty)."""
    real = read_real(source)
    dest.mkdir(parents=True, exist_ok=True)
    generated = {folder for kind, folder in KIND_FOLDERS.items() if kind != "vocabulary"}
    for entry in sorted(source.iterdir()):
        if entry.name in generated:
            (dest / entry.name).mkdir()
        elif entry.is_dir():
            shutil.copytree(entry, dest / entry.name)
        else:
            shutil.copy2(entry, dest / entry.name)
    out = _Writer(dest, real)
    for vid in real.ids("vocabulary"):  # copied above; counted like the other records
        out.counts["vocabulary"] += 1
        out.bytes += len(real.text["vocabulary"][vid].encode("utf-8"))

    # countries: the real ones, then copies of real LLDCs, then of other countries
    real_countries = real.ids("country")
    lldcs = [c for c in real_countries if LLDC in real.data["country"][c].get("groups", [])]
    others = [c for c in real_countries if c not in lldcs]
    p = plan(k, len(real_countries), len(lldcs), len(real.ids("instrument")))
    used = {real.data["country"][c]["iso3"] for c in real_countries}
    free = sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in used)
    new_lldcs = p.lldcs - len(lldcs)
    templates = [lldcs[i % len(lldcs)] for i in range(new_lldcs)]
    if others:
        templates += [others[i % len(others)] for i in range(p.countries - len(real_countries) - new_lldcs)]
    for c in real_countries:
        out.write("country", real.data["country"][c])
    copy_of = {c: c for c in real_countries}
    for code, template in zip(free, templates, strict=False):
        iso = pycountry.countries.get(alpha_3=code)
        d = copy.deepcopy(real.data["country"][template])
        d.update(id=code.lower(), iso3=code, name=iso.name)
        if "m49" in d:
            d["m49"] = iso.numeric
        d.pop("sort_name", None)
        out.write("country", d)
        copy_of[code.lower()] = template
    all_countries = list(copy_of)  # the real ones first, then the copies
    country_at = {c: i for i, c in enumerate(real_countries)}

    def country(c: str, offset: int) -> str:
        if c not in country_at:
            return c
        return all_countries[(country_at[c] + offset) % len(all_countries)]

    def in_scope(ids: list[str]) -> list[str]:
        wanted = set(ids)
        return [c for c in all_countries if copy_of[c] in wanted or c in wanted]

    # instruments and participation: instrument m copies real instrument m % n (copy m // n)
    real_instruments = real.ids("instrument")
    n_inst = len(real_instruments)
    instrument_ids = [copy_id(real_instruments[m % n_inst], m // n_inst) for m in range(p.instruments)]
    instrument_at = {iid: i for i, iid in enumerate(real_instruments)}

    def instrument(iid: str, offset: int) -> str:
        if iid not in instrument_at:
            return iid
        return instrument_ids[(instrument_at[iid] + offset) % len(instrument_ids)]

    def org(oid: str, j: int) -> str:
        return copy_id(oid, j % k) if oid in real.data["organization"] else oid

    for m, iid in enumerate(instrument_ids):
        template, r = real_instruments[m % n_inst], m // n_inst
        d = copy.deepcopy(real.data["instrument"][template])
        d["id"] = iid
        if r:
            d["title"] = _line(d["title"], f" (copy {r})")
            d["short_name"] = _line(d["short_name"], f" {r}")
            if "abbreviation" in d:
                extra = f"-{r}"
                d["abbreviation"] = d["abbreviation"][: ABBREVIATION_MAX - len(extra)] + extra
            d["administered_by"] = [org(o, r) for o in d.get("administered_by", [])]
            d["depositary"]["organization"] = org(d["depositary"]["organization"], r)
            if "related" in d:
                d["related"] = [instrument(o, r * n_inst) for o in d["related"]]
        if "scope" in d:
            d["scope"]["countries"] = in_scope(d["scope"]["countries"])
        out.write("instrument", d)
        part = copy.deepcopy(real.data["participation"][template])
        entries = part["entries"]
        part.update(id=iid, instrument=iid)
        part["entries"] = {c: copy.deepcopy(entries[copy_of[c]]) for c in sorted(copy_of) if copy_of[c] in entries}
        out.write("participation", part)

    # organizations and library records: k copies of each
    for j in range(k):
        for oid in real.ids("organization"):
            d = copy.deepcopy(real.data["organization"][oid])
            if j:
                d["id"] = copy_id(oid, j)
                d["name"] = _line(d["name"], f" (copy {j})")
                if "short_name" in d:
                    d["short_name"] = _line(d["short_name"], f" {j}")
                if "parent" in d:
                    d["parent"] = org(d["parent"], j)
            out.write("organization", d)
        for kind in LIBRARY_KINDS:
            for rid in real.ids(kind):
                d = copy.deepcopy(real.data[kind][rid])
                if j:
                    _rewrite(d, kind, j, real, lambda c, j=j: country(c, j * len(real_countries)),
                             lambda i, j=j: instrument(i, j * n_inst))
                out.write(kind, d)
    for kind in fixed_kinds():
        for rid in real.ids(kind):
            out.write(kind, real.data[kind][rid])
    return Synth(dest, p, dict(out.counts), out.bytes,
                 {c: t for c, t in copy_of.items() if c != t}, instrument_ids)


def _rewrite(d: dict[str, Any], kind: str, j: int, real: Real,
             country: Callable[[str], str], instrument: Callable[[str], str]) -> None:
    """Make ``d`` copy ``j`` of a library record: new id and title, references rewritten."""
    d["id"] = copy_id(d["id"], j)
    d["title"] = _line(d["title"], f" (copy {j})")

    def target(value: str, of: str) -> str:
        if of == "country":
            return country(value)
        if of == "instrument":
            return instrument(value)
        return copy_id(value, j) if value in real.data.get(of, {}) else value

    for key, of in LIST_REFS.items():
        if isinstance(d.get(key), list):
            d[key] = [target(v, of) for v in d[key]]
    for at, of in SINGLE_REFS.items():
        value = _get(d, at)
        if isinstance(value, str):
            _set(d, at, target(value, of))


def make_project(k: int, dest: Path, repo: Path = REPO) -> Synth:
    """A project root at ``dest`` that builds the site of the catalog at scale ``k`` with the real mkdocs.yml."""
    dest.mkdir(parents=True, exist_ok=True)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for src in sorted(repo.iterdir()):
        if src.name in NOT_COPIED or src.name.startswith("."):
            continue
        if src.is_dir():
            shutil.copytree(src, dest / src.name, ignore=skip)
        else:
            shutil.copy2(src, dest / src.name)
    return make_catalog(k, dest / "catalog", repo / "catalog")
