"""The register at 1,000, 10,000 and 100,000 checks: ``batch --log`` and every whole-register read.

For each size a list of N suppliers (a few dozen countries, typos and blanks among them) is
screened with plain ``batch`` and with ``batch --log procurement`` (which fills the register with
N checks); then ``log list`` (the newest 50), ``log list --json``, ``log export`` to xlsx, csv and
json and ``monitor`` run on that register. Each is a fresh process; time and peak memory printed.

Floors, measured in the same run: for ``batch --log``, plain ``batch`` of the same list (goal:
at most 1.5x on SQLite, 2x on PostgreSQL; memory at most + 100 MB); the two run one after the
other ``--repeat`` times and the median pair is shown. For each export and
``log list --json``: a process that reads every event of the register with SQLAlchemy (payloads
parsed) and writes the same rows with the same library (xlsxwriter, csv, json; the rows are
loaded from hrtoets's own file first, untimed); for ``monitor``, the reading alone. Goal: at
most 2x and 300 MB. ``log list``: goal at most 2 s.
With HRTOETS_TEST_POSTGRES_URL set, ``batch --log`` also runs on a PostgreSQL register (a
database of its own, made and dropped here).

    python benchmarks/bench_register.py [--sizes 1000 10000 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from measure import Run, byte_compiled, hrtoets, run

COUNTRIES = ("Marokko", "België", "Duitsland", "Frankrijk", "Japan", "Brazilië",
             "Kenia", "Belgum", "", "Catalonië", "Hongarije", "Taiwan", "Congo",
             "Côte d'Ivoire")  # fmt: skip

FLOORS = r"""
import csv, json, sys, time
mode, made, out, url = sys.argv[1:5]
import sqlalchemy
engine = sqlalchemy.create_engine(url)
with engine.connect() as conn:  # what any reader of the register must do: every event, parsed
    rows = conn.execution_options(yield_per=2000).exec_driver_sql(
        "SELECT * FROM register_events ORDER BY check_id, seq")
    for row in rows:
        json.loads(row.payload)
paused = time.perf_counter()
if mode == "xlsx":
    import python_calamine, xlsxwriter
    book = python_calamine.CalamineWorkbook.from_path(made)
    sheets = [(n, book.get_sheet_by_name(n).to_python()) for n in book.sheet_names]
    loaded = time.perf_counter()
    opts = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False}
    w = xlsxwriter.Workbook(out, opts)
    for name, rows in sheets:
        s = w.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if isinstance(v, float):
                    s.write_number(r, c, v)
                elif v != "":
                    s.write_string(r, c, str(v))
    w.close()
elif mode == "csv":
    with open(made, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    loaded = time.perf_counter()
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=";", quoting=csv.QUOTE_ALL).writerows(rows)
elif mode == "json":
    with open(made, encoding="utf-8") as f:
        data = json.load(f)
    loaded = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
else:  # read: reading the register is all of it
    loaded = paused
