"""The ADS-B interference layer: GPSJam-compatible hexes of likely GNSS interference.

Aircraft broadcast how accurate they believe their position is (NACp). Where many aircraft in one
H3 cell report poor accuracy on one UTC day, GNSS interference is likely. This package imports
GPSJam's published daily files (:mod:`.gpsjam`), computes the same layer from raw readsb/tar1090
data (:mod:`.compute`), stores it as Parquet (:mod:`.store`), checks reported incidents against it
(:mod:`.corroborate`) and draws it (:mod:`.figures`).

No data is not no interference: a cell without aircraft says nothing.
"""

from tracker.adsb.levels import DEFAULT_THRESHOLDS, LEVELS, Thresholds, classify, share, with_levels
from tracker.adsb.store import LayerStore, default_store_dir

__all__ = [
    "DEFAULT_THRESHOLDS",
    "LEVELS",
    "Thresholds",
    "classify",
    "share",
    "with_levels",
    "LayerStore",
    "default_store_dir",
]
