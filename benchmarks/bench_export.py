"""Chart export speed: the first PNG (starts the headless Chromium) and the next ten (reuse it).

Goal (issue 6): after the first, a chart takes well under a second; the table checks <= 1 s.
Each timed call is the whole ``render_chart``: filter, dashboard figure, publication layout and
rendering, so the numbers are what a reporter waits for after the data is loaded.

Self-contained: it writes its own synthetic dataset into the scratch folder. Run as a script
(``python -m benchmarks.bench_export``) or through ``python -m benchmarks``.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

__all__ = ["export_timings", "bench_export_png", "main"]

WARM_GOAL_SECONDS = 1.0
#: Incidents in the benchmark's synthetic dataset: about ten times the shipped dataset.
INCIDENTS = 500
#: A larger map, to show how the map's cost grows with markers and area circles.
LARGE_MAP_INCIDENTS = 2000


def _children_cpu_seconds() -> float | None:
    """CPU seconds used so far by this process's live descendants (the browser), Linux only.

    Wall times on a busy machine say more about the neighbours than about the export; the
    browser's CPU time per chart is the load-independent part.
    """
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    import os

    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        cpu[pid] = sum(int(v) for v in fields[11:15]) / tick
    total, stack, seen = 0.0, [os.getpid()], set()
    while stack:
        parent = stack.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in seen:
                seen.add(pid)
                total += cpu[pid]
                stack.append(pid)
    return total


def export_timings(
    data_dir: str | Path | None = None,
    *,
    kind: str = "map",
    fmt: str = "png",
    repeat: int = 10,
    incidents: int = INCIDENTS,
) -> dict:
    """Time the first export of a chart in this process and the ``repeat`` after it.

    Call it in a fresh process for an honest "first" time (the export browser is shared by the
    whole process).

    :param data_dir: a dataset folder; by default a synthetic one is written to a temporary folder.
    :param kind: chart kind (``map``, ``timeline``, ``regions``).
    :param fmt: ``png``, ``svg``, ``pdf`` or ``html``.
    :param repeat: exports timed after the first.
    :param incidents: size of the synthetic dataset when ``data_dir`` is not given.
    :returns: ``{"first_seconds", "next_median_seconds", "next_runs", "browser_cpu_seconds",
        "python_cpu_seconds", "incidents", "bytes"}`` (CPU: medians per export).
    """
    from tracker import dataset
    from tracker.export import ChartOptions, render_chart

    with tempfile.TemporaryDirectory(prefix="bench-export-") as scratch:
        if data_dir is None:
            from benchmarks import synthetic

            data_dir = synthetic.write(incidents, Path(scratch) / "data", seed=6)
        data = dataset.load(data_dir)
    options = ChartOptions()  # 1200 x 700, PNG at scale 2
    start = time.perf_counter()
    content = render_chart(kind, data, fmt=fmt, options=options)
    first = time.perf_counter() - start
    runs, browser_cpu, python_cpu = [], [], []
    for _ in range(repeat):
        cpu_before, own_before = _children_cpu_seconds(), time.process_time()
        start = time.perf_counter()
        render_chart(kind, data, fmt=fmt, options=options)
        runs.append(time.perf_counter() - start)
        python_cpu.append(time.process_time() - own_before)
        cpu_after = _children_cpu_seconds()
        if cpu_before is not None and cpu_after is not None:
            browser_cpu.append(cpu_after - cpu_before)
    return {
        "first_seconds": first,
        "next_median_seconds": statistics.median(runs),
        "next_runs": runs,
        "browser_cpu_seconds": statistics.median(browser_cpu) if browser_cpu else None,
        "python_cpu_seconds": statistics.median(python_cpu),
        "incidents": len(data.incidents),
        "bytes": len(content),
    }


def _cpu_note(timings: dict) -> str:
    browser = timings["browser_cpu_seconds"]
    browser_text = f"browser CPU {browser:.2f} s, " if browser is not None else ""
    return f"{browser_text}Python CPU {timings['python_cpu_seconds']:.2f} s per chart"


def bench_export_png(work_dir: str | None = None) -> list[dict]:
    """Harness entry: first map PNG, median of the next ten, and warm timeline/regions PNGs."""
    data_dir = None
    if work_dir is not None:
        from benchmarks import synthetic

        data_dir = synthetic.write(INCIDENTS, Path(work_dir) / "data", seed=6)
    rows = []
    timings = export_timings(data_dir, kind="map")
    rows.append(
        {
            "operation": "export map PNG, first (starts Chromium)",
            "seconds": timings["first_seconds"],
            "size": timings["incidents"],
            "note": f"{timings['bytes']:,} bytes, 2400x1400 px",
        }
    )
    rows.append(
        {
            "operation": "export map PNG, median of next 10",
            "runs": timings["next_runs"],
            "size": timings["incidents"],
            "goal": f"<= {WARM_GOAL_SECONDS:g} s",
            "ok": timings["next_median_seconds"] <= WARM_GOAL_SECONDS,
            "note": _cpu_note(timings),
        }
    )
    for kind in ("timeline", "regions", "countries"):
        more = export_timings(data_dir, kind=kind)  # browser already running: all warm
        rows.append(
            {
                "operation": f"export {kind} PNG, median of 10 (warm)",
                "runs": more["next_runs"],
                "size": more["incidents"],
                "goal": f"<= {WARM_GOAL_SECONDS:g} s",
                "ok": more["next_median_seconds"] <= WARM_GOAL_SECONDS,
                "note": _cpu_note(more),
            }
        )
    large = export_timings(kind="map", incidents=LARGE_MAP_INCIDENTS)
    rows.append(
        {
            "operation": "export map PNG, median of 10 (warm)",
            "runs": large["next_runs"],
            "size": large["incidents"],
            "goal": f"<= {WARM_GOAL_SECONDS:g} s",
            "ok": large["next_median_seconds"] <= WARM_GOAL_SECONDS,
            "note": _cpu_note(large),
        }
    )
    return rows


def main() -> None:
    print(json.dumps(bench_export_png(), indent=2))


if __name__ == "__main__":
    main()
