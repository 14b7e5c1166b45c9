"""Benchmark validation and the site build on synthetic catalogs at 1×, 10× and 100× the real one.

    scripts/benchmark [--scales 1,10,100] [--repeat 3] [--profile] [--keep] [--workdir DIR]

For each scale k (see ``benchmarks/synth.py`` for what a catalog at k× is):

- validation: ``lldc_kb.catalog.load_catalog`` (parse, schema, rules) against
  a bare parse of the same YAML files with ``yaml.load(..., Loader=yaml.CSafeLoader)``
  (best of ``--repeat`` runs, within a minute of runs each);
- build: ``mkdocs build`` of the real site (real mkdocs.yml, docs/, hooks,
  macros, lldc_kb copied into a temporary project root with the synthetic
  catalog/) against a plain-Markdown MkDocs site with Material, the search
  plugin, the same number of pages and the same Markdown bytes per page;
  each build runs in a fresh process (``benchmarks/worker.py``);
- our data layer in that build: the lldc_kb calls of the hook and the macros
  (catalog load and check, generated pages, macros), timed in-process;
- peak memory: the maximum resident set size of the build process;
- gzip-compressed bytes (level 6) of a country page and of the matrix page;
- bytes of ``site/search/search_index.json``.

Prints one Markdown table (a row per scale, then growth ratios), the
targets, and where the build time goes at the largest scale; with
``--profile``, the top functions (cProfile, cumulative) of validation and
of the data layer at the largest scale. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
import math
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lldc_kb.catalog import KIND_FOLDERS, LIBRARY_KINDS, load_catalog
from lldc_kb.render import urls
from lldc_kb.site import generated_files

from .plain import make_plain_project
from .synth import REPO, Synth, fixed_kinds, make_project

WORKER = Path(__file__).resolve().parent / "worker.py"
BUDGET = 60.0
"""Seconds of repeated runs per measure: fewer repeats at large scales."""
GZIP_LEVEL = 6
TARGET_VALIDATION = 1.5
TARGET_DATA_LAYER = 15.0
TARGET_LINEAR = 1.25
"""A measure grows linearly if it grows at most this factor faster than the YAML data (bytes)."""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- measures ---------------------------------------------------------------------------------------


def yaml_files(catalog: Path) -> list[Path]:
    """The record files load_catalog reads."""
    return [f for folder in KIND_FOLDERS.values() for f in sorted((catalog / folder).glob("*.yaml"))]


def bare_parse(files: list[Path]) -> None:
    """Parse every file with libyaml's C loader and nothing else."""
    for f in files:
        yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)


def best_of(fn: Callable[[], Any], repeat: int) -> float:
    """Least wall time of up to ``repeat`` runs (fewer once BUDGET seconds are spent)."""
    best, spent = math.inf, 0.0
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        fn()
        took = time.perf_counter() - start
        best, spent = min(best, took), spent + took
        if spent > BUDGET:
            break
    return best


def validate(catalog: Path) -> Any:
    """load_catalog, refusing a catalog with problems (the benchmark needs a valid one)."""
    loaded, problems = load_catalog(catalog)
    if problems:
        shown = "\n".join(str(p) for p in problems[:10])
        raise SystemExit(f"the synthetic catalog has {len(problems)} problem(s):\n{shown}")
    return loaded


def run_worker(project: Path, *flags: str) -> dict[str, Any]:
    """Build ``project`` in a fresh process; its JSON report plus its peak RSS in MB."""
    env = dict(os.environ, PYTHONPATH=str(project), NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, str(WORKER), str(project), *flags],
                                cwd=project, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode(errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"the build of {project} failed:\n{stderr[-3000:]}")
    report = json.loads(stdout.strip().splitlines()[-1])
    report["max_rss_mb"] = usage.ru_maxrss / 1024  # kilobytes on Linux
    return report


def sizes_kb(file: Path) -> tuple[float, float]:
    """(gzip-compressed, raw) size of a file in KB."""
    raw = file.read_bytes()
    return len(gzip.compress(raw, compresslevel=GZIP_LEVEL)) / 1024, len(raw) / 1024


# --- one scale --------------------------------------------------------------------------------------


