"""Small HTML helpers. Every piece of record text passes through ``esc``.

Record text is shown as text: it goes into HTML elements escaped, never
through Markdown or a template, so markup or template syntax in a record
cannot change a page.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from typing import Any

from markupsafe import escape


def esc(value: Any) -> str:
    """HTML-escape any value (quotes included)."""
    return str(escape("" if value is None else str(value)))


def paragraphs(text: str | None, cls: str = "") -> str:
    """Plain text with blank-line paragraph breaks -> escaped ``<p>`` elements."""
    if not text:
        return ""
    attr = f' class="{cls}"' if cls else ""
    parts = [" ".join(p.split()) for p in str(text).split("\n\n")]
    return "\n".join(f"<p{attr}>{esc(p)}</p>" for p in parts if p)


def link(href: str, text: str, cls: str = "", external: bool = False) -> str:
    """An ``<a>``; ``href`` must come from a validated URL or our own paths."""
    attrs = f' class="{cls}"' if cls else ""
    if external:
        attrs += ' rel="noopener"'
    return f'<a href="{esc(href)}"{attrs}>{esc(text)}</a>'


@lru_cache(maxsize=65536)
def rel(from_url: str, to_url: str) -> str:
    """Relative link between two directory URLs of the site (``countries/npl/``).

    ``to_url`` may carry a ``#fragment``; ``""`` is the home page.
    """
    target, _, fragment = to_url.partition("#")
    out = posixpath.relpath("/" + target, "/" + from_url)
    if out == ".":
        out = "./"
    elif target.endswith("/"):
        out += "/"
    return out + (f"#{fragment}" if fragment else "")


def block(html: str) -> str:
    """Wrap HTML so Markdown treats it as one raw block (blank lines around)."""
    return "\n\n" + html.strip() + "\n\n"
