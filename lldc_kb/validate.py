"""``scripts/validate [CATALOG_DIR]``: check every record, print every problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalog import DEFAULT_CATALOG, load_catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/validate",
        description="Check the catalog records: schema first, then the rules. "
        "Prints one problem per line as path:line:col: field: message.",
    )
    parser.add_argument("catalog", nargs="?", default=str(DEFAULT_CATALOG), help="catalog folder (default: catalog/)")
    args = parser.parse_args(argv)
    catalog, problems = load_catalog(Path(args.catalog))
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) found; fix them and run scripts/validate again.", file=sys.stderr)
        return 1
    count = sum(len(v) for v in catalog.records.values())
    print(f"ok: {count} records valid", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
