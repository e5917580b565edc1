"""The report in four formats: JSON (every figure), Markdown (tables to paste), a self-contained
HTML page (inline SVG charts, A4 print style, no script, no external address) and a workbook (one
sheet per table, native Excel charts, user text as text)."""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from hrtoets.messages import t
from hrtoets.register.kinds import Kind, Outcome
from hrtoets.report.figures import REASON_ORDER
from hrtoets.spreadsheet import close_workbook

# Okabe–Ito: told apart by people with any kind of colour blindness.
PALETTE: Final = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442")


@dataclass(frozen=True, slots=True)
class ReportTable:
    """One table of the report, in the report's language; ``chart`` names a chart of it."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    chart: bool = False


def _label(group: str, code: str, lang: str) -> str:
    return t(f"register.{group}.{code}", lang)


def tables(figures: dict[str, Any], lang: str) -> list[ReportTable]:
    """The report's tables, in order."""
    count, what = t("report.col.count", lang), t("report.col.what", lang)
    checks, advice = figures["checks"], figures["advice"]
    needed = figures["advice_needed"]
    found = [
        ReportTable(
            "by_kind",
            t("report.table.by_kind", lang),
            (t("report.col.kind", lang), count),
            tuple((_label("kind", k.value, lang), checks["by_kind"][k.value]) for k in Kind),
            chart=True,
        ),
        ReportTable(
            "by_month",
            t("report.table.by_month", lang),
            (t("report.col.month", lang), count),
            tuple(checks["by_month"].items()),
            chart=True,
        ),
        ReportTable(
            "advice_needed",
            t("report.table.advice_needed", lang),
            (what, count),
            (
                (t("report.advice_needed_total", lang), needed["total"]),
                *(
                    (t(f"report.reason.{group}", lang), needed["by_reason"][group])
                    for group in REASON_ORDER
                ),
            ),
        ),
        ReportTable(
            "advice",
            t("report.table.advice", lang),
            (what, count),
            (
                (t("report.advice.requested", lang), advice["requested"]),
                (t("report.advice.received", lang), advice["received"]),
                *(
                    (_label("outcome", o.value, lang), advice["by_outcome"][o.value])
                    for o in Outcome
                ),
                (t("report.advice.pending", lang), advice["pending"]),
                (t("report.advice.median_days", lang), advice["median_days_to_advice"]),
            ),
            chart=True,
        ),
        ReportTable(
            "decisions",
            t("report.table.decisions", lang),
            (what, count),
            (
                *(
                    (_label("decision", d, lang), n)
                    for d, n in figures["decisions"]["by_decision"].items()
                ),
                (
                    t("report.decisions.without_advice", lang),
                    figures["decisions"]["without_advice"],
                ),
                (t("report.withdrawn", lang), figures["withdrawn"]),
                (t("report.to_review", lang), figures["to_review"]),
                (t("report.agreements", lang), figures["agreements"]["total"]),
                (t("report.with_clause", lang), figures["agreements"]["with_clause"]),
            ),
        ),
        ReportTable(
            "countries",
            t("report.table.countries", lang),
            (
                t("report.col.place", lang),
                t("report.col.code", lang),
                count,
                t("report.col.score", lang),
                t("report.col.advice", lang),
                t("report.col.trend", lang),
            ),
            tuple(
                (
                    c["name"],
                    c["iso3"],
                    c["checks"],
                    c["score"],
                    t("word.yes" if c["advice_needed"] else "word.no", lang),
                    c["trend"],
                )
                for c in figures["countries"]
            ),
            chart=True,
        ),
        ReportTable(
            "overdue",
            t("report.table.overdue", lang, days=figures.get("overdue_days", 30)),
            (
                t("report.col.check", lang),
                t("report.col.title", lang),
                t("report.col.status", lang),
                t("report.col.days", lang),
            ),
            tuple(
                (o["check_id"], o["title"], _label("status", o["status"], lang), o["days"])
                for o in figures["overdue"]
            ),
        ),
    ]
    return found


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def to_json(figures: dict[str, Any], _lang: str) -> str:
    return json.dumps(figures, ensure_ascii=False, indent=2) + "\n"


def _md_cell(value: Any) -> str:
    return _shown(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _heading(figures: dict[str, Any], lang: str) -> tuple[str, str, str | None]:
    from hrtoets.dates import stored_day_text

    period = figures["period"]
    start, end = (stored_day_text(period[key], lang) for key in ("from", "to"))
    title = t("report.title", lang, start=start, end=end)
    register = figures["register"]
    integrity = t(
        "report.register_intact" if register["intact"] else "report.register_broken",
        lang,
        events=register["events"],
        head=register["head_hash"] or "—",
    )
    warning = None if register["intact"] else t("report.tampered_warning", lang)
    return title, integrity, warning


def to_markdown(figures: dict[str, Any], lang: str) -> str:
    title, integrity, warning = _heading(figures, lang)
    out = [f"# {title}", ""]
    if warning:
        out += [f"> **{warning}**", ""]
    out += [integrity, ""]
    for table in tables(figures, lang):
        out += [f"## {table.title}", ""]
        out.append("| " + " | ".join(table.headers) + " |")
        out.append("|" + "---|" * len(table.headers))
        out += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in table.rows]
        if not table.rows:
            out.append("| " + " | ".join("—" for _ in table.headers) + " |")
        out.append("")
    out.append(t("check.credit", lang))
    return "\n".join(out) + "\n"


