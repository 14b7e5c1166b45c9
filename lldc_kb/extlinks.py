"""``scripts/check-external-links``: do the web addresses the records cite still answer?

Collects every ``url`` value in the catalog records, asks each address once
(HEAD, then GET when HEAD fails: many servers refuse HEAD), and writes a
Markdown report: the status of every address and the records that use it.

This needs the network and the answers change from day to day, so it is a
scheduled job (``.github/workflows/external-links.yml``), never part of the
offline test command, and it exits 0 unless ``--strict`` is given. A dead
link is not a wrong fact: the source stays cited, with its ``as_of`` date;
the report tells a maintainer where to look for an archived or moved copy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import socket
import ssl
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalog import DEFAULT_CATALOG, KIND_FOLDERS, shown_path
from .yamlfile import dotted, read_yaml

USER_AGENT = (
    "Mozilla/5.0 (compatible; LLDC-Transit-KB-link-check/1.0; "
    "weekly check of the sources cited by the LLDC Transit Knowledge Base)"
)
TIMEOUT = 15.0
JOBS = 6
BLOCKED = {401, 403, 429}
"""Answers that usually mean "not for robots" rather than "gone": check by hand."""


@dataclass(frozen=True, order=True)
class Use:
    """One place a URL is cited: file, line and field."""

    path: str
    line: int
    field: str


@dataclass(frozen=True)
class Result:
    """What one address answered."""

    url: str
    status: int | None
    """The HTTP status of the last answer, or None when there was no answer."""
    detail: str
    final_url: str | None = None
    """Where redirects led, when that differs from ``url``."""

    @property
    def verdict(self) -> str:
        """``ok``, ``blocked`` (check by hand), ``broken`` (HTTP error) or ``error`` (no answer)."""
        if self.status is None:
            return "error"
        if 200 <= self.status < 400:
            return "ok"
        return "blocked" if self.status in BLOCKED else "broken"


# --- collecting -----------------------------------------------------------------


def _urls_in(value: Any, at: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, dict):
        for key, sub in value.items():
            if key == "url" and isinstance(sub, str):
                yield at + (key,), sub
            else:
                yield from _urls_in(sub, at + (key,))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _urls_in(sub, at + (i,))


def collect(root: Path | str = DEFAULT_CATALOG) -> dict[str, list[Use]]:
    """Every external address under a ``url`` key in the records -> where it is used.

    Addresses are in order of first use (by kind, then file); files that do
    not parse are skipped (``scripts/validate`` reports them).
    """
    root = Path(root)
    found: dict[str, list[Use]] = {}
    for folder in KIND_FOLDERS.values():
        for file in sorted((root / folder).glob("*.yaml")):
            doc, problems = read_yaml(file, shown_path(file))
            if problems:
                continue
            for at, url in _urls_in(doc.data):
                if not url.startswith(("http://", "https://")):
                    continue
                line, _ = doc.where(at)
                found.setdefault(url, []).append(Use(doc.path, line, dotted(at)))
    return found


# --- checking ---------------------------------------------------------------------


def _ask(url: str, method: str, timeout: float) -> tuple[int, str]:
    request = urllib.request.Request(
        url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*", "Accept-Language": "en"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        if method == "GET":
            response.read(2048)
        return response.status, response.geturl()


def _why(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.URLError):
        reason = exc.reason
        if isinstance(reason, ssl.SSLCertVerificationError):
            return f"TLS certificate problem: {reason.verify_message}"
        if isinstance(reason, socket.gaierror):
            return "host name not found (DNS)"
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return "no answer in time"
        return f"cannot connect: {reason}"
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return "no answer in time"
    return f"{type(exc).__name__}: {exc}"


def check_url(url: str, timeout: float = TIMEOUT) -> Result:
    """Ask one address: HEAD first, then GET if HEAD gives anything but success (or an unknown host)."""
    first: Result | None = None
    for method in ("HEAD", "GET"):
        try:
            status, final = _ask(url, method, timeout)
        except urllib.error.HTTPError as exc:
            result = Result(url, exc.code, f"HTTP {exc.code} {exc.reason} ({method})")
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
            result = Result(url, None, _why(exc))
            if isinstance(getattr(exc, "reason", None), socket.gaierror):
                return result  # the host does not exist: GET cannot do better
        else:
            moved = final if final and final != url else None
            detail = f"HTTP {status} ({method})" + (", redirected" if moved else "")
            return Result(url, status, detail, moved)
        first = first or result
    # report the GET answer, which is what a reader's browser gets, unless GET gave no answer at all
    return result if result.status is not None or first is None else first


def check_all(
    urls: list[str], check: Callable[[str], Result] = check_url, jobs: int = JOBS
) -> dict[str, Result]:
    """Check every address, a few at a time; results in the order of ``urls``."""
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return dict(zip(urls, pool.map(check, urls), strict=True))


# --- the report ---------------------------------------------------------------------

_ICONS = {"ok": "✓ ok", "blocked": "? blocked", "broken": "✗ broken", "error": "✗ no answer"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _uses(uses: list[Use], limit: int = 4) -> str:
    by_file: dict[str, list[Use]] = {}
    for use in sorted(uses):
        by_file.setdefault(use.path, []).append(use)
    parts = []
    for path, here in by_file.items():
        lines = ", ".join(str(u.line) for u in here[:limit])
        more = f" (+{len(here) - limit} more)" if len(here) > limit else ""
        parts.append(f"`{path}`:{lines}{more}")
    return "<br>".join(parts)


def _table(rows: list[tuple[Result, list[Use]]]) -> list[str]:
    out = ["| Status | Address | Answer | Used in (file:line) |", "|---|---|---|---|"]
    for result, uses in rows:
        answer = result.detail + (f" to <{result.final_url}>" if result.final_url else "")
        out.append(
            f"| {_ICONS[result.verdict]} | <{_cell(result.url)}> | {_cell(answer)} | {_uses(uses)} |"
        )
    return out


def render_report(uses: dict[str, list[Use]], results: dict[str, Result], when: dt.datetime) -> str:
    """The Markdown report: counts, then the addresses that need a look, then the rest."""
    order = {"broken": 0, "error": 1, "blocked": 2, "ok": 3}
    rows = sorted(((results[u], uses[u]) for u in uses), key=lambda r: (order[r[0].verdict], r[0].url))
    counts = {v: sum(1 for r, _ in rows if r.verdict == v) for v in order}
    bad = [r for r in rows if r[0].verdict != "ok"]
    good = [r for r in rows if r[0].verdict == "ok"]
    out = [
        "# External links in the catalog",
        "",
        f"Checked {when:%Y-%m-%d %H:%M} UTC: {len(rows)} addresses cited under `url` in the records.",
        "",
        f"- ✓ ok: {counts['ok']}",
        f"- ✗ broken (HTTP error): {counts['broken']}",
        f"- ✗ no answer (DNS, TLS, timeout): {counts['error']}",
        f"- ? blocked (401/403/429: the site refuses robots; open it in a browser): {counts['blocked']}",
        "",
        "A dead link does not make a fact wrong: the source stays cited with its `as_of` date.",
        "Look for the moved page or an archived copy (web.archive.org) and update `url`;",
        "if you read the source again, update `verified_on` too.",
        "",
        "## Needs a look",
        "",
    ]
    out += _table(bad) if bad else ["Every address answered."]
    out += ["", "## Working", ""]
    out += _table(good) if good else ["None."]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None, check: Callable[[str], Result] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/check-external-links",
        description="Check every external address cited in the catalog records (needs the network) "
        "and write a Markdown report. Exit 0 even when links are broken, unless --strict.",
    )
    parser.add_argument("catalog", nargs="?", default=str(DEFAULT_CATALOG), help="catalog folder (default: catalog/)")
    parser.add_argument("--report", default="link-report.md", help="report file (default: link-report.md)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when an address is broken or does not answer")
    parser.add_argument("--jobs", type=int, default=JOBS, help=f"addresses checked at the same time (default: {JOBS})")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help=f"seconds per request (default: {TIMEOUT:g})")
    args = parser.parse_args(argv)
    uses = collect(args.catalog)
    print(f"checking {len(uses)} addresses, {args.jobs} at a time ...", file=sys.stderr)
    checker = check or (lambda url: check_url(url, args.timeout))
    results = check_all(list(uses), checker, args.jobs)
    report = Path(args.report)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(render_report(uses, results, dt.datetime.now(dt.UTC)), encoding="utf-8")
    failed = [r for r in results.values() if r.verdict in ("broken", "error")]
    blocked = sum(1 for r in results.values() if r.verdict == "blocked")
    print(
        f"{len(results) - len(failed) - blocked} ok, {len(failed)} broken or not answering, "
        f"{blocked} blocked; report written to {report}",
        file=sys.stderr,
    )
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
