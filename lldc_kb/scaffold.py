"""``scripts/new <kind> <id>``: start a new record from its commented template.

The templates in ``catalog/templates/`` list every key of a record kind:
required keys are written out with an empty value, optional keys are
commented out (``# key:``). ``scripts/new`` copies the template of a kind to
``catalog/<folder>/<id>.yaml`` with the id filled in. The new file does not
pass ``scripts/validate`` until its empty values are filled in; that is on
purpose, so a half-written record can never reach the site.

``template_problems`` compares a template with its JSON Schema; the tests
run it for every kind, so a template cannot drift from the schema.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from .catalog import DEFAULT_CATALOG, KIND_FOLDERS
from .catalog import shown_path as _shown

SCAFFOLD_KINDS = ["country", "instrument", "organization", "practice", "guideline", "programme", "event"]
"""Kinds of record a contributor starts as a new file (one template each)."""

SNIPPETS = {"participation-entry": "participation/entry"}
"""Templates that are pasted into an existing file: name -> schema file / definition."""

_COMMENTED_KEY = re.compile(r"^(?P<indent>\s*)# (?P<yaml>\s*(?:- )?[a-z_][a-z0-9_]*:|\s*-)\s*$")
"""A commented-out optional line of a template: ``# key:``, ``#   - title:``, ``#   -``.

