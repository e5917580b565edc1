"""Print pip constraints that hold every runtime dependency at the lowest version pyproject allows.

CI installs the project with these constraints in a second venv and runs the test suite there, so
the ranges in ``pyproject.toml`` stay true: a ``>=X`` that no longer works fails CI.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

LOWER = re.compile(r"^(?P<name>[A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*>=\s*(?P<version>[0-9][^,;\s]*)")


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    requirements = list(project["dependencies"]) + list(
        project["optional-dependencies"].get("postgres", [])
    )
    for requirement in requirements:
        match = LOWER.match(requirement)
        if match is None:
            print(f"no lower bound in {requirement!r}", file=sys.stderr)
            return 1
        print(f"{match['name']}=={match['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
