"""A cell, a --country or a merge row that names several countries: each is screened; the row
needs advice when any of them does. A cell is read as one name first, so "Korea, Rep." and
"Bosnia and Herzegovina" stay one country."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hrtoets.countries import CountryResolver, split_cell
from tests.batch_files import column, write_csv
from tests.conftest import Invoke

pytest_plugins = ["tests.register_fixtures"]  # db_url

RESOLVER = CountryResolver()


@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        ("Marokko, België", ["Marokko", "België"]),
        ("Marokko; België", ["Marokko", "België"]),
        ("Japan / Belgum", ["Japan", "Belgum"]),
        ("België en Nederland", ["België", "Nederland"]),
        ("Belgium and France", ["Belgium", "France"]),
        ("Marokko & Tunesië", ["Marokko", "Tunesië"]),
        ("Korea, Rep.", ["Korea, Rep."]),  # one name, with a comma
        ("Bosnia and Herzegovina", ["Bosnia and Herzegovina"]),
        ("Trinidad en Tobago", ["Trinidad en Tobago"]),
        ("Congo", ["Congo"]),  # a question, not two parts
        ("N/A", ["N/A"]),  # no part names a country: reviewed as typed
        ("Belgum", ["Belgum"]),
    ],
)
def test_a_cell_is_one_name_first(cell: str, parts: list[str]) -> None:
    assert split_cell(cell, RESOLVER) == parts


def test_batch_screens_each_country_of_a_cell(cli: Invoke, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "p.csv",
        ["Naam;Land", "Acme;België, Marokko", "Bolt;België en Nederland", "Cobra;Korea, Rep."],
    )
    data = json.loads(cli("batch", str(source), "--json", "--lang", "en").stdout)
    assert (data["rows"], data["advice_needed"]) == (3, 1)
    output = tmp_path / "p.screened.xlsx"
    assert column(output, "Code") == ["BEL; MAR", "BEL; NLD", "KOR"]
    assert column(output, "Advice needed") == ["yes", "no", "no"]
    assert column(output, "Matched place") == ["Belgium; Morocco", "Belgium; Netherlands",
                                                 "South Korea"]  # fmt: skip
    reasons = column(output, "Reason")
    assert reasons[0].startswith("Belgium: score 0.78 is above 0.5; Morocco: score 0.48")


def test_batch_log_records_every_country(cli: Invoke, tmp_path: Path, db_url: str) -> None:
    source = write_csv(tmp_path / "p.csv", ["Naam;Land", "Acme;België, Marokko"])
    cli("batch", str(source), "--log", "procurement", "--db", db_url)
    (check,) = json.loads(cli("log", "list", "--db", db_url, "--json").stdout)
    assert [c["iso3"] for c in check["countries"]] == ["BEL", "MAR"]
    assert check["advice_needed"] is True


def test_log_add_splits_a_country_option(cli: Invoke, db_url: str) -> None:
    added = json.loads(cli("log", "add", "--db", db_url, "--kind", "procurement", "--title", "x",
                           "--country", "Marokko, België", "--country", "Korea, Rep.",
                           "--json").stdout)  # fmt: skip
    assert [c["iso3"] for c in added["countries"]] == ["MAR", "BEL", "KOR"]


def test_a_merge_row_with_several_countries(cli: Invoke, tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("partner;countries\nStad Fès;Marokko, België\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = cli("clause", "render", "procurement", "--rows", str(rows), "--out-dir", str(out),
                 "--format", "md", "--json")  # fmt: skip
    (written,) = json.loads(result.stdout)
    assert [c["iso3"] for c in written["countries"]] == ["MAR", "BEL"]
    assert written["advice_needed"] is True
