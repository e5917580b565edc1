"""hrtoets: screen international contacts for human-rights risk the way the City of Ghent does.

The library behind the ``hrtoets`` command; usable from a notebook too::

    from hrtoets import screen
    screen("Marokko").advice_needed

The screening core is imported eagerly (it is what every command needs); the features that bring
heavy libraries (batch, agreements, the register, the importer) load on first use, so
``hrtoets check`` stays quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from hrtoets.countries import Country, CountryResolver, Resolution, Status
from hrtoets.errors import ExitCode, HrtoetsError
from hrtoets.rule import Answer, Reason, Rounding, RuleOutcome, apply_rule, published_score
from hrtoets.screening import Screener, Verdict, screen, screen_many, verdict_to_json
from hrtoets.version import __version__

if TYPE_CHECKING:
    from hrtoets.agreements import AgreementMaker
    from hrtoets.batch import BatchResult, run_batch
    from hrtoets.index.importer import import_workbook
    from hrtoets.register import Register, open_register
    from hrtoets.tables import Table, read_table


_LAZY = {
    "AgreementMaker": "hrtoets.agreements",
    "BatchResult": "hrtoets.batch",
    "run_batch": "hrtoets.batch",
    "import_workbook": "hrtoets.index.importer",
    "Register": "hrtoets.register",
    "open_register": "hrtoets.register",
    "Table": "hrtoets.tables",
    "read_table": "hrtoets.tables",
}


def __getattr__(name: str) -> Any:
    """Load a feature's public name on first use (PEP 562)."""
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    msg = f"module 'hrtoets' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    """Every public name, the lazy ones included, so tab completion in a notebook sees them all."""
    return sorted(set(__all__) | set(globals()))


__all__ = [
    "AgreementMaker",
    "Answer",
    "BatchResult",
    "Country",
    "CountryResolver",
    "ExitCode",
    "HrtoetsError",
    "Reason",
    "Register",
    "Resolution",
    "Rounding",
    "RuleOutcome",
    "Screener",
    "Status",
    "Table",
    "Verdict",
    "__version__",
    "apply_rule",
    "import_workbook",
    "open_register",
    "published_score",
    "read_table",
    "run_batch",
    "screen",
    "screen_many",
    "verdict_to_json",
]
