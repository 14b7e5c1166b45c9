"""The hostile corpus: every malformed or hostile record in tests/hostile/ is
refused by the validator CLI with exit code 1, a positioned one-line problem
and no traceback. The cases are listed in tests/hostile/manifest.yaml."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from lldc_kb.yamlfile import MAX_BYTES
from tests.conftest import ROOT, MiniCatalog, build_env

HOSTILE = ROOT / "tests" / "hostile"
MANIFEST = HOSTILE / "manifest.yaml"
LINE = re.compile(r"^(?P<path>[^\n]+?\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<rest>.+)$")
MIN_CASES = 25


def load_cases() -> list[dict[str, Any]]:
    """The cases of the manifest, each a mapping with file, target, field, message and line."""
    return yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["cases"]


CASES = load_cases()


def place(case: dict[str, Any], mini: MiniCatalog) -> Path:
    """Copy the case file into ``mini`` (padding it when the case says so); return where it went."""
    dest = mini.path(f"{case['target']}/{case['file']}")
    shutil.copyfile(HOSTILE / case["file"], dest)
    if case.get("generate") == "oversized":
        with dest.open("ab") as out:
            out.write(b"# " + b"x" * MAX_BYTES + b"\n")
    return dest


def validate(catalog: Path) -> subprocess.CompletedProcess:
    """Run the validator CLI on ``catalog`` as a contributor would."""
    return subprocess.run(
        [sys.executable, "-m", "lldc_kb.validate", str(catalog)],
        cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=120,
    )


def test_the_manifest_lists_every_case_file_once() -> None:
    listed = [c["file"] for c in CASES]
    assert len(listed) >= MIN_CASES
    assert len(listed) == len(set(listed)), "a case is listed twice"
    present = {f.name for f in HOSTILE.iterdir() if f.is_file() and f.name != MANIFEST.name}
    assert set(listed) == present, f"not listed: {present - set(listed)}; missing: {set(listed) - present}"
    for case in CASES:
        assert {"file", "target", "field", "message", "line"} <= set(case), case


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_hostile_record_is_refused_with_a_positioned_problem(case: dict[str, Any], mini: MiniCatalog) -> None:
    dest = place(case, mini)
    result = validate(mini.root)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, f"exit code {result.returncode}:\n{output}"
    lines = result.stdout.splitlines()
    bad = [line for line in lines if not LINE.match(line)]
    assert not bad, f"lines not of the form path:line:col: field: message:\n{result.stdout}"
    suffix = f"/{case['target']}/{case['file']}"
    wanted = f"{case['field']}: "
    found = []
    for line in lines:
        m = LINE.match(line)
        assert m is not None
        if m["path"].endswith(suffix) and m["rest"].startswith(wanted):
            found.append((int(m["line"]), m["rest"][len(wanted):]))
    assert any(n == case["line"] and case["message"] in message for n, message in found), (
        f"expected {dest.name}:{case['line']}:*: {case['field']}: ...{case['message']}...; got:\n{result.stdout}"
    )
