"""Each layer hexagon's analyst region, cached in the store (``hex_regions.parquet``).

Finding a hexagon's region needs the country shapes (about 70 MB once loaded) and about 0.25 ms
per hexagon. The writers fill the cache for every hexagon they roll up (:func:`warm`, called by
:func:`tracker.adsb.rollup.rebuild_months`), so the dashboard only reads it and never loads the
shapes: that keeps the server within its memory goal with years of layer switched on.

This module imports neither the store, the rollups nor the statistics: each of them uses it.
"""

from __future__ import annotations

import logging
from pathlib import Path

import h3
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from tracker import safety
from tracker.adsb.encoding import parquet_bytes
from tracker.adsb.levels import HEX

__all__ = ["REGION", "UNKNOWN_REGION", "CACHE_NAME", "hex_regions", "warm"]

logger = logging.getLogger(__name__)

REGION = "region"
UNKNOWN_REGION = "Open ocean / other"
CACHE_NAME = "hex_regions.parquet"


def _regions_for(hexes: list[str]) -> list[str]:
    from tracker.geocode.regions import region_for
    from tracker.geocode.reverse import country_at

    out = []
    for cell in hexes:
        lat, lon = h3.cell_to_latlng(cell)
        try:
            region = region_for(country_at(lat, lon), lat, lon)
        except Exception:  # noqa: BLE001 - a lookup failure must not break the layer
            logger.debug("no region for %s", cell, exc_info=True)
            region = ""
        out.append(region or UNKNOWN_REGION)
    return out


def _read_cache(path: Path | None) -> dict[str, str]:
    if path is None or not path.is_file():
        return {}
    try:
        table = pq.read_table(path)
        return dict(zip(table[HEX].to_pylist(), table[REGION].to_pylist(), strict=True))
    except (OSError, pa.ArrowException, KeyError, ValueError):
        logger.warning("%s: unreadable region cache; rebuilding", path)
        return {}


def _complete(cache: dict[str, str], wanted: list[str], path: Path | None) -> None:
    """Add the regions of the ``wanted`` cells ``cache`` lacks, and save it if it grew."""
    missing = [h for h in wanted if h not in cache]
    if not missing:
        return
    cache.update(zip(missing, _regions_for(missing), strict=True))
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            table = pa.table({HEX: list(cache), REGION: list(cache.values())})
            safety.atomic_write(path, parquet_bytes(table))
        except OSError:
            logger.warning("%s: cannot write region cache", path)


def hex_regions(hexes, *, root: Path | None = None) -> pd.Series:
    """Analyst region of each distinct hex (by its centre), indexed by hex; cached under
    ``root`` (a store's folder) when given."""
    # Distinct cells hashed in C (iterating a million cells in Python took most of the time).
    wanted = pd.unique(pd.Series(hexes, dtype="str")).tolist()
    path = Path(root) / CACHE_NAME if root is not None else None
    cache = _read_cache(path)
    _complete(cache, wanted, path)
    return pd.Series(
        [cache[h] for h in wanted], index=pd.Index(wanted, name=HEX), name=REGION, dtype="str"
    )


def warm(root: Path, hexes) -> None:
    """Make sure the cache under ``root`` holds ``hexes``. Never raises: readers compute what
    the cache lacks."""
    try:
        wanted = pd.unique(pd.Series(hexes, dtype="str")).tolist()
        path = Path(root) / CACHE_NAME
        _complete(_read_cache(path), wanted, path)
    except Exception:  # noqa: BLE001 - the cache only saves readers time and memory
        logger.warning("%s: cannot fill the region cache", root, exc_info=True)