print(loaded - paused)
"""


def write_list(path: Path, checks: int) -> None:
    lines = ["Naam;Land"]
    lines += [f"Leverancier {n};{COUNTRIES[n % len(COUNTRIES)]}" for n in range(checks)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def floor(folder: Path, mode: str, made: Path) -> float:
    """The floor's whole run (interpreter, reading every event of the register with SQLAlchemy,
    writing the rows with the library) less its untimed loading of the rows it writes: what any
    program that reads this register and writes those rows with that library must spend."""
    script = folder / "floors.py"
    script.write_text(FLOORS, encoding="utf-8")
    url = f"sqlite:///{folder / 'home' / 'register.sqlite'}"
    argv = [sys.executable, str(script), mode, str(made), str(folder / f"floor.{mode}"), url]
    done = run(argv)
    return done.seconds - float(done.stdout)


def show(name: str, done: Run, size: int, goal: str = "") -> None:
    print(f"  {name:22} {done.seconds:8.2f} s  peak {done.peak_mb:7.1f} MB  ({size:,}){goal}")


def batch_pairs(folder: Path, source: Path, repeat: int) -> tuple[Run, Run, str]:
    """Plain ``batch`` and ``batch --log`` of ``source``, one after the other, ``repeat``
    times (each ``--log`` into a register of its own, the last one kept in ``folder/home`` for
    the reads); the pair with the median ratio, and the ratios' range. One pair's ratio moves
    by a tenth from run to run on this machine (its disk above all), more than the goal's margin.
    """
    pairs = []
    for n in range(repeat):
        home = folder / ("home" if n == repeat - 1 else f"home-{n}")
        env = {**os.environ, "HRTOETS_HOME": str(home)}
        plain = run(hrtoets("batch", str(source), "-o", str(folder / "p.xlsx"), "--force"), env)
        logged = run(hrtoets("batch", str(source), "-o", str(folder / "l.xlsx"), "--force",
                             "--log", "procurement"), env)  # fmt: skip
        pairs.append((logged.seconds / plain.seconds, plain, logged))
        if home.name != "home":
            shutil.rmtree(home)
    pairs.sort(key=lambda pair: pair[0])
    ratio, plain, logged = pairs[len(pairs) // 2]
    spread = f" (median of {repeat}: {pairs[0][0]:.2f}-{pairs[-1][0]:.2f}x)" if repeat > 1 else ""
    return plain, logged, f"{ratio:.2f}x{spread}"


def one_size(root: Path, size: int, repeat: int) -> None:
    folder = root / str(size)
    folder.mkdir()
    env = {**os.environ, "HRTOETS_HOME": str(folder / "home")}
    source = folder / "suppliers.csv"
    write_list(source, size)
    plain, logged, ratio = batch_pairs(folder, source, repeat)
    print(f"{size:,} checks")
    show("batch", plain, size)
    added = logged.peak_mb - plain.peak_mb
    show("batch --log (SQLite)", logged, size, f"  {ratio}, {added:+.0f} MB (goal 1.5x)")
    postgres(folder, source, plain, size)
    show("log list", run(hrtoets("log", "list"), env), size, "  (goal <= 2 s)")
    listed = run(hrtoets("log", "list", "--json"), env, output=folder / "list.json")
    made = floor(folder, "json", folder / "list.json")
    show("log list --json", listed, size, f"  {listed.seconds / made:.2f}x floor {made:.2f} s")
    for suffix in ("xlsx", "csv", "json"):
        target = folder / f"export.{suffix}"
        done = run(hrtoets("log", "export", "-o", str(target)), env)
        made = floor(folder, suffix, target)
        show(f"log export {suffix}", done, size, f"  {done.seconds / made:.2f}x floor {made:.2f} s")
    done = run(hrtoets("monitor"), env, ok=(0, 1))  # 1: a verdict changed
    made = floor(folder, "read", folder)
    show("monitor", done, size, f"  {done.seconds / made:.2f}x read floor {made:.2f} s")


def postgres(folder: Path, source: Path, plain: Run, size: int) -> None:
    """``batch --log`` on a PostgreSQL database of its own, when a server is given."""
    url = os.environ.get("HRTOETS_TEST_POSTGRES_URL")
    if not url:
        return
    import sqlalchemy

    server = sqlalchemy.make_url(url)
    name = f"hrtoets_bench_{os.getpid()}_{size}"
    admin = sqlalchemy.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        target = server.set(database=name).render_as_string(hide_password=False)
        env = {**os.environ, "HRTOETS_HOME": str(folder / "pg-home"), "HRTOETS_DB": target}
        done = run(hrtoets("batch", str(source), "-o", str(folder / "pg.xlsx"), "--log",
                           "procurement"), env)  # fmt: skip
        ratio = done.seconds / plain.seconds
        show("batch --log (PostgreSQL)", done, size, f"  {ratio:.2f}x (goal 2x)")
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5, help="batch / batch --log pairs a size")
    args = parser.parse_args()
    byte_compiled()
    with tempfile.TemporaryDirectory() as work:
        for size in args.sizes:
            one_size(Path(work), size, max(1, args.repeat))


if __name__ == "__main__":
    main()
