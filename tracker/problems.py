"""A validation problem: where it is, what rule it breaks, and how to say it.

Every rule has a stable code, registered once in :data:`ERROR_TYPES` with a title, a
description and a severity (as frictionless-py keeps its error types); a :class:`Problem` with an
unregistered code, or with another severity than its code's, cannot be created. CONTRIBUTING's
table of codes is checked against the registry by a test.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["ERROR_TYPES", "ErrorType", "Problem", "SEVERITIES", "display_path", "error_type"]

#: ``error`` makes the data invalid; ``warning`` is worth a look; ``format`` means the content is
#: fine but the file is not in canonical form (``gnss-tracker fmt`` fixes it).
SEVERITIES = ("error", "warning", "format")


@dataclass(frozen=True)
class ErrorType:
    """One rule's code, as problems carry it.

    :param code: stable, kebab-case; scripts and the CONTRIBUTING table use it.
    :param title: a few words.
    :param description: what the rule asks of the data.
    :param severity: one of :data:`SEVERITIES`.
    """

    code: str
    title: str
    description: str
    severity: str = "error"


def _types(*rows: tuple[str, str, str] | tuple[str, str, str, str]) -> dict[str, ErrorType]:
    return {row[0]: ErrorType(*row) for row in rows}


#: Every problem code, in the order CONTRIBUTING lists them.
ERROR_TYPES: dict[str, ErrorType] = _types(
    # Reading the file
    ("missing-file", "Missing file", "the data file exists"),
    ("not-a-regular-file", "Not a regular file", "the data file is a plain file, not a folder, "
     "device or pipe"),
    ("file-too-large", "File too large", "the data file is within the size limit"),
    ("empty-file", "Empty file", "the data file has at least a header"),
    ("not-utf8", "Not UTF-8", "the file is UTF-8 text"),
    ("byte-order-mark", "Byte-order mark", "no BOM at the start of the file", "format"),
    ("line-ending", "Line endings", "LF line endings, not CR or CRLF", "format"),
    ("final-newline", "Final newline", "the file ends with a newline", "format"),
    # Records
    ("bad-quoting", "Bad quoting", "quotes are balanced and escaped by doubling"),
    ("multiline-cell", "Multi-line cell", "each record is on one line"),
    ("blank-row", "Blank row", "no blank lines between records"),
    ("extra-cell", "Extra cell", "a record has no more cells than the header"),
    ("missing-cell", "Missing cell", "a record has no fewer cells than the header"),
    # Header
    ("missing-column", "Missing column", "every schema column is in the header"),
    ("unknown-column", "Unknown column", "the header has only schema columns"),
    ("duplicate-column", "Duplicate column", "each column appears once"),
    ("column-order", "Column order", "columns are in the schema's order", "format"),
    # Cells
    ("required", "Required value", "required values are present"),
    ("not-a-number", "Not a number", "numbers are plain decimals"),
    ("out-of-range", "Out of range", "latitude in [-90, 90], longitude in [-180, 180], radius "
     "in [0, 5000]"),
    ("invalid-date", "Invalid date", "dates are real ISO dates (YYYY-MM-DD)"),
    ("future-date", "Future date", "dates are not in the future (one day of tolerance)"),
    ("date-too-early", "Date too early", "dates are not before GPS time began (1980-01-06)"),
    ("date-precision", "Date precision", "month and year dates fall on the 1st"),
    ("end-before-start", "End before start", "end_date is on or after date"),
    ("end-date-precision", "End date precision", "end_date_precision (day, month, open) is set "
     "exactly when end_date is"),
    ("not-in-value-set", "Not in value set", "values of enumerated columns are from their set "
     "(case-sensitive)"),
    ("pattern", "Pattern", "ids have the documented format"),
    ("unknown-country", "Unknown country", "countries are ISO 3166-1 alpha-2 codes"),
    ("unknown-region", "Unknown region", "regions are the analyst regions"),
    ("null-island", "Null Island", "0,0 is a failed geocode, not a place"),
    ("formula-injection", "Formula injection", "text cells do not start with =, +, -, @, tab, "
     "CR, LF or NUL (spreadsheets run them)"),
    ("control-character", "Control character", "no invisible, bidirectional or control "
     "characters"),
    ("whitespace", "Whitespace", "no leading or trailing spaces"),
    ("too-long", "Too long", "cells are at most 5,000 characters"),
    # Across rows and tables
    ("duplicate-id", "Duplicate id", "incident ids are unique"),
    ("duplicate-source", "Duplicate source", "a URL is cited once per incident"),
    ("unknown-incident", "Unknown incident", "every source points at an incident"),
    ("no-source", "No source", "every incident has at least one source"),
    ("url-scheme", "URL scheme", "source URLs are http(s)://host/... (no javascript:, data:, "
     "spaces)"),
    ("undeclared-dispute", "Undeclared dispute", "an incident with a disputing source is marked "
     "disputed", "warning"),
    # Published figures (figures.csv)
    ("published-before-period", "Published before period", "a figure's page is not dated "
     "before the period it reports on starts"),
    ("global-area", "Global area", "a figure with area_kind=global has area World"),
    ("unknown-area", "Unknown area", "a figure's fir or area is a name in "
     "tracker/data/areas.csv (or Europe), so views can place it in a region", "warning"),
    # Reviewed candidates (`gnss-tracker ingest --from-json`)
    ("not-an-object", "Not an object", "each reviewed candidate is a JSON object"),
    ("unknown-field", "Unknown field", "a reviewed candidate has only schema fields"),
    ("wrong-type", "Wrong type", "fields of a reviewed candidate are text or null"),
    ("missing-source", "Missing source", "a reviewed candidate has a source object"),
    # Canonical form
    ("not-canonical", "Not canonical", "the file is in canonical form (gnss-tracker fmt)",
     "format"),
)  # fmt: skip


def error_type(code: str) -> ErrorType:
    """The registered type of ``code``.

    :raises KeyError: for an unregistered code; the message says where to register it.
    """
    try:
        return ERROR_TYPES[code]
    except KeyError:
        raise KeyError(
            f"unregistered problem code {code!r}: add it to tracker.problems.ERROR_TYPES "
            "(and to CONTRIBUTING's table)"
        ) from None


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one place.

    :param file: the file, as shown to the user.
    :param line: 1-based line in the file (header = 1); 0 when the problem concerns the whole file.
    :param column: 1-based column number; 0 when the problem concerns a whole row or file.
    :param field: column name, or "" when not about one column.
    :param code: stable machine-readable rule code, e.g. ``out-of-range``.
    :param message: human explanation, with a fix where one is known.
    :param severity: one of :data:`SEVERITIES`.
    """

    file: str
    line: int
    column: int
    field: str
    code: str
    message: str
    severity: str = "error"

    def __post_init__(self) -> None:
        registered = error_type(self.code)
        if self.severity != registered.severity:
            raise ValueError(
                f"problem code {self.code!r} is registered as {registered.severity!r}, "
                f"not {self.severity!r}"
            )

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def format(self) -> str:
        """``FILE:LINE:COLUMN: severity: field: message [code]``, the form editors can jump to."""
        where = f"{self.file}:{self.line}:{self.column}"
        label = "" if self.severity == "error" else f"{self.severity}: "
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {label}{field}{self.message} [{self.code}]"

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "code": self.code,
            "message": self.message,
            "severity": self.severity,
        }


def display_path(path: Path) -> str:
    """How a problem names a file: relative to the working directory when under it (so an
    editor can jump to ``FILE:LINE:COLUMN``), else as given."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
