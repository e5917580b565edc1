"""``hrtoets report``: the register's figures for the city's yearly human-rights report."""

from __future__ import annotations

from hrtoets.report.build import ReportRequest, build_report, write_report
from hrtoets.report.figures import Period, report_figures

__all__ = ["Period", "ReportRequest", "build_report", "report_figures", "write_report"]
