"""Load the catalog: read every record, check it, and index what passed.

``load_catalog`` never raises on bad input: it returns the catalog together
with every problem found, and callers decide (the validator prints them, the
site build refuses to build).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import Problem
from .schema import check_schema
from .yamlfile import YamlDoc, read_yaml

# kind -> folder under catalog/ (one YAML file per record, file stem = id)
KIND_FOLDERS: dict[str, str] = {
    "vocabulary": "vocabularies",
    "organization": "organizations",
    "country": "countries",
    "instrument": "instruments",
    "participation": "participation",
    "corridor": "corridors",
    "crosswalk": "crosswalk",
    "guideline": "guidelines",
    "programme": "programmes",
    "practice": "practices",
    "event": "events",
}

LIBRARY_KINDS = ("practice", "guideline", "programme", "event")
"""Kinds that document how to implement the conventions; they share facets."""

DEFAULT_CATALOG = Path(__file__).resolve().parent.parent / "catalog"


@dataclass
class Record:
    """One record file: its kind, id, data and the positions of its values."""

    kind: str
    path: Path
    doc: YamlDoc

    @property
    def id(self) -> str:
        return str(self.data.get("id", self.path.stem))

    @property
    def data(self) -> dict[str, Any]:
        return self.doc.data

    def problem(self, at: tuple, field_name: str, message: str, key: bool = False) -> Problem:
        """A problem positioned at ``at`` (or at its key) in this record."""
        line, col = self.doc.where_key(at) if key else self.doc.where(at)
        return Problem(self.doc.path, line, col, field_name, message)


@dataclass
class Catalog:
    """The records that passed their schema, indexed by kind and id."""

    root: Path
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    loaded: list[Record] = field(default_factory=list)
    """Every record that passed its schema, duplicates included (for the rules)."""
    invalid: dict[str, set[str]] = field(default_factory=dict)
    """folder -> stems of files that failed to parse or to pass their schema.

    Their own problems are reported; rules do not report them again as
    missing when another record refers to them.
    """
    today: dt.date = field(default_factory=dt.date.today)
    """The day the catalog was checked: dates in the future and stale entries are judged against it."""
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Values derived from the records once per load (sorted lists, backlinks)."""

    def of(self, kind: str) -> dict[str, Record]:
        return self.records.get(kind, {})

    # --- vocabularies -------------------------------------------------
    def vocabulary(self, vocab_id: str) -> list[dict[str, Any]]:
        rec = self.of("vocabulary").get(vocab_id)
        return list(rec.data["terms"]) if rec else []

    def term(self, vocab_id: str, term_id: str) -> dict[str, Any]:
        for t in self.vocabulary(vocab_id):
            if t["id"] == term_id:
                return t
        raise KeyError(f"{vocab_id}: no term {term_id!r}")

    def term_ids(self, vocab_id: str) -> list[str]:
        return [t["id"] for t in self.vocabulary(vocab_id)]

    # --- records ---------------------------------------------------------
    def countries(self, group: str | None = "lldc") -> list[dict[str, Any]]:
        """Countries sorted by name (UN sort), optionally of one group only (computed once; do not mutate)."""
        key = f"countries:{group}"
        if key not in self.memo:
            rows = [r.data for r in self.of("country").values()]
            if group:
                rows = [c for c in rows if group in c.get("groups", [])]
            self.memo[key] = sorted(rows, key=lambda c: c.get("sort_name", c["name"]).casefold())
        return self.memo[key]

    def country(self, country_id: str) -> dict[str, Any]:
        return self.of("country")[country_id].data

    def instruments(self) -> list[dict[str, Any]]:
        """Instruments by adoption date, then title (computed once; do not mutate)."""
        if "instruments" not in self.memo:
            rows = [r.data for r in self.of("instrument").values()]
            self.memo["instruments"] = sorted(rows, key=lambda i: (i["adopted"]["date"], i["title"]))
        return self.memo["instruments"]

    def instrument(self, instrument_id: str) -> dict[str, Any]:
        return self.of("instrument")[instrument_id].data

    def library(self, kind: str) -> list[dict[str, Any]]:
        """Practices, guidelines, programmes or events, newest first, then by title."""
        from .facets import year_of  # imported here: facets imports this module

        key = f"library:{kind}"
        if key not in self.memo:
            rows = [r.data for r in self.of(kind).values()]
            rows.sort(key=lambda d: d["title"].casefold())
            rows.sort(key=lambda d: year_of(kind, d) or "0000", reverse=True)
            self.memo[key] = rows
        return self.memo[key]

    def corridors(self, country_id: str | None = None) -> list[dict[str, Any]]:
        """Corridors by name, optionally only those that cross a country."""
        rows = [r.data for r in self.of("corridor").values()]
        if country_id:
            rows = [d for d in rows if country_id in d["countries"] or country_id in d["lldcs"]]
        return sorted(rows, key=lambda d: d["name"].casefold())

    def organization(self, org_id: str) -> dict[str, Any]:
        return self.of("organization")[org_id].data

    def entry(self, instrument_id: str, country_id: str) -> dict[str, Any] | None:
        """The participation entry of a country in an instrument, if recorded."""
        rec = self.of("participation").get(instrument_id)
        if rec is None:
            return None
        return rec.data["entries"].get(country_id)

    def in_scope(self, instrument_id: str, country_id: str) -> bool:
        """Whether a country may join the instrument: always, unless the instrument has a scope."""
        scope = self.instrument(instrument_id).get("scope")
        return scope is None or country_id in scope["countries"]

    def cell(self, instrument_id: str, country_id: str) -> dict[str, Any]:
        """What the site shows for one country and one instrument.

        The recorded entry; ``not_applicable`` (computed, never recorded) for a
        country outside the instrument's scope; ``unknown`` with no source for
        a country that has no entry (only countries outside the LLDCs can lack
        one: the rules require an entry for every LLDC in scope).
        """
        e = self.entry(instrument_id, country_id)
        if e is not None:
            return e
        if not self.in_scope(instrument_id, country_id):
            return {"status": "not_applicable"}
        return {"status": "unknown"}

    def as_of(self) -> str | None:
        """The latest ``verified_on`` of any participation entry: the data's date."""
        dates = [
            e["verified_on"]
            for rec in self.of("participation").values()
            for e in rec.data["entries"].values()
            if "verified_on" in e
        ]
        return max(dates) if dates else None


