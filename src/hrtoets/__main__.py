"""``python -m hrtoets``."""

from __future__ import annotations

from hrtoets.cli import main

main()
