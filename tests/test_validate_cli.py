"""scripts/validate as a contributor meets it: exit code and message format."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT, MiniCatalog, build_env

LINE = re.compile(r"^(?P<path>[^:]+\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<field>\S+): (?P<msg>.+)$")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lldc_kb.validate", *args],
        cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=120,
    )


def test_real_catalog_passes() -> None:
    result = run()
    assert result.returncode == 0, result.stdout
    assert result.stdout == "" and "records valid" in result.stderr


def test_every_problem_is_one_line_and_nothing_crashes(mini: MiniCatalog) -> None:
    mini.write("countries/kaz.yaml", "id: kaz\nname: [unclosed\n")                       # syntax
    mini.write("organizations/un.yaml", b"\xef\xbb\xbfid: un\n")                          # BOM
    mini.write("organizations/evil.yaml", "id: evil\nx: !!python/object/apply:os.system ['true']\n")
    mini.edit("participation/tir-1975.yaml", lambda d: d["entries"].update(
        abc={"status": "party", "date": "1999-02-30"}))
    result = run(str(mini.root))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(LINE.match(line) for line in lines), result.stdout
    text = result.stdout
    assert "kaz.yaml:3:1: -: YAML syntax error" in text  # reported where the list should close
    assert "un.yaml:1:1: -: the file starts with a byte-order mark" in text
    assert "evil.yaml:2:4: x: the YAML tag" in text
    assert "entries.abc" in text


def test_missing_folder_is_reported(tmp_path) -> None:
    result = run(str(tmp_path / "nowhere"))
    assert result.returncode == 1 and "does not exist" in result.stdout
