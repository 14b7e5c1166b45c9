"""Shared fixtures: a minimal valid catalog to break one rule at a time, and
the site built once per test session."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from lldc_kb.catalog import load_catalog
from lldc_kb.problems import Problem

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "catalog"
TODAY = dt.date(2026, 11, 22)


def dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


class MiniCatalog:
    """A copy of the real schemas and vocabularies with one record of each kind."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(CATALOG / "schemas", root / "schemas")
        shutil.copytree(CATALOG / "vocabularies", root / "vocabularies")
        for folder in ("organizations", "instruments", "countries", "participation", "corridors", "crosswalk",
                       "practices", "guidelines", "programmes", "events"):
            (root / folder).mkdir()
        for org in ("un", "unece"):
            shutil.copy(CATALOG / "organizations" / f"{org}.yaml", root / "organizations")
        tir = yaml.safe_load((CATALOG / "instruments" / "tir-1975.yaml").read_text(encoding="utf-8"))
        tir["related"] = []
        dump(root / "instruments" / "tir-1975.yaml", tir)
        self.add_country("kaz")
        part = yaml.safe_load((CATALOG / "participation" / "tir-1975.yaml").read_text(encoding="utf-8"))
        part["entries"] = {"kaz": part["entries"]["kaz"]}
        dump(root / "participation" / "tir-1975.yaml", part)

    def add_country(self, country_id: str) -> None:
        """Copy a real country record, without its transit neighbours (they name other countries)."""
        data = yaml.safe_load((CATALOG / "countries" / f"{country_id}.yaml").read_text(encoding="utf-8"))
        data.pop("transit_neighbours", None)
        dump(self.root / "countries" / f"{country_id}.yaml", data)

    def path(self, rel: str) -> Path:
        return self.root / rel

    def edit(self, rel: str, change: Callable[[dict], None]) -> None:
        """Load a record, let ``change`` mutate it, write it back."""
        file = self.path(rel)
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        change(data)
        dump(file, data)

    def write(self, rel: str, text: str | bytes) -> None:
        file = self.path(rel)
        if isinstance(text, bytes):
            file.write_bytes(text)
        else:
            file.write_text(text, encoding="utf-8")

    def problems(self) -> list[Problem]:
        return load_catalog(self.root, TODAY)[1]


@pytest.fixture(scope="session")
def catalog():
    """The real catalog, which must be valid."""
    real, problems = load_catalog(CATALOG)
    assert problems == [], "\n".join(map(str, problems))
    return real


@pytest.fixture
def mini(tmp_path: Path) -> MiniCatalog:
    return MiniCatalog(tmp_path / "catalog")


def line_of(file: Path, needle: str) -> int:
    """1-based number of the first line of ``file`` containing ``needle``."""
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {file}")


def build_env() -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with ``mkdocs build --strict``."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out
