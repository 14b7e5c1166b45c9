"""MkDocs hook: check the catalog, then add one generated page per record.

A thin adapter over ``lldc_kb.site``. If any record has a problem the
build stops with every problem listed; it never builds half a catalog.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402

from lldc_kb.problems import CatalogError  # noqa: E402
from lldc_kb.site import checked_catalog, generated_files, listed_pages  # noqa: E402


def _catalog():
    try:
        return checked_catalog(ROOT / "catalog")
    except CatalogError as exc:
        raise PluginError(str(exc)) from None


def _redirect_maps(config) -> None:
    """Give the redirects plugin its map from redirects.yaml (old page .md -> new page .md)."""
    from lldc_kb.ledger import load_redirects

    plugin = config.plugins.get("redirects")
    if plugin is None:
        return
    maps, problems = load_redirects()
    if problems:
        raise PluginError("redirects.yaml has problems:\n" + "\n".join(str(p) for p in problems))
    plugin.config["redirect_maps"] = maps


@event_priority(100)  # before the tags plugin reads its configuration
def on_config(config):
    catalog = _catalog()  # fail early, before any page is read
    _redirect_maps(config)
    tags = config.plugins.get("material/tags")
    if tags is not None:
        # the allowed tags are the theme labels of the vocabulary: one place for them
        from material.plugins.tags.structure.tag import Tag

        tags.config.tags_allowed = {Tag(t["label"]) for t in catalog.vocabulary("themes")}
    return config


def on_files(files: Files, config) -> Files:
    listed = set(listed_pages())
    for path, content in generated_files(_catalog()).items():
        inclusion = InclusionLevel.INCLUDED if path in listed or not path.endswith(".md") else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, path, content=content, inclusion=inclusion))
    return files
