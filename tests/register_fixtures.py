"""Register databases for the tests: a real SQLite file, and a real PostgreSQL schema in CI.

``db_url`` runs a test once per database. PostgreSQL comes from ``HRTOETS_TEST_POSTGRES_URL``
(``.ci/run`` starts a server and sets it); each test gets a fresh schema, dropped afterwards. The
PostgreSQL case skips when the URL is unset or the server unreachable — and fails instead when
``HRTOETS_REQUIRE_POSTGRES=1``, so CI cannot pass without having run it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from hrtoets.screening import Screener
from tests.conftest import TEST_INDEX

POSTGRES_ENV = "HRTOETS_TEST_POSTGRES_URL"
REQUIRE_ENV = "HRTOETS_REQUIRE_POSTGRES"


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"PostgreSQL is required ({REQUIRE_ENV}=1) but {reason}")
    pytest.skip(reason)


def postgres_schema_url() -> Iterator[str]:
    """A URL whose search_path is a fresh schema; the schema is dropped afterwards."""
    base = os.environ.get(POSTGRES_ENV, "").strip()
    if not base:
        _unavailable(f"{POSTGRES_ENV} is not set")
    schema = f"hrtoets_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base, connect_args={"connect_timeout": 5})
    try:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        engine.dispose()
        _unavailable(f"PostgreSQL at {POSTGRES_ENV} is unreachable: {exc.orig}")
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The register URL of one test: a fresh SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'register.sqlite'}"
    else:
        yield from postgres_schema_url()


@pytest.fixture(scope="session")
def bundled_screener() -> Screener:
    """The frozen test index with the default rule."""
    from hrtoets.index.store import load_index

    return Screener(load_index(TEST_INDEX))
