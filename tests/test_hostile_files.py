"""Hostile and broken spreadsheets: one sentence, exit 2, bounded memory, nothing left behind.

Each case is built here. The end-to-end cases run hrtoets as its own process and read its peak
memory (``ru_maxrss``) from inside it; the zip-bomb checks use small limits in-process, so the
test does not have to write gigabytes to prove the limit holds.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from hrtoets.spreadsheet import NotAWorkbook, OverLimit, ReadLimits, check_workbook
from tests.batch_files import write_xlsx
from tests.conftest import Invoke, flat
from tests.workbooks import write_workbook

PEAK_MB = 500
_MEASURED = (
    "import resource, runpy, sys\n"
    "sys.argv = ['hrtoets', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('hrtoets', run_name='__main__')\n"
    "finally:\n"
    "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "    sys.stderr.write(f'\\nPEAK_KB={peak}\\n')\n"
)


def _measured(*args: str, home: Path) -> tuple[int, str, int]:
    """Exit code, what hrtoets said on stderr, and its peak memory in MB."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HRTOETS_")}
    env |= {"HRTOETS_HOME": str(home), "NO_COLOR": "1", "HRTOETS_LANG": "en"}
    done = subprocess.run([sys.executable, "-c", _MEASURED, *args], env=env, capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip
    found = re.search(r"PEAK_KB=(\d+)", done.stderr)
    assert found is not None, done.stderr
    said = done.stderr[: found.start()].strip()
    return done.returncode, said, int(found.group(1)) // 1024


def _far_cell(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Land"
    sheet["A2"] = "België"
    sheet["XFD1048576"] = "x"  # 17 billion cells from A1: calamine would abort the process
    book.save(path)
    return path


def test_a_cell_at_the_far_corner(tmp_path: Path) -> None:
    source = _far_cell(tmp_path / "far.xlsx")
    code, said, peak = _measured("batch", str(source), home=tmp_path / "home")
    assert (code, flat(said)) == (2, (
        f"{source} cannot be read safely: a sheet runs from A1 to row 1,048,576, column 16,384 "
        "(17,179,869,184 cells), at most 8,000,000 cells are allowed. Save the list again with "
        "only the rows and columns it needs, and try again."
    ))  # fmt: skip
    assert peak <= PEAK_MB
    assert {p.name for p in tmp_path.iterdir()} - {"hrtoets-home", "home"} == {"far.xlsx"}


def test_a_declared_dimension_beyond_the_limit(tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "dim.xlsx", [["Land"], ["België"]])
    far = b'<dimension ref="A1:XFD1048576"'
    _rewrite(
        source, "xl/worksheets/sheet1.xml", lambda x: re.sub(rb'<dimension ref="[^"]+"', far, x)
    )
    with pytest.raises(OverLimit) as caught:
        check_workbook(source)
    assert caught.value.what == "cells"


def _rewrite(path: Path, member: str, change: Any) -> None:
    """Replace one member of a zip with ``change(its bytes)``."""
    with zipfile.ZipFile(path) as old:
        items = [(info, old.read(info)) for info in old.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info, data in items:
            new.writestr(info.filename, change(data) if info.filename == member else data)


def test_a_zip_bomb_is_refused_by_its_unpacked_size(tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "bomb.xlsx", [["Land"], ["België"]])
    padded = b"<sheetData>" + b" " * 3_000_000
    _rewrite(source, "xl/worksheets/sheet1.xml", lambda x: x.replace(b"<sheetData>", padded))
    assert source.stat().st_size < 100_000  # a few KB that unpack to megabytes
    small = ReadLimits(member_bytes=1_000_000, total_bytes=10_000_000)
    with pytest.raises(OverLimit) as caught:
        check_workbook(source, small)
    assert (caught.value.what, caught.value.limit) == ("member_bytes", 1_000_000)
    with pytest.raises(OverLimit) as total:
        check_workbook(source, ReadLimits(total_bytes=2_000_000))
    assert total.value.what == "total_bytes"
    check_workbook(source)  # within the real limits: 3 MB is no bomb


def test_a_forged_size_in_the_zip_directory(tmp_path: Path) -> None:
    """The directory says 100 bytes; the member unpacks to more: refused, never read in full."""
    source = write_xlsx(tmp_path / "forged.xlsx", [["Land"], ["België"]])
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as book:
        info = book.getinfo("xl/worksheets/sheet1.xml")
    real = info.file_size.to_bytes(4, "little")
    data = data.replace(real, (100).to_bytes(4, "little"))  # local header and central directory
    source.write_bytes(bytes(data))
    with pytest.raises((NotAWorkbook, OverLimit)):
        check_workbook(source)


@pytest.mark.parametrize("command", ["batch", "index"])
def test_an_entity_declaration_is_refused(cli: Invoke, tmp_path: Path, command: str) -> None:
    """XML entities (a "billion laughs") have no place in a workbook."""
    if command == "batch":
        source = write_xlsx(tmp_path / "laughs.xlsx", [["Land"], ["België"]])
        args = ["batch", str(source)]
    else:
        source = write_workbook(tmp_path / "laughs.xlsx")
        args = ["index", "import", str(source), "-o", str(tmp_path / "out")]
    member = "xl/worksheets/sheet1.xml"
    laughs = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    _rewrite(source, member, lambda xml: laughs + xml)
    result = cli(*args, "--lang", "en", expect=2)
    assert flat(result.stderr) == (
        f"{source} cannot be read safely: it declares XML entities, which a workbook never needs. "
        "Save the list again with only the rows and columns it needs, and try again."
    )
    assert not (tmp_path / "out").exists()


def _sheet_member(path: Path) -> str:
    with zipfile.ZipFile(path) as book:
        names = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
    return sorted(names)[-1]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda xml: xml[: len(xml) // 2], id="cut"),
        pytest.param(lambda xml: xml.replace(b"</row>", b"</rwo>", 1), id="malformed"),
        pytest.param(lambda xml: re.sub(rb"<v>\d+</v>", b"<v>999999</v>", xml), id="shared-index"),
    ],
)
def test_a_damaged_wjp_workbook_is_one_sentence(
    cli: Invoke, tmp_path: Path, home: Path, damage: Any
) -> None:
    source = write_workbook(tmp_path / "wjp.xlsx")
    _rewrite(source, _sheet_member(source), damage)
    before = json.loads(cli("index", "info", "--json").stdout)
    for args in (["index", "import", str(source), "-o", str(tmp_path / "out")],
                 ["index", "update", "--file", str(source)]):  # fmt: skip
        result = cli(*args, "--lang", "en", expect=2)
        said = result.stderr.strip()
        assert "\n" not in said and said.endswith(".")  # one sentence
        assert "Traceback" not in said and "Warning" not in said
    assert json.loads(cli("index", "info", "--json").stdout) == before
    assert not (tmp_path / "out").exists()
    left = list((home / "index").iterdir()) if (home / "index").exists() else []
    assert [p.name for p in left if p.name.startswith(".")] == []


def test_a_csv_that_never_ends(tmp_path: Path) -> None:
    source = tmp_path / "zero.csv"
    source.symlink_to("/dev/zero")
    code, said, peak = _measured("batch", str(source), home=tmp_path / "home")
    assert code == 2
    assert flat(said).startswith(
        f"{source} cannot be read safely: the file is larger than 134,217,728 bytes"
    )
    assert peak <= PEAK_MB


def test_a_line_longer_than_the_limit(tmp_path: Path) -> None:
    source = tmp_path / "long.csv"
    source.write_text("Naam;Land\n" + "x;" * 2_500_000 + "\n", encoding="utf-8")
    code, said, peak = _measured("batch", str(source), home=tmp_path / "home")
    assert (code, flat(said)) == (2, (
        f"{source} cannot be read safely: line 2 is longer than 4,194,304 characters. Save the "
        "list again with only the rows and columns it needs, and try again."
    ))  # fmt: skip
    assert peak <= PEAK_MB


def test_a_row_with_more_fields_than_excel_has_columns(cli: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "wide.csv"
    source.write_text("Naam;Land\nAcme;" + ";" * 20_000 + "\n", encoding="utf-8")
    result = cli("batch", str(source), "--lang", "en", expect=2)
    assert flat(result.stderr).startswith(
        f"{source} cannot be read safely: row 2 has more than 16,384 fields."
    )


def test_the_legitimate_maxima_pass_the_limits(cli: Invoke, tmp_path: Path) -> None:
    """A cell of 32,767 characters is screened; a sheet down to Excel's last row passes the check
    (screening a million rows is the benchmark's job, not a test's)."""
    long_cell = write_xlsx(tmp_path / "long.xlsx", [["Land", "Notitie"], ["België", "x" * 32_767]])
    result = cli("batch", str(long_cell), "--lang", "en", "--json")
    assert json.loads(result.stdout)["rows"] == 1
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"], sheet["G1"] = "Land", "Notitie"
    sheet["A1048576"] = "Marokko"  # 1,048,576 rows × 7 columns: the largest extent allowed
    tall = tmp_path / "tall.xlsx"
    book.save(tall)
    check_workbook(tall)


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_data_nested_deep_is_one_sentence(cli: Invoke, tmp_path: Path, suffix: str) -> None:
    data = tmp_path / f"deep{suffix}"
    depth = 100_000
    if suffix == ".json":
        data.write_text('{"a":' * depth + "1" + "}" * depth, encoding="utf-8")
    else:
        data.write_text("a = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    out = tmp_path / "clause.txt"
    result = cli("clause", "render", "clause", "-o", str(out), "--partner", "X", "--data",
                 str(data), "--lang", "en", expect=2)  # fmt: skip
    kind = suffix.lstrip(".").upper()
    assert (
        flat(result.stderr) == f"{data} cannot be read as {kind} (nested too deep); fix the file."
    )
    assert not out.exists()


def test_cells_without_references_count_too(tmp_path: Path) -> None:
    """A sheet of cells with no ``r`` attribute has no extent to read, yet takes room."""
    source = write_xlsx(tmp_path / "plain.xlsx", [["Land"], ["België"]])
    many = b"<row>" + b"<c><v>1</v></c>" * 2000 + b"</row>"
    _rewrite(source, "xl/worksheets/sheet1.xml",
             lambda xml: xml.replace(b"</sheetData>", many * 10 + b"</sheetData>"))  # fmt: skip
    with pytest.raises(OverLimit) as caught:
        check_workbook(source, ReadLimits(cells=10_000))
    assert caught.value.what == "cell_count"
    check_workbook(source)


_WIDE_ROW = b"<row>" + b"<c><v>1</v></c>" * 20 + b"</row>"


def _row(cell: bytes) -> bytes:
    return b"<row>" + cell + b"</row>"


@pytest.mark.parametrize(
    "far",
    [
        pytest.param(_row(b"<c r='XFD1048576'><v>1</v></c>"), id="single-quotes"),
        pytest.param(_row(b'<c r = "XFD1048576"><v>1</v></c>'), id="spaces-round-equals"),
        pytest.param(_row(b'<c r="xfd1048576"><v>1</v></c>'), id="lower-case"),
        pytest.param(_row(b'<c r="A99999999"><v>1</v></c>'), id="eight-digits"),
        pytest.param(_row(b'<c r="A0000001048577"><v>1</v></c>'), id="leading-zeros"),
        pytest.param(_row(b'<c t="n" r="XFD1048576"><v>1</v></c>'), id="r-not-first"),
        pytest.param(_row(b'<c t="a>b" r="XFD1048576"><v>1</v></c>'), id="a-quoted-greater-than"),
        pytest.param(_row(b'<c\tr="XFD1048576"><v>1</v></c>'), id="a-tab"),
        pytest.param(_row(b'<x:c xmlns:x="u" r="XFD1048576"><x:v>1</x:v></x:c>'), id="a-prefix"),
        pytest.param(b'<row r="1000000"/>' + _WIDE_ROW * 9, id="an-empty-row-far-down"),
        pytest.param(
            b'<row r="1048576"><c r="T1"/>' + b"<c/>" * 9 + b"<c><v>1</v></c></row>",
            id="empty-cells-move-the-column",
        ),
        pytest.param(b"<row></row>" * 500_000 + _WIDE_ROW, id="rows-without-r"),
    ],
)
def test_a_far_cell_in_any_form_calamine_reads_is_refused(tmp_path: Path, far: bytes) -> None:
    """calamine reads a reference quoted either way, spaced, in lower case, with any number of
    digits, after other attributes or under a prefix, and places a cell without one after the
    cell and row before it (an empty ``<row r="…"/>`` or ``<c/>`` moves it too): each of these
    would have it allocate more cells than allowed (the far corner: 17 billion, and the process
    aborts), so each is refused before it reads."""
    source = write_xlsx(tmp_path / "far.xlsx", [["Land"], ["België"]])
    _rewrite(source, "xl/worksheets/sheet1.xml",
             lambda xml: xml.replace(b"</sheetData>", far + b"</sheetData>"))  # fmt: skip
    with pytest.raises(OverLimit) as caught:
        check_workbook(source)
    assert caught.value.what == "cells"


def test_a_far_cell_is_one_sentence_not_an_abort(tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "far.xlsx", [["Land"], ["België"]])
    quoted = b"<row><c r='XFD1048576' t=\"inlineStr\"><is><t>x</t></is></c></row>"
    _rewrite(source, "xl/worksheets/sheet1.xml",
             lambda xml: xml.replace(b"</sheetData>", quoted + b"</sheetData>"))  # fmt: skip
    code, said, peak = _measured("batch", str(source), home=tmp_path / "home")
    assert code == 2
    assert flat(said).startswith(f"{source} cannot be read safely: a sheet runs from A1 to row ")
    assert peak <= PEAK_MB


@pytest.mark.parametrize(
    "cells",
    [
        pytest.param(b'<c r="XFD1048576" s="1"/>', id="a-styled-empty-cell-far-away"),
        pytest.param(b'<c r="XFD1048576"></c>', id="an-empty-cell-far-away"),
        pytest.param(b'<c t="inlineStr"><is><t>Note:c r="XFD1048576"</t></is></c>', id="text"),
        pytest.param(b'<!-- <c r="XFD1048576"><v>1</v></c> -->', id="a-comment"),
    ],
)
def test_what_holds_nothing_far_away_passes(cli: Invoke, tmp_path: Path, cells: bytes) -> None:
    """Only a cell that holds something takes room: a style or a text is no extent."""
    source = write_xlsx(tmp_path / "list.xlsx", [["Land"], ["België"]])
    _rewrite(source, "xl/worksheets/sheet1.xml",
             lambda xml: xml.replace(b'<c r="A2"', cells + b'<c r="A2"'))  # fmt: skip
    check_workbook(source)
    result = cli("batch", str(source), "--lang", "en", "--json")
    assert json.loads(result.stdout)["rows"] == 1


def test_a_sheet_without_references_is_read_as_calamine_reads_it(
    cli: Invoke, tmp_path: Path
) -> None:
    """No ``r`` anywhere (the format allows it): walked tag by tag, within the limits, read."""
    source = write_xlsx(tmp_path / "plain.xlsx", [["Land", "Naam"], ["België", "A"]])
    bare = re.compile(rb' r="[A-Z0-9]+"')
    _rewrite(source, "xl/worksheets/sheet1.xml", lambda xml: bare.sub(b"", xml))
    with zipfile.ZipFile(source) as book:
        assert b' r="' not in book.read("xl/worksheets/sheet1.xml")
    check_workbook(source)
    result = cli("batch", str(source), "--lang", "en", "--json")
    assert json.loads(result.stdout)["rows"] == 1
    with pytest.raises(OverLimit):
        check_workbook(source, ReadLimits(cells=3))


@pytest.mark.parametrize(
    "inside",
    [
        pytest.param(b'<row r="1"></row>', id="a-row"),
        pytest.param(b"<v>1</c><c>", id="an-end-out-of-turn"),
        pytest.param(b'<c r="A1"><v>1</v></c>', id="a-cell"),
    ],
)
def test_a_cell_holding_what_no_cell_holds_is_refused(tmp_path: Path, inside: bytes) -> None:
    """Walked (no references), a sheet whose cell holds a row or a cell, or ends out of turn, is
    no sheet calamine places as the walk does: refused rather than guessed."""
    source = write_xlsx(tmp_path / "odd.xlsx", [["Land"], ["België"]])
    bare = re.compile(rb' r="[A-Z0-9]+"')
    land = b"<is><t>Land</t></is>"
    _rewrite(source, "xl/worksheets/sheet1.xml",
             lambda xml: bare.sub(b"", xml).replace(land, land + inside))  # fmt: skip
    with pytest.raises(NotAWorkbook):
        check_workbook(source)


def test_dutch_users_read_why_a_workbook_is_refused_in_dutch(cli: Invoke, tmp_path: Path) -> None:
    """The sentence is Dutch throughout: its numbers written the Dutch way (8.000.000) and what
    the walk found wrong with a sheet said in Dutch, not in English inside a Dutch sentence."""
    far = cli("batch", str(_far_cell(tmp_path / "far.xlsx")), "--lang", "nl", expect=2)
    assert flat(far.stderr).endswith(
        "far.xlsx kan niet veilig gelezen worden: een blad loopt van A1 tot rij 1.048.576, kolom "
        "16.384 (17.179.869.184 cellen), terwijl hoogstens 8.000.000 cellen toegestaan zijn. "
        "Sla de lijst opnieuw op met alleen de rijen en kolommen die ze nodig heeft, en probeer "
        "opnieuw."
    )
    odd = write_xlsx(tmp_path / "odd.xlsx", [["Land"], ["België"]])
    land, bare = b"<is><t>Land</t></is>", re.compile(rb' r="[A-Z0-9]+"')
    _rewrite(odd, "xl/worksheets/sheet1.xml",
             lambda xml: bare.sub(b"", xml).replace(land, land + b"<row/>"))  # fmt: skip
    said = flat(cli("batch", str(odd), "--lang", "nl", expect=2).stderr)
    assert said.endswith(
        "odd.xlsx is geen leesbare Excel-werkmap (een cel van een blad bevat een cel of een rij); "
        "open ze in Excel en sla ze opnieuw op als .xlsx."
    )
    said = flat(cli("batch", str(odd), "--lang", "en", expect=2).stderr)
    assert "(a cell of a sheet holds a cell or a row)" in said
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"x" * 100)  # a zip's first bytes, and no zip
    said = flat(cli("batch", str(broken), "--lang", "nl", expect=2).stderr)
    assert said.endswith(
        "broken.xlsx is geen leesbare Excel-werkmap (het zip-bestand dat elke .xlsx is, is "
        "beschadigd of onvolledig); open ze in Excel en sla ze opnieuw op als .xlsx."
    )


def test_a_sheet_of_endless_tags_is_refused_before_any_walk(tmp_path: Path) -> None:
    """A sheet walked tag by tag is bounded too: more tags than a full sheet's is refused."""
    source = write_xlsx(tmp_path / "tags.xlsx", [["Land"], ["België"]])
    _rewrite(source, "xl/worksheets/sheet1.xml",
             lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + b"<x/>" * 5_000))  # fmt: skip
    check_workbook(source)  # within the real limits
    with pytest.raises(OverLimit) as caught:
        check_workbook(source, ReadLimits(cells=500))
    assert caught.value.what == "cell_tags"


_CELL = st.fixed_dictionaries(
    {
        "ref": st.none()
        | st.tuples(
            st.text("ABCXYZabcxyz", min_size=1, max_size=2),
            st.integers(min_value=1, max_value=40),
            st.sampled_from(['r="{}"', "r='{}'", 'r = "{}"', 't="n" r="{}"']),
        ),
        "body": st.sampled_from(["empty", "open", "value"]),
    }
)
_ROW = st.fixed_dictionaries(
    {
        "ref": st.none() | st.integers(min_value=1, max_value=40),
        "empty": st.booleans(),
        "cells": st.lists(_CELL, max_size=4),
    }
)


def _sheet_data(rows: list[dict[str, Any]]) -> bytes:
    """A ``<sheetData>`` in any of the forms calamine reads."""
    out = []
    for row in rows:
        attrs = f' r="{row["ref"]}"' if row["ref"] is not None else ""
        if row["empty"] and not row["cells"]:
            out.append(f"<row{attrs}/>")
            continue
        cells = []
        for cell in row["cells"]:
            ref = cell["ref"]
            attr = " " + ref[2].format(f"{ref[0]}{ref[1]}") if ref is not None else ""
            body = {"empty": f"<c{attr}/>", "open": f"<c{attr}></c>",
                    "value": f"<c{attr}><v>1</v></c>"}[cell["body"]]  # fmt: skip
            cells.append(body)
        out.append(f"<row{attrs}>{''.join(cells)}</row>")
    return ("<sheetData>" + "".join(out) + "</sheetData>").encode()


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(_ROW, max_size=6))
def test_the_bound_holds_every_cell_calamine_places(
    tmp_path: Path, rows: list[dict[str, Any]]
) -> None:
    """Whatever the form of a small sheet, calamine's own extent of it (its last cell) lies
    within what the check bounds it by: the walk's extent, and the quick searches' when every
    cell has the plain form."""
    import python_calamine as calamine

    from hrtoets import spreadsheet

    data = _sheet_data(rows)
    source = write_xlsx(tmp_path / "s.xlsx", [["Land"], ["België"]])
    _rewrite(source, "xl/worksheets/sheet1.xml",
             lambda xml: re.sub(rb"<sheetData>.*</sheetData>", data, xml))  # fmt: skip
    try:
        book = calamine.CalamineWorkbook.from_path(str(source))
        end = book.get_sheet_by_name(book.sheet_names[0]).end
    except calamine.CalamineError:
        return  # a sheet calamine refuses takes no room
    if end is None:
        return
    walk = spreadsheet._CellWalk(spreadsheet.READ_LIMITS)
    try:
        walk.add(data)
    except NotAWorkbook:
        return  # refused outright
    assert end[0] + 1 <= walk._high_row and end[1] + 1 <= walk._high_col
    plain = spreadsheet._PlainSheet()
    plain.add(data, len(data), spreadsheet.READ_LIMITS, whole=False)
    if plain.plain:
        assert end[0] + 1 <= plain.high_row and end[1] + 1 <= plain.high_col