_CSS: Final = """
@page { size: A4; margin: 2cm; }
body { font-family: Georgia, serif; max-width: 48em; margin: 2em auto; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
th, td { border: 1px solid #999; padding: 0.2em 0.6em; text-align: left; }
td.n { text-align: right; }
.warning { border: 3px solid #D55E00; padding: 0.8em; font-weight: bold; }
figure { margin: 0.5em 0 1.5em; page-break-inside: avoid; }
@media print { body { max-width: none; margin: 0; } section { page-break-inside: avoid; } }
"""


def _svg_bars(table: ReportTable, lang: str) -> str:
    """A horizontal bar chart of the table's first two columns, with a text alternative."""
    rows = [(str(r[0]), r[1] if table.key != "countries" else r[2]) for r in table.rows]
    rows = [(label, value) for label, value in rows if isinstance(value, int | float)][:12]
    if not rows:
        return ""
    top = max((v for _, v in rows), default=0) or 1
    height = 22 * len(rows) + 10
    bars = []
    for n, (label, value) in enumerate(rows):
        y = 5 + 22 * n
        width = round(300 * value / top)
        colour = PALETTE[n % len(PALETTE)]
        bars.append(
            f'<text x="0" y="{y + 14}" font-size="12">{html.escape(label[:40])}</text>'
            f'<rect x="260" y="{y}" width="{width}" height="16" fill="{colour}"/>'
            f'<text x="{265 + width}" y="{y + 13}" font-size="12">{_shown(value)}</text>'
        )
    summary = "; ".join(f"{label}: {_shown(value)}" for label, value in rows)
    alt = html.escape(t("report.chart_alt", lang, title=table.title, values=summary))
    return (
        f'<figure><svg role="img" aria-label="{alt}" xmlns="http://www.w3.org/2000/svg" '
        f'width="620" height="{height}" viewBox="0 0 620 {height}"><title>{alt}</title>'
        + "".join(bars)
        + "</svg></figure>"
    )


def to_html(figures: dict[str, Any], lang: str) -> str:
    title, integrity, warning = _heading(figures, lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>',
        f"<style>{_CSS}</style></head><body>",
    ]
    if warning:
        parts.append(f'<p class="warning" role="alert">{html.escape(warning)}</p>')
    parts += [f"<h1>{html.escape(title)}</h1>", f"<p>{html.escape(integrity)}</p>"]
    for table in tables(figures, lang):
        parts.append(f"<section><h2>{html.escape(table.title)}</h2>")
        if table.chart:
            parts.append(_svg_bars(table, lang))
        parts.append(f"<table><caption>{html.escape(table.title)}</caption><tr>")
        parts += [f'<th scope="col">{html.escape(h)}</th>' for h in table.headers]
        parts.append("</tr>")
        for row in table.rows:
            cells = "".join(
                f'<td class="n">{_shown(v)}</td>' if isinstance(v, int | float)
                else f"<td>{html.escape(_shown(v))}</td>"
                for v in row
            )  # fmt: skip
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table></section>")
    parts.append(f"<p>{html.escape(t('check.credit', lang))}</p></body></html>")
    return "\n".join(parts) + "\n"


def _date(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso)


def write_xlsx(figures: dict[str, Any], path: Path, lang: str, *, shown: Path) -> None:
    """One sheet per table, numbers as numbers, user text as text, a native chart per chart;
    ``shown`` is the name an error gives (``path`` is the temporary file)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    try:
        bold = book.add_format({"bold": True})
        title, integrity, warning = _heading(figures, lang)
        front = book.add_worksheet(t("report.sheet.summary", lang)[:31])
        front.write_string(0, 0, title, bold)
        front.write_string(1, 0, integrity)
        if warning:
            front.write_string(2, 0, warning, book.add_format({"bold": True, "font_color": "red"}))
        day = book.add_format({"num_format": "d/mm/yyyy"})
        for row, key in ((4, "from"), (5, "to")):  # the period as real Excel dates
            front.write_string(row, 0, t(f"report.period_{key}", lang), bold)
            front.write_datetime(row, 1, _date(figures["period"][key]), day)
        for table in tables(figures, lang):
            sheet = book.add_worksheet(table.title[:31])
            for column, header in enumerate(table.headers):
                sheet.write_string(0, column, header, bold)
            month = book.add_format({"num_format": "mmm yyyy"})
            for row, values in enumerate(table.rows, 1):
                for column, value in enumerate(values):
                    if table.key == "by_month" and column == 0:  # a month: a date, shown as one
                        sheet.write_datetime(row, column, _date(f"{value}-01"), month)
                    elif isinstance(value, int | float) and not isinstance(value, bool):
                        sheet.write_number(row, column, value)
                    elif value is not None:
                        sheet.write_string(row, column, str(value))
            sheet.set_column(0, 0, 40)
            value_column = 2 if table.key == "countries" else 1
            if table.chart and table.rows:
                chart = book.add_chart({"type": "bar"})
                chart.add_series(
                    {
                        "name": table.title,
                        "categories": [sheet.name, 1, 0, len(table.rows), 0],
                        "values": [sheet.name, 1, value_column, len(table.rows), value_column],
                        "fill": {"color": PALETTE[0]},
                    }
                )
                chart.set_title({"name": table.title})
                chart.set_legend({"none": True})
                sheet.insert_chart(1, len(table.headers) + 1, chart)
    finally:
        close_workbook(book, path, shown=shown)
