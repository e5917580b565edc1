"""Mail merge: one agreement per row of a partner list, all or nothing.

Every row is rendered (and its countries screened) before the first file is written, and every
target is checked before the first file is written, so a missing variable in row 40 or an existing
file does not leave 39 agreements behind: the user fixes the list and runs it again.

File names come from the partner names, reduced to ASCII letters, digits and hyphens so they are
valid on Windows, macOS and Linux alike (no reserved names such as ``CON``, no trailing dots, at
most 80 characters), and made unique without regard to case (two partners differing only in case
would otherwise overwrite each other on Windows and macOS).

Columns map to the variables the template uses. A column it does not use ("Notes", "E-mail") is
left out and named in the result, so the CLI can warn: refusing would make people delete columns
from a list they keep for other purposes. A countries column is recognised loosely ("Land(en)",
"Country of visit"), because a country column dropped unnoticed is a country never screened; a
column that still looks like countries but is not recognised ("Bezochte landen") is refused when
the template takes countries and no other column gives them.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from hrtoets.agreements.maker import Agreement, AgreementMaker, WrittenAgreement
from hrtoets.agreements.variables import (
    COUNTRY_KEYS,
    Value,
    column_variable,
    row_variables,
)
from hrtoets.agreements.writers import SUFFIXES
from hrtoets.errors import HrtoetsError, InputError, InputFileError, OsProblem, os_problem
from hrtoets.files import check_writable, interrupts_deferred, remove_stale, scratch_folder
from hrtoets.messages import t

if TYPE_CHECKING:
    from hrtoets.tables import Table

_MAX_STEM: Final = 80
_UNSAFE: Final = re.compile(r"[^A-Za-z0-9]+")
_RESERVED: Final = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"COM{n}" for n in range(10)} | {f"LPT{n}" for n in range(10)}
)


@dataclass(frozen=True, slots=True)
class MergedRow:
    """One written agreement and the spreadsheet row it came from (1 = the header row)."""

    row: int
    written: WrittenAgreement


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What a mail merge wrote, which rows it skipped (empty) and which columns it ignored."""

    template: str
    lang: str
    folder: Path
    rows: tuple[MergedRow, ...]
    skipped: tuple[int, ...]
    source: Path  # the partner list
    ignored: tuple[str, ...]  # headers of the columns the template does not use

    @property
    def needs_advice(self) -> tuple[MergedRow, ...]:
        return tuple(r for r in self.rows if r.written.agreement.needs_advice)


