"""Time and peak memory of ``hrtoets batch`` on an N-row list, against floors of the same run.

The list has 6 columns (name, country, city, phone, amount, date) and about 200 distinct country
values: Dutch, English and French names, ISO codes, typos, blanks, "NA". Each command runs as a
fresh process; the floors are measured on the same files in the same run:

* reader floor: python-calamine opening the same workbook and iterating its rows, nothing else.
  Goal: hrtoets's peak memory at most this + 100 MB.
* same-output floor: python-calamine reading the workbook and xlsxwriter (constant memory)
  writing the same 14 columns (the list's 6, as text like hrtoets writes them, and 8 added cells
  of fixed text and numbers), no screening. Goal: hrtoets's time at most 1.2x this.
* CSV: the same list as a CSV file. Goal: hrtoets's peak memory at most 100 MB in all.

The full size is a million rows, run by hand (about half an hour here); CI runs 2,000 rows:

    python benchmarks/bench_batch.py [--rows 1000000] [--rounds 1]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

from measure import Run, byte_compiled, hrtoets, run

READER_FLOOR = """
import sys
import python_calamine
book = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
for row in book.get_sheet_by_name(book.sheet_names[0]).iter_rows():
    pass
"""
OUTPUT_FLOOR = """
import sys
import python_calamine
import xlsxwriter
book = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
           "strings_to_numbers": False}
out = xlsxwriter.Workbook(sys.argv[2], options)
sheet = out.add_worksheet()
added = ("Marokko", "MAR", 0.49, 0.4912, "2025", "ja", "score 0,49 <= 0,50 (WJP 2025)", "")
for r, row in enumerate(book.get_sheet_by_name(book.sheet_names[0]).iter_rows()):
    for c, value in enumerate((*(str(cell) for cell in row), *added)):
        if isinstance(value, float):
            sheet.write_number(r, c, value)
        elif value:
            sheet.write_string(r, c, value)
out.close()
"""
COUNTRIES = [
    *("Marokko", "Belgium", "België", "BE", "BEL", "NL", "Nederland", "Netherlands", "France"),
    *("Frankrijk", "Duitsland", "Germany", "DE", "Zuid-Korea", "Korea", "Congo", "Ivoorkust"),
    *("Côte d'Ivoire", "Hongarije", "Hungary", "Brazilië", "Taiwan", "Israel", "Cuba", "NA"),
    *("Belgum", "Marocco", "Frnace", "Vlaanderen", "", "USA", "VS", "Verenigd Koninkrijk", "UK"),
]


def countries(resolver_names: list[str]) -> list[str]:
    """About 200 distinct values: the typed ones above plus names from the index."""
    return COUNTRIES + resolver_names[: 200 - len(COUNTRIES)]


def make_list(path: Path, rows: int) -> None:
    """Write the 6-column list with xlsxwriter (fast), numbers as numbers like a user's file,
    and the same rows as a CSV beside it (``;``, as Belgian Excel saves it)."""
    import xlsxwriter

    from hrtoets.index import load_index
    from hrtoets.index.store import bundled_folder

    names = sorted({entry.country for entry in load_index(bundled_folder()).entries()})
    values = countries(names)
    pick = random.Random(20251).choice
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Partners")
    header = ["Naam", "Land", "Stad", "Telefoon", "Bedrag", "Datum"]
    sheet.write_row(0, 0, header)
    with path.with_suffix(".csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(header)
        for row in range(1, rows + 1):
            cells = [
                f"Partner {row}",
                pick(values),
                pick(["Gent", "Brussel", "Rabat", "Seoul", "Lyon"]),
                f"+32 9 {row % 1000:03d} {row % 97:02d} 00",
                row * 1.5,
                f"2025-{row % 12 + 1:02d}-{row % 28 + 1:02d}",
            ]
            for column, value in enumerate(cells):
                if isinstance(value, float):
                    sheet.write_number(row, column, value)
                else:
                    sheet.write_string(row, column, value)
            out.writerow([f"{value:g}" if isinstance(value, float) else value for value in cells])
    book.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    byte_compiled()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "partners.xlsx"
        make_list(source, args.rows)
        (folder / "reader.py").write_text(READER_FLOOR, encoding="utf-8")
        (folder / "output.py").write_text(OUTPUT_FLOOR, encoding="utf-8")
        env = {**os.environ, "HRTOETS_HOME": str(folder / "home")}
        python = sys.executable
        commands = {
            "reader floor": [python, str(folder / "reader.py"), str(source)],
            "output floor": [
                python,
                str(folder / "output.py"),
                str(source),
                str(folder / "f.xlsx"),
            ],
            "batch xlsx": hrtoets("batch", str(source), "-o", str(folder / "x.xlsx"), "--force"),
            "batch csv": hrtoets(
                "batch", str(source.with_suffix(".csv")), "-o", str(folder / "c.xlsx"), "--force"
            ),
        }
        runs: dict[str, list[Run]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, argv in commands.items():
                runs[name].append(run(argv, env, ok=(0, 1)))  # 1: advice needed
    seconds = {name: statistics.median(r.seconds for r in done) for name, done in runs.items()}
    peak = {name: max(r.peak_mb for r in done) for name, done in runs.items()}
    shown = f"({args.rows:,} rows, {args.rounds} round{'s' if args.rounds > 1 else ''})"
    for name in commands:
        print(f"{name:13} {seconds[name]:8.2f} s  peak {peak[name]:7.1f} MB  {shown}")
    added = peak["batch xlsx"] - peak["reader floor"]
    print(f"batch xlsx memory above the reader floor: {added:+.1f} MB  (goal <= +100 MB)")
    print(f"batch csv memory in all: {peak['batch csv']:.1f} MB  (goal <= 100 MB)")
    ratio = seconds["batch xlsx"] / seconds["output floor"]
    print(f"batch xlsx time / same-output floor: {ratio:.2f}  (goal <= 1.2)")


if __name__ == "__main__":
    main()
