"""The crosswalk page and its links on instrument, guideline and practice pages equal the records."""

from __future__ import annotations

from pathlib import Path

from lldc_kb.render.crosswalk import articles_of_instrument, articles_of_record
from tests.conftest import MiniCatalog, dump


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_the_crosswalk_page_shows_every_link_with_its_source(built_site: Path, catalog) -> None:
    text = html(built_site, "crosswalk")
    for t in catalog.vocabulary("tfa-articles"):
        assert f'id="{t["id"]}"' in text
    for rec in catalog.of("crosswalk").values():
        section = text.split(f'id="{rec.id}"')[1].split("<h2")[0]
        for p in rec.data["provisions"]:
            assert p["source"]["url"].replace("&", "&amp;") in section
            assert f'href="../instruments/{p["instrument"]}/"' in section
        for d in catalog.library("practice"):
            if rec.id in d.get("tfa_articles", []):
                assert f'href="../practices/{d["id"]}/"' in section


def test_instrument_and_library_pages_link_back_to_the_crosswalk(built_site: Path, catalog) -> None:
    for i in catalog.instruments():
        page = html(built_site, f"instruments/{i['id']}")
        rows = articles_of_instrument(catalog, i["id"])
        assert ('id="tfa"' in page) == bool(rows)
        for t, _ in rows:
            assert f'href="../../crosswalk/#{t["id"]}"' in page
    for kind, folder in (("guideline", "guidelines"), ("practice", "practices")):
        for d in catalog.library(kind):
            page = html(built_site, f"{folder}/{d['id']}")
            for a in articles_of_record(catalog, kind, d):
                assert f'href="../../crosswalk/#{a}"' in page


def test_a_crosswalk_record_names_real_instruments_and_its_own_article(mini: MiniCatalog) -> None:
    dump(mini.path("crosswalk/art-11.yaml"), {
        "id": "art-11", "article": "art-7",
        "provisions": [{"instrument": "tir-1957", "provision": "The whole Convention",
                        "source": {"title": "A study", "url": "https://example.org/s", "as_of": "2019"}}],
        "guidelines": [], "verified_on": "2026-11-22",
    })
    messages = {p.field: p.message for p in mini.problems()}
    assert "named after its article" in messages["article"]
    assert "did you mean 'tir-1975'" in messages["provisions[0].instrument"]
