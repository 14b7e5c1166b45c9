"""scripts/new and the record templates: a new record starts from a template
that lists exactly the keys its schema knows, with the id filled in."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

from lldc_kb.catalog import KIND_FOLDERS
from lldc_kb.scaffold import SCAFFOLD_KINDS, SNIPPETS, main, template_path, template_problems, uncommented
from lldc_kb.schema import check_schema
from lldc_kb.yamlfile import read_yaml
from tests.conftest import CATALOG, ROOT, build_env

TEMPLATES = [*SCAFFOLD_KINDS, *SNIPPETS]


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """A copy of the real catalog to scaffold into."""
    root = tmp_path / "catalog"
    shutil.copytree(CATALOG, root)
    return root


def new(root: Path, *args: str) -> int:
    return main(["--catalog", str(root), "--", *args])


def _schema(kind: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    schemas = {f.name: json.loads(f.read_text(encoding="utf-8")) for f in (CATALOG / "schemas").glob("*.schema.json")}
    if kind == "participation-entry":
        return schemas["participation.schema.json"]["definitions"]["entry"], schemas
    return schemas[f"{kind}.schema.json"], schemas


def _template_data(kind: str, text: str) -> dict[str, Any]:
    data = yaml.safe_load(text)
    assert isinstance(data, dict), f"{kind}: the template is not a YAML mapping"
    if kind in SNIPPETS:  # one entry, keyed by a placeholder country id
        assert len(data) == 1
        data = next(iter(data.values()))
    return data


# --- scaffolding a practice --------------------------------------------------------


def test_scaffolds_a_practice_with_its_id(catalog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new(catalog, "practice", "nepal-dry-port-clearance") == 0
    made = catalog / "practices" / "nepal-dry-port-clearance.yaml"
    assert made.is_file()
    text = made.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/practice.schema.json\n")
    doc, problems = read_yaml(made)
    assert problems == [] and doc.data["id"] == "nepal-dry-port-clearance"
    out = capsys.readouterr().out
    assert "nepal-dry-port-clearance.yaml" in out and "scripts/validate" in out and "scripts/format" in out
    assert "got nothing" in out  # says that the new file fails validation until it is filled in


def test_a_scaffolded_record_fails_validation_only_on_its_empty_values(catalog: Path) -> None:
    assert new(catalog, "practice", "nepal-dry-port-clearance") == 0
    doc, _ = read_yaml(catalog / "practices" / "nepal-dry-port-clearance.yaml")
    problems = check_schema(doc, "practice", catalog / "schemas")
    assert problems, "placeholders must not pass validation"
    assert all("got nothing (an empty value)" in p.message for p in problems), "\n".join(map(str, problems))
    assert {p.field for p in problems} >= {"title", "summary", "verified_on", "status.stage"}


def test_refuses_an_existing_record(catalog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = sorted((catalog / "practices").glob("*.yaml"))[0]
    before = existing.read_bytes()
    assert new(catalog, "practice", existing.stem) == 2
    assert "already exists" in capsys.readouterr().err
    assert existing.read_bytes() == before


@pytest.mark.parametrize("bad", ["Nepal-Dry-Port", "dry_port", "-dry-port", "dry--port", "dry port", "x" * 61, ""])
def test_refuses_an_invalid_id(catalog: Path, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    assert new(catalog, "practice", bad) == 2
    err = capsys.readouterr().err
    assert "not a valid practice id" in err or "too long" in err
    assert not (catalog / "practices" / f"{bad}.yaml").exists()


def test_the_command_line_exits_2_with_a_message(catalog: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lldc_kb.scaffold", "practice", "Bad_Id", "--catalog", str(catalog)],
        cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2 and "not a valid practice id" in result.stderr
    assert "Traceback" not in result.stderr


# --- other kinds ---------------------------------------------------------------------


def _free_country_code(catalog: Path) -> str:
    taken = {f.stem for f in (catalog / "countries").glob("*.yaml")}
    return next(c.alpha_3.lower() for c in pycountry.countries if c.alpha_3.lower() not in taken)


def test_country_ids_are_iso_codes(catalog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new(catalog, "country", "xyz") == 2 and "ISO 3166-1 alpha-3" in capsys.readouterr().err
    assert new(catalog, "country", "NPL") == 2
    assert new(catalog, "country", "kaz") == 2 and "already exists" in capsys.readouterr().err
    code = _free_country_code(catalog)
    assert new(catalog, "country", code) == 0
    doc, _ = read_yaml(catalog / "countries" / f"{code}.yaml")
    assert doc.data["id"] == code and doc.data["iso3"] == code.upper()


def test_participation_entries_and_unknown_kinds_are_refused(catalog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new(catalog, "participation-entry", "kaz") == 2
    assert "participation-entry.yaml" in capsys.readouterr().err
    assert new(catalog, "widget", "a-widget") == 2
    assert "unknown kind 'widget'" in capsys.readouterr().err


@pytest.mark.parametrize("kind", SCAFFOLD_KINDS)
def test_every_kind_scaffolds_and_only_its_placeholders_fail(catalog: Path, kind: str) -> None:
    record_id = _free_country_code(catalog) if kind == "country" else f"new-{kind}-record"
    assert new(catalog, kind, record_id) == 0
    doc, problems = read_yaml(catalog / KIND_FOLDERS[kind] / f"{record_id}.yaml")
    assert problems == [] and doc.data["id"] == record_id
    found = check_schema(doc, kind, catalog / "schemas")
    assert found and all("got nothing (an empty value)" in p.message for p in found), "\n".join(map(str, found))


# --- templates against their schemas -----------------------------------------------------


@pytest.mark.parametrize("kind", TEMPLATES)
def test_template_keys_are_the_schema_keys(kind: str) -> None:
    """Top level: every key a schema property; every required key written out (not commented)."""
    schema, _ = _schema(kind)
    text = template_path(CATALOG, kind).read_text(encoding="utf-8")
    live = _template_data(kind, text)
    every = _template_data(kind, uncommented(text))
    properties = set(schema["properties"])
    assert set(every) <= properties, f"not in the schema: {sorted(set(every) - properties)}"
    assert set(schema.get("required", [])) <= set(live), f"required but missing: {set(schema['required']) - set(live)}"
    missing_optional = properties - set(every)
    assert not missing_optional, f"schema keys the template does not list: {sorted(missing_optional)}"


@pytest.mark.parametrize("kind", TEMPLATES)
def test_template_matches_its_schema_at_every_level(kind: str) -> None:
    assert template_problems(kind, CATALOG) == []


@pytest.mark.parametrize("kind", SCAFFOLD_KINDS)
def test_template_names_its_schema_and_vocabularies_exist(kind: str) -> None:
    text = template_path(CATALOG, kind).read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n")
    for name in set(re.findall(r"catalog/vocabularies/([a-z0-9-]+)\.yaml", text)):
        assert (CATALOG / "vocabularies" / f"{name}.yaml").is_file(), f"{kind} template names a missing {name}.yaml"
