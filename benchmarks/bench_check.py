"""Wall time of ``hrtoets check Belgium --json`` against floors measured in the same run.

Floors: ``python -c pass`` (the interpreter) and a minimal Typer app with one command (the
framework, same interpreter and venv). Runs alternate so drift hits every command alike; the
median of each is printed with the ratios. Goal: at most 1.5x the Typer floor.

    python benchmarks/bench_check.py [--rounds 21]
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

TYPER_FLOOR = """
import typer
app = typer.Typer()
@app.command()
def check(country: str, json: bool = False) -> None:
    print('{"country": "%s"}' % country)
app()
"""


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    rounds = parser.parse_args().rounds
    byte_compiled()
    with tempfile.TemporaryDirectory() as tmp:
        floor = Path(tmp) / "typer_floor.py"
        floor.write_text(TYPER_FLOOR, encoding="utf-8")
        env = {**os.environ, "HRTOETS_HOME": str(Path(tmp) / "home")}
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "typer floor": [sys.executable, str(floor), "Belgium", "--json"],
            "hrtoets check": [sys.executable, "-m", "hrtoets", "check", "Belgium", "--json"],
        }
        for argv in commands.values():  # warm the file cache and .pyc files
            timed(argv, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(rounds):
            for name, argv in commands.items():
                times[name].append(timed(argv, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        print(f"{name:16} median {value * 1000:7.1f} ms over {rounds} runs")
    check = medians["hrtoets check"]
    print(f"ratio to typer floor:    {check / medians['typer floor']:.2f}  (goal <= 1.5)")
    print(f"ratio to python -c pass: {check / medians['python -c pass']:.2f}")


if __name__ == "__main__":
    main()
