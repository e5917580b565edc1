"""``hrtoets log export``: xlsx, csv and json, read back; user text stays text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from openpyxl import load_workbook

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
    assert flat(result.stderr) == f"2 controles en 5 gebeurtenissen geëxporteerd naar {target}."
    book = load_workbook(target)
    assert book.sheetnames == ["Controles", "Landen", "Gebeurtenissen"]
    checks = list(book["Controles"].iter_rows(values_only=True))
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
    title_cell = book["Controles"].cell(row=2, column=6)
    assert title_cell.data_type == "s"  # text, not a formula
    countries = list(book["Landen"].iter_rows(values_only=True))
    assert len(countries) == 1 + 3
    assert countries[2][2:7] == ("HUN", "Hungary", "2025", 0.5, 0.5026043717823747)
    assert countries[2][8] == "score niet hoger dan de drempel"
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
    assert load_workbook(target).sheetnames[0] == "Controles"
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
