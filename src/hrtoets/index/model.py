"""The WJP Rule of Law Index in memory: entries per country and edition. Pure, no I/O."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
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


@dataclass(frozen=True, slots=True)
class IndexRow:
    """What an index file says of one row before the row is parsed: enough to find it."""

    country: str
    iso3: str
    edition: str
    year: int
    text: str  # the row as stored, parsed into an IndexEntry when first asked for


class WjpIndex:
    """All editions of the index, with look-ups by country and edition.

    Made from entries, or (:meth:`from_rows`, how an index file is loaded) from rows that are
    parsed only when asked for: ``hrtoets check`` needs one country's entries and one edition's
    scores of the ~1,500 rows, so the others cost a split each, not a parse. Nothing is kept
    between runs: every run reads the file as it is.
    """

    def __init__(self, entries: Iterable[IndexEntry], meta: IndexMeta) -> None:
        self._parse: Callable[[str], IndexEntry] | None = None
        self._setup(
            meta,
            ((IndexRow(e.country, e.iso3, e.edition, e.year, ""), e) for e in entries),
        )

    @classmethod
    def from_rows(
        cls, rows: Iterable[IndexRow], parse: Callable[[str], IndexEntry], meta: IndexMeta
    ) -> WjpIndex:
        """An index whose rows are parsed (by ``parse``, from their text) on first use."""
        index = cls.__new__(cls)
        index._parse = parse
        index._setup(meta, ((row, None) for row in rows))
        return index

    def _setup(self, meta: IndexMeta, rows: Iterable[tuple[IndexRow, IndexEntry | None]]) -> None:
        self.meta = meta
        self._rows: dict[tuple[str, str], IndexRow] = {}
        self._parsed: dict[tuple[str, str], IndexEntry] = {}
        keys: dict[str, list[tuple[str, str]]] = {}
        years: dict[str, int] = {}
        for row, entry in rows:
            key = (row.iso3, row.edition)
            self._rows[key] = row
            if entry is not None:
                self._parsed[key] = entry
            keys.setdefault(row.edition, []).append(key)
            years.setdefault(row.edition, row.year)  # the edition's first row gives its year
        self._keys = {edition: keys[edition] for edition in sorted(keys, key=years.__getitem__)}
        self.editions: tuple[str, ...] = tuple(self._keys)
        if not self.editions:
            raise ValueError("an index needs at least one entry")
        self.latest: str = self.editions[-1]
        self._by_edition: dict[str, tuple[IndexEntry, ...]] = {}  # best first, made on first use
        self._ranks: dict[str, dict[str, int]] = {}  # per edition, computed on first use

    def _entry(self, key: tuple[str, str]) -> IndexEntry | None:
        found = self._parsed.get(key)
        if found is None and key in self._rows and self._parse is not None:
            found = self._parsed[key] = self._parse(self._rows[key].text)
        return found

    def edition(self, wanted: str | None = None) -> str:
        """The edition label for what a user typed (``2024``, ``2017-2018``, ``2018``)."""
        if wanted is None or not wanted.strip():
            return self.latest
        if wanted in self._keys:  # a label itself: the common case, from another look-up
            return wanted
        for label in self.editions:
            if edition_matches(wanted, label):
                return label
        raise UnknownEdition(
            "index.unknown_edition", edition=wanted, editions=", ".join(self.editions)
        )

    def entry(self, iso3: str, edition: str | None = None) -> IndexEntry | None:
        """The country's entry in ``edition`` (default: the latest), or ``None``."""
        return self._entry((iso3, self.edition(edition)))

    def entries(self, edition: str | None = None) -> tuple[IndexEntry, ...]:
        """All entries of one edition, best score first."""
        label = self.edition(edition)
        found = self._by_edition.get(label)
        if found is None:
            every = [self._entry(key) for key in self._keys[label]]
            found = tuple(
                sorted((e for e in every if e is not None), key=lambda e: (-e.overall, e.country))
            )
            self._by_edition[label] = found
        return found

    def history(self, iso3: str) -> tuple[IndexEntry, ...]:
        """The country's entries in every edition, oldest first."""
        found = (self._entry((iso3, label)) for label in self.editions)
        return tuple(entry for entry in found if entry is not None)

    def rank(self, iso3: str, edition: str | None = None) -> tuple[int, int] | None:
        """(rank, of how many) in the edition, by exact score; ``None`` when not ranked."""
        entry = self.entry(iso3, edition)
        if entry is None:
            return None
        ranks = self._ranks.get(entry.edition)
        if ranks is None:
            ranks = self._ranks[entry.edition] = _competition_ranks(self.entries(entry.edition))
        return ranks[iso3], len(self.entries(entry.edition))

    def names(self) -> Mapping[str, str]:
        """ISO3 → the index's own name for the country (the latest edition's spelling wins)."""
        names = {iso3: row.country for (iso3, _), row in self._rows.items()}
        return names | {key[0]: self._rows[key].country for key in self._keys[self.latest]}


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
