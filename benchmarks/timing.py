"""Small timing helpers shared by the benchmark modules.

>>> from benchmarks.timing import median_time, result
>>> runs = median_time(lambda: sum(range(1000)), repeat=5)
>>> row = result("sum a range", runs, goal="<= 1 s", limit=1.0)
>>> row["ok"]
True
"""

from __future__ import annotations

import gc
import os
import resource
import statistics
import time
from collections.abc import Callable

__all__ = [
    "Runs",
    "median_time",
    "interleaved",
    "result",
    "peak_rss_mb",
    "process_peak_rss_mb",
    "process_cpu_seconds",
]


class Runs(list):
    """Wall-clock seconds of each run, with the matching CPU seconds in :attr:`cpu`.

    CPU time (all threads of this process) is far less disturbed than wall time when other work
    shares the cores, so both are reported.
    """

    def __init__(self, *args):
        super().__init__(*args)
        self.cpu: list[float] = []


def median_time(fn: Callable[[], object], *, repeat: int = 5, warmup: int = 0) -> list[float]:
    """Run ``fn`` ``warmup`` times untimed, then ``repeat`` times; return each run's seconds.

    The garbage collector runs before each timed call so one run's garbage is not billed to the
    next.
    """
    for _ in range(warmup):
        fn()
    runs = Runs()
    for _ in range(repeat):
        gc.collect()
        cpu, start = time.process_time(), time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
        runs.cpu.append(time.process_time() - cpu)
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
    runs: dict[str, Runs] = {name: Runs() for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            gc.collect()
            cpu, start = time.process_time(), time.perf_counter()
            fn()
            runs[name].append(time.perf_counter() - start)
            runs[name].cpu.append(time.process_time() - cpu)
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
    if getattr(runs, "cpu", None):
        row["cpu_seconds"] = statistics.median(runs.cpu)
    if goal:
        row["goal"] = goal
    checks = []
    if limit is not None:
        checks.append(seconds <= limit)
    if floor_runs:
        floor_seconds = statistics.median(floor_runs)
        row.update(floor_seconds=floor_seconds, floor=floor, floor_runs=list(floor_runs))
        if getattr(floor_runs, "cpu", None):
            row["floor_cpu_seconds"] = statistics.median(floor_runs.cpu)
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


def process_cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds used so far by another live process (Linux ``/proc``)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # After the command name: state is field 3, utime and stime are fields 14 and 15.
    ticks = int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")
