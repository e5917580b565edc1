"""Small partner lists built by the batch tests, and reading screened workbooks back."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

PROTECTED = Path(__file__).with_name("batch_protected.xlsx")  # password "geheim", made with
# msoffcrypto-tool from a one-row list (Land / Marokko): a real encrypted workbook, 10 KB.

EN_ADDED = [
    "Matched place",
    "Code",
    "WJP score",
    "WJP score (exact)",
    "WJP edition",
    "Advice needed",
    "Reason",
    "Note",
]
NL_ADDED = [
    "Land of regio",
    "Code",
    "WJP-score",
    "WJP-score (exact)",
    "WJP-editie",
    "Advies nodig",
    "Reden",
    "Opmerking",
]


def write_xlsx(
    path: Path,
    rows: Sequence[Sequence[Any]],
    *,
    sheet: str = "Partners",
    before: Sequence[str] = (),
) -> Path:
    """A workbook whose sheet ``sheet`` holds ``rows``; strings are typed as strings.

    openpyxl would store a string starting with ``=`` as a formula; the user typed text, so the
    cell is typed ``s`` explicitly. ``before`` adds sheets in front of it.
    """
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for name in before:
        book.create_sheet(name)["A1"] = "other"
    target = book.create_sheet(sheet)
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value is None:
                continue
            cell = target.cell(r, c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
    book.save(path)
    return path


def write_csv(path: Path, lines: Sequence[str], *, encoding: str = "utf-8") -> Path:
    """A CSV file from ready-made lines (delimiter and quoting as given), CRLF like Excel."""
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def sheet_values(path: Path, index: int = 0) -> list[list[Any]]:
    """Every cell value of one sheet, row by row, as openpyxl reads it."""
    book = load_workbook(path)
    sheet = book.worksheets[index]
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def column(path: Path, header: str) -> list[Any]:
    """The values under ``header`` on sheet 1 (data rows only)."""
    values = sheet_values(path)
    position = values[0].index(header)
    return [row[position] for row in values[1:]]


@contextmanager
def read_only(folder: Path) -> Iterator[str]:
    """``folder`` made read-only for real; yields the reason the OS gives for a write there.

    Root writes in any folder whatever its mode, so as root the folder is made immutable
    (``chattr +i``) instead; where that cannot be done either, the test is skipped.
    """
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield "Permission denied"
        finally:
            folder.chmod(0o755)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], check=False).returncode:
        pytest.skip("as root a folder is read-only only with chattr +i, which is not possible here")
    try:
        yield "Operation not permitted"
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)
