"""The ledger of published URLs: a page the site once published keeps answering.

``published-urls.txt`` (repository root) lists, sorted, one a line, every URL
the site publishes, relative to the site root: directory URLs such as
``countries/npl/``, ``./`` for the home page, and files such as
``data/status.csv``. Trainers and reports link to these addresses, so a URL
may leave the site only through a redirect: ``redirects.yaml`` maps an old
page (``countries/old.md``) to its new page (``countries/new.md``), and the
MkDocs hook hands that map to the mkdocs-redirects plugin.

``python -m lldc_kb.ledger --check`` fails when a URL of the ledger is
neither published nor redirected, and when the site publishes a URL the
ledger does not list yet; ``--update`` records the new URLs (it never drops
one: removing a line from the ledger is a deliberate, reviewed edit).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalog import DEFAULT_CATALOG, Catalog
from .problems import CatalogError, Problem
from .site import checked_catalog, generated_files
from .yamlfile import read_yaml

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "published-urls.txt"
REDIRECTS = ROOT / "redirects.yaml"
DOCS = ROOT / "docs"

UPDATE_HINT = "run python -m lldc_kb.ledger --update to record new pages"
VANISHED_HINT = "add a redirect in redirects.yaml or restore the page"


def page_url(src: str) -> str:
    """The URL MkDocs publishes a docs file at (directory URLs).

    ``countries/npl.md`` -> ``countries/npl/``, ``countries/index.md`` ->
    ``countries/``, ``index.md`` -> ``./``; any other file keeps its path.
    """
    if not src.endswith(".md"):
        return src
    stem = src.removesuffix(".md")
    if stem == "index":
        return "./"
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def published_urls(catalog: Catalog, docs_dir: Path = DOCS) -> set[str]:
    """Every URL of the site: the generated files and the hand-written pages."""
    sources = set(generated_files(catalog))
    sources |= {f.relative_to(docs_dir).as_posix() for f in docs_dir.rglob("*.md")}
    return {page_url(src) for src in sources}


def read_ledger(file: Path = LEDGER) -> dict[str, int]:
    """URL -> line number of each URL in the ledger (blank and ``#`` lines are skipped)."""
    if not file.exists():
        return {}
    listed: dict[str, int] = {}
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        url = line.strip()
        if url and not url.startswith("#"):
            listed.setdefault(url, number)
    return listed


def write_ledger(urls: set[str], file: Path = LEDGER) -> None:
    """Write the ledger: the URLs sorted, one a line."""
    file.write_text("".join(f"{url}\n" for url in sorted(urls)), encoding="utf-8")


def _is_page(path: str) -> bool:
    return path.endswith(".md") and not path.startswith(("/", "../")) and "/../" not in path


def load_redirects(file: Path = REDIRECTS) -> tuple[dict[str, str], list[Problem]]:
    """The redirect map of ``redirects.yaml`` (old page .md -> new page .md), and its problems.

    A missing file, or one holding only comments, means no redirects.
    """
    if not file.exists():
        return {}, []
    shown = file.name if file.parent == ROOT else str(file)
    text = file.read_text(encoding="utf-8", errors="replace")
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return {}, []
    doc, problems = read_yaml(file, shown)
    if problems:
        return {}, problems
    if not isinstance(doc.data, dict):
        return {}, [Problem(shown, 1, 1, "-", "redirects.yaml is a mapping: old/page.md: new/page.md")]
    maps: dict[str, str] = {}
    for old, new in doc.data.items():
        line, col = doc.where_key((old,))
        if not _is_page(old):
            problems.append(Problem(
                shown, line, col, old, "the old page is a docs path ending in .md (countries/old.md)",
            ))
            continue
        external = isinstance(new, str) and new.startswith(("https://", "http://"))
        if not isinstance(new, str) or not (external or _is_page(new.partition("#")[0])):
            line, col = doc.where((old,))
            problems.append(Problem(
                shown, line, col, old,
                "the new page is a docs path ending in .md (countries/new.md, optionally #anchor) "
                "or a full https:// address",
            ))
            continue
        maps[old] = new
    return maps, problems


def check(
    listed: dict[str, int], published: set[str], redirects: dict[str, str], ledger_name: str = LEDGER.name,
) -> list[Problem]:
    """Compare the ledger with what the site publishes now and with the redirects.

    ``listed`` maps each URL of the ledger to its line (see ``read_ledger``).
    """
    redirected = {page_url(old) for old in redirects}
    problems = [
        Problem(ledger_name, line, 1, url, f"this URL was published and the site no longer has it: {VANISHED_HINT}")
        for url, line in listed.items()
        if url not in published and url not in redirected
    ]
    problems += [
        Problem(ledger_name, 0, 0, url, f"the site publishes this URL but the ledger does not list it: {UPDATE_HINT}")
        for url in sorted(published - set(listed))
    ]
    for old, new in redirects.items():
        if page_url(old) in published:
            problems.append(Problem(
                REDIRECTS.name, 0, 0, old,
                "this page still exists, and the redirect would overwrite it: remove the redirect or the page",
            ))
        target = new.partition("#")[0]
        if not target.startswith(("https://", "http://")) and page_url(target) not in published:
            problems.append(Problem(
                REDIRECTS.name, 0, 0, old, f"the redirect points to {new}, which the site does not publish",
            ))
    return problems


def updated(listed: dict[str, int], published: set[str], redirects: dict[str, str]) -> set[str]:
    """The ledger after ``--update``: every URL it had, the pages published now, the redirected addresses.

    No URL is ever dropped: a vanished page keeps failing the check until it
    is redirected or restored (or its line is removed by hand, on purpose).
    """
    return set(listed) | published | {page_url(old) for old in redirects}


def main(argv: list[str] | None = None) -> int:
    """``python -m lldc_kb.ledger [--check | --update]``."""
    parser = argparse.ArgumentParser(
        prog="python -m lldc_kb.ledger",
        description="Check (default) or update published-urls.txt, the ledger of every URL the site publishes.",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="fail if a URL vanished or a new one is not listed")
    mode.add_argument("--update", action="store_true", help="add the URLs the site publishes now to the ledger")
    parser.add_argument("--catalog", default=str(DEFAULT_CATALOG), help="catalog folder (default: catalog/)")
    args = parser.parse_args(argv)
    try:
        catalog = checked_catalog(Path(args.catalog))
    except CatalogError as exc:
        print(exc, file=sys.stderr)
        print("the catalog has problems: fix them first (scripts/validate)", file=sys.stderr)
        return 1
    redirects, problems = load_redirects()
    published = published_urls(catalog)
    listed = read_ledger()
    if args.update and not problems:
        added = published - set(listed)
        kept = updated(listed, published, redirects)
        write_ledger(kept)
        print(f"{LEDGER.name}: {len(added)} URL(s) added, {len(kept)} listed", file=sys.stderr)
        listed = read_ledger()
    problems += check(listed, published, redirects)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) with the published URLs.", file=sys.stderr)
        return 1
    print(f"ok: all {len(listed)} published URLs answer", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
