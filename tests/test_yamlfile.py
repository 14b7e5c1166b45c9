"""Broken or hostile YAML becomes a positioned problem, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from lldc_kb.yamlfile import MAX_BYTES, parse_text, read_yaml


def problem(text: str):
    doc, problems = parse_text(text, "r.yaml")
    assert len(problems) == 1 and doc.data is None
    return problems[0]


def test_positions_are_recorded_for_values_and_keys() -> None:
    doc, problems = parse_text("id: a\nentries:\n  npl:\n    status: party\n", "r.yaml")
    assert problems == []
    assert doc.where(("entries", "npl", "status")) == (4, 13)
    assert doc.where_key(("entries", "npl")) == (3, 3)
    assert doc.where(("entries", "npl", "missing")) == (4, 5)  # nearest parent


def test_dates_stay_text() -> None:
    doc, _ = parse_text("date: 2016-11-24\n", "r.yaml")
    assert doc.data == {"date": "2016-11-24"}


@pytest.mark.parametrize("text, line, fragment", [
    ("a: !!python/object/apply:os.system ['id']\n", 1, "YAML tag '!!python/object/apply:os.system' is not allowed"),
    ("a: 1\nb: !custom x\n", 2, "YAML tag '!custom' is not allowed"),
    ("a: &x [1, 2]\nb: *x\n", 2, "anchors and aliases"),
    ("a: 1\nb: 2\na: 3\n", 3, "the key 'a' appears twice"),
    ("a:\n\t- b\n", 2, "tabs for indentation"),
    ("a: [1, 2\n", 2, "YAML syntax error"),
    ("", 1, "the file is empty"),
    ("<<: {a: 1}\n", 1, "'<<' merges"),
])
def test_bad_yaml_is_refused_with_a_line(text: str, line: int, fragment: str) -> None:
    p = problem(text)
    assert p.line == line and fragment in p.message


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 12)]
    p = problem("\n".join(lines) + "\n")
    assert "anchors and aliases" in p.message


def test_deep_nesting_is_refused() -> None:
    p = problem("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "nested too deeply" in p.message or "YAML" in p.message


def test_byte_order_mark_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "r.yaml"
    f.write_bytes(b"\xef\xbb\xbfid: a\n")
    _, problems = read_yaml(f)
    assert problems[0].line == 1 and "byte-order mark" in problems[0].message


def test_non_utf8_is_refused_with_its_position(tmp_path: Path) -> None:
    f = tmp_path / "r.yaml"
    f.write_bytes(b"id: a\nname: Caf\xe9\n")
    _, problems = read_yaml(f)
    assert (problems[0].line, problems[0].col) == (2, 10) and "not UTF-8" in problems[0].message


def test_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    f = tmp_path / "r.yaml"
    f.write_text("a: " + "x" * MAX_BYTES + "\n")
    _, problems = read_yaml(f)
    assert "at most" in problems[0].message
