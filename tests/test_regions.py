"""Regions are places with a verdict: not in the index, so advice; the state's score is context.

Every command that takes a country takes a region too, and records the region's code.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from tests.batch_files import column, write_csv
from tests.conftest import Invoke, flat

pytest_plugins = ["tests.register_fixtures"]  # db_url


def _score(cli: Invoke, country: str) -> str:
    return f"{json.loads(cli('check', country, '--json').stdout)['score']:.2f}"


def test_check_a_region_in_dutch(cli: Invoke) -> None:
    result = cli("check", "Catalonië")  # exit 0: a region is a place with a verdict
    out = flat(result.stdout)
    assert "Catalonië ES-CT · regio van Spanje" in out
    assert (
        "✗ Advies nodig: Catalonië is een regio van Spanje; regio's staan niet in de WJP-index"
        in out
    )
    # the state's score, said to be context and not the verdict
    score = _score(cli, "Spanje")
    context = "Ter informatie, niet het oordeel: Spanje heeft in de WJP Rule of Law Index 2025"
    assert f"{context} score {score}." in out
    assert "laat je adviseren door de Gentse mensenrechtenraad" in out


def test_check_a_region_in_english(cli: Invoke) -> None:
    out = flat(cli("check", "Schotland", "--lang", "en").stdout)
    assert "Scotland GB-SCT · region of United Kingdom" in out
    verdict = (
        "Advice needed: Scotland is a region of United Kingdom; regions are not in the WJP index"
    )
    assert verdict in out
    assert f"United Kingdom scores {_score(cli, 'VK')} in the WJP Rule of Law Index 2025" in out


def test_region_json(cli: Invoke) -> None:
    data = json.loads(cli("check", "Catalonië", "--json").stdout)
    spain = json.loads(cli("check", "Spanje", "--json").stdout)
    assert data["status"] == "region"
    assert data["region"] == {"code": "ES-CT", "name": "Catalonia", "name_local": "Catalonië"}
    assert data["country"]["iso3"] == "ESP"
    assert (data["covered"], data["reason"], data["advice_needed"]) == (False, "region", True)
    assert (data["score"], data["rank"]) == (None, None)
    assert data["state_score"] == spain["score"]
    assert spain["region"] is None and spain["state_score"] is None


def test_a_world_region(cli: Invoke) -> None:
    data = json.loads(cli("check", "Europa", "--json").stdout)
    assert (data["status"], data["country"], data["region"]["code"]) == ("region", None, "150")
    assert data["advice_needed"] is True
    out = flat(cli("check", "Afrika").stdout)
    assert "Afrika is een deel van de wereld, geen land" in out


def test_amerika_is_a_question(cli: Invoke) -> None:
    result = cli("check", "Amerika", expect=2)
    assert "Verenigde Staten (USA), Amerika (019)" in flat(result.stderr)
    data = json.loads(cli("check", "Amerika", "--json", expect=2).stdout)
    assert {(c["code"], c["iso3"]) for c in data["candidates"]} == {("USA", "USA"), ("019", None)}


def test_a_region_in_two_states_names_both(cli: Invoke) -> None:
    result = cli("check", "Limburg", expect=2)
    assert "Limburg (België, BE-VLI), Limburg (Nederland, NL-LI)" in flat(result.stderr)


def test_batch_screens_a_region(cli: Invoke, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "p.csv", ["Naam;Land", "Acme;Catalonië", "Bolt;Engeland, België", "Cobra;VK"]
    )
    data = json.loads(cli("batch", str(source), "--json", "--lang", "en").stdout)
    assert data["per_reason"]["region"] == 2
    output = tmp_path / "p.screened.xlsx"
    assert column(output, "Code") == ["ES-CT", "GB-ENG; BEL", "GBR"]
    assert column(output, "Matched place") == ["Catalonia", "England; Belgium", "United Kingdom"]
    assert column(output, "Advice needed") == ["yes", "yes", "no"]
    assert column(output, "Reason")[0] == (
        "Catalonia is a region of Spain; regions are not in the WJP index"
    )


def test_log_add_records_the_region_and_monitor_keeps_it(cli: Invoke, db_url: str) -> None:
    added = json.loads(cli("log", "add", "--db", db_url, "--kind", "delegation-out", "--title",
                           "Barcelona", "--country", "Catalonië", "--answer", "no",
                           "--json").stdout)  # fmt: skip
    (place,) = added["countries"]
    assert (place["region"], place["iso3"], place["reason"]) == ("ES-CT", "ESP", "region")
    assert added["advice_needed"] is True
    shown = flat(cli("log", "show", str(added["id"]), "--db", db_url).stdout)
    assert "Catalonië (ES-CT)" in shown
    # re-screened as the region, not as Spain (whose score needs no advice)
    data = json.loads(cli("monitor", "--db", db_url, "--json").stdout)
    assert (data["countries"], data["changed"]) == (1, [])


def test_log_export_has_the_region(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    cli("log", "add", "--db", db_url, "--kind", "procurement", "--title", "x", "--country", "Wales")
    out = tmp_path / "r.xlsx"
    cli("log", "export", "-o", str(out), "--db", db_url, "--lang", "en")
    book = openpyxl.load_workbook(out, read_only=True)
    sheets = {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}
    rows = next(r for title, r in sheets.items() if "Region" in r[0])
    header, first = rows[0], rows[1]
    record = dict(zip(header, first, strict=True))
    assert (record["ISO3"], record["Region"]) == ("GBR", "GB-WLS")


def test_clause_render_records_the_region(cli: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "a.md"
    result = cli("clause", "render", "procurement", "-o", str(out), "--partner", "Generalitat",
                 "--country", "Catalonië", "--json")  # fmt: skip
    (place,) = json.loads(result.stdout)["countries"]
    assert (place["region"], place["iso3"], place["advice_needed"]) == ("ES-CT", "ESP", True)
    assert "Catalonië" in out.read_text(encoding="utf-8")
