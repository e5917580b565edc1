"""Screen every row of a partner list: each distinct country value once, every row kept.

A list of 100,000 suppliers names perhaps two hundred countries, so the values are resolved and
screened once each through :class:`~hrtoets.screening.Screener` and the verdicts shared by the rows
that typed them: the cost grows with the distinct values, not the rows. Nothing is dropped or
guessed: an empty, unrecognised or ambiguous value is a row that needs advice and review.

Nor is anything held per row but the number of its value (four bytes): a list of a million rows
is read again, row by row, to be written (:meth:`BatchResult.iter_rows`).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from hrtoets.countries import Place, split_cell
from hrtoets.country_column import ColumnChoice, choose_column
from hrtoets.errors import InputError
from hrtoets.files import check_writable
from hrtoets.rule import Reason, Rounding
from hrtoets.screening import Screener, Verdict
from hrtoets.tables import Rows

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)``; stages: ``screen``, ``write``."""

REVIEW_REASONS = (Reason.UNRESOLVED, Reason.AMBIGUOUS)


@dataclass(frozen=True, slots=True)
class ScreenedValue:
    """One distinct country cell of the list and its verdicts, shared by every row typing it.

    A cell may name several countries ("Marokko, België"): ``parts`` holds each one's verdict,
    and ``verdict`` is the cell's leading one (the first that needs advice, else the first).
    """

    text: str  # the country cell exactly as the user typed it
    verdict: Verdict
    parts: tuple[Verdict, ...] = ()  # set when the cell names more than one country

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        """Every country of the row (one for a one-country cell)."""
        return self.parts or (self.verdict,)

    @property
    def advice_needed(self) -> bool:
        """The row needs advice when any of its countries does."""
        return any(v.advice_needed for v in self.verdicts)

    @property
    def borderline(self) -> bool:
        return any(v.borderline for v in self.verdicts)

    @property
    def to_review(self) -> bool:
        """Empty, unrecognised or ambiguous: a person must look at this row."""
        return any(v.reason in (*REVIEW_REASONS, Reason.MISSING) for v in self.verdicts)


@dataclass(frozen=True, slots=True)
class BatchRow(ScreenedValue):
    """One data row's verdicts; ``row`` is its row number in the output sheet (header = 1)."""

    row: int = 0


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A value that names no single country, with what might have been meant."""

    text: str
    reason: Reason  # unresolved or ambiguous
    rows: int  # how many rows typed it
    options: tuple[Place, ...]  # suggestions (unresolved) or candidates (ambiguous)


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """The counts of sheet 2, the terminal table and ``--json``."""

    rows: int
    distinct: int
    advice_needed: int
    borderline: int
    per_reason: tuple[tuple[Reason, int], ...]  # in Reason order, only reasons that occur
    review: tuple[ReviewItem, ...]  # in order of first appearance
    to_review: int  # rows a person must look at (empty, unrecognised, ambiguous)
    edition: str
    index_source: str
    threshold: float
    rounding: Rounding
    screened_on: date

    @property
    def no_advice_needed(self) -> int:
        return self.rows - self.advice_needed


@dataclass(frozen=True, slots=True, eq=False)
class BatchResult:
    """A screened list: the input, the column used, each distinct value's verdicts, the value of
    every row, the summary."""

    table: Rows
    column: ColumnChoice
    values: tuple[ScreenedValue, ...]  # each distinct country cell, in order of first appearance
    keys: array[int]  # for each data row, in order, the number of its value in ``values``
    summary: BatchSummary
    output: Path | None = None

    @property
    def row_count(self) -> int:
        return len(self.keys)

    def iter_rows(self) -> Iterator[BatchRow]:
        """Each data row's verdicts, in order (row numbers from 2: the header is row 1)."""
        values = self.values
        for number, key in enumerate(self.keys, 2):
            value = values[key]
            yield BatchRow(value.text, value.verdict, value.parts, row=number)


