"""Sheet 2 of a screened workbook: what was screened, against what, and what to review.

The summary is what gets filed with the list, so it names the input, the column, the index edition
and its source, the rule and its rounding policy and the date, beside the counts. Every text that
came from the user (file names, values to review) is written with ``write_string``, as on sheet 1,
and every write is checked, as there.
"""

from __future__ import annotations

from typing import Any

from hrtoets.batch.core import BatchResult
from hrtoets.countries import describe
from hrtoets.files import shown_path
from hrtoets.messages import t
from hrtoets.spreadsheet import refused


def reason_label(reason_code: str, lang: str, *, threshold: float, edition: str) -> str:
    """A reason as a short phrase without a score, for counts over many rows."""
    return t(f"batch.reason.{reason_code}", lang, threshold=threshold, edition=edition)


def _facts(result: BatchResult) -> list[tuple[str, Any]]:
    summary = result.summary
    return [
        ("batch.sum.input", shown_path(result.table.source)),
        ("batch.sum.sheet", result.table.sheet or ""),
        ("batch.sum.column", result.column.header),
        ("batch.sum.date", summary.screened_on.isoformat()),
        ("batch.sum.rows", summary.rows),
        ("batch.sum.distinct", summary.distinct),
        ("batch.sum.advice", summary.advice_needed),
        ("batch.sum.no_advice", summary.no_advice_needed),
        ("batch.sum.borderline", summary.borderline),
        ("batch.sum.review", summary.to_review),
    ]


def _index_facts(result: BatchResult, lang: str) -> list[tuple[str, Any]]:
    summary = result.summary
    return [
        ("batch.sum.edition", summary.edition),
        ("batch.sum.source", summary.index_source),
        ("batch.sum.rule", t("batch.sum.rule_text", lang, threshold=summary.threshold)),
        ("batch.sum.rounding", t(f"batch.rounding.{summary.rounding.value}", lang)),
    ]


def write_summary(sheet: Any, result: BatchResult, lang: str, formats: Any) -> None:
    """Facts, counts per reason, values to review, the index and the rule, the credit."""
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 40)
    sheet.set_column(2, 2, 12)
    sheet.set_column(3, 3, 60)
    _text(sheet, 0, 0, t("batch.sum.title", lang), formats.bold)
    row = 2
    for key, value in _facts(result):
        row = _fact(sheet, row, t(key, lang), value)
    row = _write_reasons(sheet, row + 1, result, lang, formats)
    row = _write_review(sheet, row + 2, result, lang, formats)
    row += 2
    _text(sheet, row, 0, t("batch.sum.index", lang), formats.bold)
    row += 1
    for key, value in _index_facts(result, lang):
        row = _fact(sheet, row, t(key, lang), value)
    _text(sheet, row + 1, 0, t("batch.credit", lang))


def _write_reasons(sheet: Any, row: int, result: BatchResult, lang: str, formats: Any) -> int:
    """Counts per reason: the reason in the sheet's language, the count (the codes are in
    ``--json``). Returns the last row written."""
    summary = result.summary
    _text(sheet, row, 0, t("batch.sum.per_reason", lang), formats.header)
    _text(sheet, row, 1, t("batch.sum.count", lang), formats.header)
    for reason, count in summary.per_reason:
        row += 1
        label = reason_label(
            reason.value, lang, threshold=summary.threshold, edition=summary.edition
        )
        _text(sheet, row, 0, label)
        _number(sheet, row, 1, count)
    return row


def _write_review(sheet: Any, row: int, result: BatchResult, lang: str, formats: Any) -> int:
    """Values naming no single country, with their suggestions or candidates (user text)."""
    summary = result.summary
    _text(sheet, row, 0, t("batch.sum.review_title", lang), formats.bold)
    row += 1
    for column, key in enumerate(
        ("batch.sum.value", "batch.col.reason", "batch.sum.count", "batch.sum.options")
    ):
        _text(sheet, row, column, t(key, lang), formats.header)
    for item in summary.review:
        row += 1
        label = reason_label(
            item.reason.value, lang, threshold=summary.threshold, edition=summary.edition
        )
        _text(sheet, row, 0, item.text)
        _text(sheet, row, 1, label)
        _number(sheet, row, 2, item.rows)
        _text(sheet, row, 3, ", ".join(describe(c, lang) for c in item.options))
    return row


def _fact(sheet: Any, row: int, label: str, value: Any) -> int:
    _text(sheet, row, 0, label)
    if isinstance(value, int):
        _number(sheet, row, 1, value)
    else:
        _text(sheet, row, 1, str(value))
    return row + 1


def _text(sheet: Any, row: int, column: int, text: str, cell_format: Any = None) -> None:
    if code := sheet.write_string(row, column, text, cell_format):
        raise refused(code, sheet, row, column)


def _number(sheet: Any, row: int, column: int, value: float) -> None:
    if code := sheet.write_number(row, column, value):
        raise refused(code, sheet, row, column)
