"""Published figures (``figures.csv``) as a spreadsheet-safe CSV file for reporters.

One row per figure, the schema's columns in schema order, plus ``kind`` = ``published figure``
on every row so a reader who opens the file beside an incident export cannot mistake these
counts for incidents. Text is neutralised as in :mod:`tracker.export.data` (a leading ``'`` on
cells a spreadsheet would run as a formula); ``value`` stays a bare number.

There is no GeoJSON form: a figure covers an area and a period (a country, a FIR, the world),
not a point.
"""

from __future__ import annotations

import csv
import io
import math

import pandas as pd

from tracker import safety, schema

__all__ = ["figures_to_csv", "KIND_COLUMN", "KIND_VALUE", "FIGURE_DATA_FORMATS"]

#: Formats ``export data --table figures`` can write.
FIGURE_DATA_FORMATS = ("csv",)

KIND_COLUMN = "kind"
KIND_VALUE = "published figure (a count by others, not an incident)"

_NUMBER_COLUMNS = frozenset(f.name for f in schema.FIGURE_FIELDS if f.type == "number")
_DATE_COLUMNS = frozenset(f.name for f in schema.FIGURE_FIELDS if f.type == "date")


def _missing(value: object) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _date_text(value: object) -> str:
    if _missing(value):
        return ""
    return value if isinstance(value, str) else pd.Timestamp(value).strftime("%Y-%m-%d")


def _number(value: object) -> int | float | str:
    """A finite number (whole numbers without ``.0``), or ``""`` for an empty cell."""
    if _missing(value) or value == "":
        return ""
    number = float(value)
    if not math.isfinite(number):
        return ""
    return int(number) if number.is_integer() else number


def _text(value: object) -> str:
    return "" if _missing(value) else safety.neutralise_formula(str(value))


def figures_to_csv(figures: pd.DataFrame) -> bytes:
    """Spreadsheet-safe CSV of published figures (UTF-8 with BOM, LF line endings).

    :param figures: figure rows (already selected); not modified.
    :returns: CSV bytes.
    """
    columns = [c for c in schema.FIGURE_COLUMNS if c in figures.columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    writer.writerow([*columns, KIND_COLUMN])
    for record in figures[columns].to_dict("records"):
        row: list[object] = []
        for column in columns:
            value = record[column]
            if column in _NUMBER_COLUMNS:
                row.append(_number(value))
            elif column in _DATE_COLUMNS:
                row.append(_date_text(value))
            else:
                row.append(_text(value))
        row.append(KIND_VALUE)
        writer.writerow(row)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