def screen_table(
    table: Rows,
    screener: Screener,
    *,
    column: str | None = None,
    edition: str | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> BatchResult:
    """Choose the country column and screen every row (each distinct value once)."""
    choice = choose_column(table, screener.resolver, column)
    at = choice.index
    numbers: dict[str, int] = {}
    keys = array("I")
    for text in table.iter_column(at):
        key = numbers.get(text)
        if key is None:
            key = numbers[text] = len(numbers)
        keys.append(key)
    values = []
    for done, text in enumerate(numbers, 1):
        values.append(_value(text, screen_cell(screener, text, edition=edition)))
        if progress:
            progress("screen", done, len(numbers))
    distinct = tuple(values)
    summary = summarise(
        distinct, keys, screener, edition=screener.index.edition(edition), today=today
    )
    return BatchResult(table=table, column=choice, values=distinct, keys=keys, summary=summary)


def screen_cell(
    screener: Screener, text: str, *, edition: str | None = None
) -> tuple[Verdict, ...]:
    """The verdicts for one cell: one name first, else each country between separators."""
    parts = split_cell(text, screener.resolver) if text.strip() else [text]
    return tuple(screener.screen(part, edition=edition) for part in parts)


def _value(text: str, verdicts: tuple[Verdict, ...]) -> ScreenedValue:
    leading = next((v for v in verdicts if v.advice_needed), verdicts[0])
    return ScreenedValue(text, leading, verdicts if len(verdicts) > 1 else ())


def summarise(
    values: tuple[ScreenedValue, ...],
    keys: array[int],
    screener: Screener,
    *,
    edition: str,
    today: date | None = None,
) -> BatchSummary:
    """Counts per verdict and reason, and the values to review with their options; ``values``
    are the distinct cells and ``keys`` the value of each row (see :class:`BatchResult`)."""
    counts = Counter(keys)
    reasons: Counter[Reason] = Counter()
    review: dict[str, ReviewItem] = {}
    for key, value in enumerate(values):
        count = counts[key]
        reasons[value.verdict.reason] += count
        for verdict in value.verdicts:
            shown = value.text if not value.parts else verdict.query
            if verdict.reason in REVIEW_REASONS and shown not in review:
                options = verdict.candidates or verdict.suggestions
                review[shown] = ReviewItem(shown, verdict.reason, count, options)

    def rows_where(test: Callable[[ScreenedValue], bool]) -> int:
        return sum(counts[key] for key, value in enumerate(values) if test(value))

    meta = screener.index.meta
    return BatchSummary(
        rows=len(keys),
        distinct=len(values),
        advice_needed=rows_where(lambda value: value.advice_needed),
        borderline=rows_where(lambda value: value.borderline),
        per_reason=tuple((reason, reasons[reason]) for reason in Reason if reasons[reason]),
        review=tuple(review.values()),
        to_review=rows_where(lambda value: value.to_review),
        edition=edition,
        index_source=meta.source,
        threshold=screener.threshold,
        rounding=screener.rounding,
        screened_on=today or date.today(),
    )


OUTPUT_SUFFIX: Final = {"nl": "getoetst", "en": "screened"}


def default_output(source: Path, lang: str = "nl") -> Path:
    """``partners.xlsx`` → ``partners.getoetst.xlsx`` (``partners.screened.xlsx`` in English),
    beside the input."""
    return source.with_name(f"{source.stem}.{OUTPUT_SUFFIX.get(lang, 'screened')}.xlsx")


def check_output(source: Path, output: Path, *, force: bool) -> None:
    """Refuse an output that is not ``.xlsx``, that is the input, or exists without ``force``."""
    if output.suffix.lower() != ".xlsx":
        raise InputError("batch.output_not_xlsx", path=output)
    if output.exists() and source.exists() and output.resolve() == source.resolve():
        raise InputError("batch.output_is_input", path=output)
    check_writable(output, force=force)


def summary_to_json(result: BatchResult) -> dict[str, Any]:
    """The ``--json`` document: stable English keys, pinned by a contract test."""
    summary = result.summary
    return {
        "input": str(result.table.source),
        "sheet": result.table.sheet,
        "column": result.column.header,
        "column_found_by": result.column.how.value,
        "output": str(result.output) if result.output else None,
        "rows": summary.rows,
        "distinct_values": summary.distinct,
        "advice_needed": summary.advice_needed,
        "no_advice_needed": summary.no_advice_needed,
        "borderline": summary.borderline,
        "per_reason": {reason.value: count for reason, count in summary.per_reason},
        "unresolved": [_review_json(item) for item in summary.review],
        "edition": summary.edition,
        "index_source": summary.index_source,
        "threshold": summary.threshold,
        "rounding": summary.rounding.value,
        "date": summary.screened_on.isoformat(),
    }


def _review_json(item: ReviewItem) -> dict[str, Any]:
    key = "candidates" if item.reason is Reason.AMBIGUOUS else "suggestions"
    return {
        "input": item.text,
        "reason": item.reason.value,
        "rows": item.rows,
        key: [{"iso3": c.iso3, "code": c.code, "name": c.name_en} for c in item.options],
    }
