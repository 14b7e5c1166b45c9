"""Spelling of the built site: pyspelling with aspell (en_GB-ize, UN style) and
the one accepted word list, spelling/wordlist.txt."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def spell(folder: Path) -> subprocess.CompletedProcess:
    if shutil.which("aspell") is None:
        pytest.fail("aspell is missing: run scripts/system-deps (apt-get install aspell aspell-en)")
    source = f"{folder}/**/*.html|!{folder}/404.html|!{folder}/assets/**"
    return subprocess.run(
        [sys.executable, "-m", "pyspelling", "-c", str(ROOT / ".pyspelling.yml"), "-n", "site", "-S", source],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )


def test_the_built_site_is_spelled_correctly(built_site: Path) -> None:
    result = spell(built_site)
    assert result.returncode == 0, (
        "misspelled words (fix the record, or add a name to spelling/wordlist.txt):\n" + result.stdout[-4000:]
    )


def test_a_misspelling_fails_and_quoted_titles_are_skipped(tmp_path: Path) -> None:
    page = tmp_path / "page" / "index.html"
    page.parent.mkdir()
    page.write_text(
        "<html><body><p>The organization harmonization programme.</p>"
        "<p><cite>Verdragenbank Organisation</cite> <small>At: blz. 4</small></p></body></html>",
        encoding="utf-8",
    )
    assert spell(tmp_path).returncode == 0
    page.write_text("<html><body><p>The organisation of the transitt regime.</p></body></html>", encoding="utf-8")
    result = spell(tmp_path)
    assert result.returncode != 0
    assert "organisation" in result.stdout and "transitt" in result.stdout


def test_the_word_list_is_sorted_and_unique() -> None:
    lines = (ROOT / "spelling/wordlist.txt").read_text(encoding="utf-8").splitlines()
    words = [w for w in lines if w and not w.startswith("#")]
    assert words == sorted(set(words))
