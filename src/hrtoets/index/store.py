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
from pathlib import Path
from typing import TYPE_CHECKING, Final

from hrtoets.errors import IndexFileError
from hrtoets.index.csvfile import CSV_NAME, read_meta, read_rows
from hrtoets.index.model import WjpIndex

if TYPE_CHECKING:
    from hrtoets.index.importer import ImportResult

BUNDLED: Final = "bundled"
ACTIVE_FILE: Final = "active"
STAGING: Final = "import"  # temporary folders of an import are named after it
DOWNLOAD: Final = "download"  # and temporary files of a download
_VARIANT: Final = re.compile(r"^(?P<edition>.+)-(?P<sha8>[0-9a-f]{8})$")


def bundled_folder() -> Path:
    """The folder of the index that ships with hrtoets (beside the package's modules; see
    :func:`hrtoets.countries._read_data`)."""
    return Path(__file__).parent.parent / "data"


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
    rows, parse = read_rows(folder / CSV_NAME)
    if not rows:
        raise IndexFileError("index.unreadable", path=folder / CSV_NAME, error="no rows")
    return WjpIndex.from_rows(rows, parse, meta)


def load_active_index(home: Path) -> WjpIndex:
    """Load the index in use for this ``HRTOETS_HOME``."""
    return load_index(active_folder(home))


def set_active(home: Path, name: str) -> None:
    """Make ``name`` (an edition folder, or ``bundled``) the active index, atomically."""
    from hrtoets.files import crash_point, write_text_atomic

    folder = editions_folder(home)
    folder.mkdir(parents=True, exist_ok=True)
    crash_point("index-activating")
    write_text_atomic(folder / ACTIVE_FILE, name + "\n", force=True)
    crash_point("index-activated")


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
    from hrtoets.files import crash_point, remove_stale, temporary_name
    from hrtoets.index.importer import import_workbook

    root = editions_folder(home)
    root.mkdir(parents=True, exist_ok=True)
    remove_stale(root / STAGING)  # what a killed import or download left, once an hour old
    remove_stale(root / DOWNLOAD)
    staging = Path(tempfile.mkdtemp(prefix=temporary_name(root / STAGING), dir=root))
    try:
        result = import_workbook(workbook, staging, origin=origin, source=source)
        if accept is not None:
            accept(result)
        crash_point("index-staged")
        target = _target(root, result.meta.edition, result.meta.source_sha256)
        _keep(staging, target, result.meta.source_sha256)
        crash_point("index-kept")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if activate:
        set_active(home, target.name)
    return result, target


def _keep(staging: Path, target: Path, sha256: str) -> None:
    """Put ``staging`` in place as ``target`` with one rename, never moving a kept edition away.

    A kept edition folder is never renamed away while it may be the active one: the same workbook
    imported again refreshes the kept copy file by file, each with one atomic rename (the CSV,
    then the metadata saying where it came from this time), so each file is always there. Only a
    copy that no longer loads is replaced whole. So at no instant does the ``active`` pointer name
    a missing index, and switching the active index is the one atomic rename of :func:`set_active`.
    """
    if target.exists():
        if _same_source(target, sha256) and _loads(target):
            for name in (CSV_NAME, *(p.name for p in staging.iterdir() if p.name != CSV_NAME)):
                (staging / name).replace(target / name)
            return
        aside = Path(
            tempfile.mkdtemp(prefix=f".hrtoets-tmp.{target.name}.damaged.", dir=target.parent)
        )
        aside.rmdir()
        target.rename(aside)  # a damaged copy: nothing could load it, so nothing is lost
        shutil.rmtree(aside, ignore_errors=True)
    staging.rename(target)


def _loads(folder: Path) -> bool:
    try:
        load_index(folder)
    except IndexFileError:
        return False
    return True
