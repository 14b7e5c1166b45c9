"""scripts/format: the records are in canonical layout, and a record that is
not is reported by --check and fixed, with its data unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from lldc_kb import fmt
from lldc_kb.yamlfile import parse_text
from tests.conftest import CATALOG

RECORD = "instruments/tir-1975.yaml"


def _shuffled(value: Any) -> Any:
    """Every mapping with its keys in reverse order; lists keep their order (it is data)."""
    if isinstance(value, dict):
        return {k: _shuffled(value[k]) for k in reversed(list(value))}
    if isinstance(value, list):
        return [_shuffled(v) for v in value]
    return value


def _data(text: str) -> Any:
    doc, problems = parse_text(text, "-")
    assert problems == []
    return doc.data


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """Schemas and one record whose keys are shuffled and whose layout is not canonical."""
    root = tmp_path / "catalog"
    shutil.copytree(CATALOG / "schemas", root / "schemas")
    (root / "instruments").mkdir()
    original = (CATALOG / RECORD).read_text(encoding="utf-8")
    messy = yaml.safe_dump(_shuffled(_data(original)), sort_keys=False, allow_unicode=True, width=60, indent=4)
    (root / RECORD).write_text(messy, encoding="utf-8")
    return root


def test_the_real_catalog_is_canonical(capsys: pytest.CaptureFixture[str]) -> None:
    code = fmt.main(["--check"])
    captured = capsys.readouterr()
    assert code == 0, captured.out + captured.err


def test_a_shuffled_record_is_reported_then_fixed(catalog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = catalog / RECORD
    original = (CATALOG / RECORD).read_text(encoding="utf-8")
    messy = file.read_text(encoding="utf-8")
    assert _data(messy) == _data(original) and messy != original

    assert fmt.main(["--check", str(catalog)]) == 1
    out = capsys.readouterr()
    assert f"{file}:1:1: -: not in canonical layout: run scripts/format to fix" in out.out
    assert "run scripts/format to fix" in out.err
    assert file.read_text(encoding="utf-8") == messy, "--check must not change the file"

    assert fmt.main([str(catalog)]) == 0
    assert f"formatted {file}" in capsys.readouterr().out
    fixed = file.read_text(encoding="utf-8")
    assert _data(fixed) == _data(original), "formatting must not change the data"
    assert fixed == fmt.canonical(original, "instrument", CATALOG / "schemas")
    assert list(_data(fixed)) == list(_data(original)), "keys in schema order again"
    assert fmt.main(["--check", str(catalog)]) == 0


def test_a_record_that_does_not_parse_is_reported(catalog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (catalog / "instruments" / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    assert fmt.main(["--check", str(catalog)]) == 1
    assert "cannot be formatted until it parses: run scripts/validate" in capsys.readouterr().err
