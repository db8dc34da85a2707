"""Fast, exact H3 cell lookup for aircraft tracks.

``h3.latlng_to_cell`` costs about a microsecond per point, which alone would cap aggregation at
about a million reports per second. Consecutive reports of one aircraft almost always fall in the
same resolution-4 cell (about 45 km across), so we ask H3 only for a sample of points and test the
rest against the sampled cell's boundary:

* H3 cell edges are straight lines in the gnomonic projection of an icosahedron face, hence
  great-circle arcs on the sphere. A point (as a unit vector ``p``) is inside a convex spherical
  polygon iff ``dot(n_i, p) > 0`` for every edge normal ``n_i = v_i x v_(i+1)`` (vertices
  counter-clockwise).
* Points within ``MARGIN`` of an edge, points whose candidate cell is not convex (cells cut by
  an icosahedron edge), and points outside their candidate are looked up with H3 itself.

So every answer is H3's own answer; the test only decides when asking H3 can be skipped.
"""

from __future__ import annotations

import logging

import h3.api.basic_int as _h3int
import numpy as np

__all__ = ["cells_for_tracks", "cells_exact", "to_unit_vectors"]

logger = logging.getLogger(__name__)

try:  # the Cython entry point skips h3-py's argument checking (twice as fast)
    from h3._cy import latlng_to_cell as _latlng_to_cell_int
except ImportError:  # pragma: no cover - depends on h3-py internals
    from h3.api.basic_int import latlng_to_cell as _latlng_to_cell_int

#: Points closer to a cell edge than this (in radians, about 6 m on Earth) go to H3.
MARGIN = 1e-6
#: Every SAMPLE_EVERY-th report of a track is looked up with H3 to seed the candidates.
SAMPLE_EVERY = 64
#: H3 resolution-4 cells have 6 vertices, or up to 10 where an icosahedron edge cuts them.
_MAX_EDGES = 10


def cells_exact(lat: np.ndarray, lon: np.ndarray, resolution: int) -> np.ndarray:
    """H3 cells (as uint64) of each point, asking H3 for every one (the slow reference)."""
    f = _latlng_to_cell_int
    return np.fromiter(
        (f(a, b, resolution) for a, b in zip(lat.tolist(), lon.tolist(), strict=True)),
        dtype=np.uint64,
        count=len(lat),
    )


def to_unit_vectors(lat_deg: np.ndarray, lon_deg: np.ndarray) -> tuple[np.ndarray, ...]:
    """Unit vectors (x, y, z) of points given in degrees."""
    phi = np.radians(lat_deg)
    lam = np.radians(lon_deg)
    cos_phi = np.cos(phi)
    return cos_phi * np.cos(lam), cos_phi * np.sin(lam), np.sin(phi)


