"""``hrtoets.tables.read_table``: user spreadsheets read as the text the user sees."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from hrtoets.errors import InputFileError, WorkbookError
from hrtoets.tables import MixedEncoding, Table, cell_text, decode, read_table, sniff_delimiter
from tests.batch_files import PROTECTED, write_csv, write_xlsx


def test_workbook_values_stay_as_typed(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "partners.xlsx",
        [
            [" Naam ", "Land", "Telefoon", "Bedrag", "Sinds", "Actief"],
            ["Acme", "NA", 3292345678, 32, date(2024, 1, 2), True],
            ["Bolt", "N/A", "+32 9 123 45 67", 12.5, datetime(2024, 1, 2, 3, 4), False],
            ["Cobra", "None", None, 0.1],
        ],
    )
    table = read_table(path)
    assert table == Table(
        headers=("Naam", "Land", "Telefoon", "Bedrag", "Sinds", "Actief"),
        rows=(
            ("Acme", "NA", "3292345678", "32", "2024-01-02", "TRUE"),
            ("Bolt", "N/A", "+32 9 123 45 67", "12.5", "2024-01-02 03:04:00", "FALSE"),
            ("Cobra", "None", "", "0.1", "", ""),
        ),
        source=path,
        sheet="Partners",
    )


def test_first_sheet_by_default_and_sheet_by_name(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "p.xlsx", [["Land"], ["Marokko"]], before=["Intro"])
    assert read_table(path).sheet == "Intro"
    assert read_table(path, sheet="Partners").rows == (("Marokko",),)
    assert read_table(path, sheet=" partners").sheet == "Partners"  # case and spaces forgiven


def test_leading_empty_rows_skipped_inner_kept_trailing_dropped(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "p.xlsx",
        [[None], ["Land", "Naam"], ["BE", "a"], [None], ["NL", "b", "extra"], [None], [None]],
    )
    table = read_table(path)
    assert table.headers == ("Land", "Naam", "")  # a cell beyond the headers gets a column
    assert table.rows == (("BE", "a", ""), ("", "", ""), ("NL", "b", "extra"))


def test_csv_utf8_bom_comma(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        ["\ufeffLand,Naam", 'NA,"Acme, Inc."', "None,", ""],
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.headers == ("Land", "Naam")
    assert table.rows == (("NA", "Acme, Inc."), ("None", ""))
    assert table.sheet is None


def test_csv_cp1252_semicolon(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "p.csv",
        ["Naam;Land;Bedrag", "Café Zoë;België;€ 5,50", "Ça va;Côte d’Ivoire;1,5"],
        encoding="cp1252",
    )
    assert read_table(path).rows == (
        ("Café Zoë", "België", "€ 5,50"),
        ("Ça va", "Côte d’Ivoire", "1,5"),
    )


def test_one_column_csv_keeps_its_commas(tmp_path: Path) -> None:
    """Belgian Excel saves a one-column list without quotes: "Korea, Rep." is one country."""
    path = write_csv(
        tmp_path / "p.csv",
        ["Land", "Korea, Rep.", "Belgi\u00eb", '"Congo, Dem. Rep."', "Iran; Islamic Rep."],
        encoding="cp1252",
    )
    table = read_table(path)
    assert table.headers == ("Land",)
    assert table.rows == (
        ("Korea, Rep.",),
        ("Belgi\u00eb",),
        ("Congo, Dem. Rep.",),
        ("Iran; Islamic Rep.",),
    )


def test_unclosed_quote_is_a_corrupt_csv(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", ["Naam;Land", '"Acme;BE', "Bolt;NL", "Cobra;FR"])
    with pytest.raises(WorkbookError):
        read_table(path)
    assert _error(path) == (
        f"{path} is not a valid CSV file (unexpected end of data); save it again from Excel."
    )


def test_bom_with_cp1252_bytes_is_not_replaced() -> None:
    assert decode(b"\xef\xbb\xbfLand\r\nBelgi\xeb\r\n") == "Land\r\nBelgi\u00eb\r\n"
    assert decode(b"\xef\xbb\xbfLand\r\nBelgi\xc3\xab\r\n") == "Land\r\nBelgi\u00eb\r\n"


def test_csv_with_bom_and_cp1252_bytes(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(b"\xef\xbb\xbfNaam;Land\r\nCaf\xe9;Belgi\xeb\r\n")
    table = read_table(path)
    assert table.headers == ("Naam", "Land")
    assert table.rows == (("Caf\u00e9", "Belgi\u00eb"),)


def test_csv_latin1_when_not_cp1252() -> None:
    assert decode(b"Land\r\nBelgi\xeb \x81\r\n") == "Land\r\nBelgië \x81\r\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Naam;Land\r\nAcme, Inc;BE\r\nBolt;NL\r\n", ";"),
        ('Naam,Land\r\n"Acme; Bolt",BE\r\nCobra,NL\r\n', ","),
        ("Naam\tLand\r\nAcme\tBE\r\n", "\t"),
        ("Land\r\nBE\r\n", None),
        ("Land\r\nKorea, Rep.\r\nBelgi\u00eb\r\n", None),
        ('"Land, regio"\r\nKorea, Rep.\r\n', None),
        ("\r\n;;\r\nNaam,Land\r\nAcme,BE\r\n", ","),
    ],
)
def test_sniff_delimiter(text: str, expected: str | None) -> None:
    assert sniff_delimiter(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (32.0, "32"),
        (-7.0, "-7"),
        (32.5, "32.5"),
        (1e20, "1e+20"),
        (True, "TRUE"),
        (date(2024, 5, 6), "2024-05-06"),
        (datetime(2024, 5, 6), "2024-05-06"),
        (time(8, 30), "08:30:00"),
        ("NA", "NA"),
    ],
)
def test_cell_text(value: object, expected: str) -> None:
    assert cell_text(value) == expected


def _error(path: Path, sheet: str | None = None) -> str:
    with pytest.raises((InputFileError, WorkbookError)) as caught:
        read_table(path, sheet=sheet)
    return str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.xlsx"
    with pytest.raises(InputFileError):
        read_table(path)
    assert _error(path) == f"The file {path} does not exist; check the name and the folder."


def test_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Land\nBE\n", encoding="utf-8")
    assert _error(path) == (
        f"{path} is not an Excel workbook (.xlsx) or a CSV file; "
        "save the list as .xlsx or .csv and try again."
    )


def test_binary_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(InputFileError, match="is not an Excel workbook"):
        read_table(path)


def test_corrupt_workbook(tmp_path: Path) -> None:
    path = tmp_path / "p.xlsx"
    path.write_bytes(b"Land;Naam\r\nBE;x\r\n")
    with pytest.raises(WorkbookError):
        read_table(path)
    message = _error(path)
    assert message.startswith(f"{path} is not a readable Excel workbook (")
    assert message.endswith("); open it in Excel and save it again as .xlsx.")


def test_password_protected_workbook() -> None:
    with pytest.raises(WorkbookError):
        read_table(PROTECTED)
    assert _error(PROTECTED) == (
        f"{PROTECTED} is protected with a password; remove the password in Excel "
        "(File > Info > Protect Workbook) and try again."
    )


def test_empty_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "p.xlsx", [], sheet="Leeg")
    assert _error(path) == (
        f"Sheet 'Leeg' of {path} is empty; choose another sheet with --sheet or fill in the list."
    )


def test_empty_csv(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n;;\r\n")
    with pytest.raises(WorkbookError):
        read_table(path)
    assert _error(path) == (
        f"{path} holds no data (no header row, no rows); fill in the list and try again."
    )
    path.write_bytes(b"")
    assert _error(path).startswith(f"{path} holds no data")


def test_unknown_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "p.xlsx", [["Land"]], before=["Intro"])
    assert _error(path, "Leveranciers") == (
        f"{path} has no sheet 'Leveranciers'; it has: 'Intro', 'Partners'."
    )


def test_sheet_option_on_csv(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", ["Land", "BE"])
    assert _error(path, "Blad1") == f"{path} is a CSV file and has no sheets; leave out --sheet."


def test_folder_instead_of_file(tmp_path: Path) -> None:
    path = tmp_path / "map.xlsx"
    path.mkdir()
    assert _error(path).startswith(f"Cannot read {path} (")


def test_one_cp1252_byte_in_a_utf8_file_is_refused_with_its_line(tmp_path: Path) -> None:
    """Decoding it all as cp1252 made every UTF-8 'België' into 'BelgiÃ«', unresolved, silently."""
    path = tmp_path / "p.csv"
    path.write_bytes("Naam;Land\r\nAcme;België\r\nBolt;Cura\xe7ao\r\n".encode("latin-1").replace(
        "België".encode("latin-1"), "België".encode()))  # fmt: skip
    with pytest.raises(MixedEncoding):
        decode(path.read_bytes())
    assert _error(path) == (
        f"{path} is not written in one encoding: line 3 holds a byte (0xE7) that is not UTF-8, "
        "while the rest of the file is UTF-8; save the file again as 'CSV UTF-8' and try again."
    )


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_its_bom_is_read(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "p.csv"
    text = "Naam;Land\r\nAcme;België\r\n"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    path.write_bytes(bom + text.encode(codec))
    assert read_table(path).rows == (("Acme", "België"),)


def test_utf16_without_a_bom_is_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes("Naam;Land\r\nAcme;BE\r\n".encode("utf-16-le"))
    with pytest.raises(InputFileError):
        read_table(path)


def test_fields_beyond_the_header_are_an_error_naming_the_rows(tmp_path: Path) -> None:
    lines = [
        "Naam;Land",
        "Acme;BE",
        "Bolt;NL;Marokko",
        "Cobra;FR",
        *[f"X{n};BE;;y" for n in range(7)],
    ]
    path = write_csv(tmp_path / "p.csv", lines)
    with pytest.raises(WorkbookError):
        read_table(path)
    assert _error(path) == (
        f"8 row(s) of {path} have more fields than the header (2): row 3, 5, 6, 7, 8 (+3); a value "
        "there belongs to no column. Remove the extra separators or give those columns a header."
    )


def test_empty_fields_beyond_the_header_are_dropped(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "p.csv", ["Naam;Land", "Acme;BE;;", "Bolt;NL"])
    table = read_table(path)
    assert (table.headers, table.rows, table.trimmed) == (
        ("Naam", "Land"), (("Acme", "BE"), ("Bolt", "NL")), 1,
    )  # fmt: skip
