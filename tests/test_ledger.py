"""The ledger of published URLs: a URL once published is neither lost silently
nor left unrecorded; redirects.yaml keeps renamed pages answering."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest

from lldc_kb.catalog import load_catalog
from lldc_kb.ledger import (
    LEDGER,
    UPDATE_HINT,
    VANISHED_HINT,
    check,
    load_redirects,
    page_url,
    published_urls,
    read_ledger,
    updated,
    write_ledger,
)
from tests.conftest import ROOT, TODAY, MiniCatalog, build_env


@pytest.fixture
def mini_urls(mini: MiniCatalog) -> set[str]:
    """The URLs the site would publish for the minimal catalog."""
    catalog, problems = load_catalog(mini.root, TODAY)
    assert problems == []
    return published_urls(catalog)


def ledger_of(urls: set[str], tmp_path: Path) -> dict[str, int]:
    """Write ``urls`` as a ledger file and read it back (URL -> line)."""
    file = tmp_path / "published-urls.txt"
    write_ledger(urls, file)
    assert file.read_text(encoding="utf-8").splitlines() == sorted(urls)
    return read_ledger(file)


@pytest.mark.parametrize("src, url", [
    ("index.md", "./"),
    ("matrix.md", "matrix/"),
    ("countries/index.md", "countries/"),
    ("countries/npl.md", "countries/npl/"),
    ("data/status.csv", "data/status.csv"),
])
def test_page_url_follows_directory_urls(src: str, url: str) -> None:
    assert page_url(src) == url


def test_published_urls_cover_every_kind_of_page(mini_urls: set[str]) -> None:
    assert {"./", "matrix/", "method/", "themes/", "countries/", "countries/kaz/", "instruments/tir-1975/",
            "library/", "practices/", "data/status.csv"} <= mini_urls
    assert not any(u.endswith((".md", "index/")) for u in mini_urls)


def test_a_ledger_matching_the_site_passes(mini_urls: set[str], tmp_path: Path) -> None:
    assert check(ledger_of(mini_urls, tmp_path), mini_urls, {}) == []


def test_a_rename_without_redirect_fails_and_with_one_passes(mini_urls: set[str], tmp_path: Path) -> None:
    listed = ledger_of(mini_urls, tmp_path)
    renamed = (mini_urls - {"countries/kaz/"}) | {"countries/kazakhstan/"}
    problems = check(listed, renamed, {})
    vanished = [p for p in problems if p.field == "countries/kaz/"]
    assert len(vanished) == 1 and VANISHED_HINT in vanished[0].message
    assert vanished[0].line == listed["countries/kaz/"]
    new = [p for p in problems if p.field == "countries/kazakhstan/"]
    assert len(new) == 1 and UPDATE_HINT in new[0].message
    assert len(problems) == 2, "\n".join(map(str, problems))

    redirects = {"countries/kaz.md": "countries/kazakhstan.md"}
    after = ledger_of(updated(listed, renamed, redirects), tmp_path)
    assert "countries/kaz/" in after and "countries/kazakhstan/" in after
    assert check(after, renamed, redirects) == []


def test_a_removed_page_stays_in_the_ledger_after_update(mini_urls: set[str], tmp_path: Path) -> None:
    listed = ledger_of(mini_urls, tmp_path)
    shrunk = mini_urls - {"countries/kaz/"}
    after = ledger_of(updated(listed, shrunk, {}), tmp_path)
    assert "countries/kaz/" in after
    assert [p.field for p in check(after, shrunk, {})] == ["countries/kaz/"]


def test_redirects_must_not_hide_a_page_or_point_nowhere(mini_urls: set[str], tmp_path: Path) -> None:
    listed = ledger_of(mini_urls, tmp_path)
    problems = check(listed, mini_urls, {"matrix.md": "method.md", "gone.md": "nowhere.md"})
    messages = {p.field: p.message for p in problems}
    assert "the redirect would overwrite it" in messages["matrix.md"]
    assert "nowhere.md, which the site does not publish" in messages["gone.md"]


def test_redirects_file_is_checked_with_positions(tmp_path: Path) -> None:
    file = tmp_path / "redirects.yaml"
    file.write_text("# comment\nold.md: new.md\nold.html: new.md\nother.md: [new.md]\n", encoding="utf-8")
    maps, problems = load_redirects(file)
    assert maps == {"old.md": "new.md"}
    assert [(p.line, p.field) for p in problems] == [(3, "old.html"), (4, "other.md")]
    file.write_text("# no redirects yet\n", encoding="utf-8")
    assert load_redirects(file) == ({}, [])


def test_the_real_ledger_matches_the_site() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lldc_kb.ledger", "--check"],
        cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, f"{LEDGER.name} is out of date:\n{result.stdout}\n{result.stderr}"


def test_the_built_site_has_every_redirect_page(built_site: Path) -> None:
    redirects, problems = load_redirects()
    assert problems == [] and redirects, "redirects.yaml should hold at least one redirect"
    for old, new in redirects.items():
        page = built_site / page_url(old) / "index.html"
        assert page.is_file(), f"no redirect page for {old}"
        refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', page.read_text(encoding="utf-8"))
        assert refresh, f"{page} does not forward"
        site = "http://site.test/"
        assert urljoin(site + page_url(old), refresh[1]) == urljoin(site, page_url(new.partition("#")[0]))
