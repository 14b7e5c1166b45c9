"""The synthetic catalogs of the benchmark (benchmarks/synth.py) are valid, sized as planned and self-contained.

No timing here: speed is measured by scripts/benchmark, which prints figures.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pycountry
import pytest

from benchmarks.synth import (
    COPIED_KINDS,
    LIST_REFS,
    SINGLE_REFS,
    Synth,
    copy_id,
    copy_number,
    fixed_kinds,
    make_catalog,
    plan,
)
from lldc_kb.catalog import KIND_FOLDERS, LIBRARY_KINDS, Catalog, load_catalog

ROOT = Path(__file__).resolve().parent.parent
REAL, _ = load_catalog(ROOT / "catalog")


def real_count(kind: str) -> int:
    return len(REAL.of(kind))


@pytest.fixture(scope="module", params=[1, 3])
def synthetic(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Synth, Catalog]:
    k = request.param
    synth = make_catalog(k, tmp_path_factory.mktemp(f"synth-{k}") / "catalog", ROOT / "catalog")
    catalog, problems = load_catalog(synth.root)
    assert problems == [], "\n".join(str(p) for p in problems[:10])
    return synth, catalog


def test_synthetic_catalog_validates_with_zero_problems(synthetic: tuple[Synth, Catalog]) -> None:
    synth, catalog = synthetic  # the fixture asserts zero problems; here: nothing was left out
    assert sum(len(catalog.of(kind)) for kind in KIND_FOLDERS) == synth.records


def test_record_counts_per_kind(synthetic: tuple[Synth, Catalog]) -> None:
    synth, catalog = synthetic
    k, p = synth.plan.k, synth.plan
    files = {kind: len(list((synth.root / folder).glob("*.yaml"))) for kind, folder in KIND_FOLDERS.items()}
    assert files == synth.counts
    for kind in COPIED_KINDS:
        assert len(catalog.of(kind)) == k * real_count(kind), kind
    for kind in ("vocabulary", *fixed_kinds()):
        assert set(catalog.of(kind)) == set(REAL.of(kind)), kind
    assert len(catalog.of("country")) == p.countries == min(round(real_count("country") * math.sqrt(k)),
                                                            len(pycountry.countries))
    assert len(catalog.countries("lldc")) == p.lldcs
    assert len(catalog.of("instrument")) == len(catalog.of("participation")) == p.instruments
    assert p.instruments >= round(real_count("instrument") * math.sqrt(k))
    # the matrix (LLDCs × instruments) grows about k times
    cells = sum(len(rec.data["entries"]) for rec in catalog.of("participation").values())
    real_cells = sum(len(rec.data["entries"]) for rec in REAL.of("participation").values())
    assert abs(cells / real_cells - k) <= 0.1 * k
    if k == 1:
        for kind in KIND_FOLDERS:
            assert set(catalog.of(kind)) == set(REAL.of(kind)), kind


def _references(d: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(kind named, id) of every reference of a library record."""
    for key, of in LIST_REFS.items():
        for value in d.get(key, []) if isinstance(d.get(key), list) else []:
            yield of, value
    for at, of in SINGLE_REFS.items():
        value: Any = d
        for key in at:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str):
            yield of, value


def test_references_of_copies_resolve_to_synthetic_records(synthetic: tuple[Synth, Catalog]) -> None:
    synth, catalog = synthetic
    named: dict[str, set[str]] = {"country": set(), "instrument": set()}
    for kind in LIBRARY_KINDS:
        for rid, rec in catalog.of(kind).items():
            j = copy_number(rid)
            original = REAL.of(kind)[rid if j == 0 else _real_id(kind, rid, j)].data
            refs, real_refs = list(_references(rec.data)), list(_references(original))
            assert len(refs) == len(real_refs), rid
            for (of, value), (_, was) in zip(refs, real_refs, strict=True):
                assert value in catalog.of(of), f"{rid}: {of} {value!r} is not in the synthetic catalog"
                if of in COPIED_KINDS:
                    assert value == copy_id(was, j), f"{rid}: {value!r} should be copy {j} of {was!r}"
                elif j:
                    named[of].add(value)
    for rid, rec in catalog.of("organization").items():
        if "parent" in rec.data:
            assert copy_number(rec.data["parent"]) == copy_number(rid)
    for rid, rec in catalog.of("instrument").items():
        r = copy_number(rid)
        orgs = [*rec.data["administered_by"], rec.data["depositary"]["organization"]]
        assert all(copy_number(o) == r % synth.plan.k and o in catalog.of("organization") for o in orgs), rid
    if synth.plan.k > 1:  # copies name synthetic countries and instruments, not only the real ones
        assert named["country"] - set(REAL.of("country"))
        assert named["instrument"] - set(REAL.of("instrument"))
        # each participation file has an entry for every country copied from one its real file covers
        copy_of = {c: synth.country_copy_of.get(c, c) for c in catalog.of("country")}
        for pid, rec in catalog.of("participation").items():
            j = copy_number(pid)
            real_pid = pid if j == 0 else _real_id("participation", pid, j)
            real_entries = REAL.of("participation")[real_pid].data["entries"]
            assert set(rec.data["entries"]) == {c for c, was in copy_of.items() if was in real_entries}, pid
        assert {copy_of[c["id"]] for c in catalog.countries("lldc")} == {c["id"] for c in REAL.countries("lldc")}


def _real_id(kind: str, rid: str, j: int) -> str:
    found = [r for r in REAL.of(kind) if copy_id(r, j) == rid]
    assert len(found) == 1, rid
    return found[0]


def test_plan_caps_countries_at_the_iso_list_and_keeps_the_matrix_growing() -> None:
    p = plan(100, 107, 32, 4, iso_codes=249)
    assert p.capped and p.countries == 249 and p.lldcs == 32 + (249 - 107)
    assert abs(p.lldcs * p.instruments / (32 * 4) - 100) < 2
    assert plan(1, 107, 32, 4) == plan(1, 107, 32, 4, iso_codes=249)
    assert not plan(3, 107, 32, 4).capped


def test_copy_ids_stay_within_the_schema_limit() -> None:
    long = "x" * 60
    assert copy_id(long, 0) == long
    assert len(copy_id(long, 99)) == 60 and copy_number(copy_id(long, 99)) == 99
    assert copy_number("tir-1975") == 0
