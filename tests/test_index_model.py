"""The index's look-ups: ranks by exact score, ties sharing the better rank."""

from __future__ import annotations

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
