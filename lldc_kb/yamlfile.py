"""Read one YAML record safely, keeping the line and column of every value.

Records are plain data: mappings, lists, strings, numbers, booleans and null.
Anything else a YAML file can express (tags such as ``!!python/object``,
anchors and aliases, duplicate keys) is refused with a position, so that a
broken or hostile file becomes a list of problems and never a traceback.
Dates stay strings: they are checked (and given a precision) later.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_BYTES = 1_000_000
"""Records are small; a file over this size is refused unread."""

MAX_DEPTH = 50
"""Records nest a few levels; deeper lists or mappings are refused before they are built
(libyaml builds nodes recursively in C, and a few thousand levels crash the interpreter)."""

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {
    _STD + "str": str,
    _STD + "int": int,
    _STD + "float": float,
    _STD + "bool": None,
    _STD + "null": None,
    _STD + "timestamp": str,  # kept as written: dates are validated later
}

Path_ = tuple[str | int, ...]


@dataclass
class YamlDoc:
    """A parsed record: its data and where each value stands in the file."""

    path: str
    data: Any = None
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, at: Path_) -> tuple[int, int]:
        """Line and column of the value at ``at``, or of its nearest parent."""
        at = tuple(at)
        while at:
            if at in self.positions:
                return self.positions[at]
            at = at[:-1]
        return self.positions.get((), (1, 1))

    def where_key(self, at: Path_) -> tuple[int, int]:
        """Line and column of the key naming ``at`` (falls back to ``where``)."""
        return self.key_positions.get(tuple(at)) or self.where(at)


class _Refused(Exception):
    def __init__(self, node: yaml.Node, at: Path_, message: str, at_key: bool = False):
        super().__init__(message)
        self.node = node
        self.at = at
        self.message = message
        self.at_key = at_key  # point at the key naming ``at`` rather than at ``node``


def _tag_refused(node: yaml.Node, at: Path_) -> _Refused:
    shown = node.tag.replace(_STD, "!!")
    return _Refused(
        node, at,
        f"the YAML tag {shown!r} is not allowed; records hold plain text, numbers, "
        "true/false, lists and mappings: remove the tag",
    )


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")


def dotted(at: Path_) -> str:
    """``('entries', 'npl', 'date')`` -> ``entries.npl.date``; lists as ``[i]``.

    A key that is not a plain word (spaces, colons, line breaks ...) is shown
    quoted, ``["a: b"]``, so that a problem always prints as one line.
    """
    out = ""
    for part in at:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.fullmatch(str(part)):
            out += ("." if out else "") + str(part)
        else:
            out += "[" + json.dumps(str(part)) + "]"
    return out or "-"


def _scalar(node: yaml.ScalarNode, at: Path_) -> Any:
    tag = node.tag
    if tag not in _SCALAR_TAGS:
        raise _tag_refused(node, at)
    if tag == _STD + "null":
        return None
    if tag == _STD + "bool":
        return node.value.lower() in ("true", "yes", "on", "y")
    if tag == _STD + "int":
        try:
            return int(node.value.replace("_", ""), 0)
        except ValueError:
            return node.value
    if tag == _STD + "float":
        try:
            return float(node.value.replace("_", ""))
        except ValueError:
            return node.value
    return node.value


def _build(node: yaml.Node, at: Path_, doc: YamlDoc, seen: set[int]) -> Any:
    if id(node) in seen:
        raise _Refused(
            node, at,
            "YAML anchors and aliases (&name / *name) are not allowed in records: "
            "write the value out in full",
            at_key=True,
        )
    seen.add(id(node))
    doc.positions[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, at)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _STD + "seq":
            raise _tag_refused(node, at)
        return [_build(item, at + (i,), doc, seen) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        if node.tag != _STD + "map":
            raise _tag_refused(node, at)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _STD + "merge":
                raise _Refused(
                    key_node, at,
                    "keys must be plain words (no lists, mappings or '<<' merges as keys)",
                )
            if key_node.tag not in _SCALAR_TAGS:
                raise _tag_refused(key_node, at)
            key = str(key_node.value)
            if key in out:
                raise _Refused(
                    key_node, at + (key,),
                    f"the key {key!r} appears twice in the same mapping: keep one",
                )
            doc.key_positions[at + (key,)] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            out[key] = _build(value_node, at + (key,), doc, seen)
        return out
    raise _Refused(node, at, "unsupported YAML node")  # pragma: no cover


def _too_deep(text: str) -> yaml.Mark | None:
    """Where the lists and mappings of ``text`` first nest deeper than ``MAX_DEPTH``.

    Reads parser events, which libyaml produces without recursion, before
    any node is built.
    """
    loader = Loader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    finally:
        loader.dispose()
    return None


def parse_text(text: str, path: str) -> tuple[YamlDoc, list[Problem]]:
    """Parse YAML text into a ``YamlDoc``; problems instead of exceptions."""
    doc = YamlDoc(path=path)
    try:
        deep = _too_deep(text)
        if deep is not None:
            return doc, [Problem(
                path, deep.line + 1, deep.column + 1, "-",
                f"the YAML is nested too deeply to be a record (more than {MAX_DEPTH} levels of lists "
                "and mappings): flatten it",
            )]
        loader = Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem and exc.problem.startswith("but "):
            what = f"{exc.context}, {exc.problem}"  # "expected a single document ..., but found another"
        elif exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            what += f" ({exc.context} at line {exc.context_mark.line + 1})"
        lines = text.splitlines()
        at_tab = mark is not None and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]
        hint = ": YAML does not allow tabs for indentation, use spaces" if at_tab else ""
        return doc, [Problem(path, line, col, "-", f"YAML syntax error: {what}{hint}")]
    except yaml.YAMLError as exc:
        return doc, [Problem(path, 1, 1, "-", f"YAML error: {exc}")]
    except RecursionError:
        return doc, [Problem(path, 1, 1, "-", "the YAML is nested too deeply to be a record")]
    if root is None:
        return doc, [Problem(path, 1, 1, "-", "the file is empty: a record is a YAML mapping")]
    try:
        doc.data = _build(root, (), doc, set())
    except _Refused as exc:
        mark = exc.node.start_mark
        line, col = (mark.line + 1, mark.column + 1)
        if exc.at_key and exc.at in doc.key_positions:
            line, col = doc.key_positions[exc.at]
        return doc, [Problem(path, line, col, dotted(exc.at), exc.message)]
    except RecursionError:
        return doc, [Problem(path, 1, 1, "-", "the YAML is nested too deeply to be a record")]
    return doc, []


def read_yaml(file: Path, display: str | None = None) -> tuple[YamlDoc, list[Problem]]:
    """Read a record file: size, encoding and syntax are checked here."""
    path = display or str(file)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return YamlDoc(path), [Problem(path, 0, 0, "-", f"cannot read the file: {exc.strerror}")]
    if len(raw) > MAX_BYTES:
        return YamlDoc(path), [Problem(
            path, 1, 1, "-",
            f"the file has {len(raw):,} bytes; a record may have at most {MAX_BYTES:,}: "
            "split it or shorten it",
        )]
    if raw.startswith(b"\xef\xbb\xbf"):
        return YamlDoc(path), [Problem(
            path, 1, 1, "-", "the file starts with a byte-order mark: save it as UTF-8 without BOM",
        )]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return YamlDoc(path), [Problem(
            path, line, col, "-",
            f"byte 0x{raw[exc.start]:02x} is not UTF-8: save the file as UTF-8",
        )]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return YamlDoc(path), [Problem(path, line, 1, "-", "the file contains a NUL byte: remove it")]
    return parse_text(text, path)
