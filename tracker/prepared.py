"""The prepared incidents: loaded incidents plus the numbers that make each filter change cheap.

:class:`PreparedIncidents` wraps a frame (it does not subclass ``DataFrame``): the loaded incident
columns of :data:`tracker.schema.INCIDENT_FIELDS` plus the :data:`DERIVED_COLUMNS` documented
below. :func:`tracker.dashboard.data.prepare` builds it once per data load; taking rows or columns
returns a new object and never modifies this one.

Library functions that read incidents (:mod:`tracker.filters`, :mod:`tracker.stats`,
:mod:`tracker.figures`) take either a plain incidents frame (the CLI and export path) or a
:class:`PreparedIncidents`, and decide by type: the derived numbers are read from the prepared
object and computed otherwise. Neither looks for the derived columns by name.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

__all__ = ["PreparedIncidents", "DERIVED_COLUMNS", "frame_of"]

# Column names of the derived values inside the frame; read them through the properties.
_START_DAY = "_start_day"
_END_DAY = "_end_day"
_HEX = "_h3"
_TYPE_CODE = "_type_code"
_PRECISION_CODE = "_precision_code"

#: The columns a prepared frame holds beyond the loaded incident columns, with what each holds.
#: They are computed once per load so that a filter change never recomputes them.
DERIVED_COLUMNS: dict[str, str] = {
    _START_DAY: "first day the incident may cover (int64, days since 1970-01-01; the int64 "
    "minimum when the date is missing)",
    _END_DAY: (
        "last day it may cover: the later of end_date and the end of the month or year its "
        "date_precision allows (int64, days since 1970-01-01)"
    ),
    _HEX: "H3 cell of the incident's point at stats.HEX_BASE_RES (a category of int64 cells; 0 "
    "without coordinates), which the map coarsens to count incidents in hexagons; its codes "
    "let the map count the cells of the filtered rows without hashing them",
    _TYPE_CODE: "position of interference in schema.INTERFERENCE_TYPES (int8, -1 if unknown)",
    _PRECISION_CODE: "position of date_precision in schema.DATE_PRECISIONS (int8)",
}


@dataclasses.dataclass(frozen=True, eq=False)
class PreparedIncidents:
    """Incidents with their :data:`DERIVED_COLUMNS`; build with
    :func:`tracker.dashboard.data.prepare`.

    :param frame: the loaded incident columns (all of them, or the subset a view needs) plus
        every derived column. Treat it as read-only: it is shared by every callback.
    """

    frame: pd.DataFrame

    def __post_init__(self) -> None:
        missing = [c for c in DERIVED_COLUMNS if c not in self.frame.columns]
        if missing:
            raise ValueError(f"not a prepared incidents frame: missing {', '.join(missing)}")

    @classmethod
    def from_derived(
        cls,
        incidents: pd.DataFrame,
        *,
        start_days: np.ndarray,
        end_days: np.ndarray,
        hex_cells: np.ndarray,
        type_codes: np.ndarray,
        precision_codes: np.ndarray,
    ) -> PreparedIncidents:
        """``incidents`` (not modified) with the given derived values, one per row."""
        return cls(
            incidents.assign(
                **{
                    _START_DAY: np.asarray(start_days, dtype="int64"),
                    _END_DAY: np.asarray(end_days, dtype="int64"),
                    # A category: 2 or 4 bytes a row instead of 8, and codes to count by.
                    _HEX: pd.Categorical(np.asarray(hex_cells, dtype="int64")),
                    _TYPE_CODE: np.asarray(type_codes, dtype="int8"),
                    _PRECISION_CODE: np.asarray(precision_codes, dtype="int8"),
                }
            )
        )

    def __len__(self) -> int:
        return len(self.frame)

    @property
    def index(self) -> pd.Index:
        return self.frame.index

    @property
    def start_days(self) -> np.ndarray:
        """First day each incident may cover, int64 days since 1970-01-01."""
        return self.frame[_START_DAY].to_numpy(dtype="int64")

    @property
    def end_days(self) -> np.ndarray:
        """Last day each incident may cover, int64 days since 1970-01-01."""
        return self.frame[_END_DAY].to_numpy(dtype="int64")

    @property
    def hex_cells(self) -> np.ndarray:
        """H3 cell of each incident at ``stats.HEX_BASE_RES`` as int64 (0 without a point)."""
        codes, cells = self.hex_codes
        return cells[codes]

    @property
    def hex_codes(self) -> tuple[np.ndarray, np.ndarray]:
        """``(codes, cells)``: each incident's H3 cell (see :attr:`hex_cells`) as a position
        in ``cells`` (int64, sorted, distinct; the cells of the loaded data, some perhaps
        absent from these rows)."""
        column = self.frame[_HEX]
        if isinstance(column.dtype, pd.CategoricalDtype):
            codes = column.cat.codes.to_numpy()
            return codes, column.cat.categories.to_numpy(dtype="int64")
        codes, cells = pd.factorize(column.to_numpy(dtype="int64"), sort=True)
        return codes, np.asarray(cells, dtype="int64")

    @property
    def located(self) -> np.ndarray:
        """Whether each incident has both coordinates (a non-zero H3 cell), as booleans."""
        codes, cells = self.hex_codes
        return (cells != 0)[codes]

    @property
    def type_codes(self) -> np.ndarray:
        """Interference type as an int8 code into ``schema.INTERFERENCE_TYPES``."""
        return self.frame[_TYPE_CODE].to_numpy(dtype="int8")

    @property
    def precision_codes(self) -> np.ndarray:
        """Date precision as an int8 code into ``schema.DATE_PRECISIONS``."""
        return self.frame[_PRECISION_CODE].to_numpy(dtype="int8")

    def take(self, keep) -> PreparedIncidents:
        """The rows selected by ``keep`` (a boolean array over the rows, or index labels)."""
        return PreparedIncidents(self.frame.loc[keep])

    def select(self, columns) -> PreparedIncidents:
        """Only the given loaded columns (those present), with every derived column."""
        wanted = [c for c in columns if c in self.frame.columns and c not in DERIVED_COLUMNS]
        return PreparedIncidents(self.frame[[*wanted, *DERIVED_COLUMNS]])


def frame_of(incidents: pd.DataFrame | PreparedIncidents) -> pd.DataFrame:
    """The frame to read loaded columns from, whichever of the two types ``incidents`` is."""
    return incidents.frame if isinstance(incidents, PreparedIncidents) else incidents