Like the required keys, optional keys carry no value in a template, so an
explanation (which always goes on after its colon) is never taken for a key.
"""

EXIT_USAGE = 2


def template_path(root: Path, name: str) -> Path:
    """The template file of a kind (or of the participation-entry snippet)."""
    return root / "templates" / f"{name}.yaml"


def uncommented(text: str) -> str:
    """The template text with every optional key switched on (``# key:`` -> ``key:``)."""
    out = []
    for line in text.splitlines():
        m = _COMMENTED_KEY.match(line)
        out.append(m.group("indent") + m.group("yaml") if m else line)
    return "\n".join(out) + "\n"


# --- schemas -----------------------------------------------------------------


def _schemas(schema_dir: Path) -> dict[str, dict[str, Any]]:
    return {f.name: json.loads(f.read_text(encoding="utf-8")) for f in sorted(schema_dir.glob("*.schema.json"))}


def _resolve(node: dict[str, Any], schemas: dict[str, dict[str, Any]], current: str) -> tuple[dict[str, Any], str]:
    """Follow ``$ref`` (``common.schema.json#/definitions/id`` or ``#/definitions/entry``)."""
    for _ in range(10):
        ref = node.get("$ref")
        if not ref:
            break
        target, _, pointer = ref.partition("#")
        current = target or current
        found: Any = schemas[current]
        for part in (p for p in pointer.split("/") if p):
            found = found[part]
        node = found
    return node, current


def _schema_of(name: str, schemas: dict[str, dict[str, Any]]) -> tuple[dict[str, Any], str]:
    """The schema node of a kind, or of a snippet such as ``participation/entry``."""
    if name in SNIPPETS:
        file, _, definition = SNIPPETS[name].partition("/")
        return _resolve({"$ref": f"{file}.schema.json#/definitions/{definition}"}, schemas, f"{file}.schema.json")
    return schemas[f"{name}.schema.json"], f"{name}.schema.json"


def id_rule(kind: str, schema_dir: Path) -> tuple[str, int | None, str]:
    """The pattern, maximum length and description of the ``id`` of a kind, from its schema."""
    schemas = _schemas(schema_dir)
    root, current = _schema_of(kind, schemas)
    node = root["properties"]["id"]
    described = node.get("description", "")
    node, _ = _resolve(node, schemas, current)
    return node["pattern"], node.get("maxLength"), described or node.get("description", "")


def _compare(
    value: Any,
    node: dict[str, Any],
    schemas: dict[str, dict[str, Any]],
    current: str,
    at: str,
    out: list[str],
    complete: bool,
) -> None:
    node, current = _resolve(node, schemas, current)
    if isinstance(value, dict):
        props = node.get("properties")
        extra = node.get("additionalProperties")
        if props is None and isinstance(extra, dict):  # participation entries keyed by country
            for key, sub in value.items():
                _compare(sub, extra, schemas, current, f"{at}.{key}" if at else str(key), out, complete)
            return
        props = props or {}
        for key in node.get("required", []):
            if key not in value:
                out.append(f"{at or '(top)'}: the required key {key!r} is missing")
        if complete:
            for key in props:
                if key not in value:
                    out.append(f"{at or '(top)'}: the key {key!r} is not listed (not even commented out)")
        for key, sub in value.items():
            where = f"{at}.{key}" if at else str(key)
            if key not in props:
                out.append(f"{where}: not a key of the schema")
            else:
                _compare(sub, props[key], schemas, current, where, out, complete)
    elif isinstance(value, list):
        items = node.get("items", {})
        for i, sub in enumerate(value):
            _compare(sub, items if isinstance(items, dict) else {}, schemas, current, f"{at}[{i}]", out, complete)
    elif value is not None:
        out.append(f"{at}: a template leaves values empty (examples go in the comments), not {value!r}")


def template_problems(name: str, root: Path = DEFAULT_CATALOG) -> list[str]:
    """Where a template disagrees with its schema; empty when it lists the schema's keys.

    Checked twice: as written (required keys must not be commented out) and
    with every optional key switched on (then every key of the schema is
    there, and every key there is one the schema knows, at every level).
    """
    schemas = _schemas(root / "schemas")
    node, current = _schema_of(name, schemas)
    text = template_path(root, name).read_text(encoding="utf-8")
    out: list[str] = []
    for label, variant, complete in (("as written", text, False), ("with optional keys", uncommented(text), True)):
        try:
            data = yaml.safe_load(variant)
        except yaml.YAMLError as exc:
            return [f"{label}: not valid YAML: {exc}"]
        if not isinstance(data, dict):
            return [f"{label}: a template is a YAML mapping"]
        if name in SNIPPETS:  # a snippet is one entry keyed by a placeholder country id
            data = next(iter(data.values()))
        found: list[str] = []
        _compare(data, node, schemas, current, "", found, complete)
        out += [f"{label}: {p}" for p in found]
    return out


# --- scaffolding -----------------------------------------------------------------


def fill(text: str, kind: str, record_id: str) -> str:
    """The template text with the id (and, for a country, the ISO code) filled in."""
    text = re.sub(r"(?m)^id:[^\n]*$", f"id: {record_id}", text, count=1)
    if kind == "country":
        text = re.sub(r"(?m)^iso3:[^\n]*$", f"iso3: {record_id.upper()}", text, count=1)
    return text


def _refuse(message: str) -> int:
    print(f"scripts/new: {message}", file=sys.stderr)
    return EXIT_USAGE


def check_id(kind: str, record_id: str, schema_dir: Path) -> str | None:
    """Why ``record_id`` cannot be the id of a new record of ``kind``, or None if it can."""
    pattern, max_length, described = id_rule(kind, schema_dir)
    if not re.fullmatch(pattern, record_id):
        return f"{record_id!r} is not a valid {kind} id: {described}"
    if max_length is not None and len(record_id) > max_length:
        return f"{record_id!r} is too long for an id ({len(record_id)} characters; at most {max_length})"
    if kind == "country":
        import pycountry

        if pycountry.countries.get(alpha_3=record_id.upper()) is None:
            return f"{record_id!r} is not an ISO 3166-1 alpha-3 code: a country id is that code in lower case"
    return None


def next_steps(kind: str, record_id: str, shown: str) -> str:
    """What the contributor does after the file is created."""
    steps = [
        "Next:",
        f"  1. Open {shown} and fill in every empty value.",
        "     The comments say what each key takes and where its allowed values are listed.",
        "  2. To use an optional key, delete the '# ' in front of it (and of the lines under it).",
        "     Leave out anything no source gives: facts are sourced, never invented.",
        "  3. Run scripts/validate. Until every required value is filled in, it lists the empty",
        "     ones ('expected ..., got nothing'): that is expected for a new file.",
        "  4. When it prints 'ok', run scripts/format (canonical layout; it also removes the",
        "     template's comments), then scripts/test.",
    ]
    if kind == "instrument":
        steps += [
            "",
            f"An instrument also needs catalog/participation/{record_id}.yaml with one entry per LLDC",
            "(see catalog/templates/participation-entry.yaml: status unknown, with notes, where not established).",
        ]
    return "\n".join(steps)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/new",
        description="Start a new record from its template: catalog/templates/<kind>.yaml is copied to "
        "catalog/<folder>/<id>.yaml with the id filled in.",
    )
    parser.add_argument("kind", help=f"one of: {', '.join(SCAFFOLD_KINDS)}")
    parser.add_argument("id", help="the new record's id, which is also its file name (e.g. nepal-dry-ports)")
    parser.add_argument("--catalog", default=str(DEFAULT_CATALOG), help="catalog folder (default: catalog/)")
    args = parser.parse_args(argv)
    root = Path(args.catalog)
    kind, record_id = args.kind, args.id
    if kind in SNIPPETS or kind == "participation":
        return _refuse(
            "participation entries are not new files: each instrument's file catalog/participation/<instrument>.yaml "
            "already has one entry per LLDC. Edit the country's entry there; "
            f"{_shown(template_path(root, 'participation-entry'))} shows every key."
        )
    if kind not in SCAFFOLD_KINDS:
        return _refuse(f"unknown kind {kind!r}: use one of {', '.join(SCAFFOLD_KINDS)}")
    template = template_path(root, kind)
    if not template.is_file():
        return _refuse(f"no template for {kind!r}: {_shown(template)} is missing")
    why = check_id(kind, record_id, root / "schemas")
    if why:
        return _refuse(why)
    target = root / KIND_FOLDERS[kind] / f"{record_id}.yaml"
    if target.exists():
        return _refuse(
            f"{_shown(target)} already exists: edit that record, or choose another id for a different {kind}"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(fill(template.read_text(encoding="utf-8"), kind, record_id), encoding="utf-8")
    shown = _shown(target)
    print(f"created {shown} from {_shown(template)}")
    print()
    print(next_steps(kind, record_id, shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
