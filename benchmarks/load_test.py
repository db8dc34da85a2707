"""Load test: 50 simulated analysts changing filters for 60 s against the production server.

    python -m benchmarks.load_test                     # 50 users, 60 s, gunicorn -w 2, data/
    python -m benchmarks.load_test --users 10 --duration 15 --json load.json

Not a pytest test (it takes a minute and measures time). It starts ``gunicorn dashboard:server``
with at least two worker processes on a free loopback port, then runs one thread per simulated
analyst. Each analyst opens the page (the callbacks dash-renderer fires on load), then, until the
time is up or the shared request budget is spent, picks an action a person would take (change the
interference, region, confidence, date range or search text; open an incident; reset), and posts
the chain of callbacks the browser would post for it to ``/_dash-update-component``, with the
component state carried from answer to answer. Between actions it "thinks" for 0.2-1.5 s.

Reported: requests and actions done, errors (any status other than 200/204, or a failed
connection), p50/p95/p99 latency per request and per action, and each gunicorn worker's resident
memory sampled every second, with a verdict on whether it stayed flat (the median of the last
quarter of the run within 10 % + 10 MB of the median of the second quarter, after warm-up).
Exit status 1 if there was any error or memory grew.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bench_server import _free_port, _get

REPO = Path(__file__).resolve().parent.parent

__all__ = ["main", "run_load_test"]


# --- the server ----------------------------------------------------------------------------------


def _start_gunicorn(data_dir: Path, workers: int, log: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "GNSS_TRACKER_DATA": str(data_dir), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "dashboard:server", "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--timeout", "60", "--graceful-timeout", "5",
         "--access-logfile", "-"],
        cwd=REPO, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode}; see {log}")
        try:
            if _get(base + "/_dash-layout")[0] == 200:
                return proc, base
        except OSError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise TimeoutError("gunicorn did not answer within 300 s")


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry.name))
    return kids


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class MemorySampler(threading.Thread):
    """Samples the RSS of every gunicorn worker once a second: ``{pid: [(t, MB), ...]}``."""

    def __init__(self, master: int, start: float):
        super().__init__(daemon=True)
        self.master, self.start_time = master, start
        self.samples: dict[int, list[tuple[float, float]]] = {}
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            now = time.monotonic() - self.start_time
            for pid in _children(self.master):
                rss = _rss_mb(pid)
                if rss is not None:
                    self.samples.setdefault(pid, []).append((now, rss))
            self.halt.wait(1.0)


# --- the analysts --------------------------------------------------------------------------------


def _walk(node, props: dict) -> None:
    """Collect ``{"id.prop": value}`` from a serialised Dash layout."""
    if isinstance(node, list):
        for child in node:
            _walk(child, props)
    elif isinstance(node, dict) and "props" in node:
        p = node["props"]
        if isinstance(p.get("id"), str):
            props.update({f"{p['id']}.{k}": v for k, v in p.items()})
        for value in p.values():
            if isinstance(value, (dict, list)):
                _walk(value, props)


def _outputs(spec: str) -> list[tuple[str, str]]:
    parts = spec[2:-2].split("...") if spec.startswith("..") else [spec]
    return [tuple(part.rsplit(".", 1)) for part in parts]


@dataclass
class Stats:
    """Shared counters (guarded by ``lock``)."""

    budget: int
    deadline: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: list[float] = field(default_factory=list)
    actions: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)

    def left(self) -> bool:
        """Time and budget remain (without spending any)."""
        with self.lock:
            return self.budget > 0 and time.monotonic() < self.deadline

    def take(self) -> bool:
        """Spend one request of the budget; False when time or budget is up."""
        with self.lock:
            if self.budget <= 0 or time.monotonic() >= self.deadline:
                return False
            self.budget -= 1
            return True


class Analyst(threading.Thread):
    """One person at the dashboard: opens it, then changes filters until time or budget run out."""

    def __init__(
        self, number: int, base: str, layout: dict, deps: list[dict], stats: Stats, seed: int
    ):
        super().__init__(daemon=True, name=f"analyst-{number}")
        self.base, self.deps, self.stats = base, deps, stats
        self.rng = random.Random(seed * 1000 + number)
        self.props: dict = {}
        _walk(copy.deepcopy(layout), self.props)
        self.incident_ids: list[str] = []

    def _find(self, component: str, prop: str) -> dict:
        return next(d for d in self.deps if (component, prop) in _outputs(d["output"]))

    def _call(self, component: str, prop: str, changed: str) -> bool:
        if not self.stats.take():
            return False
        dep = self._find(component, prop)
        outs = _outputs(dep["output"])

        def bind(items):
            return [{"id": x["id"], "property": x["property"],
                     "value": self.props.get(f"{x['id']}.{x['property']}")}
                    for x in items]  # fmt: skip

        payload = {
            "output": dep["output"],
            "outputs": [{"id": i, "property": p} for i, p in outs]
            if len(outs) > 1
            else {"id": outs[0][0], "property": outs[0][1]},
            "inputs": bind(dep["inputs"]),
            "state": bind(dep.get("state", [])),
            "changedPropIds": [changed],
        }
        request = urllib.request.Request(
            self.base + "/_dash-update-component",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        started = time.perf_counter()
        status, body = 0, b""
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as err:
            status = err.code
        except OSError as err:
            with self.stats.lock:
                self.stats.errors.append(f"{component}.{prop}: {err}")
            return True
        elapsed = time.perf_counter() - started
        with self.stats.lock:
            self.stats.requests.append(elapsed)
            self.stats.statuses[status] = self.stats.statuses.get(status, 0) + 1
            if status not in (200, 204):
                self.stats.errors.append(f"{component}.{prop}: HTTP {status}")
        if status == 200 and body:
            for comp, values in json.loads(body)["response"].items():
                for key, value in values.items():
                    self.props[f"{comp}.{key}"] = value
        return True

    def _chain(self, changed: str) -> None:
        """What the browser posts after ``changed``: sync, filter store, views, detail."""
        from tracker.dashboard import ids

        started = time.perf_counter()
        done = self._call(ids.URL, "search", changed)
        done = done and self._call(ids.FILTERS_STORE, "data", f"{ids.URL}.search")
        done = done and self._call(ids.MAP, "figure", f"{ids.FILTERS_STORE}.data")
        done = done and self._call(ids.DETAIL, "children", f"{ids.URL}.search")
        if done:
            with self.stats.lock:
                self.stats.actions.append(time.perf_counter() - started)

    def _options(self, component: str) -> list:
        return [
            o["value"] if isinstance(o, dict) else o
            for o in self.props.get(f"{component}.options") or []
        ]

    def _act(self) -> str:
        from tracker.dashboard import ids

        rng = self.rng
        kind = rng.choice(
            ["interference", "region", "confidence", "dates", "text", "incident", "reset"]
        )
        if kind == "interference":
            values = self._options(ids.INTERFERENCE)
            self.props[f"{ids.INTERFERENCE}.value"] = rng.sample(
                values, rng.randint(0, min(2, len(values)))
            )
            return f"{ids.INTERFERENCE}.value"
        if kind == "region":
            values = self._options(ids.REGION)
            self.props[f"{ids.REGION}.value"] = rng.sample(
                values, rng.randint(0, min(3, len(values)))
            )
            return f"{ids.REGION}.value"
        if kind == "confidence":
            values = self._options(ids.CONFIDENCE)
            self.props[f"{ids.CONFIDENCE}.value"] = rng.sample(
                values, rng.randint(0, min(2, len(values)))
            )
            return f"{ids.CONFIDENCE}.value"
        if kind == "dates":
            year = rng.randint(2019, 2025)
            self.props[f"{ids.DATES}.start_date"] = f"{year}-{rng.randint(1, 12):02d}-01"
            self.props[f"{ids.DATES}.end_date"] = rng.choice([None, f"{year + 1}-06-30"])
            return f"{ids.DATES}.start_date"
        if kind == "text":
            self.props[f"{ids.TEXT}.value"] = rng.choice(
                ["", "riga", "tallinn", "airport", "spoof", "zz"]
            )
            return f"{ids.TEXT}.value"
        if kind == "incident":
            figure = self.props.get(f"{ids.MAP}.figure") or {}
            points = [
                c
                for t in figure.get("data", [])
                for c in (t.get("customdata") or [])
                if isinstance(c, str)
            ]
            if points:
                self.props[f"{ids.MAP}.clickData"] = {
                    "points": [{"customdata": rng.choice(points)}]
                }
                return f"{ids.MAP}.clickData"
        self.props[f"{ids.RESET}.n_clicks"] = (self.props.get(f"{ids.RESET}.n_clicks") or 0) + 1
        return f"{ids.RESET}.n_clicks"

    def run(self) -> None:
        from tracker.dashboard import ids

        # Opening the page: the callbacks dash-renderer fires on load.
        self._call(ids.URL, "search", f"{ids.URL}.search")
        self._call(ids.FILTERS_STORE, "data", f"{ids.URL}.search")
        self._call(ids.MAP, "figure", f"{ids.FILTERS_STORE}.data")
        self._call(ids.DETAIL, "children", f"{ids.URL}.search")
        self._call(ids.HEADER_TOTAL, "children", f"{ids.URL}.pathname")
        while self.stats.left():
            self._chain(self._act())
            time.sleep(self.rng.uniform(0.2, 1.5))


# --- the run -------------------------------------------------------------------------------------


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def _memory_verdict(samples: dict[int, list[tuple[float, float]]], duration: float) -> dict:
    workers = {}
    flat = True
    for pid, series in samples.items():
        early = [mb for t, mb in series if duration * 0.25 <= t < duration * 0.5]
        late = [mb for t, mb in series if t >= duration * 0.75]
        if not early or not late:
            continue
        early_mb, late_mb = statistics.median(early), statistics.median(late)
        ok = late_mb <= early_mb * 1.10 + 10
        flat &= ok
        workers[pid] = {
            "first_mb": round(series[0][1], 1), "early_median_mb": round(early_mb, 1),
            "late_median_mb": round(late_mb, 1), "max_mb": round(max(mb for _, mb in series), 1),
            "samples": len(series), "flat": ok,
        }  # fmt: skip
    return {"workers": workers, "flat": flat and bool(workers)}


def run_load_test(
    *,
    users: int = 50,
    duration: float = 60.0,
    budget: int = 40_000,
    workers: int = 2,
    data_dir: Path = REPO / "data",
    seed: int = 1,
    log: Path | None = None,
) -> dict:
    """Run the load test and return its figures (see the module docstring)."""
    log = log or Path(os.environ.get("TMPDIR", "/tmp")) / "gnss-load-test-gunicorn.log"
    proc, base = _start_gunicorn(Path(data_dir).resolve(), workers, log)
    try:
        layout = json.loads(_get(base + "/_dash-layout")[1])
        deps = json.loads(_get(base + "/_dash-dependencies")[1])
        # Warm every worker (each loads and prepares the data once).
        for _ in range(workers * 4):
            _get(base + "/_dash-layout")
        started = time.monotonic()
        sampler = MemorySampler(proc.pid, started)
        sampler.start()
        stats = Stats(budget=budget, deadline=started + duration)
        analysts = [Analyst(n, base, layout, deps, stats, seed) for n in range(users)]
        for analyst in analysts:
            analyst.start()
        for analyst in analysts:
            analyst.join()
        elapsed = time.monotonic() - started
        sampler.halt.set()
        sampler.join()
        crashed = proc.poll() is not None
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
    figures = {
        "users": users, "workers": workers, "duration_s": round(elapsed, 1),
        "budget": budget, "requests": len(stats.requests), "actions": len(stats.actions),
        "requests_per_s": round(len(stats.requests) / elapsed, 1),
        "errors": len(stats.errors), "error_examples": stats.errors[:5],
        "statuses": {str(k): v for k, v in sorted(stats.statuses.items())},
        "request_ms": {
            f"p{q}": round(1000 * _percentile(stats.requests, q), 1) for q in (50, 95, 99)
        }
        if stats.requests else {},
        "action_ms": {f"p{q}": round(1000 * _percentile(stats.actions, q), 1) for q in (50, 95, 99)}
        if stats.actions else {},
        "memory": _memory_verdict(sampler.samples, elapsed),
        "server_crashed": crashed,
        "data_dir": str(data_dir), "seed": seed,
    }  # fmt: skip
    figures["ok"] = figures["errors"] == 0 and figures["memory"]["flat"] and not crashed
    return figures


def _report(figures: dict) -> str:
    mem = figures["memory"]
    lines = [
        f"{figures['users']} analysts, gunicorn {figures['workers']} workers, "
        f"{figures['duration_s']} s: "
        f"{figures['requests']} requests ({figures['requests_per_s']}/s), "
        f"{figures['actions']} filter changes, "
        f"{figures['errors']} errors",
        f"request latency ms: {figures['request_ms']}",
        f"filter change (4 callbacks) ms: {figures['action_ms']}",
        f"statuses: {figures['statuses']}",
    ]
    for pid, w in mem["workers"].items():
        lines.append(
            f"worker {pid}: RSS {w['first_mb']} MB at start, "
            f"{w['early_median_mb']} -> {w['late_median_mb']} MB "
            f"(2nd vs 4th quarter medians), max {w['max_mb']} MB, {'flat' if w['flat'] else 'GREW'}"
        )
    lines.append("verdict: " + ("OK" if figures["ok"] else "FAILED"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds")
    parser.add_argument("--budget", type=int, default=40_000, help="most requests in total")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data-dir", type=Path, default=REPO / "data")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.workers < 2:
        parser.error("the production server runs at least 2 workers")
    figures = run_load_test(users=args.users, duration=args.duration, budget=args.budget,
                            workers=args.workers, data_dir=args.data_dir,
                            seed=args.seed)  # fmt: skip
    print(_report(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
