"""Batch screening as a library: the country column, one screening per distinct value, results."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hrtoets.batch import How, choose_column, screen_table, summary_to_json
from hrtoets.config import load_settings
from hrtoets.errors import InputError, WorkbookError
from hrtoets.rule import Answer, Reason
from hrtoets.screening import Screener, Verdict
from hrtoets.tables import Table


class CountingScreener(Screener):
    """The real screener, counting what it is asked to screen."""

    def __init__(self) -> None:
        base = Screener.from_settings(load_settings())
        super().__init__(base.index, threshold=base.threshold, rounding=base.rounding)
        self.calls: list[str] = []

    def screen(
        self, query: str, *, edition: str | None = None, answer: Answer | None = None
    ) -> Verdict:
        self.calls.append(query)
        return super().screen(query, edition=edition, answer=answer)


@pytest.fixture
def screener() -> CountingScreener:
    return CountingScreener()


def table(headers: tuple[str, ...], *rows: tuple[str, ...]) -> Table:
    return Table(headers=headers, rows=rows, source=Path("list.xlsx"), sheet="Blad1")


@pytest.mark.parametrize(
    "header",
    [
        "Land",
        "LAND",
        "country",
        "Country Code",
        "Landcode",
        "Pays",
        "Land/regio",
        "Code pays",
        "Land van bestemming",
        "Supplier country",
        "Herkomstland",
        "ISO3",
    ],
)
def test_column_by_header(header: str, screener: Screener) -> None:
    found = choose_column(
        table(("Naam", header, "Stad"), ("Acme", "xx", "Gent")), screener.resolver
    )
    assert (found.index, found.header, found.how) == (1, header, How.HEADER)


def test_exact_header_beats_a_header_that_mentions_a_country(screener: Screener) -> None:
    found = choose_column(
        table(("Country of the manager", "Land"), ("BE", "NL")), screener.resolver
    )
    assert found.index == 1


def test_two_country_headers_decided_by_content(screener: Screener) -> None:
    data = table(("Land", "Country"), ("Acme", "Marokko"), ("Bolt", "Belgium"))
    assert choose_column(data, screener.resolver).index == 1


@pytest.mark.parametrize(
    "headers",
    [("Country", "Land"), ("Country of origin", "Country of delivery")],
)
def test_two_equally_good_country_headers_are_not_guessed(
    headers: tuple[str, str], screener: Screener
) -> None:
    data = table(("Naam", *headers), ("Acme", "Belgium", "Marokko"), ("Bolt", "Chile", "Peru"))
    with pytest.raises(WorkbookError) as caught:
        choose_column(data, screener.resolver)
    assert str(caught.value) == (
        f"More than one column could hold the country ('{headers[0]}', '{headers[1]}'); "
        "choose one with --column NAME."
    )


def test_column_by_content(screener: Screener) -> None:
    data = table(
        ("Naam", "Bestemming", "Bedrag"),
        ("Acme", "Marokko", "12"),
        ("Bolt", "Zuid-Korea", "30"),
        ("Cobra", "Belgium", "7"),
        ("Delta", "", "7"),
        ("Echo", "Marokko", "7"),
    )
    found = choose_column(data, screener.resolver)
    assert (found.index, found.how) == (1, How.CONTENT)


def test_no_clear_column_lists_headers(screener: Screener) -> None:
    data = table(("Naam", "Stad"), ("Acme", "Gent"), ("Bolt", "Brussel"))
    with pytest.raises(WorkbookError) as caught:
        choose_column(data, screener.resolver)
    assert str(caught.value) == (
        "Cannot tell which column holds the country among 'Naam', 'Stad'; "
        "name it with --column NAME."
    )


def test_two_content_columns_tie_is_not_guessed(screener: Screener) -> None:
    data = table(("Van", "Naar"), ("Belgium", "Marokko"), ("Chile", "Peru"))
    with pytest.raises(WorkbookError, match="Cannot tell which column"):
        choose_column(data, screener.resolver)


def test_column_option(screener: Screener) -> None:
    data = table(("Naam", "Land", "Bestemming"), ("Acme", "BE", "MA"))
    assert choose_column(data, screener.resolver, "Bestemming").index == 2
    found = choose_column(data, screener.resolver, "bestemming ")
    assert (found.index, found.how) == (2, How.OPTION)
    with pytest.raises(InputError) as caught:
        choose_column(data, screener.resolver, "Bestemmingsland")
    assert str(caught.value) == (
        "There is no column 'Bestemmingsland'; the columns are: 'Naam', 'Land', 'Bestemming'."
    )


@pytest.mark.parametrize("wanted", ["Land", "land"])
def test_column_option_refuses_a_duplicate_header(wanted: str, screener: Screener) -> None:
    data = table(("Naam", "Land", "Land"), ("Acme", "Belgium", "Marokko"))
    with pytest.raises(InputError) as caught:
        choose_column(data, screener.resolver, wanted)
    assert str(caught.value) == (
        f"There are 2 columns named '{wanted}'; give them different headers in the list "
        "and try again."
    )


def test_each_distinct_value_is_screened_once(screener: CountingScreener) -> None:
    values = ["Marokko", "Belgium", "", "Marokko", "NA"] * 600
    data = table(("Naam", "Land"), *((f"p{i}", value) for i, value in enumerate(values)))
    result = screen_table(data, screener)
    assert sorted(screener.calls) == ["", "Belgium", "Marokko", "NA"]
    rows = list(result.iter_rows())
    assert result.row_count == len(rows) == 3000
    assert [row.row for row in rows[:3]] == [2, 3, 4]
    assert [row.text for row in rows[:5]] == ["Marokko", "Belgium", "", "Marokko", "NA"]
    assert [row.text for row in rows[-2:]] == ["Marokko", "NA"]
    assert len(result.values) == 4  # held once per distinct value, not per row
    namibia = rows[4].verdict
    assert namibia.country is not None and namibia.country.iso3 == "NAM"
    assert rows[2].verdict.reason is Reason.MISSING
    assert rows[2].verdict.advice_needed is True


def test_summary_counts_and_review(screener: Screener) -> None:
    data = table(
        ("Land",),
        ("Marokko",),
        ("Belgium",),
        ("Belgum",),
        ("Belgum",),
        ("Congo",),
        ("",),
        ("Hongarije",),
        ("Taiwan",),
    )
    result = screen_table(data, screener, today=date(2025, 3, 4))
    summary = result.summary
    assert (summary.rows, summary.distinct, summary.advice_needed) == (8, 7, 7)
    assert summary.no_advice_needed == 1
    assert summary.borderline == 1
    assert dict(summary.per_reason) == {
        Reason.ABOVE_THRESHOLD: 1,
        Reason.AT_OR_BELOW_THRESHOLD: 2,
        Reason.NOT_IN_INDEX: 1,
        Reason.UNRESOLVED: 2,
        Reason.AMBIGUOUS: 1,
        Reason.MISSING: 1,
    }
    review = [(i.text, i.reason, i.rows, [c.iso3 for c in i.options]) for i in summary.review]
    assert review == [
        ("Belgum", Reason.UNRESOLVED, 2, ["BEL"]),
        ("Congo", Reason.AMBIGUOUS, 1, ["COD", "COG"]),
    ]
    assert summary.to_review == 4
    assert [row.to_review for row in result.iter_rows()] == [
        False,
        False,
        True,
        True,
        True,
        True,
        False,
        False,
    ]
    data_json = summary_to_json(result)
    assert data_json["date"] == "2025-03-04"
    assert data_json["unresolved"][1] == {
        "input": "Congo",
        "reason": "ambiguous",
        "rows": 1,
        "candidates": [
            {"iso3": "COD", "code": "COD", "name": "Congo - Kinshasa"},
            {"iso3": "COG", "code": "COG", "name": "Congo - Brazzaville"},
        ],
    }


def test_edition_is_passed_through(screener: Screener) -> None:
    result = screen_table(table(("Land",), ("Hungary",)), screener, edition="2024")
    assert result.summary.edition == "2024"
    assert next(result.iter_rows()).verdict.edition == "2024"
