"""Safe file output: nothing is overwritten without ``--force``, nothing is left half-written.

Every output goes to a temporary file in the target's folder and is renamed over the target only
when complete, so a crash or an error leaves either the old file or nothing. Temporary files and
folders all start with :data:`TEMP_PREFIX` and the target's name; an error or Ctrl-C/SIGTERM
removes them, and what a killed run (kill -9, a power cut) left is removed by the next run that
writes the same target, once it is an hour old (a run still going on is never disturbed).
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Final

from hrtoets.errors import (
    HrtoetsError,
    InputFileError,
    OutputExistsError,
    os_problem,
    printable,
)

_FILE_MODE = 0o644
TEMP_PREFIX: Final = ".hrtoets-tmp."
STALE_AFTER: Final = 3600  # seconds: a leftover this old is from a run that is no more


def temporary_name(target: Path) -> str:
    """The prefix of every temporary file or folder written for ``target``."""
    return f"{TEMP_PREFIX}{target.name}."


def remove_stale(target: Path, *, now: float | None = None) -> list[Path]:
    """Remove what killed runs left while writing ``target``, if older than an hour."""
    cutoff = (time.time() if now is None else now) - STALE_AFTER
    removed = []
    try:
        entries = list(target.parent.glob(glob.escape(temporary_name(target)) + "*"))
    except OSError:
        return []
    for entry in entries:
        try:
            if entry.lstat().st_mtime >= cutoff:
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue  # another run removed it, or it is not ours to remove
        removed.append(entry)
    return removed


@contextlib.contextmanager
def scratch_folder(target: Path) -> Iterator[Path]:
    """A private folder beside ``target`` for a library's own temporary files; removed after.

    xlsxwriter's streaming mode keeps each sheet in temporary files: beside the target (not in
    TMPDIR) they carry hrtoets' prefix, so a killed run's are found and removed next time.
    """
    folder = Path(tempfile.mkdtemp(prefix=temporary_name(target), suffix=".d", dir=target.parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def shown_path(path: Path | str) -> str:
    """A path as text any writer can store: bytes of a non-UTF-8 name become U+FFFD."""
    return printable(path)


def check_writable(path: Path, *, force: bool) -> None:
    """Refuse an existing output unless ``force``, a folder in its place, and a missing folder."""
    if path.is_dir():  # a rename onto a folder fails only at the very end, after all the work
        raise InputFileError("file.is_folder", path=path)
    if path.exists() and not force:
        raise OutputExistsError("file.exists", path=path)
    if not path.parent.is_dir():
        raise InputFileError("file.no_folder", path=path.parent)


@contextlib.contextmanager
def atomic_path(path: Path, *, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success rename it to ``path``.

    The temporary file keeps the target's suffix, so libraries that choose a format by extension
    (openpyxl, xlsxwriter, python-docx) behave as for the real name.
    """
    check_writable(path, force=force)
    remove_stale(path)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=temporary_name(path), suffix=f".tmp{path.suffix}", dir=path.parent
        )
    except OSError as exc:  # a read-only folder, a full disk, a name too long for the folder
        raise InputFileError("file.cannot_write", path=path.parent, error=exc.strerror) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        if path.exists() and not force:  # appeared while we were writing
            raise OutputExistsError("file.exists", path=path)
        tmp.chmod(_FILE_MODE)  # mkstemp makes it private; outputs are ordinary files
        tmp.replace(path)
    except OSError as exc:
        if isinstance(exc, HrtoetsError):
            raise
        raise os_problem(exc, path) from exc  # a full disk while writing names the output
    finally:
        tmp.unlink(missing_ok=True)


def write_text_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    with atomic_path(path, force=force) as tmp:
        tmp.write_text(text, encoding="utf-8")


def sha256_file(path: Path) -> str:
    """The file's SHA-256 as hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) and SIGTERM until the block is done, then act on them.

    For the few steps that must happen together or not at all: a record committed and the file it
    describes renamed into place. Outside the main thread signals cannot be caught, and the block
    runs as it is. SIGKILL cannot be held; :func:`crash_point` lets tests use it.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def hold(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    previous = {sig: signal.signal(sig, hold) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if received:
        signal.raise_signal(received[0])  # now handled as it would have been


def crash_point(name: str) -> None:
    """A test hook: ``HRTOETS_CRASH_AT=name`` kills the process here, as a power cut would;
    ``name:INT`` presses Ctrl-C here instead (SIGINT), ``name:TERM`` sends SIGTERM."""
    wanted = os.environ.get("HRTOETS_CRASH_AT", "")
    point, _, how = wanted.partition(":")
    if point == name:
        chosen = {"INT": signal.SIGINT, "TERM": signal.SIGTERM}.get(how, signal.SIGKILL)
        os.kill(os.getpid(), chosen)
