"""The index's look-ups: ranks by exact score, ties sharing the better rank."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from hrtoets.index.model import IndexEntry, IndexMeta, WjpIndex

META = IndexMeta("2025", "test", "0" * 64, 0, 0, "2026-12-01T00:00:00+00:00")


@given(st.lists(st.sampled_from([0.3, 0.45, 0.5, 0.5026, 0.61, 0.78]), min_size=1, max_size=30))
def test_rank_is_one_plus_the_countries_with_a_higher_score(scores: list[float]) -> None:
    entries = [
        IndexEntry(f"C{n}", f"C{n:02d}", "R", "2025", 2025, score, (None,) * 8)
        for n, score in enumerate(scores)
    ]
    index = WjpIndex(entries, META)
    for entry in entries:
        higher = sum(1 for other in scores if other > entry.overall)
        assert index.rank(entry.iso3) == (higher + 1, len(scores))
        assert index.rank(entry.iso3, "2025") == index.rank(entry.iso3)


def test_an_edition_is_found_by_its_label_or_a_year_in_it() -> None:
    entries = [
        IndexEntry("A", "AAA", "R", "2017-2018", 2017, 0.6, (None,) * 8),
        IndexEntry("A", "AAA", "R", "2025", 2025, 0.7, (None,) * 8),
    ]
    index = WjpIndex(entries, META)
    assert [index.edition(w) for w in ("2017-2018", "2017", "2018", "2025", None)] == [
        "2017-2018", "2017-2018", "2017-2018", "2025", "2025",
    ]  # fmt: skip


def test_a_loaded_index_parses_rows_when_asked_and_answers_as_a_parsed_one() -> None:
    """``load_index`` finds rows by their first fields and parses a row when it is used; every
    answer equals the index built from every entry parsed up front."""
    from hrtoets.index import csvfile
    from hrtoets.index.store import bundled_folder, load_index

    folder = bundled_folder()
    lazy = load_index(folder)
    eager = WjpIndex(csvfile.read_entries(folder / csvfile.CSV_NAME), csvfile.read_meta(folder))
    assert lazy.entry("BEL") == eager.entry("BEL")
    assert len(lazy._parsed) < len(eager._parsed) / 10
    assert (lazy.editions, lazy.latest) == (eager.editions, eager.latest)
    assert list(lazy.names().items()) == list(eager.names().items())
    for edition in eager.editions:
        assert lazy.entries(edition) == eager.entries(edition)
    for entry in eager.entries():
        assert (lazy.rank(entry.iso3), lazy.history(entry.iso3)) == (
            eager.rank(entry.iso3),
            eager.history(entry.iso3),
        )


def test_a_damaged_row_is_one_sentence_when_it_is_used(tmp_path: Path) -> None:
    import csv
    import io
    import shutil

    import pytest

    from hrtoets.errors import IndexFileError
    from hrtoets.index import csvfile
    from hrtoets.index.store import bundled_folder, load_index

    folder = tmp_path / "index"
    shutil.copytree(bundled_folder(), folder, ignore=shutil.ignore_patterns("*_names.json"))
    path = folder / csvfile.CSV_NAME
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.startswith("Belgium,BEL,"))
    (fields,) = csv.reader([lines[at]])
    fields[5] = "not a score"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(fields)
    lines[at] = out.getvalue()
    path.write_text("".join(lines), encoding="utf-8")
    index = load_index(folder)
    with pytest.raises(IndexFileError, match=f"The index {path} is unreadable"):
        index.history("BEL")
    path.write_text("".join(lines[:1]) + "Belgium,BEL\n", encoding="utf-8")
    with pytest.raises(IndexFileError, match="row 2 is not a row of the index"):
        load_index(folder)
