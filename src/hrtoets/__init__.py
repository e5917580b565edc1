"""hrtoets: screen international contacts for human-rights risk the way the City of Ghent does.

The library behind the ``hrtoets`` command; usable from a notebook too::

    from hrtoets import screen
    screen("Marokko").advice_needed
"""

from __future__ import annotations

from hrtoets.countries import Country, CountryResolver, Resolution, Status
from hrtoets.errors import ExitCode, HrtoetsError
from hrtoets.rule import Answer, Reason, Rounding, RuleOutcome, apply_rule, published_score
from hrtoets.screening import Screener, Verdict, screen, verdict_to_json

__version__ = "0.1.0"

__all__ = [
    "Answer",
    "Country",
    "CountryResolver",
    "ExitCode",
    "HrtoetsError",
    "Reason",
    "Resolution",
    "Rounding",
    "RuleOutcome",
    "Screener",
    "Status",
    "Verdict",
    "__version__",
    "apply_rule",
    "published_score",
    "screen",
    "verdict_to_json",
]