def _read_kind(
    root: Path, kind: str, folder: str, problems: list[Problem], invalid: set[str]
) -> list[Record]:
    here = root / folder
    if not here.is_dir():
        problems.append(Problem(str(here), 0, 0, "-", f"the folder {folder}/ is missing"))
        return []
    out = []
    for file in sorted(here.iterdir()):
        shown = shown_path(file)
        if file.is_dir() or file.name.startswith("."):
            continue
        if file.suffix != ".yaml":
            problems.append(Problem(
                shown, 0, 0, "-",
                f"only .yaml record files belong in {folder}/: rename or move this file",
            ))
            continue
        doc, found = read_yaml(file, shown)
        if not found and not isinstance(doc.data, dict):
            found = [Problem(shown, 1, 1, "-", "a record must be a YAML mapping (key: value lines)")]
        if not found:
            found = check_schema(doc, kind, root / "schemas")
        if found:
            problems.extend(found)
            invalid.add(file.stem)
            continue
        out.append(Record(kind, file, doc))
    return out


def shown_path(file: Path) -> str:
    """Paths in messages: relative to the working directory when possible."""
    try:
        return str(file.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(file)


def load_catalog(root: Path | str = DEFAULT_CATALOG, today: dt.date | None = None) -> tuple[Catalog, list[Problem]]:
    """Read, check and index every record under ``root``.

    Returns the catalog (only records that passed their schema) and every
    problem found, schema problems first, then rule problems, in file order.
    """
    from .rules import check_rules  # rules need the Catalog type

    root = Path(root)
    catalog = Catalog(root=root, today=today or dt.date.today())
    problems: list[Problem] = []
    if not root.is_dir():
        return catalog, [Problem(str(root), 0, 0, "-", "the catalog folder does not exist")]
    for kind, folder in KIND_FOLDERS.items():
        catalog.records[kind] = {}
        catalog.invalid[folder] = set()
        for rec in _read_kind(root, kind, folder, problems, catalog.invalid[folder]):
            catalog.loaded.append(rec)
            # duplicates are reported by the rules; the first one read is indexed
            catalog.records[kind].setdefault(rec.id, rec)
    problems.extend(check_rules(catalog, catalog.today))
    return catalog, sorted(set(problems), key=lambda p: (p.path, p.line, p.col, p.field, p.message))