def safe_stem(text: str, fallback: str) -> str:
    """A file name stem that every common file system accepts, from a partner name."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    stem = _UNSAFE.sub("-", ascii_text).strip("-")[:_MAX_STEM].strip("-")
    if not stem:
        return fallback
    return f"{fallback}-{stem}" if stem.upper() in _RESERVED else stem


def unique_names(stems: list[str], suffix: str) -> list[str]:
    """``stem.suffix`` for each stem; repeats (ignoring case) get ``-2``, ``-3`` …"""
    taken: set[str] = set()
    names: list[str] = []
    for stem in stems:
        candidate, n = stem, 1
        while f"{candidate}{suffix}".casefold() in taken:
            n += 1
            candidate = f"{stem}-{n}"
        taken.add(f"{candidate}{suffix}".casefold())
        names.append(f"{candidate}{suffix}")
    return names


def merge(
    maker: AgreementMaker,
    table: Table,
    *,
    name: str,
    lang: str,
    folder: Path,
    fmt: str,
    base: Mapping[str, Value] | None = None,
    force: bool = False,
    column: str | None = None,
    on_written: Callable[[int, int], None] | None = None,
) -> MergeResult:
    """Write one agreement per non-empty row of ``table`` into ``folder``, in format ``fmt``.

    ``base`` holds the variables every row shares (config defaults are added by ``maker``); a
    non-empty cell wins over them. ``on_written(done, total)`` reports progress.
    """
    if not folder.is_dir():
        raise InputFileError("file.no_folder", path=folder)
    maker.check_names(name, lang, base or {})
    columns, ignored = _columns(maker, name, lang, table, column)
    prepared, skipped = _prepare_rows(maker, name, lang, table, columns=columns, base=base or {})
    if not prepared:
        raise InputError("agreements.no_rows", path=table.source)
    stems = [safe_stem(agreement.partner or "", f"{name}-{row}") for row, agreement in prepared]
    targets = [folder / n for n in unique_names(stems, SUFFIXES[fmt])]
    for target in targets:
        check_writable(target, force=force)
    written: list[MergedRow] = []
    # All or nothing: every agreement is written into a scratch folder first (a full disk stops
    # it there, and the folder goes), then each is moved to its name; Ctrl-C waits for the moves.
    remove_stale(folder / f"merge-{name}")  # what a killed merge left, once an hour old
    with scratch_folder(folder / f"merge-{name}") as scratch:
        for (row, agreement), target in zip(prepared, targets, strict=True):
            try:
                staged = maker.write(agreement, scratch / target.name, force=False)
            except OsProblem as exc:  # named after the folder the user chose, not the scratch
                cause = exc.__cause__
                raise os_problem(cause if isinstance(cause, OSError) else exc, folder) from exc
            written.append(MergedRow(row, staged))
            if on_written is not None:
                on_written(len(written), len(targets))
        for target in targets:
            check_writable(target, force=force)  # one may have appeared in the meantime
        with interrupts_deferred():
            moved = [
                MergedRow(m.row, _move(m.written, target))
                for m, target in zip(written, targets, strict=True)
            ]
    return MergeResult(name, lang, folder, tuple(moved), tuple(skipped), table.source, ignored)


def _move(written: WrittenAgreement, target: Path) -> WrittenAgreement:
    """A staged agreement renamed to its place (one rename on the same file system)."""
    written.path.replace(target)
    return dataclasses.replace(written, path=target)


def _columns(
    maker: AgreementMaker, name: str, lang: str, table: Table, wanted: str | None
) -> tuple[list[str | None], tuple[str, ...]]:
    """The variable of each column (None: unused) and the headers of the unused ones.

    The country columns are found as ``batch`` finds its country column (the same code: header,
    else content; ``wanted`` is ``--column``), and all of them are screened: a column that
    holds countries never goes into an agreement, or stays out of one, unscreened.
    """
    from hrtoets.country_column import country_columns

    takes = maker.takes(name, lang)
    columns = [column_variable(header, takes) for header in table.headers]
    for index in country_columns(table, maker.screener.resolver, wanted):
        columns[index] = "countries"
    unused = [h for h, c in zip(table.headers, columns, strict=True) if c is None and h.strip()]
    return columns, tuple(unused)


def _prepare_rows(
    maker: AgreementMaker,
    name: str,
    lang: str,
    table: Table,
    *,
    columns: list[str | None],
    base: Mapping[str, Value],
) -> tuple[list[tuple[int, Agreement]], list[int]]:
    """Every non-empty row rendered in memory; a failing row stops the merge, and every failing
    row is named (a list with three typos is fixed in one go, not in three runs)."""
    prepared: list[tuple[int, Agreement]] = []
    skipped: list[int] = []
    failed: list[tuple[int, HrtoetsError]] = []
    for index, cells in enumerate(table.rows):
        row = index + 2  # as a spreadsheet numbers it: the header is row 1
        own = row_variables(columns, cells)
        if not own:
            skipped.append(row)
            continue
        shared = dict(base)
        if any(key in own for key in COUNTRY_KEYS):  # the row's countries replace --country
            shared = {k: v for k, v in shared.items() if k not in COUNTRY_KEYS}
        try:
            prepared.append((row, maker.prepare(name, lang, {**shared, **own})))
        except HrtoetsError as exc:
            failed.append((row, exc))
    if len(failed) == 1:
        row, error = failed[0]
        raise InputError(
            "agreements.row_failed", row=row, path=table.source, error=error.render(lang)
        ) from error
    if failed:
        rows = "; ".join(
            t("agreements.row_problem", lang, row=number, error=problem.render(lang).rstrip("."))
            for number, problem in failed
        )
        raise InputError("agreements.rows_failed", count=len(failed), path=table.source, rows=rows)
    return prepared, skipped
