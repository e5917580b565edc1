"""The project's own index format: a long CSV (one row per country and edition) and a JSON sidecar.

Scores are written at full precision (``repr`` of the float) so the published and the exact score
can both be derived. Reading uses only the standard library: this is on the ``hrtoets check`` path.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Final

from hrtoets.errors import IndexFileError
from hrtoets.files import atomic_path
from hrtoets.index.model import IndexEntry, IndexMeta, IndexRow

CSV_NAME: Final = "wjp_index.csv"
META_NAME: Final = "wjp_index.json"
BASE_COLUMNS: Final = ("country", "iso3", "region", "edition", "year", "overall")
FACTOR_COLUMNS: Final = tuple(f"factor_{n}" for n in range(1, 9))
_HEADER: Final = BASE_COLUMNS + FACTOR_COLUMNS
CREDIT: Final = "Scores: WJP Rule of Law Index, World Justice Project (worldjusticeproject.org)."


def _cell(value: float | None) -> str:
    return "" if value is None else repr(value)


def _score(text: str) -> float | None:
    return float(text) if text else None


def write_index(
    entries: Sequence[IndexEntry], subfactor_codes: Sequence[str], meta: IndexMeta, folder: Path
) -> None:
    """Write ``wjp_index.csv`` and ``wjp_index.json`` into ``folder``, each atomically."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*BASE_COLUMNS, *FACTOR_COLUMNS, *subfactor_codes])
    for e in entries:
        subs = dict(e.subfactors)
        writer.writerow(
            [e.country, e.iso3, e.region, e.edition, e.year, repr(e.overall)]
            + [_cell(f) for f in e.factors]
            + [_cell(subs.get(code)) for code in subfactor_codes]
        )
    meta_dict = asdict(meta) | {"credit": CREDIT}
    meta_dict.pop("path", None)
    with atomic_path(folder / CSV_NAME, force=True) as tmp:
        tmp.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    with atomic_path(folder / META_NAME, force=True) as tmp:
        tmp.write_text(json.dumps(meta_dict, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_entries(path: Path, *, subfactors: bool = False) -> list[IndexEntry]:
    """Read the index CSV; a damaged file is an :class:`IndexFileError` naming it.

    Sub-factor scores are two thirds of the file and no screening uses them, so they are parsed
    only on request: that keeps ``hrtoets check`` quick.
    """
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle) if subfactors else _leading_fields(handle)
            return list(_parse(rows, subfactors=subfactors))
    except (OSError, ValueError, IndexError) as exc:
        raise IndexFileError("index.unreadable", path=path, error=str(exc)) from exc


_LEADING: Final = len(BASE_COLUMNS) + len(FACTOR_COLUMNS)
# The first five fields of a row (country, iso3, region, edition, year), a field quoted or not.
_FIELD: Final = r'("(?:[^"]|"")*"|[^",\r\n]*)'
_HEAD: Final = re.compile(",".join([_FIELD] * 5) + ",")


def read_rows(path: Path) -> tuple[list[IndexRow], Callable[[str], IndexEntry]]:
    """The index CSV's rows, each found by its first fields and parsed only when asked for
    (see :meth:`WjpIndex.from_rows`), and the parser, which names the file when a row is
    damaged. The header is checked here, as by :func:`read_entries`."""
    try:
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        if not lines or tuple(next(csv.reader(lines[:1]))[:_LEADING]) != _HEADER:
            raise ValueError("unexpected columns")
        rows = []
        for number, line in enumerate(lines[1:], 2):
            found = _HEAD.match(line)
            if found is None:
                raise ValueError(f"row {number} is not a row of the index")
            country, iso3, _, edition, year = map(_unquoted, found.groups())
            rows.append(IndexRow(country, iso3, edition, int(year), line))
    except (OSError, ValueError, IndexError) as exc:
        raise IndexFileError("index.unreadable", path=path, error=str(exc)) from exc

    def parse(line: str) -> IndexEntry:
        try:
            return _entry(_leading(line), None)
        except (ValueError, IndexError) as exc:
            raise IndexFileError("index.unreadable", path=path, error=str(exc)) from exc

    return rows, parse


def _unquoted(field: str) -> str:
    return field[1:-1].replace('""', '"') if field.startswith('"') else field


def _leading_fields(lines: Iterable[str]) -> Iterator[list[str]]:
    """The first columns of each row (the header whole), without splitting the sub-factors."""
    iterator = iter(lines)
    yield from csv.reader([next(iterator)])
    for line in iterator:
        yield _leading(line)


def _leading(line: str) -> list[str]:
    """A row's first columns. A line without quotes cannot hide a comma inside a field, so a
    plain split of its first fields is exact; the few quoted lines ("Korea, Rep.") go through
    the csv module."""
    if '"' in line:
        return next(csv.reader([line]))[:_LEADING]
    return line.rstrip("\r\n").split(",", _LEADING)[:_LEADING]


def _parse(rows: Iterable[list[str]], *, subfactors: bool) -> Iterable[IndexEntry]:
    iterator = iter(rows)
    header = next(iterator)
    if tuple(header[:_LEADING]) != _HEADER:
        raise ValueError("unexpected columns")
    codes = header[_LEADING:] if subfactors else None
    for row in iterator:
        yield _entry(row, codes)


def _entry(row: Sequence[str], codes: Sequence[str] | None) -> IndexEntry:
    """One row as an entry; its sub-factors only with their ``codes``."""
    if len(row) < _LEADING:
        raise ValueError(f"a row has {len(row)} columns")
    return IndexEntry(
        country=row[0],
        iso3=row[1],
        region=row[2],
        edition=row[3],
        year=int(row[4]),
        overall=float(row[5]),
        factors=tuple([float(v) if v else None for v in row[6:_LEADING]]),
        subfactors=tuple(zip(codes, map(_score, row[_LEADING:]), strict=True))
        if codes is not None
        else (),
    )


def read_meta(folder: Path) -> IndexMeta:
    """Read the JSON sidecar of an index folder."""
    path = folder / META_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        fields = {k: data[k] for k in IndexMeta.__dataclass_fields__ if k in data}
        return IndexMeta(**fields | {"path": str(folder / CSV_NAME)})
    except (OSError, ValueError, TypeError) as exc:
        raise IndexFileError("index.unreadable", path=path, error=str(exc)) from exc
