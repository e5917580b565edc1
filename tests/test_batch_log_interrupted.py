"""``batch --log`` is all or nothing: stopped at any moment, a rerun completes it; no list twice.

The stops are real: the batch runs as a separate process and is killed with SIGKILL (at random
moments, in a loop, and at the two moments that matter, through the ``HRTOETS_CRASH_AT`` hook) or
sent SIGINT as Ctrl-C would. Afterwards the workbook exists and its rows are recorded, or neither
— or ``log verify`` names the interrupted batch and running the same batch again completes it.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from hrtoets.files import sha256_file
from hrtoets.register import CheckFilter, open_register
from tests.batch_files import write_xlsx
from tests.conftest import Invoke, flat

pytest_plugins = ["tests.register_fixtures"]  # db_url

ROWS: list[list[Any]] = [
    ["Leverancier", "Land"],
    ["Acme", "Marokko"],
    ["Bolt", "België"],
    ["Cobra", "Belgum"],
    ["Delta", "Hongarije"],
]
KILL_LOOPS = int(os.environ.get("HRTOETS_KILL_LOOPS", "4"))


def _checks(url: str) -> list[Any]:
    with open_register(url) as register:
        return register.checks(CheckFilter())


def _verify(url: str) -> dict[str, Any]:
    with open_register(url) as register:
        return register.verify().to_json()


def _run(
    *args: str, home: Path, crash_at: str | None = None, wait: bool = True
) -> subprocess.Popen[str]:
    """``hrtoets ARGS`` as its own process (``crash_at``: the HRTOETS_CRASH_AT hook)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HRTOETS_")}
    env |= {"HRTOETS_HOME": str(home), "NO_COLOR": "1", "HRTOETS_LANG": "en"}
    if crash_at is not None:
        env["HRTOETS_CRASH_AT"] = crash_at
    process = subprocess.Popen(
        [sys.executable, "-m", "hrtoets", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if wait:
        process.wait(timeout=120)
    return process


def _leftovers(folder: Path) -> list[str]:
    """Temporary files of the atomic writer still in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name)


def test_the_same_list_is_not_recorded_twice(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "suppliers.xlsx", ROWS)
    output = tmp_path / "suppliers.getoetst.xlsx"
    cli("batch", str(source), "--log", "procurement", "--db", db_url)
    kept = output.read_bytes()
    today = _checks(db_url)[0].created_at[:10]
    refused = cli("batch", str(source), "--log", "procurement", "--db", db_url, "--force",
                  "--lang", "en", expect=2)  # fmt: skip
    assert flat(refused.stderr) == (
        f"suppliers.xlsx was already recorded as procurement on {today} (checks 1 to 4); "
        "add --again to record its rows once more."
    )
    dutch = cli("batch", str(source), "--log", "procurement", "--db", db_url, "--force", expect=2)
    assert f"werd op {today} al vastgelegd als aankoop (toetsen 1 tot 4)" in flat(dutch.stderr)
    assert output.read_bytes() == kept and len(_checks(db_url)) == 4
    cli("batch", str(source), "--log", "other", "--db", db_url, "--force")  # another kind
    assert len(_checks(db_url)) == 8
    again = cli("batch", str(source), "--log", "procurement", "--db", db_url, "--force",
                "--again", "--json")  # fmt: skip
    data = json.loads(again.stdout)
    assert data["logged_check_ids"] == [9, 10, 11, 12]
    assert (data["batch"]["id"], data["batch"]["completed_at"] is not None) == (3, True)
    changed = write_xlsx(tmp_path / "suppliers.xlsx", [*ROWS, ["Echo", "Japan"]])
    cli("batch", str(changed), "--log", "procurement", "--db", db_url, "--force")  # new content
    assert len(_checks(db_url)) == 17
    batch = _checks(db_url)[-1].batch
    assert batch is not None and batch["sha256"] == sha256_file(changed) and batch["row"] == 6
    assert _verify(db_url)["interrupted_batches"] == []


def test_killed_after_the_commit_the_rerun_renames_the_waiting_workbook(
    cli: Invoke, tmp_path: Path, db_url: str
) -> None:
    source = write_xlsx(tmp_path / "suppliers.xlsx", ROWS)
    output = tmp_path / "suppliers.screened.xlsx"
    args = ("batch", str(source), "--log", "procurement", "--db", db_url)
    killed = _run(*args, home=tmp_path / "home", crash_at="batch-recorded")
    assert killed.returncode == -signal.SIGKILL
    assert not output.exists() and len(_checks(db_url)) == 4
    found = _verify(db_url)
    assert found["intact"] is True
    (waiting,) = found["interrupted_batches"]
    assert (waiting["first_check"], waiting["last_check"], waiting["output"]) == (1, 4, str(output))
    said = flat(cli("log", "verify", "--db", db_url, "--lang", "en", expect=1).stdout)
    assert (
        "Batch 1 (suppliers.xlsx, procurement, checks 1 to 4, " in said
        and f"run 'hrtoets batch \"{source}\" --log procurement' again to complete it." in said
    )
    cli(*args)  # the same command again
    assert sha256_file(output) == waiting["workbook_sha256"]  # the very workbook recorded
    assert len(_checks(db_url)) == 4
    assert _verify(db_url)["interrupted_batches"] == []
    assert _leftovers(tmp_path) == []


def test_killed_after_the_rename_the_rerun_only_completes(
    cli: Invoke, tmp_path: Path, db_url: str
) -> None:
    source = write_xlsx(tmp_path / "suppliers.xlsx", ROWS)
    output = tmp_path / "suppliers.screened.xlsx"
    args = ("batch", str(source), "--log", "procurement", "--db", db_url)
    killed = _run(*args, home=tmp_path / "home", crash_at="batch-renamed")
    assert killed.returncode == -signal.SIGKILL
    written = output.read_bytes()
    assert len(_verify(db_url)["interrupted_batches"]) == 1
    data = json.loads(cli(*args, "--json").stdout)  # no --force needed: it is its own file
    assert data["completed_interrupted_batch"] is True
    assert data["logged_check_ids"] == [1, 2, 3, 4]
    assert output.read_bytes() == written
    assert _verify(db_url)["interrupted_batches"] == []
    cli(*args, "--force", expect=2)  # complete now: a rerun is the same list twice


def test_a_lost_workbook_is_screened_again(cli: Invoke, tmp_path: Path, db_url: str) -> None:
    source = write_xlsx(tmp_path / "suppliers.xlsx", ROWS)
    output = tmp_path / "suppliers.screened.xlsx"
    args = ("batch", str(source), "--log", "procurement", "--db", db_url)
    _run(*args, home=tmp_path / "home", crash_at="batch-recorded")
    for waiting in _leftovers(tmp_path):
        (tmp_path / waiting).unlink()  # the temporary file is gone too (another disk, a cleanup)
    done = cli(*args, "--lang", "en")
    assert "The interrupted batch 1 (4 rows, checks 1 to 4) is complete:" in flat(done.stderr)
    assert output.is_file() and len(_checks(db_url)) == 4
    assert _verify(db_url)["interrupted_batches"] == []


def test_a_list_that_screens_differently_now_is_not_completed_silently(
    cli: Invoke, tmp_path: Path, db_url: str, home: Path
) -> None:
    source = write_xlsx(tmp_path / "suppliers.xlsx", ROWS)
    output = tmp_path / "suppliers.screened.xlsx"
    args = ("batch", str(source), "--log", "procurement", "--db", db_url)
    _run(*args, home=home, crash_at="batch-recorded")
    for waiting in _leftovers(tmp_path):
        (tmp_path / waiting).unlink()
    (home / "config.toml").write_text("threshold = 0.6\n", encoding="utf-8")
    refused = cli(*args, "--lang", "en", expect=2)
    assert flat(refused.stderr).startswith(
        "Batch 1 was interrupted and the list screens differently today (row 2); add --again"
    )
    assert not output.exists() and len(_verify(db_url)["interrupted_batches"]) == 1
    cli(*args, "--again")
    assert len(_checks(db_url)) == 8 and _verify(db_url)["interrupted_batches"] == []


def test_ctrl_c_waits_until_the_workbook_and_its_records_agree(tmp_path: Path, db_url: str) -> None:
    source = write_xlsx(tmp_path / "suppliers.xlsx", ROWS)
    output = tmp_path / "suppliers.screened.xlsx"
    args = ("batch", str(source), "--log", "procurement", "--db", db_url)
    stopped = _run(*args, home=tmp_path / "home", crash_at="batch-recorded:INT")
    assert stopped.returncode == 130
    assert output.is_file() and len(_checks(db_url)) == 4
    assert _verify(db_url)["interrupted_batches"] == []
    assert "Traceback" not in (stopped.stderr.read() if stopped.stderr else "")


def _invariant(folder: Path, url: str, args: tuple[str, ...]) -> str:
    """What a stop left, after a rerun where ``log verify`` names an interrupted batch."""
    output = folder / "list.screened.xlsx"
    checks = len(_checks(url))
    found = _verify(url)
    assert found["intact"] is True
    if found["interrupted_batches"]:
        done = _run(*args, home=folder / "home")
        assert done.returncode == 0, done.stderr.read() if done.stderr else ""
        assert output.is_file() and len(_checks(url)) == checks == 40
        assert _verify(url)["interrupted_batches"] == []
        return "completed"
    assert (output.is_file(), checks) in ((True, 40), (False, 0))
    return "whole" if checks else "nothing"


def test_kill_at_random_moments(tmp_path: Path) -> None:
    """SIGKILL at random moments over a whole run, again and again (SQLite: the moments that
    matter are killed on PostgreSQL too, above)."""
    seed = 20261201
    rows: list[list[Any]] = [["Naam", "Land"]]
    names = ["Marokko", "België", "Hongarije", "Japan", "Belgum", None, "Congo", "Frankrijk"]
    rows += [[f"Partner {n}", names[n % len(names)]] for n in range(40)]
    chance = random.Random(seed)
    timed = tmp_path / "timed"
    timed.mkdir()
    start = time.monotonic()
    source = write_xlsx(timed / "list.xlsx", rows)
    url = f"sqlite:///{timed / 'timing.sqlite'}"
    assert _run("batch", str(source), "--log", "other", "--db", url, home=timed).returncode == 0
    whole = time.monotonic() - start
    outcomes = []
    for loop in range(KILL_LOOPS):
        folder = tmp_path / f"run{loop}"
        folder.mkdir()
        source = write_xlsx(folder / "list.xlsx", rows)
        loop_url = f"sqlite:///{folder / 'register.sqlite'}"
        args = ("batch", str(source), "--log", "other", "--db", loop_url)
        process = _run(*args, home=folder / "home", wait=False)
        time.sleep(chance.uniform(0.3, 1.1) * whole)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        outcomes.append(_invariant(folder, loop_url, args))
    assert len(outcomes) == KILL_LOOPS  # each one held; HRTOETS_KILL_LOOPS=50 for a long run


def test_again_belongs_with_log(cli: Invoke, tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "suppliers.xlsx", ROWS)
    result = cli("batch", str(source), "--again", "--lang", "en", expect=2)
    assert flat(result.stderr).startswith("--again belongs with --log")
    assert not (tmp_path / "suppliers.screened.xlsx").exists()


def test_a_list_without_rows_records_no_batch(cli: Invoke, tmp_path: Path, db_url: str) -> None:
    source = tmp_path / "empty.csv"
    source.write_text("Naam;Land\n", encoding="utf-8")
    cli("batch", str(source), "--log", "other", "--db", db_url)
    cli("batch", str(source), "--log", "other", "--db", db_url, "--force")  # not "already"
    assert _checks(db_url) == [] and _verify(db_url)["interrupted_batches"] == []
