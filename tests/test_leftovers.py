"""Killed at any step, hrtoets keeps an active index and leaves only its own, findable leftovers.

Real processes, killed with SIGKILL at chosen steps (the ``HRTOETS_CRASH_AT`` hook) or at a
moment; the next run of the same command removes what a killed run left once it is an hour old.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from hrtoets.files import STALE_AFTER, TEMP_PREFIX
from tests.batch_files import write_xlsx
from tests.conftest import Invoke
from tests.workbooks import write_workbook

EU = "EU, EFTA, and North America"
OLD: list[tuple[str, Any, str, str, float]] = [
    ("Belgium", 2025, "BEL", EU, 0.78),
    ("Morocco", 2025, "MAR", "Middle East and North Africa", 0.48),
]
NEW = [*OLD, ("Morocco", 2026, "MAR", "Middle East and North Africa", 0.52)]
STEPS = ["index-staged", "index-kept", "index-activating", "index-activated"]


def _hrtoets(
    *args: str, home: Path, crash_at: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HRTOETS_")}
    env |= {"HRTOETS_HOME": str(home), "NO_COLOR": "1", "HRTOETS_LANG": "en"}
    if crash_at:
        env["HRTOETS_CRASH_AT"] = crash_at
    return subprocess.run([sys.executable, "-m", "hrtoets", *args], env=env, capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip


def _active(cli: Invoke) -> tuple[str, str]:
    """The active index and the edition ``check`` screens with (in-process, same home)."""
    checked = json.loads(cli("check", "Marokko", "--json").stdout)  # exit 0: there is one
    return json.loads(cli("index", "info", "--json").stdout)["active"], checked["edition"]


@pytest.mark.parametrize("step", STEPS)
def test_an_update_killed_at_any_step_keeps_an_active_index(
    cli: Invoke, tmp_path: Path, home: Path, step: str
) -> None:
    old = write_workbook(tmp_path / "old.xlsx", OLD)
    new = write_workbook(tmp_path / "new.xlsx", NEW)
    cli("index", "update", "--file", str(old))
    killed = _hrtoets("index", "update", "--file", str(new), home=home, crash_at=step)
    assert killed.returncode == -signal.SIGKILL
    assert _active(cli) in (("2025", "2025"), ("2026", "2026"))
    cli("index", "update", "--file", str(new))
    assert _active(cli) == ("2026", "2026")


@pytest.mark.parametrize("step", STEPS[:2])
def test_the_same_workbook_again_killed_at_any_step(
    cli: Invoke, tmp_path: Path, home: Path, step: str
) -> None:
    """Re-importing the active edition's own workbook refreshes it in place, never moving it."""
    new = write_workbook(tmp_path / "new.xlsx", NEW)
    cli("index", "update", "--file", str(new))
    killed = _hrtoets("index", "update", "--file", str(new), home=home, crash_at=step)
    assert killed.returncode == -signal.SIGKILL
    assert _active(cli) == ("2026", "2026")


def test_index_use_killed_while_switching(cli: Invoke, tmp_path: Path, home: Path) -> None:
    cli("index", "update", "--file", str(write_workbook(tmp_path / "new.xlsx", NEW)))
    for step in ("index-activating", "index-activated"):
        killed = _hrtoets("index", "use", "bundled", home=home, crash_at=step)
        assert killed.returncode == -signal.SIGKILL
        assert _active(cli)[0] in ("2026", "bundled")


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_old_leftovers_of_the_same_output_are_removed(cli: Invoke, tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "list.xlsx", [["Naam", "Land"], ["Acme", "Marokko"]])
    stem = f"{TEMP_PREFIX}list.getoetst.xlsx."
    old_file, fresh_file = tmp_path / f"{stem}a1.tmp.xlsx", tmp_path / f"{stem}b2.tmp.xlsx"
    old_folder = tmp_path / f"{stem}c3.d"
    other = tmp_path / f"{TEMP_PREFIX}other.xlsx.d4.tmp.xlsx"  # another output's: not ours
    for path in (old_file, fresh_file, other):
        path.write_bytes(b"partial")
    old_folder.mkdir()
    (old_folder / "tmpabc").write_bytes(b"sheet")
    for path in (old_file, old_folder, other):
        _age(path, STALE_AFTER + 60)
    cli("batch", str(source))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)) == [
        fresh_file.name,  # less than an hour old: perhaps a run still going on
        other.name,
    ]


def test_old_import_leftovers_are_removed(cli: Invoke, tmp_path: Path, home: Path) -> None:
    folder = home / "index"
    folder.mkdir(parents=True)
    staged, downloaded = (
        folder / f"{TEMP_PREFIX}import.x1",
        folder / f"{TEMP_PREFIX}download.y2.xlsx",
    )
    staged.mkdir()
    (staged / "wjp_index.csv").write_text("half", encoding="utf-8")
    downloaded.write_bytes(b"half")
    for path in (staged, downloaded):
        _age(path, STALE_AFTER + 60)
    cli("index", "update", "--file", str(write_workbook(tmp_path / "new.xlsx", NEW)))
    assert sorted(p.name for p in folder.iterdir()) == ["2026", "active"]


def test_a_killed_batch_leaves_only_its_own_prefixed_files(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["Naam", "Land"]]
    rows += [[f"Partner {n}", ["Marokko", "België", "Japan"][n % 3]] for n in range(20_000)]
    source = write_xlsx(tmp_path / "list.xlsx", rows)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("HRTOETS_")}
    env |= {"HRTOETS_HOME": str(tmp_path / "home"), "TMPDIR": str(scratch)}
    process = subprocess.Popen([sys.executable, "-m", "hrtoets", "batch", str(source)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    time.sleep(1.2)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    left = {p.name for p in tmp_path.iterdir()} - {"home", "hrtoets-home", "tmp", "list.xlsx"}
    assert all(
        name.startswith(f"{TEMP_PREFIX}list.getoetst.xlsx.")
        for name in left - {"list.getoetst.xlsx"}
    )
    assert list(scratch.iterdir()) == []  # nothing in TMPDIR
