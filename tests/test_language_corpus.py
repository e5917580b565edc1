"""Every command in Dutch and in English over a fixed corpus: no phrase of the other language.

And the catalogue itself: no key that no code uses (a dead key), none with one language only
(``tests/test_messages.py`` checks the fields).
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from hrtoets.index.model import FACTOR_NAMES
from hrtoets.messages import catalogue
from hrtoets.messages.wjp import REGIONS_NL
from tests.batch_files import write_csv
from tests.conftest import Invoke

SRC = Path(__file__).resolve().parent.parent / "src" / "hrtoets"


def _chunks(text: str) -> list[str]:
    """The literal parts of a message, between its fields, long enough to be telling."""
    parts = [literal for literal, *_ in string.Formatter().parse(text)]
    return [p.strip(" .,;:()'\"") for p in parts if len(p.strip(" .,;:()'\"")) >= 16]


def _telling(lang: str, other: str) -> dict[str, list[str]]:
    """For each key, the chunks of its ``lang`` text that the ``other`` text does not share."""
    found: dict[str, list[str]] = {}
    for key, texts in catalogue().items():
        if key.startswith("config.template"):
            continue
        mine, theirs = texts.get(lang, ""), texts.get(other, "")
        chunks = [c for c in _chunks(mine) if c not in theirs and not _is_code_or_name(c)]
        if chunks:
            found[key] = chunks
    return found


def _is_code_or_name(chunk: str) -> bool:
    """Proper names and commands read the same in both languages (WJP Rule of Law Index …)."""
    return chunk.startswith(("WJP Rule of Law Index", "hrtoets ", "Scores: WJP")) or bool(
        re.fullmatch(r"[\w./ -]*", chunk) and chunk.lower() == chunk and " " not in chunk
    )


def _corpus(cli: Invoke, tmp_path: Path, db: str, lang: str) -> str:
    """What a day of use prints: every command, some errors, some help."""
    said: list[str] = []

    def run(*args: str, expect: int = 0) -> None:
        result = cli(*args, "--lang", lang, expect=expect)
        said.extend((result.stdout, result.stderr))

    def usage(*args: str) -> None:
        result = cli(*args, expect=2)
        said.append(result.stderr)

    partners = write_csv(
        tmp_path / f"partners-{lang}.csv",
        ["Naam;Land", "Acme;Marokko", "Bolt;Belgum", "Cobra;Congo", "Delta;", "Echo;Catalonië"],
    )
    run("check", "Marokko")
    run("check", "Hongarije")
    run("check", "Catalonië", "--kind", "aankoop")
    run("check", "Europa", "--kind", "partnerschap")
    run("check", "Taiwan")
    run("check", "Belgum", expect=2)
    run("check", "Congo", expect=2)
    run("index", "info")
    run("index", "history")
    run("index", "list", "--advice-needed", "--region", "afrika")
    run("index", "diff", "--from", "2024", "--to", "2025")
    run("batch", str(partners), "--force")
    run("log", "add", "--db", db, "--kind", "partnership", "--title", "Rabat", "--country",
        "Marokko", "--answer", "no", "--planned", "15/03/2027")  # fmt: skip
    run("log", "advice", "1", "--requested", "--db", db)
    run("log", "advice", "1", "--received", "--outcome", "conditional", "--db", db)
    run("log", "decide", "1", "--decision", "adjusted", "--db", db)
    run("log", "add", "--db", db, "--kind", "other", "--title", "x", "--country", "BE")
    run("log", "withdraw", "2", "--reason", "vergissing", "--db", db)
    run("log", "list", "--db", db)
    run("log", "show", "1", "--db", db)
    run("log", "verify", "--db", db)
    run("log", "export", "-o", str(tmp_path / f"register-{lang}.json"), "--db", db)
    run("log", "decide", "1", "--decision", "go", "--db", db, expect=2)
    run("monitor", "--db", db)
    # not "clause list": it lists the templates of every language, with their own titles
    run("clause", "show", "procurement")
    run("config", "show")
    for command in (["check"], ["batch"], ["log", "add"], ["index", "list"], ["clause", "render"]):
        run(*command, "--help")
    usage("chek", "--lang", lang)
    usage("check", "--lang", lang)
    return "\n".join(said)


@pytest.mark.parametrize(("lang", "other"), [("nl", "en"), ("en", "nl")])
def test_no_phrase_of_the_other_language(
    cli: Invoke, tmp_path: Path, lang: str, other: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HRTOETS_LANG", lang)  # the usage errors read it before parsing
    db = f"sqlite:///{tmp_path / 'register.sqlite'}"
    out = " ".join(_corpus(cli, tmp_path, db, lang).split())
    telling = _telling(other, lang)
    if lang == "nl":  # WJP's English words, which Dutch output shows in Dutch
        telling["wjp.factors"] = list(FACTOR_NAMES)
        telling["wjp.regions"] = list(REGIONS_NL)
    leaks = {
        key: chunk
        for key, chunks in telling.items()
        for chunk in chunks
        if " ".join(chunk.split()) in out
    }
    assert leaks == {}
    for word in ("Usage:", "Options:", "Error:") if lang == "nl" else ("Gebruik:", "Fout:"):
        assert word not in out


def _dynamic_prefixes(source: str) -> set[str]:
    """Key prefixes the code builds at run time: ``f"register.{group}.{value}"`` → register."""
    return set(re.findall(r"""f["']([a-z_]+(?:\.[a-z_-]+)*\.)\{""", source))


