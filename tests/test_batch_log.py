"""``hrtoets batch --log KIND``: every screened row recorded as a check, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hrtoets.register import CheckFilter, open_register
from tests.batch_files import read_only, write_csv, write_xlsx
from tests.conftest import Invoke, flat

pytest_plugins = ["tests.register_fixtures"]

ROWS: list[list[Any]] = [
    ["Leverancier", "Land", "Telefoon"],
    ["Acme", "Marokko", "+32 9 123 45 67"],
    ["Bolt", "België", None],
    ["Cobra", "Belgum", None],
    ["Delta", None, None],
]


def _checks(url: str) -> list[Any]:
    with open_register(url) as register:
        return register.checks(CheckFilter())


def test_every_row_is_recorded(tmp_path: Path, cli: Invoke, db_url: str) -> None:
    source = write_xlsx(tmp_path / "suppliers.xlsx", ROWS)
    result = cli("batch", str(source), "--log", "procurement", "--db", db_url, "--json")
    data = json.loads(result.stdout)
    assert data["logged_kind"] == "procurement"
    assert len(data["logged_check_ids"]) == 4
    checks = _checks(db_url)
    assert [c.id for c in checks] == sorted(data["logged_check_ids"])
    by_partner = {c.partner: c for c in checks}
    assert set(by_partner) == {"Acme", "Bolt", "Cobra", "Delta"}
    assert all(c.kind.value == "procurement" for c in checks)
    acme = by_partner["Acme"].to_json()
    assert acme["countries"][0]["iso3"] == "MAR"
    assert acme["countries"][0]["advice_needed"] is True
    assert acme["advice_needed"] is True
    assert by_partner["Bolt"].to_json()["advice_needed"] is False
    assert by_partner["Cobra"].to_json()["countries"][0]["reason"] == "unresolved"
    assert by_partner["Delta"].to_json()["countries"][0]["reason"] == "missing"
    assert json.loads(cli("log", "verify", "--db", db_url, "--json").stdout)["intact"] is True
    assert (tmp_path / "suppliers.getoetst.xlsx").is_file()


def test_people_are_told_what_was_recorded(tmp_path: Path, cli: Invoke) -> None:
    source = write_xlsx(tmp_path / "suppliers.xlsx", ROWS)
    result = cli("batch", str(source), "--log", "procurement", "--lang", "en")
    assert "4 rows recorded in the register as checks 1 to 4." in flat(result.stderr)


def test_council_kind_needs_an_answer(tmp_path: Path, cli: Invoke, home: Path) -> None:
    source = write_xlsx(tmp_path / "partners.xlsx", ROWS)
    result = cli("batch", str(source), "--log", "partnership", "--lang", "en", expect=2)
    assert "the answer to the guiding question is required" in flat(result.stderr)
    assert not (tmp_path / "partners.screened.xlsx").exists()
    assert _checks(f"sqlite:///{home / 'register.sqlite'}") == []
    cli("batch", str(source), "--log", "partnership", "--answer", "no")
    checks = _checks(f"sqlite:///{home / 'register.sqlite'}")
    assert len(checks) == 4
    assert all(c.to_json()["answer"] == "no" for c in checks)


def test_bad_kind_writes_nothing(tmp_path: Path, cli: Invoke) -> None:
    source = write_xlsx(tmp_path / "partners.xlsx", ROWS)
    cli("batch", str(source), "--log", "holiday", expect=2)
    assert not (tmp_path / "partners.getoetst.xlsx").exists()


def test_bad_database_url_writes_nothing(tmp_path: Path, cli: Invoke) -> None:
    source = write_xlsx(tmp_path / "partners.xlsx", ROWS)
    result = cli("batch", str(source), "--log", "procurement", "--db", "nosuchdb://x", expect=2)
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "partners.getoetst.xlsx").exists()


def test_refused_output_records_nothing(tmp_path: Path, cli: Invoke, db_url: str) -> None:
    source = write_xlsx(tmp_path / "partners.xlsx", ROWS)
    (tmp_path / "partners.getoetst.xlsx").write_bytes(b"keep me")
    cli("batch", str(source), "--log", "procurement", "--db", db_url, expect=2)
    assert (tmp_path / "partners.getoetst.xlsx").read_bytes() == b"keep me"
    assert _checks(db_url) == []


def test_unwritable_workbook_records_nothing(tmp_path: Path, cli: Invoke, db_url: str) -> None:
    source = write_xlsx(tmp_path / "partners.xlsx", ROWS)
    folder = tmp_path / "out"
    folder.mkdir()
    output = folder / "partners.screened.xlsx"
    with read_only(folder) as reason:
        args = ("-o", str(output), "--log", "procurement", "--db", db_url, "--lang", "en")
        result = cli("batch", str(source), *args, expect=2)
    assert result.stderr.strip() == (
        f"Cannot write in {folder} ({reason}); choose a folder you may write in."
    )
    assert not output.exists()
    assert _checks(db_url) == []


def test_list_that_does_not_fit_records_nothing(tmp_path: Path, cli: Invoke, db_url: str) -> None:
    source = write_csv(tmp_path / "partners.csv", ["Naam;Land", "Acme;BE", f"{'x' * 32_768};NL"])
    result = cli("batch", str(source), "--log", "procurement", "--db", db_url, expect=2)
    assert result.stderr.strip() == (
        f"Rij 3 van {source} heeft in kolom 'Naam' 32768 tekens, een Excel-cel kan er 32767 "
        "bevatten; kort de tekst in en probeer opnieuw."
    )
    assert not (tmp_path / "partners.getoetst.xlsx").exists()
    assert _checks(db_url) == []
