"""The guiding question is asked when a person is at a terminal and the flag is missing."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")


def _hrtoets() -> list[str]:
    script = Path(sys.executable).with_name("hrtoets")
    return [str(script)] if script.exists() else [sys.executable, "-m", "hrtoets"]


def _read_until(fd: int, marker: bytes, seconds: float = 30) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while marker not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            seen += os.read(fd, 1024)
    return seen


@pytest.mark.parametrize(
    "command",
    [
        ["log", "add", "--kind", "partnership", "--title", "Rabat", "--country", "Marokko"],
        ["batch", "{list}", "--log", "network"],
    ],
)
def test_answer_asked_on_a_terminal(tmp_path: Path, home: Path, command: list[str]) -> None:
    partners = tmp_path / "partners.csv"
    partners.write_text("Naam;Land\nRabat;Marokko\n", encoding="utf-8")
    argv = [*_hrtoets(), *(part.replace("{list}", str(partners)) for part in command), "--json"]
    master, slave = pty.openpty()
    env = {**os.environ, "HRTOETS_HOME": str(home), "HRTOETS_LANG": "en"}
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=subprocess.PIPE, stderr=slave, env=env, cwd=tmp_path
    )
    os.close(slave)
    try:
        prompt = _read_until(master, b"unsure)")
        assert b"Guiding question" in prompt
        os.write(master, b"no\n")
        out, _ = proc.communicate(timeout=60)
    finally:
        proc.kill()
        os.close(master)
    assert proc.returncode == 0
    from hrtoets.register import CheckFilter, open_register

    with open_register(f"sqlite:///{home / 'register.sqlite'}") as register:
        (check,) = register.checks(CheckFilter())
    assert check.to_json()["answer"] == "no"
    assert json.loads(out)
