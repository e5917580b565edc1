"""Gather the report from the configured register and the active index, and write it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from hrtoets.errors import InputError
from hrtoets.report.figures import Period, PlaceNow, report_figures

if TYPE_CHECKING:
    from hrtoets.config import Settings
    from hrtoets.register.model import CheckRecord
    from hrtoets.screening import Screener

FORMATS: Final = {".json": "json", ".md": "md", ".html": "html", ".htm": "html", ".xlsx": "xlsx"}


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """What to report on: a year, or a period; "today" fixed for a report made again later."""

    year: int | None = None
    start: date | None = None
    end: date | None = None
    as_of: date | None = None
    overdue_days: int = 30

    def period(self) -> tuple[Period, date]:
        today = self.as_of or date.today()
        if self.year is not None and (self.start or self.end):
            raise InputError("report.year_and_period")
        if self.year is not None:
            return Period(date(self.year, 1, 1), date(self.year, 12, 31)), today
        start = self.start or date(today.year, 1, 1)
        end = self.end or today
        if end < start:
            raise InputError("report.bad_period", start=start.isoformat(), end=end.isoformat())
        return Period(start, end), today


def build_report(settings: Settings, request: ReportRequest) -> dict[str, Any]:
    """Every figure, from the configured register (``--db``) and the active index."""
    from hrtoets.register import CheckFilter
    from hrtoets.register.actions import open_configured
    from hrtoets.screening import Screener

    if request.overdue_days < 0:
        raise InputError("report.bad_overdue", days=request.overdue_days)
    period, today = request.period()
    screener = Screener.from_settings(settings)
    with open_configured(settings) as register:
        verification = register.verify()
        checks = register.checks(CheckFilter())
    figures = report_figures(
        checks,
        verification,
        period,
        today=today,
        overdue_days=request.overdue_days,
        place=_places(screener, settings.lang),
        rescreen=_rescreen(screener),
    )
    figures["edition"] = screener.index.latest
    return figures


def _places(screener: Screener, lang: str) -> Any:
    cache: dict[str, PlaceNow] = {}

    def place(code: str) -> PlaceNow:
        found = cache.get(code)
        if found is None:
            verdict = screener.screen(code)
            history = [score for _, score in verdict.history]
            trend = round(history[-1] - history[-2], 4) if len(history) > 1 else None
            found = cache[code] = PlaceNow(
                verdict.display_name(lang), verdict.score, verdict.advice_needed, trend
            )
        return found

    return place


def _rescreen(screener: Screener) -> Any:
    from hrtoets.monitor import Screened, changed_verdicts

    seen: Screened = {}

    def changed(check: CheckRecord) -> list[dict[str, Any]]:
        return [change.to_json() for change in changed_verdicts(screener, check, seen)]

    return changed


def write_report(figures: dict[str, Any], path: Path, lang: str, *, force: bool) -> str:
    """Write ``figures`` to ``path`` in the format of its extension (atomically); the format."""
    from hrtoets.files import atomic_path
    from hrtoets.report import writers

    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError("report.bad_format", suffix=path.suffix or path.name)
    with atomic_path(path, force=force) as tmp:
        if fmt == "xlsx":
            writers.write_xlsx(figures, tmp, lang, shown=path)
        else:
            render = {"json": writers.to_json, "md": writers.to_markdown, "html": writers.to_html}
            tmp.write_text(render[fmt](figures, lang), encoding="utf-8", newline="\n")
    return fmt
