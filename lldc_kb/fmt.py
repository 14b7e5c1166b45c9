"""Canonical layout of record files: key order from the schema, one style.

``scripts/format`` rewrites records in this layout; ``scripts/format --check``
(run by the tests) fails on any record that is not in it, so that a diff in a
pull request shows changed facts, not changed spacing. Keys follow the order
of the ``properties`` of the record's JSON Schema; keys a schema does not
list (participation entries keyed by country) keep the order they have.
Vocabularies are left as written: their compact one-line terms are data
tables, not records that contributors send.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .catalog import DEFAULT_CATALOG, KIND_FOLDERS
from .yamlfile import parse_text

FORMATTED_KINDS = [k for k in KIND_FOLDERS if k != "vocabulary"]
WIDTH = 100


class _Dumper(yaml.SafeDumper):
    """Block style; lists indented under their key; long text folded."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value.strip():
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


@lru_cache(maxsize=4)
def _schemas(schema_dir: str) -> dict[str, dict[str, Any]]:
    return {
        f.name: json.loads(f.read_text(encoding="utf-8")) for f in Path(schema_dir).glob("*.schema.json")
    }


def _resolve(node: dict[str, Any], schemas: dict[str, dict[str, Any]], current: str) -> tuple[dict[str, Any], str]:
    """Follow ``$ref`` (to another file or to its definitions) until a concrete schema."""
    seen = 0
    while "$ref" in node and seen < 10:
        ref = node["$ref"]
        target, _, pointer = ref.partition("#")
        current = target or current
        node = schemas[current]
        for part in [p for p in pointer.split("/") if p]:
            node = node[part]
        seen += 1
    return node, current


def _ordered(value: Any, node: dict[str, Any], schemas: dict[str, dict[str, Any]], current: str) -> Any:
    node, current = _resolve(node, schemas, current)
    if isinstance(value, dict):
        props = node.get("properties", {})
        order = list(props)
        keys = sorted(value, key=lambda k: order.index(k) if k in order else len(order))
        extra = node.get("additionalProperties")
        out = {}
        for k in keys:
            sub = props.get(k) or (extra if isinstance(extra, dict) else {})
            out[k] = _ordered(value[k], sub, schemas, current)
        return out
    if isinstance(value, list):
        items = node.get("items", {})
        return [_ordered(v, items if isinstance(items, dict) else {}, schemas, current) for v in value]
    return value


def header(kind: str) -> str:
    return f"# yaml-language-server: $schema=../schemas/{kind}.schema.json\n"


def canonical(text: str, kind: str, schema_dir: Path) -> str | None:
    """The canonical form of a record's text, or None if it does not parse."""
    doc, problems = parse_text(text, "-")
    if problems or not isinstance(doc.data, dict):
        return None
    schemas = _schemas(str(schema_dir))
    name = f"{kind}.schema.json"
    data = _ordered(doc.data, schemas[name], schemas, name)
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=WIDTH, indent=2)
    return header(kind) + body


def record_files(root: Path) -> list[tuple[str, Path]]:
    return [
        (kind, f)
        for kind in FORMATTED_KINDS
        for f in sorted((root / KIND_FOLDERS[kind]).glob("*.yaml"))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/format",
        description="Rewrite record files in canonical key order and layout "
        "(or, with --check, list those that are not).",
    )
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a record is not canonical")
    parser.add_argument("catalog", nargs="?", default=str(DEFAULT_CATALOG), help="catalog folder (default: catalog/)")
    args = parser.parse_args(argv)
    root = Path(args.catalog)
    changed = []
    for kind, file in record_files(root):
        text = file.read_text(encoding="utf-8", errors="replace")
        want = canonical(text, kind, root / "schemas")
        if want is None:
            print(f"{file}:1:1: -: cannot be formatted until it parses: run scripts/validate", file=sys.stderr)
            changed.append(file)
            continue
        if want != text:
            changed.append(file)
            if args.check:
                print(f"{file}:1:1: -: not in canonical layout: run scripts/format to fix")
            else:
                file.write_text(want, encoding="utf-8")
                print(f"formatted {file}")
    if args.check and changed:
        print(f"{len(changed)} record(s) not canonical; run scripts/format to fix.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
