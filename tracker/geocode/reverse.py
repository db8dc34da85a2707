"""Offline reverse geocoding: which country's territory holds a point.

Uses the ``countries`` shapes of the plotly ``world_50m`` topojson shipped for the dashboard map
(Natural Earth 1:50m, public domain; ``tracker/assets/topojson/``). A point inside no country
is at sea and gets ``""``. Shapes carry ISO alpha-3 ids, mapped to alpha-2 with
``tracker/data/countries.csv``; the map's disputed-area ids are assigned to the country that
administers them (see :data:`DISPUTED`). At 1:50m a coastline can be off by a kilometre or two,
so a coastal airport may read as sea: callers with a better source (the gazetteer) keep theirs.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import itertools
import json
import logging
import pathlib

import numpy as np

__all__ = ["country_at", "country_centroids", "country_shapes", "DISPUTED", "WORLD_FILE"]

logger = logging.getLogger(__name__)

WORLD_FILE = (
    pathlib.Path(__file__).resolve().parent.parent / "assets" / "topojson" / "world_50m.json"
)

#: Map ids that are not ISO codes, assigned to the administering country (a practical choice
#: for aviation incidents, not a position on sovereignty).
DISPUTED = {
    "XJK": "IN",  # Indian-administered Jammu and Kashmir
    "XAP": "IN",  # Arunachal Pradesh
    "XAC": "CN",  # Aksai Chin
    "XHT": "EG",  # Halaib Triangle
    "XIT": "KE",  # Ilemi Triangle
    "XBT": "",  # Bir Tawil: claimed by nobody
}


@functools.cache
def _iso3_to_iso2() -> dict[str, str]:
    text = importlib.resources.files("tracker.data").joinpath("countries.csv").read_text("utf-8")
    mapping = {row["iso3"]: row["iso2"] for row in csv.DictReader(text.splitlines())}
    mapping.update(DISPUTED)
    return mapping


class _Shapes:
    """Country rings as numpy arrays, with per-ring bounding boxes for a quick first filter."""

    def __init__(self, path: pathlib.Path) -> None:
        topo = json.loads(path.read_text("utf-8"))
        scale = np.asarray(topo["transform"]["scale"], dtype=float)
        translate = np.asarray(topo["transform"]["translate"], dtype=float)
        arcs = _decode_arcs(topo["arcs"], scale, translate)
        iso2 = _iso3_to_iso2()
        self.centroids: dict[str, tuple[float, float]] = {}
        rings: list[np.ndarray] = []
        owners: list[str] = []
        holes: list[bool] = []
        for geometry in topo["objects"]["countries"]["geometries"]:
            code = iso2.get(geometry.get("id", ""))
            if code is None:
                continue
            centroid = (geometry.get("properties") or {}).get("ct")
            if code and centroid:
                self.centroids.setdefault(code, (float(centroid[1]), float(centroid[0])))
            if geometry["type"] == "Polygon":
                polygons = [geometry["arcs"]]
            elif geometry["type"] == "MultiPolygon":
                polygons = geometry["arcs"]
            else:
                continue
            for polygon in polygons:
                for number, ring_arcs in enumerate(polygon):
                    rings.append(self._ring(arcs, ring_arcs))
                    owners.append(code)
                    holes.append(number > 0)
        self.rings = rings
        self.owners = owners
        self.holes = holes
        self.boxes = np.array(
            [[r[:, 0].min(), r[:, 1].min(), r[:, 0].max(), r[:, 1].max()] for r in rings]
        )

    @staticmethod
    def _ring(arcs: list[np.ndarray], indices: list[int]) -> np.ndarray:
        pieces = []
        for index in indices:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            pieces.append(arc if not pieces else arc[1:])
        ring = np.concatenate(pieces)
        # Rings crossing the antimeridian (Russia, Fiji) jump by 360 degrees: unwrap them.
        lon = ring[:, 0].copy()
        jumps = np.diff(lon)
        shift = np.concatenate(
            [
                [0.0],
                np.cumsum(np.where(jumps > 180, -360.0, 0.0) + np.where(jumps < -180, 360.0, 0.0)),
            ]
        )
        ring = ring.copy()
        ring[:, 0] = lon + shift
        return ring

    def lookup(self, lat: float, lon: float) -> str:
        for candidate_lon in (lon, lon + 360.0, lon - 360.0):
            code = self._lookup(lat, candidate_lon)
            if code is not None:
                return code
        return ""

    def _lookup(self, lat: float, lon: float) -> str | None:
        b = self.boxes
        mask = (b[:, 0] <= lon) & (lon <= b[:, 2]) & (b[:, 1] <= lat) & (lat <= b[:, 3])
        inside: dict[str, int] = {}
        for i in np.flatnonzero(mask):
            if _point_in_ring(self.rings[i], lon, lat):
                # Holes (lakes, enclaves) flip membership for their owner.
                inside[self.owners[i]] = inside.get(self.owners[i], 0) + 1
        for code, count in inside.items():
            if count % 2 == 1:
                return code
        return None


def _decode_arcs(arcs: list, scale: np.ndarray, translate: np.ndarray) -> list[np.ndarray]:
    """Delta-decode every arc at once (a Python loop over 9,000 arcs takes seconds)."""
    lengths = np.fromiter((len(a) for a in arcs), dtype=np.int64, count=len(arcs))
    flat = np.fromiter(
        itertools.chain.from_iterable(itertools.chain.from_iterable(arcs)), dtype=float
    ).reshape(-1, 2)
    summed = np.cumsum(flat, axis=0)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    # Subtract the running sum up to each arc's start so every arc restarts from its origin.
    base = np.where((starts > 0)[:, None], summed[np.maximum(starts - 1, 0)], 0.0)
    decoded = (summed - np.repeat(base, lengths, axis=0)) * scale + translate
    return np.split(decoded, np.cumsum(lengths)[:-1])


def _point_in_ring(ring: np.ndarray, x: float, y: float) -> bool:
    """Even-odd ray casting."""
    xs, ys = ring[:, 0], ring[:, 1]
    x0, y0 = xs[:-1], ys[:-1]
    x1, y1 = xs[1:], ys[1:]
    crosses = (y0 > y) != (y1 > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        at = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
    return bool(np.count_nonzero(crosses & (x < at)) % 2)


@functools.cache
def country_shapes() -> _Shapes:
    """The map's country outlines (rings, owners, holes, label points), loaded once."""
    return _Shapes(WORLD_FILE)


def country_centroids() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 code -> ``(latitude, longitude)`` of the map's label point for the country."""
    return country_shapes().centroids


def country_at(latitude: float, longitude: float) -> str:
    """ISO alpha-2 code of the country whose land holds the point; ``""`` at sea.

    :param latitude: WGS84 degrees, -90..90.
    :param longitude: WGS84 degrees, -180..180.
    :raises ValueError: for coordinates out of range or not finite.

    >>> country_at(54.71, 20.51)
    'RU'
    >>> country_at(43.0, 34.0)
    ''
    """
    lat, lon = float(latitude), float(longitude)
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"coordinates out of range: {latitude}, {longitude}")
    return country_shapes().lookup(lat, lon)
