"""Check the built site: every internal link and anchor resolves.

MkDocs validates Markdown links, but not links inside raw HTML, which is
how record pages are written; this walks ``site/**/*.html`` instead.
External links are only checked for their scheme here (http/https/mailto);
whether they still answer is a scheduled job, not a gate.
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

SAFE_SCHEMES = {"http", "https", "mailto"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value and (name == "id" or tag == "a"):
                self.ids.add(value)
            if value is not None and (
                (name == "href" and tag in ("a", "link", "area")) or (name == "src" and tag in ("img", "script"))
            ):
                self.links.append((self.getpos()[0], value))


def _parse(file: Path) -> _Page:
    page = _Page()
    page.feed(file.read_text(encoding="utf-8", errors="replace"))
    return page


def _target(site: Path, page: Path, path: str) -> Path | None:
    """The file an internal URL path points to, following directory URLs."""
    base = page.parent if path and not path.startswith("/") else site
    candidate = (base / unquote(path.lstrip("/"))).resolve() if path else page
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_site(site: Path) -> list[str]:
    """Every broken internal link or anchor, as ``file:line: message``."""
    site = site.resolve()
    pages = {f: _parse(f) for f in sorted(site.rglob("*.html"))}
    problems = []
    for file, page in pages.items():
        shown = file.relative_to(site)
        for line, href in page.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                if parts.scheme.lower() not in SAFE_SCHEMES:
                    problems.append(f"{shown}:{line}: link with unsafe scheme {parts.scheme!r}: {href}")
                continue
            target = _target(site, file, parts.path)
            if target is None:
                problems.append(f"{shown}:{line}: broken link {href!r}: no such file in the site")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{shown}:{line}: broken anchor {href!r}: no id {parts.fragment!r} there")
    return problems


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    site = Path(args[0] if args else "site")
    if not site.is_dir():
        print(f"{site}: no built site here; build it first (mkdocs build)", file=sys.stderr)
        return 2
    problems = check_site(site)
    for p in problems:
        print(p)
    count = len(list(site.rglob("*.html")))
    print(f"{len(problems)} broken link(s) in {count} pages", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
