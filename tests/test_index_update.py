"""``hrtoets index update``: download from a real HTTP server on 127.0.0.1, validate, activate.

Every failure must leave the active index as it was (``index info --json``) and no temporary file
in HRTOETS_HOME. httpx's MockTransport is used only for what a local server cannot produce (a
connect timeout).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from rich.console import Console

from hrtoets.config import load_settings
from hrtoets.errors import DownloadError, InputError
from hrtoets.index.update import FetchPolicy, RetryNotice, update_index
from tests.conftest import Invoke, flat
from tests.http_fixtures import (
    WjpServer,
    announce,
    closed_port_url,
    cut_off,
    drop,
    endless,
    files_in,
    hidden_entries,
    redirect,
    send,
    serve,
    stall,
    status,
    trickle,
)
from tests.workbooks import write_workbook

EU = "EU, EFTA, and North America"
MENA = "Middle East and North Africa"
ROWS_2026: list[tuple[str, Any, str, str, float]] = [
    ("Belgium", 2025, "BEL", EU, 0.7814192129926592),
    ("Belgium", 2026, "BEL", EU, 0.79),
    ("Hungary", 2025, "HUN", EU, 0.5026043717823747),
    ("Hungary", 2026, "HUN", EU, 0.4812),
    ("Morocco", 2025, "MAR", MENA, 0.4806151047785714),
    ("Morocco", 2026, "MAR", MENA, 0.5213),
    ("Kosovo", 2026, "XKX", "Eastern Europe and Central Asia", 0.5609),
]
ROWS_2025 = [row for row in ROWS_2026 if row[1] == 2025]
FILE_TIP = "use --file with a workbook you downloaded yourself."
MIB = 2**20


@pytest.fixture
def server() -> Iterator[WjpServer]:
    with serve() as running:
        yield running


def book(
    tmp_path: Path, rows: list[tuple[str, Any, str, str, float]] = ROWS_2026, **kw: Any
) -> bytes:
    return write_workbook(tmp_path / "served.xlsx", rows, **kw).read_bytes()


def configure(home: Path, server: WjpServer) -> str:
    """Point index_url at the local server; return the pattern."""
    pattern = server.url("/{edition}_wjp.xlsx")
    (home / "config.toml").write_text(f'index_url = "{pattern}"\n', encoding="utf-8")
    return pattern


def state(cli: Invoke, home: Path) -> tuple[dict[str, Any], set[str]]:
    return json.loads(cli("index", "info", "--json").stdout), files_in(home)


@pytest.fixture
def imported(tmp_path: Path, cli: Invoke, home: Path) -> tuple[dict[str, Any], set[str]]:
    """An imported 2025 edition is active: the state every failure must leave as it was."""
    manual = write_workbook(tmp_path / "manual-2025.xlsx", ROWS_2025)
    cli("index", "update", "--file", str(manual))
    return state(cli, home)


def fail(cli: Invoke, *args: str) -> str:
    """Run ``index update`` expecting exit 2; its last stderr sentence, unwrapped."""
    result = cli("index", "update", "--lang", "en", "--retries", "0", *args, expect=2)
    assert "Traceback" not in result.stderr
    return flat(result.stderr.strip().splitlines()[-1])


# --- success -----------------------------------------------------------------------------------


def test_download_validates_and_activates(
    tmp_path: Path, cli: Invoke, home: Path, server: WjpServer
) -> None:
    body = book(tmp_path)
    server.route("/2026_wjp.xlsx", send(body))
    configure(home, server)
    done = json.loads(cli("index", "update", "--edition", "2026", "--json").stdout)
    url = server.url("/2026_wjp.xlsx")
    assert done["edition"] == "2026"
    assert done["countries"] == 4
    assert done["origin"] == "url"
    assert done["source"] == url
    assert done["source_sha256"] == hashlib.sha256(body).hexdigest()
    assert done["bytes"] == len(body)
    assert done["previous"] == "bundled"
    info = json.loads(cli("index", "info", "--json").stdout)
    assert (info["edition"], info["active"], info["origin"]) == ("2026", "2026", "url")
    assert info["source"] == url
    assert info["source_sha256"] == hashlib.sha256(body).hexdigest()
    assert info["imported_at"][:10] == date.today().isoformat()
    assert info["path"] == str(home / "index" / "2026" / "wjp_index.csv")
    assert server.requests == ["/2026_wjp.xlsx"]
    assert hidden_entries(home) == []


def test_default_edition_is_this_year(
    tmp_path: Path, cli: Invoke, home: Path, server: WjpServer
) -> None:
    year = date.today().year
    rows = [("Belgium", year, "BEL", EU, 0.8), ("Morocco", year, "MAR", MENA, 0.45)]
    body = book(tmp_path, rows)
    server.route(f"/{year}_wjp.xlsx", send(body))
    configure(home, server)
    result = cli("index", "update", "--lang", "en")
    assert flat(result.stderr) == (
        f"Edition {year} (2 countries, SHA-256 {hashlib.sha256(body).hexdigest()}) "
        "is now the active index. Back to the previous one: hrtoets index use bundled. "
        "What changed: hrtoets index diff."
    )
    assert server.requests == [f"/{year}_wjp.xlsx"]


def test_the_new_index_is_what_check_uses(
    tmp_path: Path, cli: Invoke, home: Path, server: WjpServer
) -> None:
    url = server.route("/anywhere/wjp.xlsx", send(book(tmp_path)))
    cli("index", "update", "--url", url)
    morocco = json.loads(cli("check", "Marokko", "--json").stdout)
    assert (morocco["edition"], morocco["score"], morocco["advice_needed"]) == ("2026", 0.52, False)


def test_redirect_is_followed(tmp_path: Path, cli: Invoke, home: Path, server: WjpServer) -> None:
    server.route("/new.xlsx", send(book(tmp_path)))
    old = server.route("/old.xlsx", redirect(server.url("/new.xlsx")))
    done = json.loads(cli("index", "update", "--url", old, "--json").stdout)
    assert done["edition"] == "2026"
    assert server.requests == ["/old.xlsx", "/new.xlsx"]


def test_500_then_200_is_retried(
    tmp_path: Path, cli: Invoke, home: Path, server: WjpServer
) -> None:
    url = server.route("/wjp.xlsx", status(500), send(book(tmp_path)))
    result = cli("index", "update", "--url", url, "--lang", "en")
    assert flat(result.stderr).startswith(
        "Attempt 1 of 3 failed; trying again in 0.5 s. Edition 2026 (4 countries"
    )
    assert server.requests == ["/wjp.xlsx", "/wjp.xlsx"]
    assert json.loads(cli("index", "info", "--json").stdout)["edition"] == "2026"


def test_dropped_connection_is_retried(
    tmp_path: Path, cli: Invoke, home: Path, server: WjpServer
) -> None:
    url = server.route("/wjp.xlsx", drop(), send(book(tmp_path)))
    result = cli("index", "update", "--url", url, "--lang", "nl")
    assert flat(result.stderr).startswith("Poging 1 van 3 mislukt; nieuwe poging over 0.5 s.")
    assert len(server.requests) == 2


def test_manual_file(tmp_path: Path, cli: Invoke, home: Path) -> None:
    manual = write_workbook(tmp_path / "by hand.xlsx", ROWS_2026)
    cli("index", "update", "--file", str(manual))
    info = json.loads(cli("index", "info", "--json").stdout)
    assert (info["origin"], info["source"], info["edition"]) == ("file", str(manual), "2026")
    out = flat(cli("index", "info", "--lang", "en").stdout)
    assert f"Origin: imported from the file {manual}." in out


def test_same_edition_with_other_content_is_kept_beside_it(
    tmp_path: Path, cli: Invoke, home: Path, server: WjpServer
) -> None:
    first_body = book(tmp_path)
    first = server.route("/a.xlsx", send(first_body))
    corrected = [*ROWS_2026[:-1], ("Kosovo", 2026, "XKX", "Eastern Europe", 0.57)]
    second_body = write_workbook(tmp_path / "b.xlsx", corrected).read_bytes()
    second = server.route("/b.xlsx", send(second_body))
    cli("index", "update", "--url", first)
    done = json.loads(cli("index", "update", "--url", second, "--json").stdout)
    second_sha = hashlib.sha256(second_body).hexdigest()
    variant = f"2026-{second_sha[:8]}"
    assert (done["edition"], done["name"], done["previous"]) == ("2026", variant, "2026")
    assert done["path"] == str(home / "index" / variant)
    info = json.loads(cli("index", "info", "--json").stdout)
    assert (info["active"], info["source_sha256"]) == (variant, second_sha)
    assert sorted(p.name for p in (home / "index").iterdir()) == ["2026", variant, "active"]
    assert hidden_entries(home) == []
    # The first workbook is still there, unchanged: the rollback the done message offers works.
    cli("index", "use", "2026")
    info = json.loads(cli("index", "info", "--json").stdout)
    assert (info["active"], info["source_sha256"]) == (
        "2026",
        hashlib.sha256(first_body).hexdigest(),
    )
    assert json.loads(cli("check", "Kosovo", "--json").stdout)["score"] == 0.56


def test_same_workbook_again_replaces_its_copy(
    tmp_path: Path, cli: Invoke, home: Path, server: WjpServer
) -> None:
    body = book(tmp_path)
    url = server.route("/a.xlsx", send(body))
    manual = tmp_path / "same.xlsx"
    manual.write_bytes(body)
    cli("index", "update", "--file", str(manual))
    cli("index", "update", "--url", url)
    info = json.loads(cli("index", "info", "--json").stdout)
    assert (info["active"], info["origin"], info["source"]) == ("2026", "url", url)
    assert sorted(p.name for p in (home / "index").iterdir()) == ["2026", "active"]
    assert hidden_entries(home) == []


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    tmp_path: Path, cli: Invoke, server: WjpServer
) -> None:
    url = server.route("/wjp.xlsx", send(book(tmp_path)))
    result = cli("index", "update", "--url", url, "--lang", "en")
    assert flat(result.stderr).startswith("Edition 2026")
    assert "kB" not in result.stderr and "━" not in result.stderr


def test_progress_bar_shows_size_on_a_terminal(
    home: Path, server: WjpServer, tmp_path: Path
) -> None:
    from hrtoets.cli.session import Session
    from hrtoets.cli.updates_view import download_progress

    body = book(tmp_path)
    url = server.route("/wjp.xlsx", send(body))
    session = Session(load_settings(lang="en"))
    screen = io.StringIO()
    session.__dict__["err"] = Console(file=screen, force_terminal=True, width=100)
    with download_progress(session) as progress:
        assert progress is not None
        update_index(home, url=url, progress=progress)
    assert "WJP workbook" in screen.getvalue()
    assert f"{len(body) / 1000:.1f}/{len(body) / 1000:.1f} kB" in screen.getvalue()


def test_progress_is_told_bytes_and_total(home: Path, server: WjpServer, tmp_path: Path) -> None:
    body = book(tmp_path)
    url = server.route("/wjp.xlsx", send(body))
    seen: list[tuple[int, int | None]] = []
    update_index(home, url=url, progress=lambda got, total: seen.append((got, total)))
    assert seen[-1] == (len(body), len(body))
    assert [got for got, _ in seen] == sorted(got for got, _ in seen)


# --- failures: one sentence, exit 2, the active index untouched, nothing left behind ----------


def test_404_of_this_years_edition(
    cli: Invoke, home: Path, server: WjpServer, imported: tuple[dict[str, Any], set[str]]
) -> None:
    configure(home, server)
    before = state(cli, home)
    year = date.today().year
    url = server.url(f"/{year}_wjp.xlsx")
    assert fail(cli) == (
        f"Edition {year} is not at {url} (404): WJP publishes in the autumn, it may not be out "
        f"yet; try --edition {year - 1}, check index_url in config.toml, or {FILE_TIP}"
    )
    assert state(cli, home) == before
    assert hidden_entries(home) == []


def test_404_of_a_given_url(
    cli: Invoke, home: Path, server: WjpServer, imported: tuple[dict[str, Any], set[str]]
) -> None:
    url = server.url("/moved.xlsx")
    assert fail(cli, "--url", url) == (
        f"There is nothing at {url} (404); check the address, or {FILE_TIP}"
    )
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


def test_4xx_is_not_retried(
    cli: Invoke, home: Path, server: WjpServer, imported: tuple[dict[str, Any], set[str]]
) -> None:
    url = server.route("/wjp.xlsx", status(403))
    result = cli("index", "update", "--url", url, "--lang", "en", expect=2)
    assert flat(result.stderr) == (
        f"{url} answered 403 Forbidden; the active index is unchanged: check the address, or "
        f"{FILE_TIP}"
    )
    assert server.requests == ["/wjp.xlsx"]
    assert state(cli, home) == imported


def test_500_every_time(
    cli: Invoke, home: Path, server: WjpServer, imported: tuple[dict[str, Any], set[str]]
) -> None:
    url = server.route("/wjp.xlsx", status(500))
    result = cli("index", "update", "--url", url, "--lang", "en", "--retries", "1", expect=2)
    assert flat(result.stderr) == (
        "Attempt 1 of 2 failed; trying again in 0.5 s. "
        f"The server at {url} answered error 500 (attempts: 2); the active index is unchanged: "
        f"try again later, or {FILE_TIP}"
    )
    assert server.requests == ["/wjp.xlsx", "/wjp.xlsx"]
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


@pytest.mark.parametrize("after", [0, 2000], ids=["before-headers", "mid-body"])
def test_server_stalls_past_the_timeout(
    after: int,
    tmp_path: Path,
    cli: Invoke,
    home: Path,
    server: WjpServer,
    imported: tuple[dict[str, Any], set[str]],
) -> None:
    url = server.route("/wjp.xlsx", stall(book(tmp_path) if after else b"", after=after))
    assert fail(cli, "--url", url, "--timeout", "0.3") == (
        f"{url} did not answer within 0.3 s (attempts: 1); the active index is unchanged: "
        f"try again later, raise --timeout, or {FILE_TIP}"
    )
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


def test_a_trickle_is_cut_at_the_timeout(
    tmp_path: Path,
    cli: Invoke,
    home: Path,
    server: WjpServer,
    imported: tuple[dict[str, Any], set[str]],
) -> None:
    """One byte every 0.2 s never trips a 0.5 s read timeout; --timeout bounds the whole."""
    url = server.route("/wjp.xlsx", trickle(book(tmp_path), every=0.2))
    assert fail(cli, "--url", url, "--timeout", "0.5", "--retries", "0") == (
        f"{url} did not answer within 0.5 s (attempts: 1); the active index is unchanged: "
        f"try again later, raise --timeout, or {FILE_TIP}"
    )
    # (the whole body would take minutes: it ended because the attempt's time was up)
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


@pytest.mark.parametrize("value", ["nan", "inf", "1e400", "0", "-1"])
def test_a_timeout_that_is_no_number_of_seconds(cli: Invoke, value: str) -> None:
    result = cli("index", "update", "--timeout", value, expect=2)
    assert "Traceback" not in result.stderr and "timeout" in result.stderr


def test_download_cut_off(
    tmp_path: Path,
    cli: Invoke,
    home: Path,
    server: WjpServer,
    imported: tuple[dict[str, Any], set[str]],
) -> None:
    body = book(tmp_path)
    url = server.route("/wjp.xlsx", cut_off(body, 3000))
    assert fail(cli, "--url", url) == (
        f"The download from {url} broke off after 3000 of {len(body)} bytes (attempts: 1); "
        f"the active index is unchanged: try again later, or {FILE_TIP}"
    )
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


def test_truncated_workbook_served_as_complete(
    tmp_path: Path,
    cli: Invoke,
    home: Path,
    server: WjpServer,
    imported: tuple[dict[str, Any], set[str]],
) -> None:
    half = book(tmp_path)[:3000]
    url = server.route("/wjp.xlsx", send(half))
    assert fail(cli, "--url", url) == (
        f"What {url} returned is not an Excel workbook (3000 bytes, "
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet); the active index is "
        "unchanged: the address may have changed, check index_url in config.toml, or "
        f"{FILE_TIP}"
    )
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


def test_html_instead_of_a_workbook(
    cli: Invoke, home: Path, server: WjpServer, imported: tuple[dict[str, Any], set[str]]
) -> None:
    page = b"<html><body>We moved our downloads.</body></html>"
    url = server.route("/wjp.xlsx", send(page, "text/html; charset=utf-8"))
    result = cli("index", "update", "--url", url, "--lang", "nl", "--retries", "0", expect=2)
    assert flat(result.stderr) == (
        f"Wat {url} terugstuurde is geen Excel-werkmap ({len(page)} bytes, text/html); de actieve "
        "index is ongewijzigd: het adres is misschien veranderd, controleer index_url in "
        "config.toml, of gebruik --file met een zelf gedownloade werkmap."
    )
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


def test_columns_drifted_beyond_recognition(
    tmp_path: Path,
    cli: Invoke,
    home: Path,
    server: WjpServer,
    imported: tuple[dict[str, Any], set[str]],
) -> None:
    drifted = ["Nation", "Period", "ISO", "Region", "Rule of law", *(f"F{n}" for n in range(1, 9))]
    url = server.route("/wjp.xlsx", send(book(tmp_path, headers=drifted)))
    assert fail(cli, "--url", url) == (
        f"The workbook from {url} lacks the columns Country, Year, Country Code, Overall Score, "
        "Factor 1, Factor 2, Factor 3, Factor 4, Factor 5, Factor 6, Factor 7, Factor 8, even "
        "matched by meaning; the active index is unchanged: WJP may have changed its format, use "
        "--file with a workbook that has the expected columns."
    )
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


def test_sheet_renamed(
    tmp_path: Path,
    cli: Invoke,
    home: Path,
    server: WjpServer,
    imported: tuple[dict[str, Any], set[str]],
) -> None:
    url = server.route("/wjp.xlsx", send(book(tmp_path, sheet="Data 2026")))
    assert fail(cli, "--url", url) == (
        f"The workbook from {url} has no sheet 'Historical Data' (it has: Introduction, Data "
        "2026); the active index is unchanged: WJP may have changed its format, use --file with "
        "the historical data workbook."
    )
    assert state(cli, home) == imported


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "The workbook from {url} was refused and the active index is unchanged: Score '1.5' "
            "for Belgium 2026 is not between 0 and 1; the workbook is damaged or not WJP's.",
        ),
        (
            "nl",
            "De werkmap van {url} is geweigerd en de actieve index is ongewijzigd: Score '1.5' bij "
            "Belgium 2026 ligt niet tussen 0 en 1; de werkmap is beschadigd of niet van WJP.",
        ),
    ],
)
def test_invalid_scores_are_refused_in_the_users_language(
    lang: str,
    expected: str,
    tmp_path: Path,
    cli: Invoke,
    home: Path,
    server: WjpServer,
    imported: tuple[dict[str, Any], set[str]],
) -> None:
    rows = [("Belgium", 2026, "BEL", EU, 1.5)]
    url = server.route("/wjp.xlsx", send(book(tmp_path, rows)))
    result = cli("index", "update", "--url", url, "--lang", lang, expect=2)
    assert flat(result.stderr) == expected.format(url=url)
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


def test_workbook_of_another_edition(
    tmp_path: Path,
    cli: Invoke,
    home: Path,
    server: WjpServer,
    imported: tuple[dict[str, Any], set[str]],
) -> None:
    server.route("/2027_wjp.xlsx", send(book(tmp_path)))
    configure(home, server)
    before = state(cli, home)
    url = server.url("/2027_wjp.xlsx")
    assert fail(cli, "--edition", "2027") == (
        f"The workbook {url} holds edition 2026 as its latest, not 2027; the active index is "
        "unchanged: check the address, or ask for --edition 2026."
    )
    assert state(cli, home) == before
    assert hidden_entries(home) == []


def test_announced_size_beyond_the_limit_is_refused_before_reading(
    cli: Invoke, home: Path, server: WjpServer, imported: tuple[dict[str, Any], set[str]]
) -> None:
    url = server.route("/wjp.xlsx", announce(64 * MIB + 1))
    assert fail(cli, "--url", url) == (
        f"What {url} sends is larger than 64 MiB, far larger than a WJP workbook; the download "
        "was stopped and the active index is unchanged: check index_url in config.toml, or "
        f"{FILE_TIP}"
    )
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


def test_small_compressed_body_that_unpacks_beyond_the_limit(
    cli: Invoke, home: Path, server: WjpServer, imported: tuple[dict[str, Any], set[str]]
) -> None:
    bomb = gzip.compress(b"\0" * (65 * MIB), compresslevel=9)
    assert len(bomb) < MIB  # announced size and bytes on the wire are both harmless
    url = server.route("/wjp.xlsx", send(bomb, encoding="gzip"))
    assert fail(cli, "--url", url) == (
        f"What {url} sends is larger than 64 MiB, far larger than a WJP workbook; the download "
        "was stopped and the active index is unchanged: check index_url in config.toml, or "
        f"{FILE_TIP}"
    )
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


def test_endless_body_stops_at_the_limit(home: Path, server: WjpServer) -> None:
    url = server.route("/wjp.xlsx", endless())
    with pytest.raises(DownloadError) as caught:
        update_index(home, url=url, policy=FetchPolicy(retries=0, max_bytes=300_000))
    assert (caught.value.key, caught.value.params["limit"]) == ("updates.too_large", "300000 bytes")
    assert hidden_entries(home) == []
    assert not (home / "index" / "active").exists()


def test_asks_for_the_workbook_uncompressed(tmp_path: Path, cli: Invoke, server: WjpServer) -> None:
    url = server.route("/wjp.xlsx", send(book(tmp_path)))
    cli("index", "update", "--url", url)
    assert server.headers[0]["accept-encoding"] == "identity"


@pytest.mark.parametrize("target", ["ftp://127.0.0.1/wjp.xlsx", "javascript:alert(1)"])
def test_redirect_off_http(
    cli: Invoke,
    home: Path,
    server: WjpServer,
    imported: tuple[dict[str, Any], set[str]],
    target: str,
) -> None:
    url = server.route("/wjp.xlsx", redirect(target))
    assert fail(cli, "--url", url) == (
        f"{url} redirects to {target}, which is not an http or https address; "
        f"the active index is unchanged: check index_url in config.toml, or {FILE_TIP}"
    )
    assert server.requests == ["/wjp.xlsx"]
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "What {url} sent is damaged: it is marked as gzip-compressed but is not; the active "
            "index is unchanged: try again later, or " + FILE_TIP,
        ),
        (
            "nl",
            "Wat {url} stuurde is beschadigd: het heet met gzip gecomprimeerd maar is dat niet; de "
            "actieve index is ongewijzigd: probeer later opnieuw, of gebruik --file met een zelf "
            "gedownloade werkmap.",
        ),
    ],
)
def test_body_that_is_not_what_its_encoding_says(
    lang: str,
    expected: str,
    tmp_path: Path,
    cli: Invoke,
    home: Path,
    server: WjpServer,
    imported: tuple[dict[str, Any], set[str]],
) -> None:
    url = server.route("/wjp.xlsx", send(book(tmp_path), encoding="gzip"))
    result = cli("index", "update", "--url", url, "--lang", lang, "--retries", "0", expect=2)
    assert flat(result.stderr) == expected.format(url=url)
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


def test_nothing_listening(
    cli: Invoke, home: Path, imported: tuple[dict[str, Any], set[str]]
) -> None:
    url = closed_port_url()
    message = fail(cli, "--url", url)
    assert message.startswith(f"Cannot reach {url} (")
    assert message.endswith(
        "; attempts: 1); the active index is unchanged: check the network connection or proxy, "
        f"or {FILE_TIP}"
    )
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("--url", "ftp://127.0.0.1/wjp.xlsx"),
            "'ftp://127.0.0.1/wjp.xlsx' is not an http or https address; give one like https://example.org/workbook.xlsx.",
        ),
        (
            ("--url", "http://127.0.0.1/x", "--file", "x.xlsx"),
            "Give either --url or --file, not both.",
        ),
        (("--edition", "latest"), "'latest' is not an edition; give a year such as 2025."),
    ],
    ids=["scheme", "url-and-file", "edition"],
)
def test_refused_before_anything_is_fetched(
    args: tuple[str, ...], expected: str, cli: Invoke, home: Path
) -> None:
    before = state(cli, home)
    assert fail(cli, *args) == expected
    assert state(cli, home) == before
    assert not (home / "index").exists()


def test_bad_pattern_in_config(cli: Invoke, home: Path) -> None:
    (home / "config.toml").write_text(
        'index_url = "http://127.0.0.1/{year}.xlsx"\n', encoding="utf-8"
    )
    assert fail(cli, "--edition", "2026") == (
        "index_url 'http://127.0.0.1/{year}.xlsx' in config.toml cannot be filled in ('year'); "
        "put {edition} where the edition goes."
    )


def test_manual_file_of_another_edition(
    tmp_path: Path, cli: Invoke, home: Path, imported: tuple[dict[str, Any], set[str]]
) -> None:
    manual = write_workbook(tmp_path / "w.xlsx", ROWS_2026)
    assert fail(cli, "--file", str(manual), "--edition", "2027") == (
        f"The workbook {manual.resolve()} holds edition 2026 as its latest, not 2027; the active "
        "index is unchanged: choose the workbook of edition 2027, or give --edition 2026."
    )
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


def test_manual_file_that_is_a_folder(
    tmp_path: Path, cli: Invoke, home: Path, imported: tuple[dict[str, Any], set[str]]
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    assert fail(cli, "--file", str(folder)) == (
        f"{folder} is a folder, not a file; give the path of the file itself."
    )
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


def test_broken_manual_file_keeps_the_active_index(
    tmp_path: Path, cli: Invoke, home: Path, imported: tuple[dict[str, Any], set[str]]
) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert fail(cli, "--file", str(broken)) == (
        f"{broken} is not a readable Excel workbook (.xlsx); download the WJP workbook again."
    )
    assert state(cli, home) == imported
    assert hidden_entries(home) == []


# --- httpx level: what a local server cannot produce --------------------------------------------


def test_connect_timeout_is_retried_with_backoff(home: Path) -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        raise httpx.ConnectTimeout("timed out", request=request)

    waits: list[float] = []
    notices: list[RetryNotice] = []
    with pytest.raises(DownloadError) as caught:
        update_index(
            home,
            url="http://127.0.0.1:9/wjp.xlsx",
            policy=FetchPolicy(connect_timeout=2, read_timeout=7, retries=2, backoff=0.25),
            transport=httpx.MockTransport(handler),
            sleep=waits.append,
            on_retry=notices.append,
        )
    assert caught.value.key == "updates.timeout"
    assert caught.value.params["seconds"] == "2"  # the connect timeout, not the read timeout
    assert caught.value.params["attempts"] == 3
    assert len(calls) == 3
    assert waits == [0.25, 0.5]
    assert [(n.attempt, n.attempts, n.delay) for n in notices] == [(1, 3, 0.25), (2, 3, 0.5)]
    assert hidden_entries(home) == []
    assert not (home / "index" / "active").exists()


def test_4xx_from_transport_is_final(home: Path) -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(410)

    waits: list[float] = []
    with pytest.raises(DownloadError) as caught:
        update_index(
            home,
            url="http://127.0.0.1:9/wjp.xlsx",
            transport=httpx.MockTransport(handler),
            sleep=waits.append,
        )
    assert (caught.value.key, caught.value.params["status"]) == ("updates.http_status", 410)
    assert (len(calls), waits) == (1, [])


@pytest.mark.parametrize("error", [httpx.LocalProtocolError, httpx.ProxyError])
def test_other_request_errors_are_network_errors(
    error: type[httpx.RequestError], home: Path
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error("refused by the proxy", request=request)

    waits: list[float] = []
    with pytest.raises(DownloadError) as caught:
        update_index(
            home,
            url="http://127.0.0.1:9/wjp.xlsx",
            policy=FetchPolicy(retries=1),
            transport=httpx.MockTransport(handler),
            sleep=waits.append,
        )
    assert caught.value.key == "updates.network"
    assert (caught.value.params["error"], caught.value.params["attempts"]) == (
        "refused by the proxy",
        2,
    )
    assert waits == [0.5]
    assert hidden_entries(home) == []


def test_update_view_does_not_load_httpx() -> None:
    """info, history and diff render through updates_view; only update needs httpx."""
    code = "import sys, hrtoets.cli.updates_view; print('httpx' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_url_and_file_is_an_input_error(home: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        update_index(home, url="http://127.0.0.1/x.xlsx", file=tmp_path / "x.xlsx")
