"""``hrtoets --version``, shell completion, ``config show``/``config init`` and the officer key."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from hrtoets.version import __version__
from tests.conftest import ROOT, Invoke, flat


def test_version(cli: Invoke) -> None:
    assert cli("--version").stdout == f"hrtoets {__version__}\n"


def test_version_matches_the_package_metadata() -> None:
    from importlib.metadata import version

    assert version("hrtoets") == __version__


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_a_script(shell: str, home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hrtoets", "--show-completion", shell],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={
            "HRTOETS_HOME": str(home),
            "PATH": "/usr/bin:/bin",
            "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1",
        },
    )
    assert done.returncode == 0, done.stderr
    assert "hrtoets" in done.stdout and "complet" in done.stdout.lower()


def test_completion_offers_the_commands(home: Path) -> None:
    """What bash gets back when the user types `hrtoets c<TAB>`."""
    done = subprocess.run(
        [sys.executable, "-m", "hrtoets"],
        capture_output=True,
        text=True,
        check=False,
        env={
            "HRTOETS_HOME": str(home),
            "_HRTOETS_COMPLETE": "complete_bash",
            "COMP_WORDS": "hrtoets c",
            "COMP_CWORD": "1",
        },
    )
    assert set(done.stdout.split()) == {"check", "clause", "config"}


def test_show_lists_every_setting_with_its_source(
    cli: Invoke, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (home / "config.toml").write_text('officer = "An Peeters"\nthreshold = 0.6\n', encoding="utf-8")
    monkeypatch.setenv("HRTOETS_LANG", "en")
    data = json.loads(cli("config", "show", "--json", "--db", "sqlite:///x.sqlite").stdout)
    assert data["home"] == str(home)
    assert data["config_file"] == str(home / "config.toml")
    assert data["config_file_exists"] is True
    settings = data["settings"]
    assert settings["officer"] == {"value": "An Peeters", "source": "file"}
    assert settings["threshold"] == {"value": "0.6", "source": "file"}
    assert settings["language"] == {"value": "en", "source": "environment"}
    assert settings["database"] == {"value": "sqlite:///x.sqlite", "source": "option"}
    assert settings["rounding"] == {"value": "published", "source": "default"}
    assert settings["home"]["source"] == "environment"


def test_show_for_people_in_dutch(cli: Invoke, home: Path) -> None:
    result = cli("config", "show")
    out = flat(result.stdout)
    assert f"home {home} (omgevingsvariabele)" in out
    assert "threshold 0.5 (standaard)" in out
    assert "officer — (standaard)" in out
    assert flat(result.stderr) == (
        f"Er is nog geen {home / 'config.toml'}: elke instelling heeft haar standaardwaarde. "
        "`hrtoets config init` maakt er een."
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_init_writes_a_commented_config_that_parses(cli: Invoke, home: Path, lang: str) -> None:
    result = cli("config", "init", "--lang", lang)
    path = home / "config.toml"
    text = path.read_text(encoding="utf-8")
    assert tomllib.loads(text) == {}  # every key commented out: the defaults hold
    for key in ("language", "threshold", "rounding", "officer", "organisation", "database"):
        assert f"# {key} = " in text
    # Uncommenting a line gives a valid setting that hrtoets accepts.
    path.write_text(text.replace('# officer = "', 'officer = "'), encoding="utf-8")
    assert json.loads(cli("config", "show", "--json").stdout)["settings"]["officer"]["source"] == (
        "file"
    )
    said = {"nl": "Instellingen geschreven naar", "en": "Settings written to"}[lang]
    assert flat(result.stderr).startswith(f"{said} {path}.")


def test_init_refuses_to_overwrite_without_force(cli: Invoke, home: Path) -> None:
    path = home / "config.toml"
    path.write_text('officer = "Mine"\n', encoding="utf-8")
    refused = cli("config", "init", "--lang", "en", expect=2)
    assert "already exists" in flat(refused.stderr) and "--force" in flat(refused.stderr)
    assert path.read_text(encoding="utf-8") == 'officer = "Mine"\n'
    cli("config", "init", "--force")
    assert "# officer" in path.read_text(encoding="utf-8")


def test_init_makes_the_home_folder(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "new" / "home"
    monkeypatch.setenv("HRTOETS_HOME", str(home))
    cli("config", "init")
    assert (home / "config.toml").is_file()


def test_officer_in_config_is_the_default_for_officer(cli: Invoke, home: Path) -> None:
    (home / "config.toml").write_text('officer = "An Peeters"\n', encoding="utf-8")
    db = f"sqlite:///{home / 'r.sqlite'}"
    common = ("log", "add", "--db", db, "--kind", "other", "--title", "T", "--country", "BE")
    default = json.loads(cli(*common, "--json").stdout)
    assert default["officer"] == "An Peeters"
    given = json.loads(cli(*common, "--officer", "Jan", "--json").stdout)
    assert given["officer"] == "Jan"


@pytest.mark.parametrize(
    ("line", "key", "shown"),
    [
        ("officer = 3", "officer", "3"),
        ('database = {url = "x"}', "database", "a table"),
        ("organisation = []", "organisation", "a list"),
        ('[organisation]\nname = "Stad Gent"', "organisation", "a table"),
        ("signatory = true", "signatory", "true"),
    ],
)
def test_a_text_setting_of_another_type_names_the_key_and_line(
    cli: Invoke, home: Path, line: str, key: str, shown: str
) -> None:
    (home / "config.toml").write_text('language = "en"\n\n' + line + "\n", encoding="utf-8")
    result = cli("check", "BE", expect=2)
    assert (
        flat(result.stderr)
        == f"'{key}' in config.toml (line 3) must be text in quotes, not {shown}."
    )
    dutch = cli("check", "BE", "--lang", "nl", expect=2)
    assert "(regel 3) moet tekst tussen aanhalingstekens zijn, niet" in flat(dutch.stderr)


def test_a_bom_is_accepted(cli: Invoke, home: Path) -> None:
    (home / "config.toml").write_bytes(b'\xef\xbb\xbforganisation = "Stad Gent"\n')
    shown = json.loads(cli("config", "show", "--json").stdout)
    assert shown["settings"]["organisation"] == {"value": "Stad Gent", "source": "file"}


@pytest.mark.parametrize(
    ("data", "line", "byte", "guess"),
    [
        (b'language = "en"\norganisation = "Stad Gen\xe9"\n', 2, "0xE9", "Windows-1252"),
        ('organisation = "Gent"\n'.encode("utf-16"), 1, "0xFF", "UTF-16"),
    ],
)
def test_another_encoding_is_named(
    cli: Invoke, home: Path, data: bytes, line: int, byte: str, guess: str
) -> None:
    (home / "config.toml").write_bytes(data)
    result = cli("check", "BE", "--lang", "en", expect=2)
    assert flat(result.stderr) == (
        f"The configuration file {home / 'config.toml'} is not UTF-8: line {line} holds byte "
        f"{byte} (probably {guess}); save it as UTF-8 and try again."
    )


def test_an_unknown_key_names_its_line(cli: Invoke, home: Path) -> None:
    (home / "config.toml").write_text('language = "en"\nthreshhold = 0.5\n', encoding="utf-8")
    result = cli("check", "BE", expect=2)
    assert flat(result.stderr).startswith(
        f"The configuration file {home / 'config.toml'} has unknown keys (threshhold) (line 2);"
    )


def test_init_where_a_file_stands_for_the_folder(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("HRTOETS_HOME", str(blocker / "home"))
    result = cli("config", "init", "--lang", "en", expect=2)
    assert "Traceback" not in result.stderr
    assert str(blocker / "home") in flat(result.stderr)
    assert blocker.read_text(encoding="utf-8") == "x"
