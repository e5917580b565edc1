"""What the operating system refuses — a full disk, a name too long, a file in the way, a file name
that is not UTF-8 — is one sentence naming the path, exit 2, nothing left behind.

The full disk is real: a small tmpfs, mounted when the tests run as root (CI does); elsewhere
those tests skip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hrtoets.files import TEMP_PREFIX
from tests.batch_files import write_xlsx
from tests.conftest import SHARED_WORKBOOK, Invoke, flat
from tests.workbooks import write_workbook

NO_SPACE = "No space left on device; free some space or write to another disk, and try again"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KB tmpfs folder, unmounted afterwards."""
    folder = tmp_path / "small"
    folder.mkdir()
    mount = shutil.which("mount")
    if os.geteuid() != 0 or mount is None:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run([mount, "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
                          capture_output=True, check=False)  # fmt: skip
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)  # lazily: a file may be open


def _fill(folder: Path, leave: int = 0) -> None:
    """Fill ``folder``'s disk, leaving about ``leave`` bytes."""
    free = shutil.disk_usage(folder).free - leave
    if free > 0:
        (folder / "filler").write_bytes(b"\0" * free)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


def test_a_full_disk_for_the_screened_workbook(
    cli: Invoke, tmp_path: Path, small_disk: Path
) -> None:
    rows: list[list[Any]] = [["Naam", "Land"]] + [[f"Partner {n}", "België"] for n in range(5000)]
    source = write_xlsx(tmp_path / "list.xlsx", rows)
    target = small_disk / "list.screened.xlsx"
    _fill(small_disk, leave=20_000)
    result = cli("batch", str(source), "-o", str(target), "--lang", "en", expect=2)
    assert flat(result.stderr).endswith(f"{target}: {NO_SPACE}.") or "No space left" in flat(
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not target.exists() and _leftovers(small_disk) == []


def test_a_full_disk_for_an_export_and_an_agreement(
    cli: Invoke, small_disk: Path, tmp_path: Path
) -> None:
    cli("log", "add", "--kind", "procurement", "--title", "x" * 2000, "--country", "BE")
    kept = small_disk / "register.json"
    kept.write_text("the earlier export", encoding="utf-8")
    _fill(small_disk)
    result = cli("log", "export", "-o", str(kept), "--force", "--lang", "en", expect=2)
    assert flat(result.stderr) == f"{kept}: {NO_SPACE}."
    assert kept.read_text(encoding="utf-8") == "the earlier export"
    out = small_disk / "agreement.docx"
    result = cli("clause", "render", "procurement", "-o", str(out), "--partner", "Acme",
                 "--lang", "en", expect=2)  # fmt: skip
    assert flat(result.stderr) == f"{out}: {NO_SPACE}."
    assert not out.exists() and _leftovers(small_disk) == []


@pytest.mark.parametrize("command", [("log", "export"), ("report", "--year", "2026")])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_full_disk_for_a_workbook_of_the_register(
    cli: Invoke, small_disk: Path, command: tuple[str, ...], lang: str
) -> None:
    """xlsxwriter names a full disk FileCreateError, not OSError: still one sentence, and no
    late "Exception ignored" from the zip it left open."""
    cli("log", "add", "--kind", "procurement", "--title", "x" * 2000, "--country", "BE")
    target = small_disk / "register.xlsx"
    _fill(small_disk)
    result = cli(*command, "-o", str(target), "--lang", lang, expect=2)
    said = flat(result.stderr)
    start = "Kan " if lang == "nl" else "Cannot write "
    assert said.startswith(f"{start}{target}") and "No space left on device" in said, said
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert not target.exists() and _leftovers(small_disk) == []


def test_a_mail_merge_on_a_full_disk_writes_none(
    cli: Invoke, small_disk: Path, tmp_path: Path
) -> None:
    """It wrote 25 of 200 agreements, then crashed; now all or none."""
    rows = tmp_path / "partners.csv"
    rows.write_text("partner;countries\n" + "".join(f"Stad {n};BE\n" for n in range(200)),
                    encoding="utf-8")  # fmt: skip
    _fill(small_disk, leave=60_000)  # room for some agreements, not for 200
    result = cli("clause", "render", "procurement", "--rows", str(rows), "--out-dir",
                 str(small_disk), "--format", "docx", "--lang", "en", expect=2)  # fmt: skip
    assert flat(result.stderr) == f"{small_disk}: {NO_SPACE}."
    assert "No space left on device" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_the_register_on_a_full_disk_says_so(cli: Invoke, small_disk: Path) -> None:
    db = f"sqlite:///{small_disk / 'register.sqlite'}"
    cli("log", "add", "--db", db, "--kind", "other", "--title", "eerste", "--country", "BE")
    _fill(small_disk)
    long_note = "n" * 100_000
    result = cli("log", "add", "--db", db, "--kind", "other", "--title", "tweede", "--country",
                 "BE", "--note", long_note, "--lang", "en", expect=2)  # fmt: skip
    said = flat(result.stderr)
    assert "the disk is full" in said and "cannot be reached" not in said
    (small_disk / "filler").unlink()
    listed = json.loads(cli("log", "list", "--db", db, "--json").stdout)
    assert [c["title"] for c in listed] == ["eerste"]


def test_an_index_update_on_a_full_home_keeps_the_old_index(
    cli: Invoke, small_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not SHARED_WORKBOOK.exists():
        pytest.skip("the real WJP workbook is not beside the checkout")
    monkeypatch.setenv("HRTOETS_HOME", str(small_disk))
    before = json.loads(cli("index", "info", "--json").stdout)["active"]
    result = cli("index", "update", "--file", str(SHARED_WORKBOOK), "--lang", "en", expect=2)
    assert "No space left on device" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(cli("index", "info", "--json").stdout)["active"] == before
    assert [p.name for p in (small_disk / "index").iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("command", ["render", "export", "batch", "import"])
def test_a_name_too_long(cli: Invoke, tmp_path: Path, command: str) -> None:
    long = tmp_path / ("a" * 300)
    source = write_xlsx(tmp_path / "p.xlsx", [["Land"], ["BE"]])
    args = {
        "render": ["clause", "render", "clause", "-o", f"{long}.txt", "--partner", "X"],
        "export": ["log", "export", "-o", f"{long}.xlsx"],
        "batch": ["batch", str(source), "-o", f"{long}.xlsx"],
        "import": ["index", "import", str(write_workbook(tmp_path / "w.xlsx")), "-o", str(long)],
    }[command]
    result = cli(*args, "--lang", "en", expect=2)
    assert flat(result.stderr).endswith(
        "File name too long; choose a shorter name or a shorter folder path."
    )


def test_an_import_onto_a_file(cli: Invoke, tmp_path: Path) -> None:
    blocker = tmp_path / "exists.csv"
    blocker.write_text("mine", encoding="utf-8")
    result = cli("index", "import", str(write_workbook(tmp_path / "w.xlsx")), "-o", str(blocker),
                 "--lang", "en", expect=2)  # fmt: skip
    assert "Traceback" not in result.stderr and str(blocker) in flat(result.stderr)
    assert blocker.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("log", [False, True])
def test_a_file_name_that_is_not_utf8(cli: Invoke, tmp_path: Path, log: bool) -> None:
    source = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/partners\xff.csv"))
    source.write_text("Land\nBE\n", encoding="utf-8")
    result = cli("batch", str(source), *(["--log", "other"] if log else []), "--json")
    assert json.loads(result.stdout)["rows"] == 1
    assert Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/partners\xff.getoetst.xlsx")).exists()
