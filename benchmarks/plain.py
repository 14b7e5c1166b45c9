"""A plain-Markdown MkDocs project to compare the site's build with.

Same theme (Material, offline fonts, the same features) and the search
plugin, no hooks, no macros, no other plugins; ``pages`` simple pages
(headings, paragraphs, a list) of ``page_bytes`` of Markdown each. As on
the real site, the navigation lists a handful of pages and the others are
left out of it (``not_in_nav``), so that no page carries a navigation of
thousands of entries.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "transit corridor customs border agreement convention party accession deposit country landlocked "
    "trade facilitation guarantee vehicle cargo seal declaration clearance procedure risk management "
    "single window data exchange port road rail inland terminal programme workshop guideline practice "
    "article annex secretariat ratification signature entry force status source verified"
).split()

NAV_PAGES = 10
"""Pages listed in the navigation (the real mkdocs.yml lists about as many)."""

CONFIG = """\
site_name: Plain benchmark site
docs_dir: docs
site_dir: site
use_directory_urls: true
strict: true
theme:
  name: material
  language: en
  font: false
  features:
    - navigation.tabs
    - navigation.top
    - navigation.footer
    - search.suggest
    - search.highlight
    - toc.follow
    - navigation.indexes
plugins:
  - search:
      lang: en
not_in_nav: |
  /pages/
nav:
"""


def page_text(n: int, size: int) -> str:
    """Markdown of about ``size`` bytes: a title, sections of paragraphs and a list (deterministic)."""
    rng = random.Random(n)
    parts = [f"# Page {n}\n"]
    length = len(parts[0])
    section = 0
    while length < size:
        if section == 0 or rng.random() < 0.25:
            section += 1
            block = f"\n## Section {section}\n"
        elif rng.random() < 0.3:
            block = "\n" + "".join(f"- {' '.join(rng.choices(WORDS, k=8))}\n" for _ in range(4))
        else:
            block = "\n" + " ".join(rng.choices(WORDS, k=60)).capitalize() + ".\n"
        parts.append(block)
        length += len(block)
    return "".join(parts)


def page_path(n: int) -> str:
    return "index.md" if n == 0 else f"pages/p{n:06d}.md"


def make_plain_project(dest: Path, pages: int, page_bytes: int) -> None:
    """Write ``mkdocs.yml`` and ``pages`` Markdown pages into ``dest``."""
    docs = dest / "docs"
    (docs / "pages").mkdir(parents=True, exist_ok=True)
    nav = "".join(f"  - {page_path(n)}\n" for n in range(min(pages, NAV_PAGES)))
    (dest / "mkdocs.yml").write_text(CONFIG + nav, encoding="utf-8")
    for n in range(pages):
        (docs / page_path(n)).write_text(page_text(n, page_bytes), encoding="utf-8")
