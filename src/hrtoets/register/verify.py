"""The second half of ``verify``: do the checks tables still say what the chain recorded?

Filters and SQL tools read ``register_checks`` and ``register_check_countries``; an edit there
would mislead them without touching the chain, so each row is compared with the ``created`` event
it was projected from.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from sqlalchemy import Connection, select

from hrtoets.register.model import EventKind, VerifyResult
from hrtoets.register.schema import check_countries, checks, country_rows, events, projection


def _expected(
    created: Any,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    payload = json.loads(created.payload)
    check_id = int(payload["id"])
    return (
        projection(check_id, created.seq, created.recorded_at, payload),
        country_rows(check_id, payload),
    )


def compare_projection(conn: Connection, result: VerifyResult) -> VerifyResult:
    """``result`` as it is when every projected row matches its event, else the first mismatch."""
    stored = {row.id: row._asdict() for row in conn.execute(select(checks))}
    countries: dict[int, list[dict[str, Any]]] = {}
    query = select(check_countries).order_by(check_countries.c.check_id, check_countries.c.position)
    for row in conn.execute(query):
        countries.setdefault(row.check_id, []).append(row._asdict())
    created = conn.execute(
        select(events).where(events.c.kind == EventKind.CREATED.value).order_by(events.c.seq)
    )
    for event in created:
        check, rows = _expected(event)
        if stored.pop(check["id"], None) != check or countries.get(check["id"], []) != rows:
            return _broken(result, event.seq, check["id"])
    for orphan in stored.values():  # a check row that no event created
        return _broken(result, orphan["created_seq"], orphan["id"])
    return result


def _broken(result: VerifyResult, seq: int, check_id: int) -> VerifyResult:
    return dataclasses.replace(
        result, intact=False, broken_seq=seq, broken_check=check_id, problem="projection"
    )
