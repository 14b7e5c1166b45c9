"""Build one MkDocs project in this process and print what it cost as JSON (for benchmarks/run.py).

    python benchmarks/worker.py PROJECT_DIR [--data-layer] [--profile FILE]

Runs what ``mkdocs build`` runs (load the configuration, start-up event,
build, shut-down event) and prints ``{"wall": s, "data_layer": s, ...}``.
With ``--data-layer``, the ``lldc_kb`` functions that the project's hooks
and macros import are timed (outermost calls only, so that a function
calling another is counted once): that is the time of our data layer
(load and check the catalog, generated pages, macros) within the build.
``--profile FILE`` also profiles those calls with cProfile into FILE.
The time of every plugin event (hooks included) is reported per plugin.

Started in a fresh process by the runner, with the project as working
directory and first on ``sys.path``, so that the project's own copy of
``lldc_kb`` is the one timed; this file imports nothing of the benchmarks.
"""

from __future__ import annotations

import argparse
import ast
import cProfile
import functools
import importlib
import inspect
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any


class Timers:
    """Wall time of the outermost calls of wrapped functions, by name."""

    def __init__(self, profile: cProfile.Profile | None = None):
        self.profile = profile
        self.depth = 0
        self.total = 0.0
        self.by_name: dict[str, list[float]] = {}

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self.depth:
                return fn(*args, **kwargs)
            self.depth += 1
            if self.profile is not None:
                self.profile.enable()
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.perf_counter() - start
                if self.profile is not None:
                    self.profile.disable()
                self.depth -= 1
                self.total += spent
                calls = self.by_name.setdefault(name, [0, 0.0])
                calls[0] += 1
                calls[1] += spent

        return timed


def adapter_imports(project: Path) -> list[tuple[str, str]]:
    """(module, name) of every ``from lldc_kb... import name`` in the project's hooks and macros."""
    found = []
    for file in sorted([*project.glob("hooks/*.py"), *project.glob("macros/*.py")]):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "lldc_kb":
                found += [(node.module, alias.name) for alias in node.names]
    return found


def wrap_data_layer(project: Path, timers: Timers) -> list[str]:
    """Replace the lldc_kb functions the adapters import by timed ones; return their names."""
    wrapped = []

    def wrap_in(module: ModuleType, name: str) -> None:
        fn = getattr(module, name)
        if inspect.isfunction(fn) and not hasattr(fn, "__wrapped__"):
            label = f"{module.__name__}.{name}"
            setattr(module, name, timers.wrap(label, fn))
            wrapped.append(label)

    for module_name, name in adapter_imports(project):
        module = importlib.import_module(module_name)
        value = getattr(module, name, None)
        if value is None:  # a submodule not yet imported: from lldc_kb.render import method
            value = importlib.import_module(f"{module_name}.{name}")
        if isinstance(value, ModuleType):
            for attr, fn in list(vars(value).items()):
                if inspect.isfunction(fn) and fn.__module__ == value.__name__ and not attr.startswith("_"):
                    wrap_in(value, attr)
        else:
            wrap_in(module, name)
    return wrapped


def time_events(config: Any) -> dict[str, float]:
    """Wrap every registered plugin event method; returns the dict its times accumulate in."""
    spent: dict[str, float] = {}
    plugins = config.plugins
    for event, methods in plugins.events.items():
        for i, method in enumerate(methods):
            origin = plugins._event_origins.get(method, "<unknown>")
            label = f"{origin} {event}"

            def timed(*args: Any, _method: Callable[..., Any] = method, _label: str = label, **kwargs: Any) -> Any:
                start = time.perf_counter()
                try:
                    return _method(*args, **kwargs)
                finally:
                    spent[_label] = spent.get(_label, 0.0) + time.perf_counter() - start

            methods[i] = timed
            plugins._event_origins[timed] = origin
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--data-layer", action="store_true", help="time the lldc_kb calls of hooks and macros")
    parser.add_argument("--profile", type=Path, help="cProfile the data-layer calls into this file")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    sys.path.insert(0, str(project))

    profile = cProfile.Profile() if args.profile else None
    timers = Timers(profile)
    wrapped = wrap_data_layer(project, timers) if args.data_layer else []

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    config = load_config(str(project / "mkdocs.yml"))
    events = time_events(config)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    wall = time.perf_counter() - start
    if profile is not None:
        profile.dump_stats(str(args.profile))
    print(json.dumps({
        "wall": wall,
        "data_layer": timers.total,
        "data_layer_calls": timers.by_name,
        "wrapped": wrapped,
        "events": events,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
