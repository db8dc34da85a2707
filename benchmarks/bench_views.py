"""One dashboard filter change, in process: every view recomputed, then serialised as Dash would.

This is the server-side work of :func:`tracker.dashboard.views.render_views` (filter, map,
timeline, both tables and bar charts) plus turning its figures into the JSON the browser receives,
without HTTP. :mod:`benchmarks.bench_server` measures the same change through a real server.
Goals: 50 ms at 100k incidents, 300 ms at 1M (issue 16; 150 ms and 1.5 s before).
"""

from __future__ import annotations

import time

from benchmarks.timing import Runs, result

__all__ = ["bench_render_views"]

#: Raised in issue 16 (150 ms and 1.5 s before).
GOALS = {100_000: 0.050, 1_000_000: 0.300}


def bench_render_views(*, data_dir: str, size: int, repeat: int = 5) -> list[dict]:
    """Median seconds of render_views + JSON for alternating filters; load time excluded."""
    from plotly.io.json import to_json_plotly

    from tracker.dashboard import views
    from tracker.dashboard.data import load_view_data
    from tracker.filters import Filters

    start, cpu_start = time.perf_counter(), time.process_time()
    data = load_view_data(data_dir)
    if not data.ok:
        raise RuntimeError(f"synthetic data did not load: {data.error or data.problems[:1]}")
    prepare_seconds = time.perf_counter() - start
    prepare_cpu = time.process_time() - cpu_start
    # Alternate a partial and a full selection so every call is a real change.
    states = [Filters(interference=("jamming",)), Filters()]
    views.render_views(data, states[1])  # warm-up: first-call imports and caches
    compute, total = Runs(), Runs()
    sizes = []
    for i in range(repeat * 2):
        cpu0, t0 = time.process_time(), time.perf_counter()
        out = views.render_views(data, states[i % 2])
        cpu1, t1 = time.process_time(), time.perf_counter()
        body = to_json_plotly([out[k] for k in views.VIEW_KEYS])  # as Dash serialises outputs
        cpu2, t2 = time.process_time(), time.perf_counter()
        compute.append(t1 - t0)
        compute.cpu.append(cpu1 - cpu0)
        total.append(t2 - t0)
        total.cpu.append(cpu2 - cpu0)
        sizes.append(len(body.encode()))
    goal = GOALS.get(size)
    goal_text = "" if goal is None else (f"<= {goal * 1000:g} ms" if goal < 1 else f"<= {goal:g} s")
    return [
        result(
            "filter change in process: render_views + JSON",
            total,
            size=size,
            goal=goal_text,
            limit=goal,
            json_bytes=max(sizes),
        ),
        result("render_views only (no JSON)", compute, size=size),
        {
            "operation": "dashboard data load + prepare (load_view_data, first call)",
            "size": size,
            "seconds": prepare_seconds,
            "cpu_seconds": prepare_cpu,
        },
    ]
