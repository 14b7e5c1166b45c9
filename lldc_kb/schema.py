"""Check records against the JSON Schemas in ``catalog/schemas/``.

jsonschema does the checking; this module turns its errors into problems
with a position and a message that says how to fix the record.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from .problems import Problem
from .yamlfile import YamlDoc, dotted

_TYPE_NAMES = {
    "object": "a mapping (key: value lines)",
    "array": "a list (lines starting with '- ')",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def _type_of(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return "text"


@lru_cache(maxsize=8)
def _validators(schema_dir: str) -> dict[str, Draft7Validator]:
    folder = Path(schema_dir)
    schemas = {
        f.name: json.loads(f.read_text(encoding="utf-8")) for f in sorted(folder.glob("*.schema.json"))
    }
    registry: Registry = Registry().with_resources(
        (name, Resource.from_contents(body, default_specification=DRAFT7))
        for name, body in schemas.items()
    )
    return {
        name.removesuffix(".schema.json"): Draft7Validator(body, registry=registry)
        for name, body in schemas.items()
    }


def kinds_with_schema(schema_dir: Path) -> list[str]:
    """The record kinds that have a schema (``country``, ``instrument`` ...)."""
    return sorted(k for k in _validators(str(schema_dir)) if k != "common")


def _message(err: ValidationError) -> tuple[tuple, str, bool]:
    """Return (path, message, point_at_key) for one jsonschema error."""
    at = tuple(err.absolute_path)
    schema = err.schema if isinstance(err.schema, dict) else {}
    described = schema.get("description", "")
    kw = err.validator
    if kw == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return at + (missing,), f"required field {missing!r} is missing: add it", False
    if kw == "additionalProperties":
        extra = sorted(set(err.instance) - set(schema.get("properties", {})))
        allowed = ", ".join(sorted(schema.get("properties", {}))) or "none"
        key = extra[0] if extra else "?"
        return at + (key,), (
            f"unknown field {key!r}: check its spelling or remove it (allowed here: {allowed})"
        ), True
    if kw == "type":
        want = err.validator_value
        want_text = " or ".join(_TYPE_NAMES.get(w, w) for w in (want if isinstance(want, list) else [want]))
        hint = ""
        if want == "string" and isinstance(err.instance, (int, float)) and not isinstance(err.instance, bool):
            hint = f': put it in quotes ("{err.instance}")'
        return at, f"expected {want_text}, got {_type_of(err.instance)}{hint}", False
    if kw == "pattern":
        what = described or f"must match {err.validator_value}"
        return at, f"{err.instance!r} is not valid here: {what}", False
    if kw == "enum":
        allowed = ", ".join(str(v) for v in err.validator_value)
        return at, f"{err.instance!r} is not allowed: use one of {allowed}", False
    if kw == "propertyNames":
        bad = err.instance
        return at + (str(bad),), (
            f"{bad!r} is not a valid key here: use a country id, the ISO 3166 alpha-3 code in lower case (npl)"
        ), True
    if kw == "minLength":
        return at, "is empty: write a value or remove the field", False
    if kw == "maxLength":
        return at, f"is too long ({len(err.instance)} characters; at most {err.validator_value})", False
    if kw == "minItems":
        return at, f"needs at least {err.validator_value} item(s)", False
    if kw == "uniqueItems":
        return at, "lists the same value twice: keep one", False
    if kw == "anyOf" and isinstance(err.instance, dict):
        options = [sorted(o.get("required", [])) for o in err.validator_value]
        if all(options):
            wanted = " or ".join(repr(o[0]) if len(o) == 1 else str(o) for o in options)
            hint = f": {described}" if described else ""
            return at, f"needs {wanted}{hint}", False
    if kw == "minimum":
        return at, f"must be at least {err.validator_value}", False
    return at, err.message, False


def check_schema(doc: YamlDoc, kind: str, schema_dir: Path) -> list[Problem]:
    """Validate ``doc`` against the schema of ``kind``; every error, positioned."""
    validator = _validators(str(schema_dir)).get(kind)
    if validator is None:
        return [Problem(doc.path, 1, 1, "-", f"no schema for records of kind {kind!r}")]
    problems = []
    for err in validator.iter_errors(doc.data):
        # a "required" or "additionalProperties" error is reported at the key
        at, message, at_key = _message(err)
        if err.validator == "required":
            line, col = doc.where(at[:-1])
        elif at_key:
            line, col = doc.where_key(at)
        else:
            line, col = doc.where(at)
        problems.append(Problem(doc.path, line, col, dotted(at), message))
    return sorted(set(problems))
