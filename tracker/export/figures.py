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

import pandas as pd

from tracker import schema
from tracker.export.data import _date_text, _number, _text, neutralise_cell

__all__ = ["figures_to_csv", "KIND_COLUMN", "KIND_VALUE", "FIGURE_DATA_FORMATS"]

#: Formats ``export data --table figures`` can write.
FIGURE_DATA_FORMATS = ("csv",)

KIND_COLUMN = "kind"
KIND_VALUE = "published figure (a count by others, not an incident)"

_NUMBER_COLUMNS = frozenset(f.name for f in schema.FIGURE_FIELDS if f.type == "number")
_DATE_COLUMNS = frozenset(f.name for f in schema.FIGURE_FIELDS if f.type == "date")


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
                number = _number(value)
                if number is not None and number.is_integer():
                    number = int(number)
                row.append("" if number is None else number)
            elif column in _DATE_COLUMNS:
                row.append(_date_text(value))
            else:
                row.append(neutralise_cell(_text(value)))
        row.append(KIND_VALUE)
        writer.writerow(row)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
