"""Benchmarks of the catalog and the site on synthetic catalogs (``scripts/benchmark``).

Not part of the core: nothing in ``lldc_kb/`` imports this package.
"""
