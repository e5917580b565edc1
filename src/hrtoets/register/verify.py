"""``verify``: walk the chain to its head, then ask whether the checks tables still say what the
chain recorded.

Filters and SQL tools read ``register_checks`` and ``register_check_countries``; an edit there
would mislead them without touching the chain, so each row is compared with the ``created`` event
it was projected from.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from sqlalchemy import Connection, func, select

from hrtoets.register.chain import Link, walk
from hrtoets.register.model import BatchRecord, EventKind, VerifyResult, effective_payload
from hrtoets.register.schema import (
    HEAD_ID,
    batches,
    check_countries,
    checks,
    country_rows,
    events,
    head,
    projection,
)


def verify_chain(conn: Connection) -> VerifyResult:
    """Inside a read transaction on a register whose tables are all there: the full check."""
    head_row = conn.execute(select(head).where(head.c.id == HEAD_ID)).one_or_none()
    rows = conn.execute(select(events).order_by(events.c.seq))
    links = (Link(**row._asdict()) for row in rows)
    if head_row is None:
        found = walk(links, None, None)
    else:
        found = walk(links, head_row.last_seq, head_row.last_hash)
    result = VerifyResult(
        intact=found.problem is None,
        events=found.events,
        checks=conn.execute(select(func.count()).select_from(checks)).scalar_one(),
        head_hash=found.head_hash,
        broken_seq=found.broken_seq,
        broken_check=found.broken_check,
        problem=found.problem,
    )
    if not result.intact:
        return result
    if head_row is not None:
        created_max = conn.execute(
            select(func.max(events.c.check_id)).where(events.c.kind == EventKind.CREATED.value)
        ).scalar_one()
        if head_row.last_check_id != (created_max or 0):
            return dataclasses.replace(result, intact=False, problem="head_counter")
    result = compare_projection(conn, result)
    if not result.intact:
        return result
    query = select(batches).where(batches.c.completed_at.is_(None)).order_by(batches.c.id)
    interrupted = tuple(BatchRecord(**row._asdict()) for row in conn.execute(query))
    return dataclasses.replace(result, interrupted=interrupted)


def _expected(
    created: Any, resolutions: list[Any]
) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """The rows ``created`` projects to, as later ``resolved`` events left them; ``None`` when
    a payload cannot give them."""
    try:
        payload = effective_payload(
            json.loads(created.payload), [json.loads(r.payload) for r in resolutions]
        )
        check_id = int(payload["id"])
        return (
            projection(check_id, created.seq, created.recorded_at, payload),
            country_rows(check_id, payload),
        )
    except (TypeError, ValueError, KeyError, IndexError):  # a forged, re-hashed payload
        return None


def compare_projection(conn: Connection, result: VerifyResult) -> VerifyResult:
    """``result`` as it is when every projected row matches its event, else the first mismatch."""
    stored = {row.id: row._asdict() for row in conn.execute(select(checks))}
    countries: dict[int, list[dict[str, Any]]] = {}
    query = select(check_countries).order_by(check_countries.c.check_id, check_countries.c.position)
    for row in conn.execute(query):
        countries.setdefault(row.check_id, []).append(row._asdict())
    resolutions: dict[int, list[Any]] = {}
    query = select(events).where(events.c.kind == EventKind.RESOLVED.value).order_by(events.c.seq)
    for event in conn.execute(query):
        resolutions.setdefault(event.check_id, []).append(event)
    created = conn.execute(
        select(events).where(events.c.kind == EventKind.CREATED.value).order_by(events.c.seq)
    )
    for event in created:
        expected = _expected(event, resolutions.get(event.check_id, []))
        if expected is None:
            return _broken(result, event.seq, event.check_id)
        check, rows = expected
        if stored.pop(check["id"], None) != check or countries.get(check["id"], []) != rows:
            return _broken(result, event.seq, check["id"])
    for orphan in stored.values():  # a check row that no event created
        return _broken(result, orphan["created_seq"], orphan["id"])
    created_ids = {
        row.check_id
        for row in conn.execute(
            select(events.c.check_id).where(events.c.kind == EventKind.CREATED.value)
        )
    }
    for check_id in countries:
        if check_id not in created_ids:  # country rows of a check that does not exist
            return dataclasses.replace(
                result, intact=False, broken_check=check_id, problem="orphans"
            )
    return result


def _broken(result: VerifyResult, seq: int, check_id: int) -> VerifyResult:
    return dataclasses.replace(
        result, intact=False, broken_seq=seq, broken_check=check_id, problem="projection"
    )
