"""Exceptions raised by the library.

They mix in a built-in so callers can catch them generically (a ``DataValidationError`` is a
``ValueError``), and they are translated into clear CLI messages once, at the boundary, in
``tracker.cli``. Library code never prints or exits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.problems import Problem

__all__ = [
    "TrackerError",
    "DataValidationError",
    "StoreError",
    "LockTimeoutError",
    "GeocodingError",
    "InputError",
]


class TrackerError(Exception):
    """Base class of every error the tracker raises on purpose."""


class DataValidationError(TrackerError, ValueError):
    """The dataset (or a change to it) breaks the schema; ``problems`` lists every violation."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        errors = [p for p in self.problems if p.is_error]
        first = errors[0].format() if errors else "no errors"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{first}{more}")


class StoreError(TrackerError, OSError):
    """Reading or writing the dataset files failed; the files on disk are unchanged."""


class LockTimeoutError(StoreError, TimeoutError):
    """Another process held the dataset lock for too long."""


class GeocodingError(TrackerError, RuntimeError):
    """A geocoding service failed (timeout, refusal, bad answer). Not the same as "not found"."""


class InputError(TrackerError, ValueError):
    """An input file or argument cannot be used (wrong encoding, binary, too large, bad format)."""
