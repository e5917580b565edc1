"""The HTML report in a real browser: headless Chromium renders it to PNG and prints it to PDF
(A4), and the PDF's text is the report's. ``.ci/run`` installs Debian's chromium and sets
HRTOETS_REQUIRE_CHROMIUM, so in CI this test fails instead of skipping."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Invoke

pytest_plugins = ["tests.register_fixtures"]  # db_url

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("HRTOETS_REQUIRE_CHROMIUM"):
    raise RuntimeError("HRTOETS_REQUIRE_CHROMIUM is set but chromium is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-pdf-header-footer")  # fmt: skip


def _chromium(tmp_path: Path, *args: str) -> None:
    assert CHROMIUM is not None
    profile = tmp_path / "profile"
    subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        check=True,
        capture_output=True,
        timeout=120,
    )


def test_the_report_renders_and_prints_on_a4(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    from pypdf import PdfReader

    cli("log", "add", "--db", db_url, "--kind", "partnerschap", "--title", "Rabat", "--country",
        "Marokko", "--answer", "nee")  # fmt: skip
    cli("log", "add", "--db", db_url, "--kind", "aankoop", "--title", "Koffie", "--country", "BE")
    page = tmp_path / "jaarverslag.html"
    cli("report", "-o", str(page), "--db", db_url)
    png, pdf = tmp_path / "page.png", tmp_path / "page.pdf"
    _chromium(tmp_path, f"--screenshot={png}", "--window-size=1240,1754", page.as_uri())
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    _chromium(tmp_path, f"--print-to-pdf={pdf}", page.as_uri())
    reader = PdfReader(str(pdf))
    first = reader.pages[0]
    width, height = float(first.mediabox.width), float(first.mediabox.height)
    assert abs(width - 595) < 3 and abs(height - 842) < 3  # A4 in points
    shown = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Mensenrechtentoetsen van" in shown
    assert "Het register is intact" in shown
    assert "Toetsen per soort" in shown and "bilateraal partnerschap" in shown
    assert "Marokko" in shown
