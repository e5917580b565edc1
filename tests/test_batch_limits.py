"""What does not fit is refused, what cannot be written is not half-written.

An Excel sheet holds 1,048,576 rows, 16,384 columns and 32,767 characters a cell; xlsxwriter
reports anything beyond that only by a return value, so a list must be refused before writing, and
a refused write must still be an error. The row limit is tested on a ``Table`` built in memory,
the column and cell limits at their real size (they are cheap).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hrtoets.batch import run_batch, screen_table, write_workbook
from hrtoets.batch.workbook import check_limits
from hrtoets.config import load_settings
from hrtoets.errors import InputFileError, WorkbookError
from hrtoets.files import atomic_path
from hrtoets.screening import Screener
from hrtoets.spreadsheet import EXCEL_LIMITS, SheetLimits
from hrtoets.tables import Table
from tests.batch_files import column, read_only, sheet_values, write_csv, write_xlsx
from tests.conftest import Invoke

LIST = Path("list.xlsx")


@pytest.fixture
def screener() -> Screener:
    return Screener.from_settings(load_settings())


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "hrtoets-home")


def test_the_limits_are_excel_s() -> None:
    assert SheetLimits(rows=1_048_575, columns=16_384, cell=32_767) == EXCEL_LIMITS


def test_more_rows_than_a_sheet_holds_are_refused() -> None:
    row = ("Acme", "BE")
    fits = Table(headers=("Naam", "Land"), rows=(row,) * 1_048_575, source=LIST, sheet="Blad1")
    check_limits(fits)
    too_many = Table(fits.headers, (*fits.rows, row), LIST, "Blad1")
    with pytest.raises(WorkbookError) as caught:
        check_limits(too_many)
    assert str(caught.value) == (
        "list.xlsx has 1048576 rows below its header, an Excel sheet holds 1048575; "
        "split the list and screen each part."
    )


def test_more_columns_than_a_sheet_holds_are_refused() -> None:
    headers = ("Land", *(f"k{i}" for i in range(16_375)))  # + 8 added = 16,384
    check_limits(Table(headers, (("BE",) * len(headers),), LIST, "Blad1"))
    wider = (*headers, "one more")
    with pytest.raises(WorkbookError) as caught:
        check_limits(Table(wider, (("BE",) * len(wider),), LIST, "Blad1"))
    assert str(caught.value) == (
        "list.xlsx has 16377 columns, and with the 8 added columns that is more than the 16384 "
        "of an Excel sheet; remove columns you do not need."
    )


def test_a_cell_longer_than_excel_holds_is_refused_nothing_written(
    cli: Invoke, tmp_path: Path
) -> None:
    source = write_csv(tmp_path / "p.csv", ["Naam;Land", f"{'x' * 32_768};BE", "Bolt;NL"])
    result = cli("batch", str(source), "--lang", "en", expect=2)
    assert result.stderr.strip() == (
        f"Row 2 of {source} has 32768 characters in column 'Naam', an Excel cell holds 32767; "
        "shorten the text and try again."
    )
    assert _files(tmp_path) == ["p.csv"]


def test_a_cell_of_exactly_the_limit_is_kept_whole(cli: Invoke, tmp_path: Path) -> None:
    longest = "y" * 32_767
    source = write_csv(tmp_path / "p.csv", ["Naam;Land", f"{longest};BE"])
    cli("batch", str(source), "--lang", "en")
    assert column(tmp_path / "p.screened.xlsx", "Naam") == [longest]


def test_a_long_header_is_refused_as_row_1() -> None:
    table = Table(("Land", "Notes" * 3), (("BE", ""),), LIST, "Blad1")
    with pytest.raises(WorkbookError) as caught:
        check_limits(table, SheetLimits(cell=10))
    assert str(caught.value) == (
        "Row 1 of list.xlsx has 15 characters in column 'NotesNotesNotes', an Excel cell holds "
        "10; shorten the text and try again."
    )


def test_write_workbook_checks_before_writing(screener: Screener, tmp_path: Path) -> None:
    table = Table(("Land",), (("BE",), ("NL",), ("FR",)), tmp_path / "p.xlsx", "Blad1")
    result = screen_table(table, screener)
    with pytest.raises(WorkbookError, match="has 3 rows below its header"):
        write_workbook(result, tmp_path / "out.xlsx", lang="en", limits=SheetLimits(rows=2))
    assert _files(tmp_path) == []


def test_a_write_xlsxwriter_refuses_is_an_error(screener: Screener, tmp_path: Path) -> None:
    """With the pre-check lifted, xlsxwriter cuts the text and returns -2: still refused."""
    table = Table(("Land", "Naam"), (("BE", "z" * 40_000),), tmp_path / "p.xlsx", "Blad1")
    result = screen_table(table, screener)
    lifted = SheetLimits(cell=100_000)
    with pytest.raises(WorkbookError) as caught:
        write_workbook(result, tmp_path / "out.xlsx", lang="en", limits=lifted)
    assert str(caught.value) == (
        "Excel cannot hold cell B2 of sheet 'Screening' (xlsxwriter error -2); "
        "nothing was written, shorten or split the list."
    )
    assert _files(tmp_path) == []


def test_read_only_output_folder(cli: Invoke, tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "p.xlsx", [["Land"], ["BE"]])
    folder = tmp_path / "out"
    folder.mkdir()
    with read_only(folder) as reason:
        result = cli("batch", str(source), "-o", str(folder / "p.xlsx"), "--lang", "en", expect=2)
        assert _files(folder) == []
    assert result.stderr.strip() == (
        f"Cannot write in {folder} ({reason}); choose a folder you may write in."
    )


def test_an_output_that_is_a_folder_is_refused_even_with_force(cli: Invoke, tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "p.xlsx", [["Land"], ["BE"]])
    folder = tmp_path / "p.screened.xlsx"
    folder.mkdir()
    result = cli("batch", str(source), "--force", "--lang", "en", expect=2)
    assert result.stderr.strip() == (
        f"{folder} is a folder, not a file; give the path of the file itself."
    )
    assert list(folder.iterdir()) == []


class Refused(Exception):
    """What the register would raise; any failure of the hook must leave no workbook."""


def test_hook_sees_a_complete_workbook_and_its_failure_leaves_none(
    screener: Screener, tmp_path: Path
) -> None:
    source = write_xlsx(tmp_path / "p.xlsx", [["Land"], ["BE"], ["Marokko"]])
    seen: list[list[object]] = []
    renamed: list[Path] = []

    class Refusing:
        def before_rename(self, _result: object, pending: Path, target: Path) -> None:
            (temporary,) = [
                p for p in tmp_path.iterdir() if p.name.startswith(".hrtoets-tmp.p.screened.")
            ]
            assert temporary == pending
            assert target == tmp_path / "p.screened.xlsx"
            seen.extend(row[:2] for row in sheet_values(temporary))
            raise Refused

        def after_rename(self, target: Path) -> None:
            renamed.append(target)

    with pytest.raises(Refused):
        run_batch(source, screener, lang="en", recording=Refusing())
    assert seen == [["Land", "Matched place"], ["BE", "Belgium"], ["Marokko", "Morocco"]]
    assert _files(tmp_path) == ["p.xlsx"]
    assert renamed == []


def test_cannot_write_is_an_input_file_error(tmp_path: Path) -> None:
    with (
        read_only(tmp_path) as reason,
        pytest.raises(InputFileError) as caught,
        atomic_path(tmp_path / "x.txt"),
    ):
        pass
    assert (caught.value.key, caught.value.params) == (
        "file.cannot_write",
        {"path": tmp_path, "error": reason},
    )
