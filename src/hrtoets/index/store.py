"""Which index is active, and loading it.

The bundled index ships inside the package (``hrtoets/data``). Editions imported or downloaded later
live in ``HRTOETS_HOME/index/<edition>/``; the file ``HRTOETS_HOME/index/active`` names the one in
use (absent, or ``bundled``: the bundled one). Switching is one atomic write of that file, so a
reader sees the old index or the new one, never a mix. A second workbook of an edition already kept
(WJP corrects a file, or a mirror serves another one) goes beside it as ``<edition>-<sha8>``, so
the earlier copy, perhaps the active one, stays available for ``hrtoets index use``.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Final

from hrtoets.errors import IndexFileError
from hrtoets.index.csvfile import CSV_NAME, read_entries, read_meta
from hrtoets.index.model import WjpIndex

if TYPE_CHECKING:
    from hrtoets.index.importer import ImportResult

BUNDLED: Final = "bundled"
ACTIVE_FILE: Final = "active"
_VARIANT: Final = re.compile(r"^(?P<edition>.+)-(?P<sha8>[0-9a-f]{8})$")


def bundled_folder() -> Path:
    """The folder of the index that ships with hrtoets."""
    return Path(str(files("hrtoets") / "data"))


def editions_folder(home: Path) -> Path:
    """Where imported editions are kept."""
    return home / "index"


def active_name(home: Path) -> str:
    """The active edition's folder name, or ``bundled``."""
    try:
        name = (editions_folder(home) / ACTIVE_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return BUNDLED
    return name or BUNDLED


def stored_folder(home: Path, name: str) -> Path:
    """The folder of the index called ``name`` (an edition folder, or ``bundled``)."""
    return bundled_folder() if name == BUNDLED else editions_folder(home) / name


def active_folder(home: Path) -> Path:
    """The folder holding the active index CSV and metadata."""
    name = active_name(home)
    folder = stored_folder(home, name)
    if name == BUNDLED:
        return folder
    if not (folder / CSV_NAME).is_file():
        raise IndexFileError("index.active_missing", name=name, path=folder)
    return folder


def load_index(folder: Path) -> WjpIndex:
    """Load the index CSV and metadata in ``folder``."""
    meta = read_meta(folder)
    entries = read_entries(folder / CSV_NAME)
    if not entries:
        raise IndexFileError("index.unreadable", path=folder / CSV_NAME, error="no rows")
    return WjpIndex(entries, meta)


def load_active_index(home: Path) -> WjpIndex:
    """Load the index in use for this ``HRTOETS_HOME``."""
    return load_index(active_folder(home))


def set_active(home: Path, name: str) -> None:
    """Make ``name`` (an edition folder, or ``bundled``) the active index, atomically."""
    from hrtoets.files import write_text_atomic

    folder = editions_folder(home)
    folder.mkdir(parents=True, exist_ok=True)
    write_text_atomic(folder / ACTIVE_FILE, name + "\n", force=True)


def stored_names(home: Path) -> list[str]:
    """The edition folders kept under ``home`` (staging and download leftovers excluded)."""
    root = editions_folder(home)
    if not root.is_dir():
        return []
    return sorted(
        entry.name
        for entry in root.iterdir()
        if not entry.name.startswith(".") and (entry / CSV_NAME).is_file()
    )


def stored_edition(name: str) -> str:
    """The edition a stored folder name is for: ``2025-1a2b3c4d`` → ``2025``."""
    match = _VARIANT.match(name)
    return match.group("edition") if match else name


def _same_source(folder: Path, sha256: str) -> bool:
    """Whether ``folder`` holds an index made from the workbook with this SHA-256."""
    try:
        return read_meta(folder).source_sha256 == sha256
    except IndexFileError:
        return False  # damaged: keep it for a person to look at, never overwrite it silently


def _target(root: Path, edition: str, sha256: str) -> Path:
    """Where a workbook of ``edition`` is kept: the edition's own folder, unless that holds another
    workbook; then ``<edition>-<sha8>``, the same name each time for the same workbook."""
    plain = root / edition
    if not plain.exists() or _same_source(plain, sha256):
        return plain
    return root / f"{edition}-{sha256[:8]}"


def import_into_home(
    workbook: Path,
    home: Path,
    *,
    activate: bool = True,
    origin: str = "file",
    source: str | None = None,
    accept: Callable[[ImportResult], None] | None = None,
) -> tuple[ImportResult, Path]:
    """Validate ``workbook`` and keep it as an edition under ``home``; optionally activate it.

    The edition is written to a temporary folder first and renamed into place, so a failed import
    leaves the editions on disk, and the active one, as they were. The same workbook again replaces
    its earlier copy; another workbook of a kept edition is kept beside it (see :func:`_target`).
    ``accept`` sees the validated result before anything is kept and may refuse it by raising
    (``index update`` checks that the workbook holds the edition it asked for).
    """
    from hrtoets.index.importer import import_workbook

    root = editions_folder(home)
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".import-", dir=root))
    try:
        result = import_workbook(workbook, staging, origin=origin, source=source)
        if accept is not None:
            accept(result)
        target = _target(root, result.meta.edition, result.meta.source_sha256)
        _swap_in(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if activate:
        set_active(home, target.name)
    return result, target


def _swap_in(staging: Path, target: Path) -> None:
    """Rename ``staging`` to ``target``; an earlier copy is moved aside first, restored on failure.

    Two renames on one file system: the earlier copy is never half overwritten, and is gone only
    once the new one is in place.
    """
    if not target.exists():
        staging.rename(target)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".replaced-{target.name}-", dir=target.parent))
    aside.rmdir()
    target.rename(aside)
    try:
        staging.rename(target)
    except OSError:
        aside.rename(target)
        raise
    shutil.rmtree(aside, ignore_errors=True)
