"""A validation problem: where it is, what rule it breaks, and how to say it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem", "SEVERITIES"]

#: ``error`` makes the data invalid; ``warning`` is worth a look; ``format`` means the content is
#: fine but the file is not in canonical form (``gnss-tracker fmt`` fixes it).
SEVERITIES = ("error", "warning", "format")


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
