"""Fixtures shared by every test: all state under a temporary HRTOETS_HOME."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from hrtoets.cli import app

ROOT = Path(__file__).resolve().parent.parent
SHARED_WORKBOOK = (
    ROOT.parent / "shared" / "wjp" / "2025_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx"
)

TEST_INDEX = ROOT / "tests" / "data" / "index"


def _countries_per_edition(csv_path: Path) -> dict[str, int]:
    """How many countries each edition of an index CSV holds, read with the csv module alone."""
    import csv

    with csv_path.open(encoding="utf-8", newline="") as handle:
        editions = [row["edition"] for row in csv.DictReader(handle)]
    return {edition: editions.count(edition) for edition in set(editions)}


# The frozen index's own counts, so no test restates them (2025: the edition tests screen against).
FROZEN_COUNTRIES = _countries_per_edition(TEST_INDEX / "wjp_index.csv")

Invoke = Callable[..., Result]


@pytest.fixture(autouse=True)
def frozen_index() -> Iterator[pytest.MonkeyPatch]:
    """Tests screen against a small frozen index, not the edition hrtoets ships this year.

    The frozen index stands where the bundled one would be found; the loading code is the real one.
    Tests about the bundled data itself take the ``bundled_index`` fixture, which undoes this, so a
    new bundled edition changes only those tests.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("hrtoets.index.store.bundled_folder", lambda: TEST_INDEX)
        yield patch


@pytest.fixture
def bundled_index(frozen_index: pytest.MonkeyPatch) -> Path:
    """The index that ships in the package, for the tests about the bundled data."""
    frozen_index.undo()
    from hrtoets.index import store

    return store.bundled_folder()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh HRTOETS_HOME per test; no language, database or debug leaks in from outside."""
    folder = tmp_path / "hrtoets-home"
    folder.mkdir()
    monkeypatch.setenv("HRTOETS_HOME", str(folder))
    for name in ("HRTOETS_LANG", "HRTOETS_DB", "HRTOETS_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    yield folder


@pytest.fixture
def cli() -> Invoke:
    """Run the CLI in-process; fail with its output when the exit code is not the expected one."""

    def invoke(*args: str, expect: int = 0, input: str | None = None) -> Result:
        result = CliRunner().invoke(app, list(args), input=input)
        if result.exit_code != expect:
            detail = (
                f"exit {result.exit_code}, expected {expect}\n"
                f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
            )
            if result.exception and not isinstance(result.exception, SystemExit):
                raise AssertionError(detail) from result.exception
            raise AssertionError(detail)
        return result

    return invoke


def flat(text: str) -> str:
    """Text with Rich's line wrapping undone (all runs of whitespace → one space)."""
    return " ".join(text.split())
