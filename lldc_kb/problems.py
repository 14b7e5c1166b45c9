"""A problem found in a record: where it is, which field, what to do about it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, printed as ``path:line:col: field: message``.

    ``line`` and ``col`` are 1-based; 0 means "the whole file".
    ``field`` is a dotted path into the record (``entries.npl.date``) or ``-``
    when the problem concerns the file itself.
    """

    path: str
    line: int
    col: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.field}: {self.message}"


class CatalogError(Exception):
    """Raised by consumers (the build) when the catalog has problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(str(p) for p in problems)
        super().__init__(f"the catalog has {len(problems)} problem(s):\n{lines}")
