"""Messages of the register feature, in Dutch and English."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
