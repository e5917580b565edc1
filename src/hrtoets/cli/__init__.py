"""The command-line interface: thin commands over the library. Nothing here decides a verdict."""

from __future__ import annotations

from hrtoets.cli.app import app, main

__all__ = ["app", "main"]
