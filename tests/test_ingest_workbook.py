"""Excel exports of safety databases (one report per row, like their CSV exports). The
workbooks are real ``.xlsx`` files written by openpyxl; the narratives are in our words."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from helpers import ingest_refused

from tracker.errors import InputError
from tracker.ingest import expand_paths, ingest_text, read_reports, readers

NARRATIVE = (
    "On descent into Tallinn the GPS position was lost and the crew was told of jamming in "
    "the area. We flew the ILS approach and landed without further trouble."
)


def _workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_each_row_with_a_story_is_a_report_named_by_its_row(tmp_path):
    rows = [
        ["Date", "Location", "Narrative"],
        [dt.date(2024, 3, 14), "Tallinn", NARRATIVE],
        [dt.date(2024, 3, 15), "Riga", None],
    ]
    (report,) = read_reports(str(_workbook(tmp_path / "export.xlsx", {"Reports": rows})))
    assert report.name.endswith("export.xlsx#row-2")
    assert report.kind == "record"
    # A date cell reads as a CSV export writes it, not as "2024-03-14 00:00:00".
    assert "Date : 2024-03-14" in report.text
    assert "Narrative:\nOn descent into Tallinn" in report.text


def test_a_whole_number_cell_has_no_decimal_point(tmp_path):
    rows = [["ACN", "Narrative"], [2024123.0, NARRATIVE]]
    (report,) = read_reports(str(_workbook(tmp_path / "export.xlsx", {"Sheet": rows})))
    assert "ACN : 2024123\n" in report.text


def test_asrs_group_row_above_the_field_row(tmp_path):
    rows = [
        ["", "Time", "Place", "Report 1"],
        ["ACN", "Date", "State Reference", "Narrative"],
        [2031001, 202403, "TX", "Level at FL340 the GPS position jumped and we lost RNAV."],
    ]
    (report,) = read_reports(str(_workbook(tmp_path / "asrs.xlsx", {"Export": rows})))
    assert report.name.endswith("#row-3")
    assert "State Reference : TX" in report.text
    assert "Report 1" not in report.text


def test_rows_of_several_sheets_name_their_sheet_and_tables_without_stories_are_skipped(
    tmp_path,
):
    sheets = {
        "Legend": [["Code", "Meaning"], ["TX", "Texas"]],
        "2024": [["Date", "Description"], ["2024-04-02", NARRATIVE]],
    }
    (report,) = read_reports(str(_workbook(tmp_path / "log.xlsx", sheets)))
    assert report.name.endswith("log.xlsx#2024!row-2")


def test_a_workbook_dates_and_places_each_row():
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (
        ["Date", "Location", "Description"],
        [dt.date(2024, 3, 14), "Tallinn", "A Finnair Embraer lost GPS on approach to "
         "Tallinn and went around."],
        [dt.date(2024, 4, 2), "Rzeszow", "A LOT Dash 8 reported GPS jamming while "
         "approaching Rzeszow."],
    ):  # fmt: skip
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    found = [c for r in readers.reports_from_bytes(buffer.getvalue(), name="occ.xlsx")
             for c in ingest_text(r.text, name=r.name)]  # fmt: skip
    assert [(c.values["date"].isoformat(), c.values["country"]) for c in found] == [
        ("2024-03-14", "EE"),
        ("2024-04-02", "PL"),
    ]


def test_a_workbook_with_no_story_column_is_a_clear_error(tmp_path, small_dataset):
    book = _workbook(tmp_path / "codes.xlsx", {"Codes": [["id", "date"], [1, "2024-01-01"]]})
    ingest_refused(
        book, small_dataset, "codes.xlsx, row 1: a table of reports needs a column of report text"
    )


def test_a_broken_workbook_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet")
    with pytest.raises(InputError, match=r"broken\.xlsx: not a readable Excel workbook"):
        read_reports(str(broken))


def test_only_the_first_rows_of_a_huge_sheet_are_read(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_SHEET_ROWS", 3)
    rows = [["Date", "Narrative"]] + [
        [f"2024-01-0{n}", f"Report {n}: GPS lost."] for n in (1, 2, 3)
    ]
    reports = read_reports(str(_workbook(tmp_path / "big.xlsx", {"Log": rows})))
    assert [r.name.rsplit("#", 1)[1] for r in reports] == ["row-2", "row-3"]
    assert any("read the first 3 rows of Log" in note for note in reports[0].notes)


def test_a_folder_of_reports_includes_its_workbooks(tmp_path):
    _workbook(tmp_path / "export.xlsx", {"S": [["Narrative"], [NARRATIVE]]})
    (tmp_path / "export.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    assert [Path(p).name for p in expand_paths([str(tmp_path)])] == ["export.xlsx"]
