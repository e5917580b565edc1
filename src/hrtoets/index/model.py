"""The WJP Rule of Law Index in memory: entries per country and edition. Pure, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from hrtoets.errors import UnknownEdition

FACTOR_NAMES: Final = (
    "Constraints on Government Powers",
    "Absence of Corruption",
    "Open Government",
    "Fundamental Rights",
    "Order and Security",
    "Regulatory Enforcement",
    "Civil Justice",
    "Criminal Justice",
)
FUNDAMENTAL_RIGHTS: Final = 4  # the factor the human-rights screening cares most about
_EDITION_LABEL: Final = re.compile(r"^(\d{4})(?:\s*[-–]\s*(\d{4}))?$")


def edition_year(label: str) -> int:
    """The sortable year of an edition label: ``"2017-2018"`` → 2017, ``"2025"`` → 2025."""
    match = _EDITION_LABEL.match(label.strip())
    if not match:
        raise ValueError(label)
    return int(match.group(1))


def edition_matches(text: str, label: str) -> bool:
    """Whether what a user typed names the edition ``label``: ``2018`` names ``2017-2018``."""
    wanted = text.strip()
    return wanted == label or wanted in re.split(r"\s*[-–]\s*", label)


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One country in one edition, scores at full precision (``None``: WJP left it empty)."""

    country: str
    iso3: str
    region: str
    edition: str
    year: int
    overall: float
    factors: tuple[float | None, ...]
    subfactors: tuple[tuple[str, float | None], ...] = ()


@dataclass(frozen=True, slots=True)
class IndexMeta:
    """Where an index came from; shown by ``hrtoets index info``."""

    edition: str
    source: str
    source_sha256: str
    rows: int
    countries: int
    imported_at: str
    origin: str = "bundled"  # bundled, url or file
    path: str = ""


class WjpIndex:
    """All editions of the index, with look-ups by country and edition."""

    def __init__(self, entries: Iterable[IndexEntry], meta: IndexMeta) -> None:
        self.meta = meta
        self._by_key: dict[tuple[str, str], IndexEntry] = {}
        by_edition: dict[str, list[IndexEntry]] = {}
        for entry in entries:
            self._by_key[entry.iso3, entry.edition] = entry
            by_edition.setdefault(entry.edition, []).append(entry)
        self._by_edition = {
            edition: tuple(sorted(rows, key=lambda e: (-e.overall, e.country)))
            for edition, rows in sorted(by_edition.items(), key=lambda kv: kv[1][0].year)
        }
        self.editions: tuple[str, ...] = tuple(self._by_edition)
        if not self.editions:
            raise ValueError("an index needs at least one entry")
        self.latest: str = self.editions[-1]
        self._ranks: dict[str, dict[str, int]] = {}  # per edition, computed on first use

    def edition(self, wanted: str | None = None) -> str:
        """The edition label for what a user typed (``2024``, ``2017-2018``, ``2018``)."""
        if wanted is None or not wanted.strip():
            return self.latest
        if wanted in self._by_edition:  # a label itself: the common case, from another look-up
            return wanted
        for label in self.editions:
            if edition_matches(wanted, label):
                return label
        raise UnknownEdition(
            "index.unknown_edition", edition=wanted, editions=", ".join(self.editions)
        )

    def entry(self, iso3: str, edition: str | None = None) -> IndexEntry | None:
        """The country's entry in ``edition`` (default: the latest), or ``None``."""
        return self._by_key.get((iso3, self.edition(edition)))

    def entries(self, edition: str | None = None) -> tuple[IndexEntry, ...]:
        """All entries of one edition, best score first."""
        return self._by_edition[self.edition(edition)]

    def history(self, iso3: str) -> tuple[IndexEntry, ...]:
        """The country's entries in every edition, oldest first."""
        found = (self._by_key.get((iso3, label)) for label in self.editions)
        return tuple(entry for entry in found if entry is not None)

    def rank(self, iso3: str, edition: str | None = None) -> tuple[int, int] | None:
        """(rank, of how many) in the edition, by exact score; ``None`` when not ranked."""
        entry = self.entry(iso3, edition)
        if entry is None:
            return None
        ranks = self._ranks.get(entry.edition)
        if ranks is None:
            ranks = self._ranks[entry.edition] = _competition_ranks(self._by_edition[entry.edition])
        return ranks[iso3], len(self._by_edition[entry.edition])

    def names(self) -> Mapping[str, str]:
        """ISO3 → the index's own name for the country (the latest edition's spelling wins)."""
        return {iso3: entry.country for (iso3, _), entry in self._by_key.items()} | {
            entry.iso3: entry.country for entry in self._by_edition[self.latest]
        }


def _competition_ranks(best_first: tuple[IndexEntry, ...]) -> dict[str, int]:
    """ISO3 → rank by exact score, ties sharing the better rank (1, 2, 2, 4)."""
    ranks: dict[str, int] = {}
    for position, entry in enumerate(best_first, 1):
        previous = best_first[position - 2] if position > 1 else None
        if previous is not None and previous.overall == entry.overall:
            ranks[entry.iso3] = ranks[previous.iso3]
        else:
            ranks[entry.iso3] = position
    return ranks
