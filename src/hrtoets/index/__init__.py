"""The WJP Rule of Law Index: model (pure), CSV format, importer, active-index store."""

from __future__ import annotations

from hrtoets.index.model import FACTOR_NAMES, IndexEntry, IndexMeta, WjpIndex
from hrtoets.index.store import load_active_index, load_index

__all__ = ["FACTOR_NAMES", "IndexEntry", "IndexMeta", "WjpIndex", "load_active_index", "load_index"]
