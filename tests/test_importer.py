"""The importer: WJP workbook → the project's CSV and metadata, with validation."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from hrtoets.errors import InputFileError, WorkbookError
from hrtoets.index.csvfile import CSV_NAME, META_NAME, read_entries
from hrtoets.index.importer import import_workbook, read_workbook
from hrtoets.index.store import load_index
from tests.conftest import SHARED_WORKBOOK, Invoke
from tests.workbooks import DEFAULT_ROWS, HEADERS, write_workbook


def test_import_writes_long_csv_and_metadata(tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "wjp.xlsx")
    out = tmp_path / "out"
    result = import_workbook(book, out)
    assert result.meta.rows == len(DEFAULT_ROWS)
    assert result.meta.edition == "2025"
    assert result.meta.countries == 4  # Belgium, Hungary, Morocco, Kosovo in 2025
    meta = json.loads((out / META_NAME).read_text(encoding="utf-8"))
    assert meta["source_sha256"] == hashlib.sha256(book.read_bytes()).hexdigest()
    assert meta["source"] == "wjp.xlsx"
    assert "World Justice Project" in meta["credit"]
    with (out / CSV_NAME).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(DEFAULT_ROWS)
    hungary = next(r for r in rows if r["iso3"] == "HUN" and r["edition"] == "2025")
    assert float(hungary["overall"]) == 0.5026043717823747  # full precision kept
    assert hungary["3.1"] != ""  # "3.1. Publicized laws … " matched by meaning
    assert hungary["factor_3"] != ""  # "Factor 3: Open Government " with its trailing space


def test_year_labels_are_kept_with_a_sortable_year(tmp_path: Path) -> None:
    result = read_workbook(write_workbook(tmp_path / "wjp.xlsx"))
    belgium = [e for e in result.entries if e.iso3 == "BEL"]
    assert {(e.edition, e.year) for e in belgium} == {("2017-2018", 2017), ("2025", 2025)}


def test_round_trip_through_csv(tmp_path: Path) -> None:
    result = import_workbook(write_workbook(tmp_path / "wjp.xlsx"), tmp_path)
    again = read_entries(tmp_path / CSV_NAME, subfactors=True)
    assert again == list(result.entries)


def test_kosovo_code_is_valid(tmp_path: Path) -> None:
    import_workbook(write_workbook(tmp_path / "w.xlsx"), tmp_path)
    kosovo = load_index(tmp_path).entry("XKX")
    assert kosovo is not None
    assert kosovo.country == "Kosovo"


def test_headers_match_by_meaning(tmp_path: Path) -> None:
    drifted = [h.upper() + "  " if h.startswith("Factor") else h.lower() for h in HEADERS]
    result = read_workbook(write_workbook(tmp_path / "w.xlsx", headers=drifted))
    assert all(e.factors[0] is not None for e in result.entries)


def test_missing_columns_are_named(tmp_path: Path) -> None:
    headers = [h for h in HEADERS if not h.startswith(("Factor 4", "Country Code"))]
    with pytest.raises(WorkbookError) as caught:
        read_workbook(write_workbook(tmp_path / "w.xlsx", headers=headers))
    assert "Country Code" in str(caught.value)
    assert "Factor 4" in str(caught.value)


def test_score_out_of_range(tmp_path: Path) -> None:
    rows = [("Belgium", 2025, "BEL", "EU", 1.7)]
    with pytest.raises(WorkbookError, match="not between 0 and 1"):
        read_workbook(write_workbook(tmp_path / "w.xlsx", rows))


def test_duplicate_country_and_edition(tmp_path: Path) -> None:
    rows = [("Belgium", 2025, "BEL", "EU", 0.7), ("Belgium", 2025, "BEL", "EU", 0.71)]
    with pytest.raises(WorkbookError, match="twice"):
        read_workbook(write_workbook(tmp_path / "w.xlsx", rows))


def test_missing_country_code(tmp_path: Path) -> None:
    rows = [("Belgium", 2025, "", "EU", 0.7)]
    with pytest.raises(WorkbookError, match="three-letter country code"):
        read_workbook(write_workbook(tmp_path / "w.xlsx", rows))


def test_bad_year_label(tmp_path: Path) -> None:
    rows = [("Belgium", "last year", "BEL", "EU", 0.7)]
    with pytest.raises(WorkbookError, match="unreadable edition"):
        read_workbook(write_workbook(tmp_path / "w.xlsx", rows))


def test_no_historical_sheet(tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "w.xlsx", sheet="Scores", extra_sheets=())
    with pytest.raises(WorkbookError, match="Historical Data"):
        read_workbook(book)


def test_empty_sheet(tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "w.xlsx", rows=[])
    with pytest.raises(WorkbookError, match="no data"):
        read_workbook(book)


def test_not_a_workbook(tmp_path: Path) -> None:
    fake = tmp_path / "w.xlsx"
    fake.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(WorkbookError, match="not a readable Excel workbook"):
        read_workbook(fake)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError):
        read_workbook(tmp_path / "absent.xlsx")


def test_folder_instead_of_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputFileError) as caught:
        read_workbook(tmp_path)
    assert caught.value.key == "file.is_folder"
    assert caught.value.render("nl") == (
        f"{tmp_path} is een map, geen bestand; geef het pad van het bestand zelf."
    )


def test_failed_import_writes_nothing(tmp_path: Path) -> None:
    rows = [("Belgium", 2025, "BEL", "EU", 0.7), ("Belgium", 2025, "BEL", "EU", 0.71)]
    out = tmp_path / "out"
    with pytest.raises(WorkbookError):
        import_workbook(write_workbook(tmp_path / "w.xlsx", rows), out)
    assert not out.exists() or not any(out.iterdir())


def test_cli_import_missing_columns_is_one_sentence(tmp_path: Path, cli: Invoke) -> None:
    headers = [h for h in HEADERS if not h.startswith("WJP Rule of Law")]
    book = write_workbook(tmp_path / "w.xlsx", headers=headers)
    result = cli("index", "import", str(book), "--lang", "en", expect=2)
    assert result.stderr.strip() == (
        "The workbook lacks the required columns Overall Score; use WJP's historical data workbook."
    )
    assert "Traceback" not in result.stderr


def test_cli_import_activates_the_edition(tmp_path: Path, cli: Invoke, home: Path) -> None:
    book = write_workbook(tmp_path / "w.xlsx")
    cli("index", "import", str(book))
    info = json.loads(cli("index", "info", "--json").stdout)
    assert info["countries"] == 4
    assert info["source"] == "w.xlsx"
    assert info["path"].startswith(str(home))


@pytest.mark.skipif(not SHARED_WORKBOOK.is_file(), reason="../shared/wjp is not beside the repo")
def test_real_workbook_reproduces_the_bundled_index(tmp_path: Path, bundled_index: Path) -> None:
    from hrtoets.index.store import bundled_folder

    result = import_workbook(SHARED_WORKBOOK, tmp_path)
    assert result.meta.rows == 1484
    assert result.meta.countries == 143
    assert result.meta.source_sha256 == (
        "caad9192f24070e340b04b8e6820830665008e17f3d0eed3782bd3ad80b417d7"
    )
    assert len(result.subfactor_codes) == 44
    empty = sum(1 for e in result.entries for _, score in e.subfactors if score is None)
    assert empty == 28
    bundled = (bundled_folder() / CSV_NAME).read_text(encoding="utf-8")
    assert (tmp_path / CSV_NAME).read_text(encoding="utf-8") == bundled


def test_quick_read_equals_the_full_csv_parse() -> None:
    """``hrtoets check`` reads only the leading columns; it must read them exactly as csv does."""
    from dataclasses import replace

    from hrtoets.index.store import bundled_folder

    path = bundled_folder() / CSV_NAME
    full = read_entries(path, subfactors=True)
    assert any("," in e.country for e in full)  # quoted fields are part of the test
    assert read_entries(path) == [replace(e, subfactors=()) for e in full]


def test_existing_index_needs_force(tmp_path: Path, cli: Invoke) -> None:
    book = write_workbook(tmp_path / "w.xlsx")
    out = tmp_path / "out"
    cli("index", "import", str(book), "-o", str(out))
    before = (out / CSV_NAME).read_bytes()
    rows = [("Belgium", 2025, "BEL", "EU", 0.7)]
    other = write_workbook(tmp_path / "other.xlsx", rows)
    result = cli("index", "import", str(other), "-o", str(out), "--lang", "en", expect=2)
    assert "already exists; use --force" in result.stderr
    assert (out / CSV_NAME).read_bytes() == before
    cli("index", "import", str(other), "-o", str(out), "--force")
    assert (out / CSV_NAME).read_bytes() != before
