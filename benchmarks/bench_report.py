"""Wall time of ``hrtoets report`` against ``hrtoets log export -o x.json`` on the same register.

The register is filled by ``hrtoets batch --log procurement`` from a list of N suppliers in a few
dozen countries (typos and blanks among them), so it holds N checks. Both commands run as fresh
processes, alternating, so drift hits both alike; the medians and their ratio are printed.
Goal: at most 2x the export (issue: the yearly report). The full size is 100,000 checks:

    python benchmarks/bench_report.py [--rounds 3] [--checks 100000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import byte_compiled

COUNTRIES = ("Marokko", "België", "Duitsland", "Frankrijk", "Japan", "Brazilië", "Kenia",
             "Belgum", "", "Catalonië", "Hongarije", "Taiwan", "Congo")  # fmt: skip


def hrtoets(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("hrtoets")
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "hrtoets", *args]


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--checks", type=int, default=10_000)
    args = parser.parse_args()
    byte_compiled()
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        os.environ["HRTOETS_HOME"] = str(root / "home")
        source = root / "suppliers.csv"
        lines = ["Naam;Land"]
        lines += [f"Leverancier {n};{COUNTRIES[n % len(COUNTRIES)]}" for n in range(args.checks)]
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        subprocess.run(hrtoets("batch", str(source), "--log", "procurement"), check=True,
                       capture_output=True)  # fmt: skip
        export = hrtoets("log", "export", "-o", str(root / "x.json"), "--force")
        report = hrtoets("report", "-o", str(root / "r.json"), "--force")
        floor_times, report_times = [], []
        for _ in range(args.rounds):
            floor_times.append(timed(export))
            report_times.append(timed(report))
    floor, made = statistics.median(floor_times), statistics.median(report_times)
    shown = f"over {args.rounds} runs ({args.checks} checks)"
    print(f"log export json  median {floor:7.2f} s {shown}")
    print(f"hrtoets report   median {made:7.2f} s {shown}")
    print(f"ratio to the export: {made / floor:.2f}  (goal <= 2)")


if __name__ == "__main__":
    main()
