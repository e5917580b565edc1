"""Small WJP-shaped workbooks built by the tests (the real one is never committed)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

FACTOR_HEADERS = [
    "Factor 1: Constraints on Government Powers",
    "Factor 2: Absence of Corruption",
    "Factor 3: Open Government ",
    "Factor 4: Fundamental Rights",
    "Factor 5: Order and Security",
    "Factor 6: Regulatory Enforcement",
    "Factor 7: Civil Justice",
    "Factor 8: Criminal Justice",
]
HEADERS = [
    "Country",
    "Year",
    "Country_year",
    "Country Code",
    "Region",
    "WJP Rule of Law Index: Overall Score",
    FACTOR_HEADERS[0],
    "1.1 Government powers are effectively limited by the legislature",
    *FACTOR_HEADERS[1:3],
    "3.1. Publicized laws and government data ",
    *FACTOR_HEADERS[3:],
]

# (country, year label, code, region, overall score)
DEFAULT_ROWS: list[tuple[str, Any, str, str, float]] = [
    ("Belgium", "2017-2018", "BEL", "EU, EFTA, and North America", 0.77),
    ("Belgium", 2025, "BEL", "EU, EFTA, and North America", 0.7814192129926592),
    ("Hungary", 2024, "HUN", "EU, EFTA, and North America", 0.51),
    ("Hungary", 2025, "HUN", "EU, EFTA, and North America", 0.5026043717823747),
    ("Morocco", 2025, "MAR", "Middle East and North Africa", 0.4806151047785714),
    ("Kosovo", 2025, "XKX", "Eastern Europe and Central Asia", 0.5609856646489056),
]


def row_values(row: tuple[str, Any, str, str, float], headers: Sequence[str]) -> list[Any]:
    """One data row under ``headers``: factor and sub-factor scores derived from the overall."""
    country, year, code, region, overall = row
    values: list[Any] = []
    for header in headers:
        key = header.strip().lower()
        if key == "country":
            values.append(country)
        elif key == "year":
            values.append(year)
        elif key == "country_year":
            values.append(f"{country}_{year}")
        elif key == "country code":
            values.append(code)
        elif key == "region":
            values.append(region)
        elif "overall" in key:
            values.append(overall)
        else:
            values.append(round(overall * 0.9, 4))
    return values


def write_workbook(
    path: Path,
    rows: Sequence[tuple[str, Any, str, str, float]] = DEFAULT_ROWS,
    *,
    headers: Sequence[str] = HEADERS,
    sheet: str = "Historical Data",
    extra_sheets: Sequence[str] = ("Introduction",),
) -> Path:
    """Write a WJP-like historical data workbook and return its path."""
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = extra_sheets[0] if extra_sheets else sheet
    for name in extra_sheets[1:]:
        book.create_sheet(name)
    target = book.create_sheet(sheet) if extra_sheets else first
    target.append(list(headers))
    for row in rows:
        target.append(row_values(row, headers))
    book.save(path)
    return path