def _edge_normals(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Inward edge normals (n_cells, _MAX_EDGES, 3) and a per-cell "safe to test" flag."""
    count = len(cells)
    verts = np.zeros((count, _MAX_EDGES, 2))
    sizes = np.zeros(count, dtype=np.int64)
    for i, cell in enumerate(cells.tolist()):
        boundary = _h3int.cell_to_boundary(cell)
        if len(boundary) > _MAX_EDGES:
            continue  # sizes stays 0: never tested, always looked up
        sizes[i] = len(boundary)
        verts[i, : len(boundary)] = boundary
    slot = np.arange(_MAX_EDGES)
    real = slot[None, :] < sizes[:, None]
    # Pad each ring with its first vertex so every slot holds a real vertex.
    verts = np.where(real[..., None], verts, verts[:, :1, :])
    vx, vy, vz = to_unit_vectors(verts[..., 0], verts[..., 1])
    v = np.stack([vx, vy, vz], axis=-1)  # (count, edges, 3)
    nxt = np.where(slot[None, :] + 1 < sizes[:, None], slot[None, :] + 1, 0)
    w = np.take_along_axis(v, nxt[..., None], axis=1)
    n = np.cross(v, w)
    norm = np.linalg.norm(n, axis=-1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        n = n / norm
    # Padding slots (and degenerate edges) repeat the first edge: harmless for the minimum.
    keep = real & (norm[..., 0] > 0)
    n = np.where(keep[..., None], n, n[:, :1, :])
    centre = v.sum(axis=1)
    centre /= np.linalg.norm(centre, axis=-1, keepdims=True)
    side = np.einsum("cek,ck->ce", n, centre)
    flip = side.min(axis=1) < 0  # clockwise ring: turn the normals inwards
    n[flip] *= -1
    side[flip] *= -1
    # Convex iff every vertex lies on the inner side of (or on) every edge.
    vert_side = np.einsum("cek,cfk->cef", n, v)
    safe = (sizes >= 3) & (side.min(axis=1) > 0) & (vert_side.min(axis=(1, 2)) > -1e-12)
    safe &= np.isfinite(n).all(axis=(1, 2))
    return n, safe


class _CellTable:
    """Candidate cells seen so far, numbered, with their edge normals as per-edge columns."""

    def __init__(self):
        self.codes: dict[int, int] = {}
        self.cells: list[int] = []
        self._built = 0
        self.nx = self.ny = self.nz = np.zeros((_MAX_EDGES, 0))
        self.safe = np.zeros(0, dtype=bool)
        self.cx = self.cy = self.cz = self.cos_r = np.zeros(0)
        self.edges = 1

    def encode(self, cells: np.ndarray) -> np.ndarray:
        """Codes of ``cells`` (adding new ones to the table)."""
        uniq, inverse = np.unique(cells, return_inverse=True)
        mapped = np.empty(len(uniq), dtype=np.int32)
        for i, cell in enumerate(uniq.tolist()):
            code = self.codes.get(cell)
            if code is None:
                code = self.codes[cell] = len(self.cells)
                self.cells.append(cell)
            mapped[i] = code
        return mapped[inverse]

    def build(self) -> None:
        """Compute normals for cells added since the last build."""
        if self._built == len(self.cells):
            return
        new = np.array(self.cells[self._built :], dtype=np.uint64)
        normals, safe = _edge_normals(new)
        self.nx = np.concatenate([self.nx, normals[:, :, 0].T], axis=1)
        self.ny = np.concatenate([self.ny, normals[:, :, 1].T], axis=1)
        self.nz = np.concatenate([self.nz, normals[:, :, 2].T], axis=1)
        self.safe = np.concatenate([self.safe, safe])
        # Inscribed circle: centre direction and the cosine of its (shrunk) angular radius.
        # A point that close to the centre is inside without testing each edge.
        centre = _centres(new)
        inner = np.einsum("cek,ck->ce", normals, centre).min(axis=1)
        radius = np.arcsin(np.clip(inner, -1.0, 1.0)) - 2 * MARGIN
        cos_r = np.where(safe & (radius > 0), np.cos(np.clip(radius, 0, None)), 2.0)
        self.cx = np.concatenate([self.cx, centre[:, 0]])
        self.cy = np.concatenate([self.cy, centre[:, 1]])
        self.cz = np.concatenate([self.cz, centre[:, 2]])
        self.cos_r = np.concatenate([self.cos_r, cos_r])
        self.edges = max(self.edges, _edges_used(normals))
        self._built = len(self.cells)

    def inside(self, x: np.ndarray, y: np.ndarray, z: np.ndarray, codes: np.ndarray) -> np.ndarray:
        """True where each point is safely inside the cell numbered ``codes``."""
        self.build()
        near = self.cx[codes] * x
        near += self.cy[codes] * y
        near += self.cz[codes] * z
        ok = near > self.cos_r[codes]
        rest = np.flatnonzero(~ok)
        if len(rest):
            c, px, py, pz = codes[rest], x[rest], y[rest], z[rest]
            worst = np.full(len(rest), np.inf)
            for e in range(self.edges):
                d = self.nx[e][c] * px
                d += self.ny[e][c] * py
                d += self.nz[e][c] * pz
                np.minimum(worst, d, out=worst)
            ok[rest] = self.safe[c] & (worst > MARGIN)
        return ok


def _centres(cells: np.ndarray) -> np.ndarray:
    """Unit vectors of the cells' centres."""
    ll = np.array([_h3int.cell_to_latlng(c) for c in cells.tolist()]).reshape(-1, 2)
    return np.column_stack(to_unit_vectors(ll[:, 0], ll[:, 1]))


def _edges_used(normals: np.ndarray) -> int:
    """Number of leading edge slots that differ from the padding (which repeats slot 0)."""
    if len(normals) == 0:
        return 1
    same = (normals == normals[:, :1, :]).all(axis=(0, 2))
    used = np.nonzero(~same)[0]
    return int(used.max()) + 1 if len(used) else 1


def cells_for_tracks(
    lat: np.ndarray,
    lon: np.ndarray,
    track_start: np.ndarray,
    resolution: int,
    *,
    sample_every: int = SAMPLE_EVERY,
    rounds: int = 4,
) -> np.ndarray:
    """H3 cell (uint64) of every point, for points ordered track by track.

    :param lat: latitudes in degrees.
    :param lon: longitudes in degrees.
    :param track_start: boolean, True at the first point of each track (aircraft).
    :param resolution: H3 resolution.
    :param sample_every: distance between points looked up with H3 within a track.
    :param rounds: rounds of "test against the previous known cell, then look up the first
        unknown point of each run" before the remaining points are looked up one by one.
    :returns: the same cells as :func:`cells_exact`, faster for long tracks.
    """
    lat = np.asarray(lat, dtype="float64")
    lon = np.asarray(lon, dtype="float64")
    n = len(lat)
    out = np.zeros(n, dtype=np.uint64)
    if n == 0:
        return out
    table = _CellTable()
    code = np.full(n, -1, dtype=np.int32)
    idx = np.arange(n)
    known = np.asarray(track_start, dtype=bool).copy()
    known[::sample_every] = True
    known[0] = True

    def look_up(points: np.ndarray) -> None:
        cells = cells_exact(lat[points], lon[points], resolution)
        out[points] = cells
        code[points] = table.encode(cells)
        known[points] = True

    look_up(idx[known])
    looked_up = int(known.sum())
    x, y, z = to_unit_vectors(lat, lon)
    todo = idx[~known]
    track = np.cumsum(track_start, dtype=np.int64)
    for round_ in range(rounds):
        if len(todo) == 0:
            break
        # Candidate: the cell of the latest known point before each unknown one. Every track
        # start is known, so the candidate always comes from the same track.
        last = np.maximum.accumulate(np.where(known, idx, 0))[todo]
        cand = code[last]
        ok = table.inside(x[todo], y[todo], z[todo], cand)
        hit = todo[ok]
        out[hit] = out[last[ok]]
        code[hit] = cand[ok]
        known[hit] = True
        todo = todo[~ok]
        if round_ == 0 and len(todo):
            # Just after a cell crossing, a point is usually in the cell of the next sampled
            # point of its track: try that before asking H3.
            after = np.where(known, idx, n)
            following = np.minimum.accumulate(after[::-1])[::-1][todo]
            same = following < n
            same[same] &= track[following[same]] == track[todo[same]]
            pts, nxt = todo[same], following[same]
            ok = table.inside(x[pts], y[pts], z[pts], code[nxt])
            out[pts[ok]] = out[nxt[ok]]
            code[pts[ok]] = code[nxt[ok]]
            known[pts[ok]] = True
            todo = todo[~known[todo]]
        if len(todo) == 0:
            break
        # Look up the first point of each run of unknown points; the rest of the run is
        # tested against it in the next round.
        first = todo[known[todo - 1]]
        look_up(first)
        looked_up += len(first)
        todo = todo[~known[todo]]
    if len(todo):
        out[todo] = cells_exact(lat[todo], lon[todo], resolution)
        looked_up += len(todo)
    logger.debug("cells: %d points, %d looked up with H3", n, looked_up)
    return out
