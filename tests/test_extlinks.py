"""scripts/check-external-links: the collector on the real catalog (no network),
and the checker and report against a local web server."""

from __future__ import annotations

import datetime as dt
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from lldc_kb.extlinks import Result, Use, check_all, check_url, collect, main, render_report
from tests.conftest import CATALOG, line_of


def test_collects_the_urls_of_a_known_record() -> None:
    found = collect(CATALOG)
    file = CATALOG / "instruments" / "tir-1975.yaml"
    tir = yaml.safe_load(file.read_text(encoding="utf-8"))
    expected = [link["url"] for link in tir["links"]] + [s["url"] for s in tir["sources"]]
    for url in expected:
        uses = [u for u in found.get(url, []) if u.path.endswith("instruments/tir-1975.yaml")]
        assert uses, f"{url} of tir-1975 not collected"
    first = tir["links"][0]["url"]
    use = next(u for u in found[first] if u.path.endswith("instruments/tir-1975.yaml"))
    assert use.field == "links[0].url" and use.line == line_of(file, f"url: {first}")
    unece = found["https://unece.org/"]
    assert any(u.path.endswith("organizations/unece.yaml") and u.field == "url" for u in unece)


def test_collects_only_web_addresses_under_url_keys() -> None:
    found = collect(CATALOG)
    assert found and all(url.startswith(("http://", "https://")) for url in found)
    assert all(u.field.split(".")[-1].endswith("url") for uses in found.values() for u in uses)
    assert not any("/templates/" in u.path for uses in found.values() for u in uses)


# --- checking, against a local server ---------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _answer(self, with_body: bool) -> None:
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/ok" or (self.path == "/no-head" and with_body):
            self.send_response(200)
        elif self.path == "/no-head":
            self.send_response(405)
        elif self.path == "/robots-only":
            self.send_response(403)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "2" if with_body else "0")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:  # noqa: N802 (http.server's name)
        self._answer(False)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(True)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_check_url_head_then_get(server: str) -> None:
    assert check_url(f"{server}/ok", 5).verdict == "ok"
    no_head = check_url(f"{server}/no-head", 5)
    assert no_head.verdict == "ok" and "GET" in no_head.detail
    moved = check_url(f"{server}/moved", 5)
    assert moved.verdict == "ok" and moved.final_url == f"{server}/ok"
    gone = check_url(f"{server}/gone", 5)
    assert gone.verdict == "broken" and gone.status == 404
    assert check_url(f"{server}/robots-only", 5).verdict == "blocked"


def test_no_answer_is_an_error_not_a_crash() -> None:
    result = check_url("http://127.0.0.1:9/", 2)
    assert result.status is None and result.verdict == "error"


def test_report_lists_status_and_records(tmp_path: Path, server: str) -> None:
    root = tmp_path / "catalog"
    (root / "organizations").mkdir(parents=True)
    (root / "organizations" / "good.yaml").write_text(f"id: good\nurl: {server}/ok\n", encoding="utf-8")
    (root / "organizations" / "bad.yaml").write_text(f"id: bad\nurl: {server}/gone\n", encoding="utf-8")
    report = tmp_path / "out" / "links.md"
    assert main([str(root), "--report", str(report), "--timeout", "5"]) == 0
    text = report.read_text(encoding="utf-8")
    assert f"<{server}/gone>" in text and "✗ broken" in text and "HTTP 404" in text
    assert "organizations/bad.yaml`:2" in text and "organizations/good.yaml`:2" in text
    assert text.index("/gone") < text.index("## Working") < text.index(f"{server}/ok>")
    assert main([str(root), "--report", str(report), "--strict", "--timeout", "5"]) == 1


def test_check_all_keeps_order_and_render_counts() -> None:
    urls = [f"https://example.org/{i}" for i in range(5)]
    results = check_all(urls, lambda u: Result(u, 200 if u.endswith(("0", "2")) else 404, "fake"), jobs=3)
    assert list(results) == urls
    uses = {u: [Use("catalog/x.yaml", i + 1, "url")] for i, u in enumerate(urls)}
    text = render_report(uses, results, dt.datetime(2026, 11, 22, tzinfo=dt.UTC))
    assert "- ✓ ok: 2" in text and "- ✗ broken (HTTP error): 3" in text
