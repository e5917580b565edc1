"""What every benchmark measures of a command: wall time and peak memory, as a fresh process.

Peak memory is the child's own maximum resident set (``wait4``'s rusage), so each command is
measured alone, not as the largest of all the children so far. Every benchmark that runs hrtoets
as a process calls :func:`byte_compiled` first.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    peak_mb: float
    stdout: bytes


def run(
    argv: list[str],
    env: dict[str, str] | None = None,
    *,
    ok: tuple[int, ...] = (0,),
    output: Path | None = None,
) -> Run:
    """Run ``argv`` to its end (an exit code in ``ok``); its wall time and peak memory.

    A large output goes to the file ``output`` (``Run.stdout`` is then empty): a benchmark that
    held it would fork every later child from a larger process, and a forked child's peak
    memory starts at its parent's.
    """
    with (
        output.open("w+b") if output is not None else tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
    ):
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # before Popen reaps it: this child's rusage
        seconds = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in ok:
            err.seek(0)
            sys.stderr.write(err.read().decode(errors="replace"))
            raise SystemExit(f"{' '.join(argv[:4])} … failed with exit code {code}")
        out.seek(0)
        return Run(seconds, usage.ru_maxrss / 1024, out.read() if output is None else b"")


def hrtoets(*args: str) -> list[str]:
    """The installed ``hrtoets`` script beside this interpreter, else ``python -m hrtoets``."""
    script = Path(sys.executable).with_name("hrtoets")
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "hrtoets", *args]


def byte_compiled() -> None:
    """Compile hrtoets's modules to ``.pyc`` once, as ``pip install`` does for an installed copy.

    An editable install run with ``PYTHONDONTWRITEBYTECODE`` set (as on this machine) compiles
    every module it imports again on every run: 0.03 s of ``check`` and up to 0.6 s of a
    register read here, a cost no installed copy pays and no floor (Typer, SQLAlchemy and the
    other libraries come compiled from their wheels) pays either.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("hrtoets")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        compileall.compile_dir(folder, quiet=1)
