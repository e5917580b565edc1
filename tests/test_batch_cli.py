"""``hrtoets batch``: real lists in, real workbooks out, read back with openpyxl."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from rich.console import Console

from hrtoets.batch import run_batch
from hrtoets.batch.workbook import ADVICE_FILL
from hrtoets.cli.batch import _progress
from hrtoets.cli.session import start
from hrtoets.screening import Screener
from tests.batch_files import (
    EN_ADDED,
    NL_ADDED,
    PROTECTED,
    column,
    sheet_values,
    write_csv,
    write_xlsx,
)
from tests.conftest import Invoke, flat

PARTNERS: list[list[Any]] = [
    ["Naam", "Land", "Telefoon"],
    ["Acme", "Marokko", "+32 9 123 45 67"],
    ["Bolt", "NA", 3292345678],
    ["Cobra", "Belgum", None],
    ["Delta", "Congo", "=1+1"],
    ["Echo", None, "-5"],
    ["Fox", "Hongarije", "@home"],
    ["Golf", "Taiwan", "https://golf.example"],
    ["Hotel", "BE", None],
]
TRAPS = [
    "=SUM(A1:A2)",
    '=HYPERLINK("http://evil.example","klik")',
    "+32 9 266 70 00",
    "-2",
    "@SUM(1)",
    "https://example.org",
    "www.example.org",
    "mailto:a@example.org",
]


@pytest.fixture
def partners(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "partners.xlsx", PARTNERS)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_english_output(cli: Invoke, partners: Path) -> None:
    before = _digest(partners)
    result = cli("batch", str(partners), "--lang", "en")
    output = partners.with_name("partners.screened.xlsx")
    assert _digest(partners) == before  # the input is never modified
    values = sheet_values(output)
    assert values[0] == ["Naam", "Land", "Telefoon", *EN_ADDED]
    assert len(values) == len(PARTNERS)  # rows out = rows in
    assert [row[:3] for row in values[1:]] == [
        ["Acme", "Marokko", "+32 9 123 45 67"],
        ["Bolt", "NA", "3292345678"],
        ["Cobra", "Belgum", None],
        ["Delta", "Congo", "=1+1"],
        ["Echo", None, "-5"],
        ["Fox", "Hongarije", "@home"],
        ["Golf", "Taiwan", "https://golf.example"],
        ["Hotel", "BE", None],
    ]
    assert column(output, "Matched place") == [
        "Morocco",
        "Namibia",
        None,
        None,
        None,
        "Hungary",
        "Taiwan",
        "Belgium",
    ]
    assert column(output, "Code") == ["MAR", "NAM", None, None, None, "HUN", "TWN", "BEL"]
    assert column(output, "WJP score") == [0.48, 0.61, None, None, None, 0.5, None, 0.78]
    assert column(output, "WJP score (exact)")[0] == pytest.approx(0.4806151047785714)
    editions = ["2025", "2025", None, None, None, "2025", "2025", "2025"]
    assert column(output, "WJP edition") == editions
    advice = ["yes", "no", "yes", "yes", "yes", "yes", "yes", "no"]
    assert column(output, "Advice needed") == advice
    assert column(output, "Reason") == [
        "score 0.48 is at or below 0.5",
        "score 0.61 is above 0.5",
        "country not recognised",
        "more than one country possible",
        "no country given",
        "score 0.50 is at or below 0.5",
        "not in the WJP index 2025",
        "score 0.78 is above 0.5",
    ]
    assert column(output, "Note") == [
        None,
        None,
        "To review: country not recognised; did you mean Belgium (BEL)?",
        "To review: could be Congo - Kinshasa (COD), Congo - Brazzaville (COG); "
        "fill in one country.",
        "To review: no country filled in.",
        "Borderline: WJP publishes 0.50, the exact score is 0.5026.",
        None,
        None,
    ]
    out = flat(result.stdout)
    assert "Rows 8 Advice needed 6 No advice needed 2 Borderline cases 1" in out
    assert "'Belgum' ×1: Belgium (BEL)" in out
    assert f"Written: {output} (8 rows, 6 needing advice)." in out
    assert flat(result.stderr) == "Country column: 'Land' (recognised by its header)."


def test_dutch_output_by_default(cli: Invoke, partners: Path) -> None:
    cli("batch", str(partners))
    output = partners.with_name("partners.getoetst.xlsx")
    book = load_workbook(output)
    assert book.sheetnames == ["Toets", "Samenvatting"]
    assert sheet_values(output)[0] == ["Naam", "Land", "Telefoon", *NL_ADDED]
    assert column(output, "Land of regio")[:2] == ["Marokko", "Namibië"]
    assert column(output, "Advies nodig") == ["ja", "nee", "ja", "ja", "ja", "ja", "ja", "nee"]
    assert column(output, "Opmerking")[2] == (
        "Na te kijken: land niet herkend; bedoelde je België (BEL)?"
    )
    assert column(output, "Opmerking")[5] == (
        "Grensgeval: WJP publiceert 0.50, de exacte score is 0.5026."
    )


def test_sheet_layout(cli: Invoke, partners: Path) -> None:
    cli("batch", str(partners), "-o", str(partners.with_name("out.xlsx")))
    sheet = load_workbook(partners.with_name("out.xlsx")).worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:K9"
    assert sheet.cell(1, 1).font.b is True
    advice = [cell.value == "ja" for cell in sheet["I"][1:]]
    assert advice == [True, False, True, True, True, True, True, False]
    # Rows that need advice are filled by one rule on the Advice column (I), whole rows of the
    # table, so the fill stays with its row when Excel sorts or filters; no cell has a fill.
    (rule_range,) = sheet.conditional_formatting
    assert str(rule_range.sqref) == "A2:K9"
    (rule,) = rule_range.rules
    assert (rule.type, rule.formula) == ("expression", ['$I2="ja"'])
    assert rule.dxf.fill.bgColor.rgb == "FF" + ADVICE_FILL.lstrip("#")
    fills = {sheet.cell(r, c).fill.fgColor.rgb for r in range(2, 10) for c in range(1, 12)}
    assert fills == {"00000000"}
    assert sheet.column_dimensions["C"].width >= len("+32 9 123 45 67")
    assert sheet.column_dimensions["K"].width >= 40


def test_the_advice_fill_follows_the_language_and_skips_an_empty_list(
    cli: Invoke, partners: Path, tmp_path: Path
) -> None:
    english = tmp_path / "en.xlsx"
    cli("batch", str(partners), "-o", str(english), "--lang", "en")
    sheet = load_workbook(english).worksheets[0]
    assert [cell.value for cell in sheet["I"][1:3]] == ["yes", "no"]
    (rule_range,) = sheet.conditional_formatting
    assert [r.formula for r in rule_range.rules] == [['$I2="yes"']]
    empty = tmp_path / "leeg.csv"
    empty.write_text("Naam;Land\n", encoding="utf-8")
    cli("batch", str(empty), "-o", str(tmp_path / "leeg.xlsx"))
    assert list(load_workbook(tmp_path / "leeg.xlsx").worksheets[0].conditional_formatting) == []


def test_formula_like_and_urls_stay_text(cli: Invoke, tmp_path: Path) -> None:
    lines = ["Land;Naam"] + [
        f"BE;{trap}" if '"' not in trap else 'BE;"=HYPERLINK(""http://evil.example"",""klik"")"'
        for trap in TRAPS
    ]
    source = write_csv(tmp_path / "traps.csv", [*lines, "=1+1;x", "+32;y"])
    cli("batch", str(source), "--lang", "en")
    output = tmp_path / "traps.screened.xlsx"
    assert column(output, "Naam") == [*TRAPS, "x", "y"]
    assert column(output, "Land")[-2:] == ["=1+1", "+32"]
    book = load_workbook(output)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                assert cell.hyperlink is None, (sheet.title, cell.coordinate)
    assert column(output, "Reason")[-2:] == ["country not recognised"] * 2


def test_cp1252_semicolon_csv(cli: Invoke, tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "leveranciers.csv",
        [
            "Leverancier;Land/regio;Bedrag",
            "Café;België;€ 5",
            "Zoë;Côte d’Ivoire;7",
            "Ça;Ivoorkust;1",
        ],
        encoding="cp1252",
    )
    cli("batch", str(source), "--lang", "en")
    output = tmp_path / "leveranciers.screened.xlsx"
    assert column(output, "Leverancier") == ["Café", "Zoë", "Ça"]
    assert column(output, "Bedrag") == ["€ 5", "7", "1"]
    assert column(output, "Code") == ["BEL", "CIV", "CIV"]


def test_bom_csv(cli: Invoke, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "p.csv", ["\ufeffCountry,Name", "NA,a", "N/A,b", "None,c"])
    data = json.loads(cli("batch", str(source), "--json").stdout)
    assert data["column"] == "Country"
    output = tmp_path / "p.getoetst.xlsx"
    assert column(output, "Country") == ["NA", "N/A", "None"]  # never blanks
    assert column(output, "Code") == ["NAM", None, None]
    assert data["per_reason"] == {"above_threshold": 1, "unresolved": 2}


def test_json_summary(cli: Invoke, partners: Path) -> None:
    result = cli("batch", str(partners), "--json", "--lang", "nl")
    assert result.stderr == ""  # no progress bar, no talk: stderr is not a terminal
    data = json.loads(result.stdout)
    assert set(data) == {
        "input",
        "sheet",
        "column",
        "column_found_by",
        "output",
        "rows",
        "distinct_values",
        "advice_needed",
        "no_advice_needed",
        "borderline",
        "per_reason",
        "unresolved",
        "edition",
        "index_source",
        "threshold",
        "rounding",
        "date",
    }
    assert data["output"] == str(partners.with_name("partners.getoetst.xlsx"))
    assert (data["rows"], data["advice_needed"], data["no_advice_needed"]) == (8, 6, 2)
    assert data["per_reason"] == {
        "above_threshold": 2,
        "at_or_below_threshold": 2,
        "not_in_index": 1,
        "unresolved": 1,
        "ambiguous": 1,
        "missing": 1,
    }
    assert data["unresolved"][0] == {
        "input": "Belgum",
        "reason": "unresolved",
        "rows": 1,
        "suggestions": [{"iso3": "BEL", "code": "BEL", "name": "Belgium"}],
    }
    assert [item["input"] for item in data["unresolved"]] == ["Belgum", "Congo"]
    assert (data["sheet"], data["column"], data["column_found_by"]) == (
        "Partners",
        "Land",
        "header",
    )
    assert (data["edition"], data["rounding"], data["threshold"]) == ("2025", "published", 0.5)
    assert data["date"] == date.today().isoformat()


def test_summary_sheet(cli: Invoke, partners: Path) -> None:
    cli("batch", str(partners), "--lang", "en")
    values = sheet_values(partners.with_name("partners.screened.xlsx"), 1)
    facts = {row[0]: row[1] for row in values if row[0] is not None}
    assert facts["Input"] == str(partners)
    assert facts["Sheet"] == "Partners"
    assert facts["Country column"] == "Land"
    assert facts["Rows"] == 8
    assert facts["Advice needed"] == 6
    assert facts["No advice needed"] == 2
    assert facts["Borderline cases"] == 1
    assert facts["To review"] == 3
    assert facts["WJP edition"] == "2025"
    assert facts["Index source"] == "2025_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx"
    assert facts["Rounding"] == "published score (two decimals, rounded half up)"
    assert facts["Date"] == date.today().isoformat()
    shown = {"country not recognised", "no country given"}  # in the sheet's language, no codes
    reasons = {row[0]: row[1] for row in values if row[0] in shown}
    assert reasons == {"country not recognised": 1, "no country given": 1}
    review = [row for row in values if row[0] in {"Belgum", "Congo"}]
    assert review == [
        ["Belgum", "country not recognised", 1, "Belgium (BEL)"],
        [
            "Congo",
            "more than one country possible",
            1,
            "Congo - Kinshasa (COD), Congo - Brazzaville (COG)",
        ],
    ]
    assert ["Scores: WJP Rule of Law Index, World Justice Project.", None, None, None] in values


def test_sheet_and_column_options(cli: Invoke, tmp_path: Path) -> None:
    source = write_xlsx(
        tmp_path / "p.xlsx", [["Wie", "Van", "Naar"], ["a", "Belgium", "Marokko"]], before=["Intro"]
    )
    result = cli("batch", str(source), "--sheet", "Partners", "--column", "naar", "--lang", "en")
    assert flat(result.stderr) == "Country column: 'naar' (chosen with --column)."
    assert column(tmp_path / "p.screened.xlsx", "Code") == ["MAR"]


def test_existing_output_needs_force(cli: Invoke, partners: Path) -> None:
    output = partners.with_name("partners.screened.xlsx")
    output.write_bytes(b"keep me")
    result = cli("batch", str(partners), "--lang", "en", expect=2)
    assert result.stderr.strip() == (
        f"{output} already exists; use --force to overwrite it or choose another name."
    )
    assert output.read_bytes() == b"keep me"
    cli("batch", str(partners), "--force", "--lang", "en")
    assert len(sheet_values(output)) == 9


def test_output_may_not_be_the_input(cli: Invoke, tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "p.xlsx", [["Land"], ["BE"]])
    before = _digest(source)
    result = cli("batch", str(source), "-o", str(source), "--force", "--lang", "en", expect=2)
    assert result.stderr.strip() == (
        f"The output {source} is the input file itself; choose another name with -o "
        "(the input is never modified)."
    )
    assert _digest(source) == before


def test_output_must_be_xlsx(cli: Invoke, partners: Path) -> None:
    target = partners.with_name("out.csv")
    result = cli("batch", str(partners), "-o", str(target), "--lang", "en", expect=2)
    assert result.stderr.strip() == (
        f"The output {target} must end in .xlsx; hrtoets writes an Excel workbook."
    )


def _unwritten(folder: Path, *inputs: Path) -> None:
    written = sorted(p for p in folder.iterdir() if p.name != "hrtoets-home")
    assert written == sorted(inputs), "nothing may be written on an error"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("gone.xlsx", None, "The file {path} does not exist; check the name and the folder."),
        (
            "list.docx",
            b"PK\x03\x04",
            "{path} is not an Excel workbook (.xlsx) or a CSV file; "
            "save the list as .xlsx or .csv and try again.",
        ),
        (
            "broken.xlsx",
            b"PK\x03\x04 truncated",
            "{path} is not a readable Excel workbook (",
        ),
    ],
)
def test_bad_inputs(
    cli: Invoke, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / name
    if content is not None:
        path.write_bytes(content)
    result = cli("batch", str(path), "--lang", "en", expect=2)
    assert result.stderr.strip().startswith(message.format(path=path))
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    _unwritten(folder, *([path] if content is not None else []))


def test_protected_workbook(cli: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "secret.xlsx"
    source.write_bytes(PROTECTED.read_bytes())
    result = cli("batch", str(source), expect=2)
    assert result.stderr.strip() == (
        f"{source} is beveiligd met een wachtwoord; verwijder het wachtwoord in Excel "
        "(Bestand > Info > Werkmap beveiligen) en probeer opnieuw."
    )
    _unwritten(tmp_path, source)


def test_empty_sheet(cli: Invoke, tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "p.xlsx", [], sheet="Leeg")
    result = cli("batch", str(source), "--lang", "en", expect=2)
    assert result.stderr.strip() == (
        f"Sheet 'Leeg' of {source} is empty; choose another sheet with --sheet or fill in the list."
    )
    _unwritten(tmp_path, source)


def test_unknown_sheet(cli: Invoke, partners: Path) -> None:
    result = cli("batch", str(partners), "--sheet", "Blad9", "--lang", "en", expect=2)
    assert result.stderr.strip() == f"{partners} has no sheet 'Blad9'; it has: 'Partners'."
    _unwritten(partners.parent, partners)


def test_unknown_column(cli: Invoke, partners: Path) -> None:
    result = cli("batch", str(partners), "--column", "Bestemming", expect=2)
    assert result.stderr.strip() == (
        "Er is geen kolom 'Bestemming'; de kolommen zijn: 'Naam', 'Land', 'Telefoon'."
    )
    _unwritten(partners.parent, partners)


def test_no_clear_column(cli: Invoke, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "p.csv", ["Naam;Stad", "Acme;Gent"])
    result = cli("batch", str(source), expect=2)
    assert result.stderr.strip() == (
        "Kan de landkolom niet vinden tussen 'Naam', 'Stad'; geef ze aan met --column NAAM."
    )
    _unwritten(tmp_path, source)


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    rows = [["Land"], *(["Marokko" if i % 2 else "Belgium"] for i in range(6000))]
    source = write_xlsx(tmp_path / "big.xlsx", rows)
    session = start("en")
    screen = Screener.from_settings(session.settings)
    buffer = io.StringIO()
    session.__dict__["err"] = Console(file=buffer, force_terminal=True, width=80)
    with _progress(session) as progress:
        assert progress is not None
        result = run_batch(source, screen, lang="en", progress=progress)
    assert "Writing" in buffer.getvalue()
    assert result.row_count == 6000
    session.__dict__["err"] = Console(file=io.StringIO(), force_terminal=False)
    with _progress(session) as progress:
        assert progress is None


def test_per_row_verdicts_for_a_register(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "p.csv", ["Land", "Marokko", "", "Marokko"])
    session = start("en")
    result = run_batch(source, Screener.from_settings(session.settings), lang="en")
    assert result.output == tmp_path / "p.screened.xlsx"
    assert [
        (r.row, r.text, r.verdict.advice_needed, r.verdict.reason.value) for r in result.iter_rows()
    ] == [
        (2, "Marokko", True, "at_or_below_threshold"),
        (3, "", True, "missing"),
        (4, "Marokko", True, "at_or_below_threshold"),
    ]


def test_empty_fields_beyond_the_header_are_said(cli: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "p.csv"
    source.write_text("Naam;Land\nAcme;BE;;\nBolt;NL;\n", encoding="utf-8")
    result = cli("batch", str(source), "--lang", "en")
    assert f"2 row(s) of {source} had empty fields beyond the last header" in flat(result.stderr)
