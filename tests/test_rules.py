"""One test per validator rule: a minimal catalog broken in one way, and the
exact problem it must produce (file, line, field, message)."""

from __future__ import annotations

import pytest

from tests.conftest import MiniCatalog, line_of

PART = "participation/tir-1975.yaml"
KAZ = "countries/kaz.yaml"
TIR = "instruments/tir-1975.yaml"


def only(mini: MiniCatalog):
    problems = mini.problems()
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_minimal_catalog_is_valid(mini: MiniCatalog) -> None:
    assert mini.problems() == []


def test_the_real_catalog_is_valid() -> None:
    from lldc_kb.catalog import load_catalog

    catalog, problems = load_catalog()
    assert problems == [], "\n".join(map(str, problems))
    assert len(catalog.countries()) == 32


# --- schema -------------------------------------------------------------------


def test_schema_unknown_field_points_at_the_key(mini: MiniCatalog) -> None:
    mini.edit(KAZ, lambda d: d.update(capital="Astana"))
    p = only(mini)
    assert (p.line, p.field) == (line_of(mini.path(KAZ), "capital:"), "capital")
    assert "unknown field 'capital'" in p.message and "allowed here:" in p.message


def test_schema_missing_required_field(mini: MiniCatalog) -> None:
    mini.edit(KAZ, lambda d: d.pop("name"))
    p = only(mini)
    assert p.field == "name" and "required field 'name' is missing" in p.message


def test_schema_number_where_a_date_is_expected_says_quote_it(mini: MiniCatalog) -> None:
    mini.write(KAZ, mini.path(KAZ).read_text().replace("verified_on: '2026-11-22'", "verified_on: 2026"))
    p = only(mini)
    assert p.field == "verified_on" and 'put it in quotes ("2026")' in p.message


def test_schema_rejects_javascript_urls(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"]["source"].update(url="javascript:alert(1)"))
    p = only(mini)
    assert p.field == "entries.kaz.source.url" and "http:// or https://" in p.message
    assert p.line == line_of(mini.path(PART), "javascript:")


# --- files and ids ------------------------------------------------------------------


def test_id_must_equal_file_stem(mini: MiniCatalog) -> None:
    mini.edit(TIR, lambda d: d.update(id="tir"))
    problems = mini.problems()
    stem = [p for p in problems if p.field == "id" and "differs from the file name" in p.message]
    assert stem and stem[0].path.endswith(TIR) and stem[0].line == line_of(mini.path(TIR), "id: tir")


def test_ids_are_unique(mini: MiniCatalog) -> None:
    mini.write("organizations/unece-copy.yaml", mini.path("organizations/unece.yaml").read_text())
    dupes = [p for p in mini.problems() if "is already used by" in p.message]
    assert len(dupes) == 1 and dupes[0].field == "id"
    assert {dupes[0].path.rsplit("/", 1)[1], dupes[0].message.rsplit("/", 1)[1].split(":")[0]} == {
        "unece.yaml", "unece-copy.yaml"}


# --- text -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("<script>alert(1)</script>", "contains HTML"),
    ("Fine <img src=x onerror=alert(1)>", "contains HTML"),
    ("{{ config.site_name }}", "template syntax"),
    ("{% include 'x' %}", "template syntax"),
])
def test_text_must_be_plain(mini: MiniCatalog, text: str, expected: str) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(notes=text))
    p = only(mini)
    assert p.field == "entries.kaz.notes" and expected in p.message


# --- vocabularies and references --------------------------------------------------------


def test_status_must_be_a_vocabulary_term(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(status="member"))
    p = only(mini)
    assert p.field == "entries.kaz.status"
    assert "'member' is not a term of vocabularies/statuses.yaml" in p.message and "party" in p.message
    assert p.line == line_of(mini.path(PART), "status: member")


def test_subregion_must_lie_in_region(mini: MiniCatalog) -> None:
    mini.edit(KAZ, lambda d: d.update(subregion="eastern-africa"))
    p = only(mini)
    assert p.field == "subregion" and "is not inside the region 'asia'" in p.message


def test_references_must_resolve(mini: MiniCatalog) -> None:
    mini.edit(TIR, lambda d: d.update(administered_by=["unecee"]))
    p = only(mini)
    assert p.field == "administered_by[0]" and "'unecee' is not a record in organizations/" in p.message


