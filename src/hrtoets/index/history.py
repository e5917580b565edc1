"""The indexes kept in ``HRTOETS_HOME``: list them, switch back to one, compare editions.

Every imported or downloaded edition stays on disk (``HRTOETS_HOME/index/<edition>/``) next to the
bundled index, so a bad update is undone with ``hrtoets index use``; a second, different workbook
of a kept edition is stored beside it as ``<edition>-<sha8>``. Each WJP workbook holds every
edition since 2012-2013, so an edition is named within an index: ``2024`` is an edition of the
active index, ``bundled:2024``, ``2026:2025`` or ``2026-1a2b3c4d:2025`` one of another stored index.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from hrtoets.errors import UnknownEdition
from hrtoets.index.csvfile import read_meta
from hrtoets.index.diff import EditionDiff, diff_editions
from hrtoets.index.model import WjpIndex, edition_matches, edition_year
from hrtoets.index.store import (
    BUNDLED,
    active_name,
    load_index,
    set_active,
    stored_edition,
    stored_folder,
    stored_names,
)
from hrtoets.rule import DEFAULT_THRESHOLD, Rounding

__all__ = ["EditionRef", "StoredIndex", "compare", "find_stored", "stored_indexes", "use_index"]

_SEPARATOR: Final = ":"


@dataclass(frozen=True, slots=True)
class StoredIndex:
    """One index kept in the home (or the bundled one), as ``index history`` lists it."""

    name: str  # "bundled" or the folder name under HRTOETS_HOME/index/
    edition: str
    origin: str  # bundled, url or file
    source: str
    source_sha256: str
    imported_at: str
    countries: int
    rows: int
    path: Path
    active: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "edition": self.edition,
            "origin": self.origin,
            "source": self.source,
            "source_sha256": self.source_sha256,
            "imported_at": self.imported_at,
            "countries": self.countries,
            "rows": self.rows,
            "path": str(self.path),
            "active": self.active,
        }


def _folder(home: Path, name: str) -> Path:
    return stored_folder(home, name)


def _stored(home: Path, name: str, active: str) -> StoredIndex:
    meta = read_meta(_folder(home, name))
    return StoredIndex(
        name=name,
        edition=meta.edition,
        origin=meta.origin,
        source=meta.source,
        source_sha256=meta.source_sha256,
        imported_at=meta.imported_at,
        countries=meta.countries,
        rows=meta.rows,
        path=Path(meta.path).parent,
        active=name == active,
    )


def stored_indexes(home: Path) -> tuple[StoredIndex, ...]:
    """The bundled index first, then every kept edition, oldest edition first."""
    active = active_name(home)
    kept = [_stored(home, name, active) for name in stored_names(home)]
    kept.sort(key=_order)
    return (_stored(home, BUNDLED, active), *kept)


def _order(stored: StoredIndex) -> tuple[int, str]:
    """Oldest edition first; a folder whose metadata names no edition goes first."""
    try:
        return edition_year(stored.edition), stored.name
    except ValueError:
        return 0, stored.name


def find_stored(home: Path, wanted: str) -> str:
    """The stored index ``wanted`` names: ``bundled``, a folder name, its edition or a year of it.

    A folder named exactly wins; of several copies of an edition the first in name order is the
    edition's own folder (``2025`` before ``2025-1a2b3c4d``).
    """
    text = wanted.strip()
    if text.casefold() == BUNDLED:
        return BUNDLED
    names = stored_names(home)
    if text in names:
        return text
    for name in names:
        if edition_matches(text, stored_edition(name)):
            return name
    raise UnknownEdition("updates.unknown_stored", name=wanted, names=", ".join([BUNDLED, *names]))


def use_index(home: Path, wanted: str) -> StoredIndex:
    """Make a stored index active again, after checking that it still loads."""
    name = find_stored(home, wanted)
    load_index(_folder(home, name))
    set_active(home, name)
    return _stored(home, name, name)


@dataclass(frozen=True, slots=True)
class EditionRef:
    """An edition within a stored index; ``index`` ``None`` means the active one."""

    edition: str | None
    index: str | None = None

    @classmethod
    def parse(cls, text: str | None) -> EditionRef:
        """``2024`` → an edition of the active index; ``bundled:2024`` → one of ``bundled``."""
        if text is None or not text.strip():
            return cls(None)
        if _SEPARATOR in text:
            index, _, edition = text.partition(_SEPARATOR)
            return cls(edition.strip() or None, index.strip())
        return cls(text.strip())


def compare(
    home: Path,
    from_text: str | None = None,
    to_text: str | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    rounding: Rounding = Rounding.PUBLISHED,
    top: int = 10,
) -> EditionDiff:
    """Diff two editions; by default the active index's latest edition against the one before."""
    load = _loader(home)
    to_ref = EditionRef.parse(to_text)
    to_name, to_index = load(to_ref.index)
    to_label = to_index.edition(to_ref.edition)
    from_ref = EditionRef.parse(from_text)
    if from_ref.index is None and from_ref.edition is None:
        from_name, from_index = to_name, to_index
        from_label = _edition_before(to_index, to_label)
    else:
        from_name, from_index = load(from_ref.index)
        from_label = from_index.edition(from_ref.edition)
    return diff_editions(
        from_index.entries(from_label),
        to_index.entries(to_label),
        from_edition=from_label,
        to_edition=to_label,
        from_index=from_name,
        to_index=to_name,
        threshold=threshold,
        rounding=rounding,
        top=top,
    )


def _loader(home: Path) -> Callable[[str | None], tuple[str, WjpIndex]]:
    """Loads stored indexes by name (``None``: the active one), each at most once."""
    cache: dict[str, WjpIndex] = {}

    def load(wanted: str | None) -> tuple[str, WjpIndex]:
        name = active_name(home) if wanted is None else find_stored(home, wanted)
        if name not in cache:
            cache[name] = load_index(_folder(home, name))
        return name, cache[name]

    return load


def _edition_before(index: WjpIndex, label: str) -> str:
    position = index.editions.index(label)
    if position == 0:
        raise UnknownEdition("updates.diff_no_earlier", edition=label)
    return index.editions[position - 1]
