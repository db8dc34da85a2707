"""Small timing helpers shared by the benchmark modules.

>>> from benchmarks.timing import median_time, result
>>> runs = median_time(lambda: sum(range(1000)), repeat=5)
>>> row = result("sum a range", runs, goal="<= 1 s", limit=1.0)
>>> row["ok"]
True
"""

from __future__ import annotations

import gc
import resource
import statistics
import time
from collections.abc import Callable

__all__ = ["median_time", "interleaved", "result", "peak_rss_mb", "process_peak_rss_mb"]


def median_time(fn: Callable[[], object], *, repeat: int = 5, warmup: int = 0) -> list[float]:
    """Run ``fn`` ``warmup`` times untimed, then ``repeat`` times; return each run's seconds.

    The garbage collector runs before each timed call so one run's garbage is not billed to the
    next.
    """
    for _ in range(warmup):
        fn()
    runs = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return runs


def interleaved(
    fns: dict[str, Callable[[], object]], *, repeat: int = 5, warmup: int = 0
) -> dict[str, list[float]]:
    """Time several functions in alternation (A B A B ...), so a noisy neighbour slows all alike.

    Ratios between operations measured this way survive a busy machine much better than ratios
    of medians taken minutes apart.
    """
    for _ in range(warmup):
        for fn in fns.values():
            fn()
    runs: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            gc.collect()
            start = time.perf_counter()
            fn()
            runs[name].append(time.perf_counter() - start)
    return runs


def result(
    operation: str,
    runs: list[float],
    *,
    goal: str = "",
    limit: float | None = None,
    floor_runs: list[float] | None = None,
    floor: str = "",
    ratio_limit: float | None = None,
    **extra,
) -> dict:
    """A result dict for the harness from timed runs.

    :param operation: what was measured.
    :param runs: seconds of each timed run.
    :param goal: the goal as text, shown in the table.
    :param limit: pass if the median is at most this many seconds.
    :param floor_runs: seconds of each run of the baseline, measured in the same process.
    :param floor: what the baseline is.
    :param ratio_limit: pass if median / floor median is at most this.
    :param extra: more keys for the row (``size``, ``note``, ``rss_mb``...).
    """
    seconds = statistics.median(runs)
    row: dict = {"operation": operation, "seconds": seconds, "runs": list(runs), **extra}
    if goal:
        row["goal"] = goal
    checks = []
    if limit is not None:
        checks.append(seconds <= limit)
    if floor_runs:
        floor_seconds = statistics.median(floor_runs)
        row.update(floor_seconds=floor_seconds, floor=floor, floor_runs=list(floor_runs))
        if ratio_limit is not None and floor_seconds > 0:
            checks.append(seconds / floor_seconds <= ratio_limit)
    if checks:
        row["ok"] = all(checks)
    return row


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process_peak_rss_mb(pid: int) -> float | None:
    """Peak RSS (``VmHWM``) of another live process, in MB; ``None`` if unavailable."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None
