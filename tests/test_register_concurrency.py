"""Eight and more processes writing at once never lose an event nor fork the chain."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from hrtoets.register import Kind, open_register, snapshot
from hrtoets.register.model import CountryScreening
from hrtoets.screening import Screener
from tests.conftest import ROOT

pytest_plugins = ["tests.register_fixtures"]  # db_url, bundled_screener

WRITERS = 4  # more writers than cores: they contend for the lock (8 cost the suite ~5 s more)
NOTES = 6


def _writer(url: str, number: int, country: dict[str, Any], barrier: Any) -> None:
    """One process: wait for all, add a check, append notes to it; each a transaction."""
    register = open_register(url)  # on a fresh database all of them create the schema at once
    barrier.wait()
    check = register.add_check(
        kind=Kind.OTHER,
        title=f"writer {number}",
        countries=[CountryScreening.from_json(country)],
        officer=f"w{number}",
    )
    for n in range(NOTES):
        register.append_event(check.id, "note", {"writer": number, "n": n}, officer=f"w{number}")
    register.close()


def test_concurrent_processes_append_at_once(db_url: str, bundled_screener: Screener) -> None:
    screener = bundled_screener
    country = snapshot(screener.screen("Belgium")).to_json()
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WRITERS)
    processes = [
        context.Process(target=_writer, args=(db_url, n, country, barrier)) for n in range(WRITERS)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=300)
    assert [p.exitcode for p in processes] == [0] * WRITERS

    with open_register(db_url) as register:
        result = register.verify()
        events = register.events()
        checks = register.checks()
    assert result.intact, result
    assert result.events == WRITERS * (1 + NOTES) == len(events)
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert len({e.prev_hash for e in events}) == len(events)  # no two events share a parent
    assert sorted(c.id for c in checks) == list(range(1, WRITERS + 1))
    notes = sorted((e.payload["writer"], e.payload["n"]) for e in events if e.kind == "note")
    assert notes == [(w, n) for w in range(WRITERS) for n in range(NOTES)]
    for check in checks:  # each writer's notes landed on its own check
        writer = int(check.title.split()[1])
        assert {e.payload.get("writer", writer) for e in check.events} == {writer}


def test_concurrent_cli_processes_on_a_fresh_database(db_url: str, tmp_path: Path) -> None:
    """Real ``hrtoets log add`` processes, started together on a register not created yet."""
    env = {**os.environ, "HRTOETS_HOME": str(tmp_path / "home"), "HRTOETS_DB": db_url}
    command = [sys.executable, "-m", "hrtoets", "log", "add", "--kind", "procurement", "--json"]
    running = [
        subprocess.Popen(
            [*command, "--title", f"order {n}", "--country", "Marokko", "--country", "BE"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WRITERS)
    ]
    outputs = [process.communicate(timeout=300) for process in running]
    assert [p.returncode for p in running] == [0] * WRITERS, outputs
    ids = sorted(json.loads(out)["id"] for out, _ in outputs)
    assert ids == list(range(1, WRITERS + 1))
    with open_register(db_url) as register:
        result = register.verify()
        titles = sorted(c.title for c in register.checks())
    assert (result.intact, result.events, result.checks) == (True, WRITERS, WRITERS)
    assert titles == sorted(f"order {n}" for n in range(WRITERS))
