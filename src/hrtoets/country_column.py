"""Which column of a partner list holds the country.

People label it in Dutch, English or French, with or without "code" or "/regio", in any case; some
lists have no telling header at all. So: a header that *is* a country label wins; failing that, a
header that *mentions* one; failing that, the column whose values are countries. When two columns
qualify equally, hrtoets does not guess: it names the headers and asks for ``--column``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from hrtoets.countries import Country, CountryResolver, Resolution, Status, normalize
from hrtoets.errors import InputError, WorkbookError
from hrtoets.tables import Rows

# Normalised headers (see countries.normalize: "Land/regio" → "land regio") that name the column.
EXACT_HEADERS: Final = frozenset(
    {
        # nl
        "land",
        "landen",
        "landnaam",
        "landcode",
        "land code",
        "land regio",
        "land of regio",
        "land gebied",
        "iso landcode",
        # en
        "country",
        "countries",
        "country name",
        "country code",
        "countrycode",
        "country region",
        "country or region",
        "country territory",
        "iso",
        "iso2",
        "iso3",
        "iso code",
        "iso country code",
        # fr
        "pays",
        "nom du pays",
        "code pays",
        "code du pays",
        "pays region",
        "pays ou region",
    }
)
# Words that make a header *mention* the country ("Land leverancier", "Country of origin").
_WORDS: Final = frozenset({"land", "landen", "landcode", "country", "countries", "pays"})
_COMPOUND_SUFFIX: Final = "land"  # Dutch compounds: herkomstland, bestemmingsland
_SAMPLE_ROWS: Final = 1000
_SAMPLE_VALUES: Final = 50
_CONTENT_SHARE: Final = 0.8  # share of sampled values that must name a country


class How(StrEnum):
    """How the country column was found; shown to the user and in the JSON summary."""

    OPTION = "option"
    HEADER = "header"
    CONTENT = "content"


@dataclass(frozen=True, slots=True)
class ColumnChoice:
    """The country column: its position, its header text, and how it was found."""

    index: int
    header: str
    how: How


def choose_column(
    table: Rows, resolver: CountryResolver, wanted: str | None = None
) -> ColumnChoice:
    """The country column of ``table``: ``wanted`` by name, else by header, else by content."""
    if wanted is not None:
        return ColumnChoice(_named(table.headers, wanted), wanted.strip(), How.OPTION)
    for tier in (_exact_headers(table.headers), _mentioning_headers(table.headers)):
        if len(tier) == 1:
            return ColumnChoice(tier[0], table.headers[tier[0]], How.HEADER)
        if tier:
            best = _best_by_content(table, tier, resolver, minimum=0.0)
            if best is None:  # "Country" and "Land", equally full of countries: ask, never guess
                headers = _listing([table.headers[i] for i in tier])
                raise WorkbookError("batch.ambiguous_column", headers=headers)
            return ColumnChoice(best, table.headers[best], How.HEADER)
    every = list(range(len(table.headers)))
    best = _best_by_content(table, every, resolver, minimum=_CONTENT_SHARE)
    if best is None:
        raise WorkbookError("batch.no_country_column", headers=_listing(table.headers))
    return ColumnChoice(best, table.headers[best], How.CONTENT)


def country_columns(table: Rows, resolver: CountryResolver, wanted: str | None = None) -> list[int]:
    """Every column that holds countries, for a mail merge that must screen them all: ``wanted``
    alone; else every header that is or mentions a country label ("Land", "Herkomstland",
    "Bezochte landen"); else the column whose values are countries; else none."""
    if wanted is not None:
        return [_named(table.headers, wanted)]
    found = sorted(set(_exact_headers(table.headers)) | set(_mentioning_headers(table.headers)))
    if found:
        return found
    best = _best_by_content(
        table, list(range(len(table.headers))), resolver, minimum=_CONTENT_SHARE
    )
    return [] if best is None else [best]


def _named(headers: Sequence[str], wanted: str) -> int:
    """The column called ``wanted``: exactly, else case- and accent-insensitively if unique.

    Two columns with the same header cannot be told apart by name, so that is refused too.
    """
    text = wanted.strip()
    exact = [i for i, header in enumerate(headers) if header == text]
    key = normalize(text)
    matches = exact or [i for i, header in enumerate(headers) if normalize(header) == key]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise InputError("batch.duplicate_column", column=text, count=len(matches))
    raise InputError("batch.unknown_column", column=wanted, headers=_listing(headers))


def _exact_headers(headers: Sequence[str]) -> list[int]:
    return [i for i, header in enumerate(headers) if normalize(header) in EXACT_HEADERS]


def _mentioning_headers(headers: Sequence[str]) -> list[int]:
    found = []
    for i, header in enumerate(headers):
        words = normalize(header).split()
        if any(w in _WORDS or (w.endswith(_COMPOUND_SUFFIX) and len(w) > 6) for w in words):
            found.append(i)
    return found


def _best_by_content(
    table: Rows, columns: Sequence[int], resolver: CountryResolver, *, minimum: float
) -> int | None:
    """The one column whose sampled values most often name a country; ``None`` on a tie."""
    shares = {column: _country_share(table, column, resolver) for column in columns}
    top = max(shares.values(), default=0.0)
    leaders = [column for column, share in shares.items() if share == top]
    if len(leaders) != 1 or top < minimum or top == 0.0:
        return None
    return leaders[0]


def _country_share(table: Rows, column: int, resolver: CountryResolver) -> float:
    """Share of the column's first distinct values that name a country (or several)."""
    values: list[str] = []
    for row in table.sample[:_SAMPLE_ROWS]:
        text = row[column].strip()
        if text and text not in values:
            values.append(text)
            if len(values) == _SAMPLE_VALUES:
                break
    if not values:
        return 0.0
    named = sum(1 for value in values if _names_a_country(resolver.resolve(value)))
    return named / len(values)


def _names_a_country(found: Resolution) -> bool:
    """A country, or a question between countries: a column of cities and provinces
    ("Barcelona", "Limburg") are regions, and do not make a column of countries."""
    if found.status is Status.AMBIGUOUS:
        return any(isinstance(c, Country) for c in found.candidates)
    return found.status is Status.RESOLVED


def _listing(headers: Sequence[str]) -> str:
    return ", ".join(f"'{header}'" for header in headers)
