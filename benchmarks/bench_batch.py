"""Wall time of ``hrtoets batch`` on a 100,000-row list against the I/O floor of the same run.

The list has 6 columns (name, country, city, phone, amount, date) and about 200 distinct country
values: Dutch, English and French names, ISO codes, typos, blanks, "NA". The floor is pandas reading
the same workbook with calamine and writing it back with xlsxwriter, nothing else: the least any
tool that reads and writes this workbook must spend. Both run as fresh processes, alternating so
drift hits both alike; the medians and their ratio are printed. Goal: at most 1.5x the floor.

    python benchmarks/bench_batch.py [--rounds 5] [--rows 100000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = """
import sys
import pandas as pd
frame = pd.read_excel(sys.argv[1], engine="calamine", dtype=str, keep_default_na=False)
frame.to_excel(sys.argv[2], engine="xlsxwriter", index=False)
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
    """Write the 6-column list with xlsxwriter (fast), numbers as numbers like a user's file."""
    import xlsxwriter

    from hrtoets.index import load_index
    from hrtoets.index.store import bundled_folder

    names = sorted({entry.country for entry in load_index(bundled_folder()).entries()})
    values = countries(names)
    pick = random.Random(20251).choice
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Partners")
    sheet.write_row(0, 0, ["Naam", "Land", "Stad", "Telefoon", "Bedrag", "Datum"])
    for row in range(1, rows + 1):
        sheet.write_string(row, 0, f"Partner {row}")
        sheet.write_string(row, 1, pick(values))
        sheet.write_string(row, 2, pick(["Gent", "Brussel", "Rabat", "Seoul", "Lyon"]))
        sheet.write_string(row, 3, f"+32 9 {row % 1000:03d} {row % 97:02d} 00")
        sheet.write_number(row, 4, row * 1.5)
        sheet.write_string(row, 5, f"2025-{row % 12 + 1:02d}-{row % 28 + 1:02d}")
    book.close()


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "partners.xlsx"
        make_list(source, args.rows)
        floor = folder / "floor.py"
        floor.write_text(FLOOR, encoding="utf-8")
        env = {**os.environ, "HRTOETS_HOME": str(folder / "home")}
        commands = {
            "io floor": [sys.executable, str(floor), str(source), str(folder / "floor.xlsx")],
            "hrtoets batch": [
                *(sys.executable, "-m", "hrtoets", "batch", str(source)),
                *("-o", str(folder / "screened.xlsx"), "--force", "--json"),
            ],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, argv in commands.items():
                times[name].append(timed(argv, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        print(f"{name:14} median {value:6.2f} s over {args.rounds} runs ({args.rows} rows)")
    ratio = medians["hrtoets batch"] / medians["io floor"]
    print(f"ratio to the I/O floor: {ratio:.2f}  (goal <= 1.5)")


if __name__ == "__main__":
    main()
