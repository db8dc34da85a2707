"""How the layer's cells and tables are encoded on disk: H3 cell strings as their 64-bit
indexes and back, and a table as the bytes of a Parquet file (shared by the store and its
rollups)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

__all__ = ["cells_to_ints", "ints_to_cells", "parquet_bytes"]

#: An H3 cell string is 15 lower-case hex digits, the first not 0 (its mode bits).
_CELL_DIGITS = 15
_HEX_DIGITS = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
_NIBBLE = np.full(256, 255, dtype=np.uint8)
_NIBBLE[_HEX_DIGITS] = np.arange(16, dtype=np.uint8)
_SHIFTS = np.arange(4 * (_CELL_DIGITS - 1), -1, -4, dtype=np.uint64)


def cells_to_ints(cells: pa.Array | pa.ChunkedArray) -> pa.Array | None:
    """H3 cell strings as their 64-bit indexes, or ``None`` unless every value is a canonical
    cell string (15 lower-case hex digits, no leading zero), which :func:`ints_to_cells` turns
    back into exactly the same string."""
    if isinstance(cells, pa.ChunkedArray):
        cells = cells.combine_chunks()
    if cells.null_count:
        return None
    n = len(cells)
    if n == 0:
        return pa.array([], pa.int64())
    lengths = pc.binary_length(cells)
    if pc.min(lengths).as_py() != _CELL_DIGITS or pc.max(lengths).as_py() != _CELL_DIGITS:
        return None
    offsets = np.frombuffer(cells.buffers()[1], dtype=np.int32)[cells.offset :][: n + 1]
    data = np.frombuffer(cells.buffers()[2], dtype=np.uint8)
    digits = data[offsets[0] : offsets[0] + n * _CELL_DIGITS].reshape(n, _CELL_DIGITS)
    nibbles = _NIBBLE[digits]
    if (nibbles == 255).any() or (nibbles[:, 0] == 0).any():
        return None
    values = np.bitwise_or.reduce(nibbles.astype(np.uint64) << _SHIFTS, axis=1)
    return pa.array(values.view(np.int64), pa.int64())


def ints_to_cells(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """64-bit H3 indexes as their cell strings (the inverse of :func:`cells_to_ints`)."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    ints = values.to_numpy(zero_copy_only=False).astype(np.int64, copy=False).view(np.uint64)
    n = len(ints)
    if n and (ints.min() < 16 ** (_CELL_DIGITS - 1) or ints.max() >= 16**_CELL_DIGITS):
        return pa.array([format(int(v), "x") for v in ints], pa.string())
    nibbles = (ints[:, None] >> _SHIFTS) & np.uint64(15)
    data = _HEX_DIGITS[nibbles.astype(np.intp)].tobytes()
    offsets = np.arange(0, (n + 1) * _CELL_DIGITS, _CELL_DIGITS, dtype=np.int32)
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets.tobytes()), pa.py_buffer(data))


def parquet_bytes(table: pa.Table, **options) -> bytes:
    """``table`` as the bytes of a Parquet file (for :func:`tracker.safety.atomic_write`).

    :param options: passed to :func:`pyarrow.parquet.write_table`.
    """
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, **options)
    return sink.getvalue().to_pybytes()
