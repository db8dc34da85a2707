"""GPSJam's interference levels: the share of bad aircraft in a hex and its colour band.

GPSJam counts, per H3 cell and UTC day, the distinct aircraft whose navigation accuracy was good
or bad, and rates the cell by ``share = (bad - 1) / (good + bad)``. Subtracting one bad aircraft
keeps a single faulty transponder from lighting up a quiet cell; with no bad aircraft the share is
negative, which is fine for comparing with thresholds but must never be shown as a percentage.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tracker.errors import InputError

__all__ = [
    "LOW",
    "MEDIUM",
    "HIGH",
    "LEVELS",
    "LEVEL_COLOURS",
    "Thresholds",
    "DEFAULT_THRESHOLDS",
    "share",
    "classify",
    "with_levels",
]

logger = logging.getLogger(__name__)

LOW = "low"
MEDIUM = "medium"
HIGH = "high"
#: Levels from least to most interference; their position is their rank.
LEVELS = (LOW, MEDIUM, HIGH)
#: GPSJam's colours for the three levels (drawn at opacity 0.5).
LEVEL_COLOURS = {LOW: "#33ff33", MEDIUM: "#ffff33", HIGH: "#ff3333"}

#: Column names of the layer (GPSJam's daily-file header plus the derived columns).
HEX = "hex"
GOOD = "count_good_aircraft"
BAD = "count_bad_aircraft"
DATE = "date"
SHARE = "share"
LEVEL = "level"


@dataclass(frozen=True)
class Thresholds:
    """Share of bad aircraft at which a hex becomes medium and high.

    :param medium: lower bound of *medium*, as a fraction (GPSJam: 0.02, i.e. 2 %).
    :param high: lower bound of *high*, as a fraction (GPSJam: 0.10, i.e. 10 %).
    :raises InputError: unless ``0 < medium < high <= 1``.
    """

    medium: float = 0.02
    high: float = 0.10

    def __post_init__(self):
        if not (0 < self.medium < self.high <= 1):
            raise InputError(
                f"thresholds must satisfy 0 < medium < high <= 1 (got medium={self.medium}, "
                f"high={self.high}); give them as fractions, e.g. 0.02 for 2 %"
            )


DEFAULT_THRESHOLDS = Thresholds()


def share(good, bad):
    """GPSJam's share of bad aircraft, ``(bad - 1) / (good + bad)``.

    Works on scalars and arrays. A hex with no aircraft has no share (NaN).

    >>> float(share(90, 10))
    0.09
    """
    good = np.asarray(good, dtype="float64")
    bad = np.asarray(bad, dtype="float64")
    total = good + bad
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, (bad - 1.0) / total, np.nan)


def classify(shares, *, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> np.ndarray:
    """Level rank of each share: 0 low, 1 medium, 2 high (index into :data:`LEVELS`).

    NaN (no aircraft) ranks low: no data is not no interference, but it is not a level either;
    callers that care about coverage look at the aircraft counts.
    """
    shares = np.asarray(shares, dtype="float64")
    rank = np.zeros(shares.shape, dtype="int8")
    rank[shares >= thresholds.medium] = 1
    rank[shares >= thresholds.high] = 2
    return rank


def with_levels(
    layer: pd.DataFrame, *, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> pd.DataFrame:
    """Return a copy of ``layer`` with ``share`` and categorical ``level`` columns added.

    :param layer: frame with ``count_good_aircraft`` and ``count_bad_aircraft`` columns.
    """
    out = layer.copy()
    s = share(out[GOOD].to_numpy(), out[BAD].to_numpy())
    out[SHARE] = s
    out[LEVEL] = pd.Categorical.from_codes(
        classify(s, thresholds=thresholds), categories=list(LEVELS), ordered=True
    )
    return out
