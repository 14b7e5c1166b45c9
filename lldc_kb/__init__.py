"""LLDC Transit Knowledge Base: load, check, index and render the catalog.

This package knows the data and nothing of MkDocs: ``catalog`` loads and
indexes records, ``rules`` and ``schema`` check them, ``render`` turns them
into Markdown/HTML, ``exports`` into CSV, and ``site`` lists the pages the
site build adds. The MkDocs hook and the macros are thin adapters over it.
"""
