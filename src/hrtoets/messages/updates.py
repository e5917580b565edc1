"""Messages of the updates feature, in Dutch and English."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
