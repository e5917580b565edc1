"""Configuration: HRTOETS_HOME, config.toml, HRTOETS_LANG, --lang precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from hrtoets.config import load_settings
from hrtoets.errors import ConfigError
from hrtoets.rule import Rounding


def test_defaults(home: Path) -> None:
    settings = load_settings()
    assert settings.home == home
    assert settings.lang == "nl"
    assert settings.threshold == 0.5
    assert settings.rounding is Rounding.PUBLISHED
    assert settings.database_url == f"sqlite:///{home / 'register.sqlite'}"


def test_precedence(home: Path) -> None:
    (home / "config.toml").write_text(
        'language = "en"\norganisation = "Stad Gent"\n', encoding="utf-8"
    )
    assert load_settings({"HRTOETS_HOME": str(home)}).lang == "en"
    assert load_settings({"HRTOETS_HOME": str(home), "HRTOETS_LANG": "nl"}).lang == "nl"
    assert load_settings({"HRTOETS_HOME": str(home), "HRTOETS_LANG": "nl"}, lang="en").lang == "en"


def test_database_precedence(home: Path) -> None:
    (home / "config.toml").write_text('database = "sqlite:///config.db"\n', encoding="utf-8")
    env = {"HRTOETS_HOME": str(home)}
    assert load_settings(env).database_url == "sqlite:///config.db"
    assert (
        load_settings(env | {"HRTOETS_DB": "sqlite:///env.db"}).database_url == "sqlite:///env.db"
    )
    assert (
        load_settings(env | {"HRTOETS_DB": "sqlite:///env.db"}, db="sqlite:///o.db").database_url
        == "sqlite:///o.db"
    )


def test_default_home_is_the_platform_data_dir() -> None:
    from platformdirs import user_data_path

    assert load_settings({}).home == user_data_path("hrtoets", appauthor=False)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("threshold = 'high'\n", "threshold"),
        ("rounding = 'ceil'\n", "rounding"),
        ("language = 'fr'\n", "not supported"),
        ("treshold = 0.5\n", "unknown keys (treshold)"),
        ("threshold = \n", "not valid TOML"),
    ],
)
def test_bad_config_is_refused(home: Path, text: str, fragment: str) -> None:
    (home / "config.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        load_settings()


def test_default_register_stays_in_an_oddly_named_home(tmp_path: Path) -> None:
    from sqlalchemy.engine import make_url

    for name in ("we?ird", "pct%41x", "with space"):
        home = tmp_path / name
        url = load_settings({"HRTOETS_HOME": str(home)}).database_url
        assert make_url(url).database == str(home / "register.sqlite")