def test_no_dead_key() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    prefixes = _dynamic_prefixes(source) | {"register.", "click.", "reason.", "batch.reason."}
    dead = [
        key
        for key in catalogue()
        if f'"{key}"' not in source
        and f"'{key}'" not in source
        and not any(key.startswith(prefix) for prefix in prefixes)
    ]
    assert dead == []


def test_every_key_has_both_languages() -> None:
    one_only = [
        key for key, texts in catalogue().items() if not (texts.get("nl") and texts.get("en"))
    ]
    assert one_only == []


# Texts that are the same in both languages on purpose: names, codes, formats.
SAME_IN_BOTH = re.compile(
    r"^(\{[a-z_]+\}|[A-Z0-9-]+|ID|Code|Status|Partner|Batch|Open|open|config\.toml|"
    r"Scores: WJP Rule of Law Index, World Justice Project\.|WJP Rule of Law Index \{edition\}|"
    r"\{path\}: \{error\}; \{advice\}\.|[^ ]*)$"
)


def test_no_text_is_left_untranslated() -> None:
    """A Dutch text equal to its English one is a translation someone forgot (names aside)."""
    same = [
        key
        for key, texts in catalogue().items()
        if texts.get("nl") == texts.get("en") and not SAME_IN_BOTH.match(texts.get("nl", ""))
    ]
    assert same == []


def test_one_dutch_vocabulary() -> None:
    """One word for a check ("toets"), the je-form, no word of the old vocabulary."""
    old = re.compile(r"\b(controles?|toetsing|gescreend|screening|u|uw|bedoelde u)\b", re.I)
    found = {
        key: match.group(0)
        for key, texts in catalogue().items()
        if (match := old.search(texts.get("nl", "")))
    }
    assert found == {}


@pytest.mark.parametrize(
    ("key", "params", "one", "many"),
    [
        ("batch.written", {"path": "p.xlsx", "advice": 0}, "(1 rij,", "(2 rijen,"),
        ("register.verify_ok", {"events": 1, "head": "h"}, "in 1 toets;", "in 2 toetsen;"),
    ],
)
def test_counted_words_agree_with_their_number(
    key: str, params: dict[str, object], one: str, many: str
) -> None:
    from hrtoets.messages import t

    count = "rows" if key == "batch.written" else "checks"
    assert one in t(key, "nl", **params, **{count: 1})
    assert many in t(key, "nl", **params, **{count: 2})
    assert "1 rows" not in t(key, "en", **params, **{count: 1})