@dataclass
class Result:
    """Every measure of one scale."""

    k: int
    synth: Synth
    pages: int
    page_bytes: int
    parse_s: float
    validation_s: float
    build_s: float
    plain_s: float
    data_layer_s: float
    rss_mb: float
    plain_rss_mb: float
    country_kb: float
    matrix_kb: float
    country_raw_kb: float
    matrix_raw_kb: float
    search_mb: float
    plain_search_mb: float
    events: dict[str, float] = field(default_factory=dict)
    data_calls: dict[str, list[float]] = field(default_factory=dict)
    country: str = ""
    load: list[float] = field(default_factory=list)
    """1-minute load average of the machine after validation and after each build (2 CPUs: above 1, other work ran)."""


def markdown_pages(catalog: Any) -> tuple[int, int]:
    """Number of Markdown pages of the site and their total bytes (hand-written + generated)."""
    sizes = [len(text.encode("utf-8")) for path, text in generated_files(catalog).items() if path.endswith(".md")]
    sizes += [f.stat().st_size for f in (REPO / "docs").rglob("*.md")]
    return len(sizes), sum(sizes)


def measure(k: int, work: Path, repeat: int, keep: bool) -> Result:
    """Generate the catalog at scale k, validate it, build both sites and measure."""
    root = work / f"scale-{k}"
    log(f"{k}×: generating the catalog in {root}")
    synth = make_project(k, root / "ours")
    catalog = root / "ours" / "catalog"
    files = yaml_files(catalog)
    bare_parse(files)  # warm the file cache
    log(f"{k}×: {len(files)} YAML files; bare parse and validation")
    parse_s = best_of(lambda: bare_parse(files), repeat)
    validation_s = best_of(lambda: validate(catalog), repeat)
    load = [os.getloadavg()[0]]
    loaded = validate(catalog)
    pages, md_bytes = markdown_pages(loaded)
    country = loaded.countries()[0]["id"]
    del loaded

    log(f"{k}×: building the site ({pages} pages)")
    ours = run_worker(root / "ours", "--data-layer")
    load.append(os.getloadavg()[0])
    site = root / "ours" / "site"
    country_kb, country_raw_kb = sizes_kb(site / urls.country_url(country) / "index.html")
    matrix_kb, matrix_raw_kb = sizes_kb(site / urls.MATRIX_URL / "index.html")
    search_mb = (site / "search" / "search_index.json").stat().st_size / 1e6

    log(f"{k}×: building the plain site ({pages} pages of {md_bytes // pages} bytes)")
    make_plain_project(root / "plain", pages, md_bytes // pages)
    plain = run_worker(root / "plain")
    load.append(os.getloadavg()[0])
    plain_search_mb = (root / "plain" / "site" / "search" / "search_index.json").stat().st_size / 1e6
    if not keep:
        shutil.rmtree(root)
    return Result(
        k=k, synth=synth, pages=pages, page_bytes=md_bytes // pages, parse_s=parse_s, validation_s=validation_s,
        build_s=ours["wall"], plain_s=plain["wall"], data_layer_s=ours["data_layer"],
        rss_mb=ours["max_rss_mb"], plain_rss_mb=plain["max_rss_mb"], country_kb=country_kb, matrix_kb=matrix_kb,
        country_raw_kb=country_raw_kb, matrix_raw_kb=matrix_raw_kb,
        search_mb=search_mb, plain_search_mb=plain_search_mb, events=ours["events"],
        data_calls=ours["data_layer_calls"], country=country, load=load,
    )


# --- report -----------------------------------------------------------------------------------------

Column = tuple[str, Callable[[Result], float], str]
COLUMNS: list[Column] = [
    ("records", lambda r: r.synth.records, "{:.0f}"),
    ("YAML MB", lambda r: r.synth.yaml_bytes / 1e6, "{:.2f}"),
    ("pages", lambda r: r.pages, "{:.0f}"),
    ("bare parse s", lambda r: r.parse_s, "{:.2f}"),
    ("validation s", lambda r: r.validation_s, "{:.2f}"),
    ("validation ÷ parse", lambda r: r.validation_s / r.parse_s, "{:.1f}"),
    ("build s", lambda r: r.build_s, "{:.1f}"),
    ("plain build s", lambda r: r.plain_s, "{:.1f}"),
    ("build ÷ plain", lambda r: r.build_s / r.plain_s, "{:.2f}"),
    ("data layer s", lambda r: r.data_layer_s, "{:.2f}"),
    ("data layer % of build", lambda r: 100 * r.data_layer_s / r.build_s, "{:.1f}"),
    ("peak RSS MB", lambda r: r.rss_mb, "{:.0f}"),
    ("plain peak RSS MB", lambda r: r.plain_rss_mb, "{:.0f}"),
    ("country page gz KB", lambda r: r.country_kb, "{:.1f}"),
    ("country page raw KB", lambda r: r.country_raw_kb, "{:.0f}"),
    ("matrix gz KB", lambda r: r.matrix_kb, "{:.1f}"),
    ("matrix raw KB", lambda r: r.matrix_raw_kb, "{:.0f}"),
    ("search index MB", lambda r: r.search_mb, "{:.2f}"),
    ("plain search index MB", lambda r: r.plain_search_mb, "{:.2f}"),
]


def shape(r: Result) -> str:
    p = r.synth.plan
    return f"{p.countries} ({p.lldcs}) × {p.instruments}"


def table(results: list[Result]) -> str:
    """The Markdown table: a row per scale, then growth ratios between the scales."""
    head = ["scale", "countries (LLDCs) × instruments"] + [c[0] for c in COLUMNS]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        cells = [f"{r.k}×", shape(r)] + [fmt.format(get(r)) for _, get, fmt in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    pairs = []
    if len(results) > 1:
        pairs.append((results[0], results[-1]))
    if len(results) > 2:
        pairs.append((results[-2], results[-1]))
    for a, b in pairs:
        cells = [f"growth {b.k}× ÷ {a.k}× (linear: {b.k / a.k:g})", ""]
        cells += [f"{get(b) / get(a):.1f}" if get(a) else "-" for _, get, _ in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(results: list[Result]) -> str:
    """Each target, met or missed, scale by scale."""
    out = ["Targets:"]
    for r in results:
        ratio = r.validation_s / r.parse_s
        share = 100 * r.data_layer_s / r.build_s
        out.append(
            f"- {r.k}×: validation {ratio:.1f}× the bare parse (target ≤ {TARGET_VALIDATION}: "
            f"{'met' if ratio <= TARGET_VALIDATION else 'missed'}); data layer {share:.1f} % of the build "
            f"(target < {TARGET_DATA_LAYER:g} %: {'met' if share < TARGET_DATA_LAYER else 'missed'})"
        )
    if len(results) > 1:
        a, b = results[0], results[-1]
        data = b.synth.yaml_bytes / a.synth.yaml_bytes
        records = b.synth.records / a.synth.records
        out.append(f"- growth {a.k}× → {b.k}×: the YAML data grows ×{data:.1f} (records ×{records:.1f}"
                   f", pages ×{b.pages / a.pages:.1f}); each measure's growth, and that growth per unit of data "
                   f"(1.0 = linear; above {TARGET_LINEAR} counted as superlinear):")
        for name, get in (("validation", lambda r: r.validation_s), ("bare parse", lambda r: r.parse_s),
                          ("build", lambda r: r.build_s), ("plain build", lambda r: r.plain_s),
                          ("data layer", lambda r: r.data_layer_s), ("peak RSS", lambda r: r.rss_mb),
                          ("search index", lambda r: r.search_mb)):
            g = get(b) / get(a)
            verdict = "linear or better" if g / data <= TARGET_LINEAR else "SUPERLINEAR"
            out.append(f"  - {name}: ×{g:.1f}, {g / data:.2f} per unit of data ({verdict})")
    return "\n".join(out)


def _by_plugin(r: Result) -> dict[str, float]:
    out: dict[str, float] = {}
    for label, spent in r.events.items():
        plugin = label.rsplit(" ", 1)[0]
        out[plugin] = out.get(plugin, 0.0) + spent
    out["MkDocs itself (read, Markdown to HTML, templates, write)"] = r.build_s - sum(out.values())
    return out


def where_build_time_goes(results: list[Result]) -> str:
    """Seconds per plugin (hooks included; their lldc_kb calls too), per lldc_kb call, per scale."""
    plugins = [_by_plugin(r) for r in results]
    head = ["seconds of the build"] + [f"{r.k}×" for r in results]
    if len(results) > 1:
        head.append(f"growth {results[-1].k}× ÷ {results[0].k}×")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]

    def row(name: str, values: list[float]) -> None:
        cells = [name] + [f"{v:.2f}" for v in values]
        if len(values) > 1:
            cells.append(f"{values[-1] / values[0]:.1f}" if values[0] > 0.001 else "-")
        lines.append("| " + " | ".join(cells) + " |")

    row("whole build", [r.build_s for r in results])
    for name in sorted(plugins[-1], key=lambda n: -plugins[-1][n]):
        row(name if name.startswith("MkDocs") else f"plugin: {name}", [p.get(name, 0.0) for p in plugins])
    row("our data layer (lldc_kb calls of hook and macros)", [r.data_layer_s for r in results])
    calls = results[-1].data_calls
    for name in sorted(calls, key=lambda n: -calls[n][1]):
        if calls[name][1] >= 0.01 * results[-1].data_layer_s:
            row(f"— {name}", [r.data_calls.get(name, [0, 0.0])[1] for r in results])
    return "Where the build time goes (plugin events include the lldc_kb calls they make):\n\n" + "\n".join(lines)


def top_functions(profile: pstats.Stats, title: str, limit: int = 25) -> str:
    stream = io.StringIO()
    profile.stream = stream  # type: ignore[attr-defined]
    profile.strip_dirs().sort_stats("cumulative").print_stats(limit)
    body = "\n".join(line for line in stream.getvalue().splitlines() if line.strip())
    return f"{title}\n\n```\n{body}\n```"


def profile_largest(k: int, work: Path) -> str:
    """cProfile of validation and of the data layer of a build, at scale k."""
    root = work / f"profile-{k}"
    log(f"{k}×: profiling validation and the data layer of the build")
    make_project(k, root)
    prof = cProfile.Profile()
    prof.runcall(load_catalog, root / "catalog")
    out = [top_functions(pstats.Stats(prof), f"Validation at {k}× (load_catalog), top functions by cumulative time:")]
    stats_file = work / f"data-layer-{k}.prof"
    run_worker(root, "--data-layer", "--profile", str(stats_file))
    title = f"Data layer of the build at {k}× (lldc_kb calls of hook and macros), top functions by cumulative time:"
    out.append(top_functions(pstats.Stats(str(stats_file)), title))
    shutil.rmtree(root)
    return "\n\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated scales (default: 1,10,100)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of parse and validation, best kept (default: 3)")
    parser.add_argument("--profile", action="store_true",
                        help="profile validation and the data layer at the largest scale")
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and sites")
    parser.add_argument("--workdir", type=Path, help="where to generate (default: a new temporary folder)")
    args = parser.parse_args(argv)
    try:
        scales = sorted({int(s) for s in args.scales.split(",") if s.strip()})
    except ValueError:
        parser.error("--scales takes whole numbers separated by commas, e.g. 1,10,100")
    if not scales or scales[0] < 1:
        parser.error("scales are whole numbers >= 1")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="lldc-benchmark-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        results = [measure(k, work, args.repeat, args.keep) for k in scales]
        print("\n\n".join([table(results), targets(results), where_build_time_goes(results), notes(results)]))
        print(f"Benchmark ran {time.perf_counter() - started:.0f} s.", flush=True)
        if args.profile:
            print("\n" + profile_largest(scales[-1], work))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def notes(results: list[Result]) -> str:
    """What the scales mean, and the machine."""
    kinds = ", ".join(f"{k}s" for k in ("organization", *LIBRARY_KINDS))
    out = [f"Scale k: {kinds} ×k; countries and instruments ×√k; participation entries (LLDCs × instruments) ×k."]
    if fixed_kinds():
        out.append("Kept at their real count at every scale: " + ", ".join(
            f"{k} ({results[0].synth.counts.get(k, 0)} records)" for k in fixed_kinds()) + ".")
    capped = [r for r in results if r.synth.plan.capped]
    if capped:
        out.append(
            "Countries are capped at the 249 ISO 3166-1 codes (the validator requires real codes) at "
            + ", ".join(f"{r.k}× (wanted {r.synth.plan.countries_wanted})" for r in capped)
            + "; instruments grow faster there so that the matrix still grows ×k."
        )
    out.append(f"Country page: countries/{results[-1].country}/; gzip level {GZIP_LEVEL}. "
               f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; 1-minute load average after validation, "
               "our build and the plain build: "
               + "; ".join(f"{r.k}×: " + ", ".join(f"{x:.1f}" for x in r.load) for r in results)
               + " (the benchmark itself accounts for about 1).")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