def test_participation_keys_must_be_countries(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"].update(xyz={"status": "unknown", "notes": "n"}))
    p = only(mini)
    assert p.field == "entries.xyz" and "'xyz' is not a record in countries/" in p.message
    assert p.line == line_of(mini.path(PART), "xyz:")


def test_every_lldc_needs_an_entry(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d.update(entries={}))
    p = only(mini)
    assert p.field == "entries" and "no entry for kaz" in p.message and "status: unknown" in p.message


def test_every_instrument_needs_a_participation_file(mini: MiniCatalog) -> None:
    mini.path(PART).unlink()
    p = only(mini)
    assert p.path.endswith(TIR) and "no participation file" in p.message


# --- countries ----------------------------------------------------------------------------


def test_iso_code_must_exist(mini: MiniCatalog) -> None:
    mini.write("countries/xxk.yaml", mini.path(KAZ).read_text().replace("id: kaz", "id: xxk")
               .replace("iso3: KAZ", "iso3: XXK").replace("m49: '398'\n", ""))
    assert any(p.field == "iso3" and "not an ISO 3166-1 alpha-3 code" in p.message for p in mini.problems())


def test_m49_must_match_iso(mini: MiniCatalog) -> None:
    mini.edit(KAZ, lambda d: d.update(m49="524"))
    p = only(mini)
    assert p.field == "m49" and "is 398" in p.message


def test_wto_member_needs_member_since(mini: MiniCatalog) -> None:
    mini.edit(KAZ, lambda d: d["wto"].pop("member_since"))
    p = only(mini)
    assert p.field == "wto.member_since" and "needs member_since" in p.message


# --- dates ----------------------------------------------------------------------------------


def test_dates_must_be_real(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(date="1995-02-30"))
    p = only(mini)
    assert p.field == "entries.kaz.date" and "not a real date" in p.message


def test_dates_must_not_be_in_the_future(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(verified_on="2031-01-01"))
    p = only(mini)
    assert p.field == "entries.kaz.verified_on" and "is in the future" in p.message


def test_entry_into_force_not_before_deposit(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(date="1995-07-17", entry_into_force="1994-01-01"))
    p = only(mini)
    assert p.field == "entries.kaz.entry_into_force" and "before the deposit date" in p.message


def test_partial_dates_compare_by_their_precision(mini: MiniCatalog) -> None:
    # a deposit known only to the year may be followed by an exact entry into force
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(date="1995", entry_into_force="1995-01-17"))
    assert mini.problems() == []


def test_verified_on_not_before_source_date(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(verified_on="2010-01-01"))
    p = only(mini)
    assert p.field == "entries.kaz.verified_on" and "before the source's as_of" in p.message


# --- status claims --------------------------------------------------------------------------


def test_established_status_needs_a_source(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].pop("source"))
    p = only(mini)
    assert p.field == "entries.kaz.source" and "status 'party' needs a source" in p.message


def test_not_party_source_is_the_list_checked(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"].update(kaz={"status": "not_party", "verified_on": "2026-11-22"}))
    p = only(mini)
    assert "the list of parties checked and its date" in p.message


def test_established_status_needs_verified_on(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].pop("verified_on"))
    p = only(mini)
    assert p.field == "entries.kaz.verified_on" and "needs verified_on" in p.message


def test_unknown_needs_notes(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"].update(kaz={"status": "unknown", "verified_on": "2026-11-22"}))
    p = only(mini)
    assert p.field == "entries.kaz.notes" and "saying why" in p.message


def test_action_must_match_status(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(action="signature"))
    p = only(mini)
    assert p.field == "entries.kaz.action" and "makes a country 'signatory', not 'party'" in p.message


def test_not_party_has_no_deposit_date(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].update(status="not_party", action=None))
    mini.edit(PART, lambda d: d["entries"]["kaz"].pop("action"))
    mini.edit(PART, lambda d: d["entries"]["kaz"].pop("entry_into_force", None))
    p = only(mini)
    assert p.field == "entries.kaz.date" and "has no date" in p.message


def test_party_needs_action_or_notes(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].pop("action"))
    mini.edit(PART, lambda d: d["entries"]["kaz"].pop("notes", None))
    p = only(mini)
    assert p.field == "entries.kaz.action" and "needs the action deposited" in p.message


def test_party_needs_date_or_notes(mini: MiniCatalog) -> None:
    mini.edit(PART, lambda d: d["entries"]["kaz"].pop("date"))
    mini.edit(PART, lambda d: d["entries"]["kaz"].pop("entry_into_force", None))
    mini.edit(PART, lambda d: d["entries"]["kaz"].pop("notes", None))
    p = only(mini)
    assert p.field == "entries.kaz.date" and "needs the deposit date" in p.message
