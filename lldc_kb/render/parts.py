"""Building blocks of generated pages: front matter, headings, fact tables,
the sources section and the "cite this" block.

Pages are Markdown for structure (headings, so MkDocs builds the table of
contents and anchors) and escaped HTML blocks for everything that comes
from a record. Front matter turns macros off: record text is never
evaluated as a template.
"""

from __future__ import annotations

from typing import Any

from . import urls
from .common import show_date, source_html
from .html import block, esc, link, rel


def front(
    title: str, description: str, boost: float = 1, wide: bool = False, tags: list[str] | None = None,
    feed: str | None = None, toc: bool = True, search: bool = True,
) -> str:
    """Front matter: title, description, macros off, and a search boost
    (Material's ``search.boost``) so that a record's own page ranks above
    the many pages that merely mention it. ``feed`` (a path from the site
    root) makes the theme announce the page's Atom feed in its head."""
    return (
        "---\n"
        f"title: {yaml_str(title)}\n"
        f"description: {yaml_str(description)}\n"
        "render_macros: false\n"
        + (f"search:\n  boost: {boost}\n" if boost != 1 and search else "")
        + ("search:\n  exclude: true\n" if not search else "")
        + ("hide:\n" if wide or not toc else "")
        + ("  - navigation\n" if wide else "")
        + ("  - toc\n" if not toc else "")
        + ("tags:\n" + "".join(f"  - {yaml_str(t)}\n" for t in tags) if tags else "")
        + (f"feed: {yaml_str(feed)}\n" if feed else "")
        + "---\n\n"
    )


def yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def heading(level: int, text: str, anchor: str) -> str:
    # Markdown heading with an explicit id (attr_list); text is escaped so
    # that Markdown syntax in a name cannot become markup.
    return f"\n{'#' * level} {md_text(text)} {{#{anchor}}}\n"


def md_text(text: str) -> str:
    """Escape text for a Markdown heading: HTML-escape and neutralize markup."""
    # backslash escapes render as the plain character (also in the TOC and
    # the search index); <, > and & become entities
    out = "".join(f"\\{ch}" if ch in "\\`*_{}[]()#+-.!" else ch for ch in text)
    return esc(out)


def facts(rows: list[tuple[str, str]], cls: str = "lldc-facts") -> str:
    """A two-column table of label -> HTML value (values already escaped)."""
    body = "\n".join(
        f'<tr><th scope="row">{esc(label)}</th><td>{value}</td></tr>' for label, value in rows if value
    )
    return f'<table class="{cls}">\n<tbody>\n{body}\n</tbody>\n</table>'


def sources_section(here: str, record: dict[str, Any], what: str, title: str | None = None) -> str:
    """The closing section of a record page: its sources and how to report an error."""
    items = "\n".join(f"<li>{source_html(s)}</li>" for s in record["sources"])
    report = link(rel(here, urls.METHOD_URL + "#report-an-error"), "Report it")
    return heading(2, "Sources of this page", "sources") + block(
        f"<ul>\n{items}\n</ul>\n"
        f"<p>{what} facts verified on {esc(show_date(record['verified_on']))}. Found an error? {report}.</p>"
    ) + cite_block(here, title or record.get("title") or record.get("name", ""), record["verified_on"])


SITE_NAME = "LLDC Transit Knowledge Base"


def cite_block(here: str, title: str, verified_on: str) -> str:
    """How to cite this page: title, stable address, as-of date and a citation.

    The address is the page's stable path; ``cite.js`` writes the full
    address (whatever host serves the site) and the reader's access date.
    """
    as_of = show_date(verified_on)
    citation = (
        f'{esc(SITE_NAME)}, “{esc(title)}”, '
        f'<span class="lldc-cite__url" data-cite-url>/{esc(here)}</span>, '
        f"facts verified on {esc(as_of)}"
        '<span data-cite-accessed></span>.'
    )
    return heading(2, "Cite this page", "cite") + block(
        '<div class="lldc-cite">\n'
        + facts([
            ("Title", esc(title)),
            ("Address", f'<code data-cite-url>/{esc(here)}</code>'),
            ("As of", esc(as_of)),
            ("Suggested citation", f'<cite class="lldc-cite__text">{citation}</cite>'),
        ])
        + '\n<p><button type="button" class="md-button lldc-cite__copy" data-cite-copy hidden>'
        "Copy the citation</button></p>\n</div>"
    )


def feed_link(here: str, feed: str, what: str) -> str:
    """A visible link to a page's Atom feed (the head link is for feed readers)."""
    return block(
        f'<p class="lldc-feed"><a href="{esc(rel(here, feed))}" type="application/atom+xml">'
        f'<span aria-hidden="true">⟳</span> Follow {esc(what)}: Atom feed</a></p>'
    )
