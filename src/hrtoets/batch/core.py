"""Screen every row of a partner list: each distinct country value once, every row kept.

A list of 100,000 suppliers names perhaps two hundred countries, so the values are resolved and
screened once each through :class:`~hrtoets.screening.Screener` and the verdicts shared by the rows
that typed them: the cost grows with the distinct values, not the rows. Nothing is dropped or
guessed: an empty, unrecognised or ambiguous value is a row that needs advice and review.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
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
from hrtoets.tables import Table

Progress = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)``; stages: ``screen``, ``write``."""

REVIEW_REASONS = (Reason.UNRESOLVED, Reason.AMBIGUOUS)


@dataclass(frozen=True, slots=True)
class BatchRow:
    """One data row's verdicts; ``row`` is its row number in the output sheet (header = 1).

    A cell may name several countries ("Marokko, België"): ``parts`` holds each one's verdict,
    and ``verdict`` is the row's leading one (the first that needs advice, else the first).
    """

    row: int
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
    edition: str
    index_source: str
    threshold: float
    rounding: Rounding
    screened_on: date

    @property
    def no_advice_needed(self) -> int:
        return self.rows - self.advice_needed


@dataclass(frozen=True, slots=True)
class BatchResult:
    """A screened list: the input as read, the column used, a verdict per row, the summary."""

    table: Table
    column: ColumnChoice
    rows: tuple[BatchRow, ...]
    summary: BatchSummary
    output: Path | None = None


def screen_table(
    table: Table,
    screener: Screener,
    *,
    column: str | None = None,
    edition: str | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> BatchResult:
    """Choose the country column and screen every row (each distinct value once)."""
    choice = choose_column(table, screener.resolver, column)
    texts = [row[choice.index] for row in table.rows]
    verdicts: dict[str, tuple[Verdict, ...]] = {}
    distinct = list(dict.fromkeys(texts))
    for done, text in enumerate(distinct, 1):
        verdicts[text] = screen_cell(screener, text, edition=edition)
        if progress:
            progress("screen", done, len(distinct))
    rows = tuple(_row(n, text, verdicts[text]) for n, text in enumerate(texts, 2))
    summary = summarise(rows, screener, edition=screener.index.edition(edition), today=today)
    return BatchResult(table=table, column=choice, rows=rows, summary=summary)


def screen_cell(
    screener: Screener, text: str, *, edition: str | None = None
) -> tuple[Verdict, ...]:
    """The verdicts for one cell: one name first, else each country between separators."""
    parts = split_cell(text, screener.resolver) if text.strip() else [text]
    return tuple(screener.screen(part, edition=edition) for part in parts)


def _row(number: int, text: str, verdicts: tuple[Verdict, ...]) -> BatchRow:
    leading = next((v for v in verdicts if v.advice_needed), verdicts[0])
    return BatchRow(number, text, leading, verdicts if len(verdicts) > 1 else ())


def summarise(
    rows: tuple[BatchRow, ...], screener: Screener, *, edition: str, today: date | None = None
) -> BatchSummary:
    """Counts per verdict and reason, and the values to review with their options."""
    reasons = Counter(row.verdict.reason for row in rows)
    per_text = Counter(row.text for row in rows)
    review: dict[str, ReviewItem] = {}
    for row in rows:
        for verdict in row.verdicts:
            shown = row.text if not row.parts else verdict.query
            if verdict.reason in REVIEW_REASONS and shown not in review:
                options = verdict.candidates or verdict.suggestions
                count = per_text[row.text]
                review[shown] = ReviewItem(shown, verdict.reason, count, options)
    meta = screener.index.meta
    return BatchSummary(
        rows=len(rows),
        distinct=len(per_text),
        advice_needed=sum(1 for row in rows if row.advice_needed),
        borderline=sum(1 for row in rows if row.borderline),
        per_reason=tuple((reason, reasons[reason]) for reason in Reason if reasons[reason]),
        review=tuple(review.values()),
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
