"""``hrtoets log export``: xlsx, csv and json, read back; user text stays text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import Cell

from hrtoets.files import sha256_file
from tests.conftest import Invoke, flat

pytest_plugins = ["tests.register_fixtures"]  # db_url

FORMULA = '=HYPERLINK("http://evil.example","click")'


def _fill(cli: Invoke, db: str) -> None:
    cli("log", "add", "--db", db, "--kind", "partnership", "--title", FORMULA, "--country",
        "Marokko", "--country", "Hongarije", "--answer", "no", "--partner", "+31 fair")  # fmt: skip
    cli("log", "add", "--db", db, "--kind", "procurement", "--title", "Laptops", "--country", "BE")
    cli("log", "advice", "1", "--requested", "--db", db)
    cli("log", "advice", "1", "--received", "--outcome", "negative", "--db", db)
    cli("log", "decide", "1", "--decision", "no-go", "--db", db)


def test_xlsx_read_back(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    _fill(cli, db_url)
    target = tmp_path / "register.xlsx"
    result = cli("log", "export", "--db", db_url, "-o", str(target))
    assert flat(result.stderr) == f"2 toetsen en 5 gebeurtenissen geëxporteerd naar {target}."
    book = load_workbook(target)
    assert book.sheetnames == ["Toetsen", "Landen", "Gebeurtenissen"]
    checks = list(book["Toetsen"].iter_rows(values_only=True))
    assert checks[0][:6] == ("ID", "Geregistreerd op", "Ambtenaar", "Dienst", "Soort", "Titel")
    first = dict(zip(checks[0], checks[1], strict=True))
    assert first["Titel"] == FORMULA and first["Partner"] == "+31 fair"
    assert first["Soort"] == "bilateraal partnerschap"
    assert (first["Status"], first["Advies"], first["Beslissing"]) == (
        "beslist",
        "negatief",
        "niet doorgaan",
    )
    assert first["Landen"] == "Marokko (MAR); Hongarije (HUN)"  # CLDR names, in Dutch
    assert first["Redenen"] == "score niet hoger dan de drempel"
    title_cell = book["Toetsen"].cell(row=2, column=6)
    assert title_cell.data_type == "s"  # text, not a formula
    countries = list(book["Landen"].iter_rows(values_only=True))
    assert len(countries) == 1 + 3
    assert countries[2][2:8] == ("HUN", None, "Hungary", "2025", 0.5, 0.5026043717823747)
    assert countries[2][9] == "score niet hoger dan de drempel"
    events = list(book["Gebeurtenissen"].iter_rows(values_only=True))
    assert [row[0] for row in events[1:]] == [1, 2, 3, 4, 5]
    assert [row[3] for row in events[1:]] == [
        "geregistreerd", "geregistreerd", "advies gevraagd", "advies ontvangen", "beslissing",
    ]  # fmt: skip
    assert all(len(str(row[7])) == 64 for row in events[1:])
    assert events[2][6] == events[1][7]  # each event names the previous hash


def test_csv_and_json_read_back(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    _fill(cli, db_url)
    target = tmp_path / "register.csv"
    cli("log", "export", "--db", db_url, "-o", str(target), "--lang", "en")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    # CSV has no types: a cell Excel would run as a formula gets a leading ' and stays text.
    assert [r["Title"] for r in rows] == ["'" + FORMULA, "Laptops"]
    assert (rows[0]["Partner"], rows[0]["ID"]) == ("'+31 fair", "1")
    assert rows[1]["Kind"] == "procurement" and rows[1]["Status"] == "no advice needed"
    assert rows[0]["Countries"] == "Morocco (MAR); Hungary (HUN)"
    assert rows[0]["Reasons"] == "score at or below the threshold"
    target = tmp_path / "register.json"
    cli("log", "export", "--db", db_url, "-o", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [c["title"] for c in data["checks"]] == [FORMULA, "Laptops"]
    assert [e["seq"] for e in data["checks"][0]["events"]] == [1, 3, 4, 5]
    assert data["events"] == 5 and len(data["head_hash"]) == 64


def test_export_refuses_and_keeps_what_exists(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    _fill(cli, db_url)
    target = tmp_path / "register.xlsx"
    target.write_text("keep me", encoding="utf-8")
    result = cli("log", "export", "--db", db_url, "-o", str(target), "--lang", "en", expect=2)
    assert flat(result.stderr) == (
        f"{target} already exists; use --force to overwrite it or choose another name."
    )
    assert target.read_text(encoding="utf-8") == "keep me"
    cli("log", "export", "--db", db_url, "-o", str(target), "--force")
    assert load_workbook(target).sheetnames[0] == "Toetsen"
    bad = cli("log", "export", "--db", db_url, "-o", str(tmp_path / "r.pdf"), "--lang", "en",
              expect=2)  # fmt: skip
    assert flat(bad.stderr) == (
        f"Cannot export to {tmp_path / 'r.pdf'}: choose a file ending in .xlsx, .csv, .json."
    )
    missing = cli("log", "export", "--db", db_url, "--lang", "en", expect=2)
    assert flat(missing.stderr) == "Give the output file with -o, for example -o register.xlsx."
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_csv_neutralises_every_formula_start(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    starts = ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=1", "'quoted"]
    for partner in starts:
        cli("log", "add", "--db", db_url, "--kind", "other", "--title", "t", "--country", "BE",
            "--partner", partner)  # fmt: skip
    target = tmp_path / "register.csv"
    cli("log", "export", "--db", db_url, "-o", str(target), "--lang", "en")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        partners = [row["Partner"] for row in csv.DictReader(handle, delimiter=";")]
    assert partners == ["'=1+2", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "a=1", "'quoted"]


def test_xlsx_refuses_a_cell_excel_would_cut(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    long_note = "x" * 40_000
    cli("log", "add", "--db", db_url, "--kind", "other", "--title", "Lang", "--country", "BE",
        "--note", long_note)  # fmt: skip
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "register.xlsx"
    refused = cli("log", "export", "--db", db_url, "-o", str(target), "--lang", "en", expect=2)
    assert flat(refused.stderr) == (
        f"Cannot export to {target}: sheet Checks, row 2, column Note holds 40000 characters, "
        "more than the 32767 an Excel cell keeps; export to .json, which keeps everything."
    )
    assert list(folder.iterdir()) == []  # nothing written, no temporary file left
    as_json = folder / "register.json"
    cli("log", "export", "--db", db_url, "-o", str(as_json))
    assert json.loads(as_json.read_text(encoding="utf-8"))["checks"][0]["note"] == long_note


def test_csv_is_for_belgian_excel(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    """`;`-separated, UTF-8 with a BOM, every field quoted: a `;` in a note stays in its cell."""
    note = "Zie bijlage;=cmd|' /C calc'!A0"
    cli("log", "add", "--db", db_url, "--kind", "other", "--title", "België", "--country", "BE",
        "--note", note)  # fmt: skip
    target = tmp_path / "register.csv"
    cli("log", "export", "--db", db_url, "-o", str(target))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header, row = raw[3:].decode("utf-8").splitlines()
    for line in (header, row):
        fields = next(csv.reader([line], delimiter=";"))
        assert line == ";".join(f'"{field}"' for field in fields)  # every field quoted
    assert '"België"' in row
    with target.open(encoding="utf-8-sig", newline="") as handle:
        (read,) = list(csv.DictReader(handle, delimiter=";"))
    assert read["Notitie"] == note  # one cell; it starts with Z, so Excel shows it as text


def test_checks_sheet_follows_the_lifecycle_in_real_dates(
    cli: Invoke, db_url: str, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    cli("log", "add", "--db", db_url, "--kind", "partnership", "--title", "Rabat", "--country",
        "Marokko", "--answer", "no", "--partner", "Stad Rabat")  # fmt: skip
    cli("log", "add", "--db", db_url, "--kind", "network", "--title", "Spoed", "--country",
        "Marokko", "--answer", "no")  # fmt: skip
    cli("log", "add", "--db", db_url, "--kind", "procurement", "--title", "Fout", "--country", "BE")
    today = datetime.now(UTC).date()  # the day the checks were recorded, in UTC
    cli("log", "advice", "1", "--requested", "--db", db_url, "--date", today.isoformat())
    cli("log", "advice", "1", "--received", "--outcome", "conditional", "--db", db_url)
    cli("clause", "render", "partnership", "-o", str(tmp_path / "a.md"), "--partner",
        "Stad Rabat", "--log", "--check", "1", "--db", db_url)  # fmt: skip
    cli("log", "decide", "1", "--decision", "adjusted", "--db", db_url)
    closed = cli("clause", "render", "partnership", "-o", str(tmp_path / "b.md"), "--partner",
                 "Stad Rabat", "--log", "--check", "1", "--db", db_url, expect=2)  # fmt: skip
    assert "Toets 1 is al beslist (aangepast doorgaan)" in flat(closed.stderr)
    cli("log", "decide", "2", "--decision", "go", "--without-advice", "--reason", "spoed",
        "--db", db_url)  # fmt: skip
    cli("log", "withdraw", "3", "--reason", "dubbel", "--db", db_url)
    target = tmp_path / "register.xlsx"
    cli("log", "export", "--db", db_url, "-o", str(target), "--lang", "en")
    sheet = load_workbook(target)["Checks"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    checks = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    first, urgent, wrong = checks
    midnight = datetime.combine(today, datetime.min.time())
    assert first["Advice requested on"] == midnight  # openpyxl reads an Excel date as a datetime
    assert first["Advice received on"] is not None and first["Decided on"] is not None
    assert (first["Advice"], first["Decision"], first["Agreements"]) == (
        "conditional", "adjusted", 1,
    )  # fmt: skip
    assert (first["Decided without advice"], first["Withdrawn"]) == ("no", "no")
    assert (urgent["Decided without advice"], urgent["Advice requested on"]) == ("yes", None)
    assert (wrong["Withdrawn"], wrong["Status"], wrong["Agreements"]) == ("yes", "withdrawn", 0)
    recorded = first["Recorded at"]
    assert isinstance(recorded, datetime)
    stored = json.loads(cli("log", "show", "1", "--db", db_url, "--json").stdout)["created_at"]
    local = datetime.fromisoformat(stored).astimezone().replace(tzinfo=None)
    assert recorded == local  # local time, as Excel has no time zones
    date_cells = [sheet.cell(row=r, column=2) for r in range(2, 5)]
    assert all(isinstance(cell, Cell) and cell.is_date for cell in date_cells)
    csv_target = tmp_path / "register.csv"
    cli("log", "export", "--db", db_url, "-o", str(csv_target), "--lang", "en")
    with csv_target.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle, delimiter=";"))
    assert lines[0]["Advice requested on"] == today.isoformat()
    assert lines[0]["Recorded at"] == local.isoformat(sep=" ")
    assert (lines[1]["Decided without advice"], lines[2]["Withdrawn"]) == ("yes", "yes")


def test_agreement_event_keeps_the_absolute_path_and_hash(
    cli: Invoke, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    cli("clause", "render", "procurement", "-o", "contract.docx", "--partner", "Acme",
        "--country", "BE", "--log", "--db", db_url)  # fmt: skip
    event = json.loads(cli("log", "show", "1", "--db", db_url, "--json").stdout)["events"][1]
    payload = event["payload"]
    assert payload["output"] == str(tmp_path / "contract.docx")
    assert payload["sha256"] == sha256_file(tmp_path / "contract.docx")
    assert (payload["file_format"], payload["format"]) == ("docx", 2)


def test_csv_cells_neutralise_as_csv_cell_does() -> None:
    """The row-at-a-time form tells a formula by its first character: each start is one."""
    from hrtoets.spreadsheet import CSV_FORMULA_STARTS, csv_cell, csv_cells

    class Text(str):
        pass

    assert all(len(start) == 1 for start in CSV_FORMULA_STARTS)
    values: list[object] = [*CSV_FORMULA_STARTS, "=1+2", "a=1", "", None, 3, 2.5, Text("=x"),
                            Text("ok"), "'", "\n=x", " =x"]  # fmt: skip
    assert csv_cells(values) == [csv_cell(v) for v in values]
    assert csv_cells(["=1", Text("@x"), "x"]) == ["'=1", "'@x", "x"]
