"""Standard streams as pipes, files and terminals really behave: real processes, real pipes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.batch_files import write_xlsx


def _hrtoets(
    *args: str, home: Path, env: dict[str, str] | None = None, **popen: Any
) -> subprocess.Popen[bytes]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("HRTOETS_")}
    base |= {"HRTOETS_HOME": str(home), "NO_COLOR": "1", "HRTOETS_LANG": "en"}
    return subprocess.Popen(
        [sys.executable, "-m", "hrtoets", *args], env=base | (env or {}), **popen
    )


def test_a_reader_that_leaves_is_no_error(tmp_path: Path) -> None:
    """``hrtoets index list | head -1``: the pipe closes before hrtoets writes; exit 0, silent."""
    process = _hrtoets(
        "index", "list", home=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # no reader any more: every write is a broken pipe
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""


def test_a_reader_that_reads_a_little(tmp_path: Path) -> None:
    head = subprocess.Popen(["head", "-c", "10"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    process = _hrtoets("index", "list", "--json", home=tmp_path, stdout=head.stdin,
                       stderr=subprocess.PIPE)  # fmt: skip
    assert head.stdin is not None
    head.stdin.close()
    assert head.stdout is not None
    assert head.stdout.read() == b"[\n  {\n    "
    head.wait(timeout=60)
    assert process.wait(timeout=60) == 0
    assert process.stderr is not None and process.stderr.read() == b""


def test_a_stream_that_cannot_encode_gets_replacements(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    with out.open("wb") as handle:
        done = _hrtoets("check", "Marokko", home=tmp_path, env={"PYTHONIOENCODING": "cp1252"},
                        stdout=handle, stderr=subprocess.PIPE)  # fmt: skip
        assert done.wait(timeout=60) == 0
    text = out.read_bytes().decode("cp1252")
    assert "Morocco" in text and "?" in text  # ✗ has no cp1252 byte
    assert done.stderr is not None and b"Traceback" not in done.stderr.read()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("json_output", [False, True])
def test_a_full_disk_on_stdout_is_one_sentence(tmp_path: Path, json_output: bool) -> None:
    args = ["check", "Marokko", *(["--json"] if json_output else [])]
    with Path("/dev/full").open("wb") as full:
        done = _hrtoets(*args, home=tmp_path, stdout=full, stderr=subprocess.PIPE)
        assert done.wait(timeout=60) == 2
    assert done.stderr is not None
    said = done.stderr.read().decode()
    assert said.strip() == (
        "hrtoets cannot write its result to standard output (No space left on device); "
        "free some space or send the output elsewhere."
    )


def test_a_closed_stdout_is_one_sentence(tmp_path: Path) -> None:
    done = _hrtoets("check", "Marokko", "--json", home=tmp_path, stderr=subprocess.PIPE,
                    preexec_fn=lambda: os.close(1))  # fmt: skip
    assert done.wait(timeout=60) == 2
    assert done.stderr is not None
    assert done.stderr.read().decode().startswith("Standard output is closed, so hrtoets has")


def test_sigterm_stops_like_ctrl_c_and_leaves_nothing(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["Naam", "Land"]]
    rows += [[f"Partner {n}", ["Marokko", "België", "Japan"][n % 3]] for n in range(20_000)]
    source = write_xlsx(tmp_path / "list.xlsx", rows)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    process = _hrtoets("batch", str(source), home=tmp_path / "home", stderr=subprocess.PIPE,
                       stdout=subprocess.DEVNULL, env={"TMPDIR": str(scratch)})  # fmt: skip
    time.sleep(1.0)
    process.send_signal(signal.SIGTERM)
    code = process.wait(timeout=60)
    assert code in (143, 0)  # 0: it was done before the signal came
    assert process.stderr is not None and b"Traceback" not in process.stderr.read()
    beside = {p.name for p in tmp_path.iterdir()} - {"home", "hrtoets-home", "tmp"}
    assert beside == ({"list.xlsx", "list.screened.xlsx"} if code == 0 else {"list.xlsx"})
    assert list(scratch.iterdir()) == []


def test_sigterm_in_the_critical_steps_waits_for_them(tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "list.xlsx", [["Naam", "Land"], ["Acme", "Marokko"]])
    db = f"sqlite:///{tmp_path / 'r.sqlite'}"
    process = _hrtoets("batch", str(source), "--log", "other", "--db", db, home=tmp_path / "home",
                       env={"HRTOETS_CRASH_AT": "batch-recorded:TERM"})  # fmt: skip
    assert process.wait(timeout=60) == 143
    assert (tmp_path / "list.screened.xlsx").is_file()
    from hrtoets.register import open_register

    with open_register(db) as register:
        assert register.interrupted_batches() == [] and len(register.checks()) == 1
