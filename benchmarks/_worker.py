"""Run one benchmark function in this process and print its results as JSON (used by the harness).

``python -m benchmarks._worker '{"module": "bench_load", "function": "bench_load", "kwargs": {}}'``

The last line of stdout starts with :data:`MARKER` followed by a JSON list of result dicts, each
with this process's peak RSS (and that of any child processes it waited for) added.
"""

from __future__ import annotations

import importlib
import json
import math
import resource
import sys
import traceback

MARKER = "@@BENCHMARK-RESULT@@ "


def _clean(value):
    """Make ``value`` JSON-safe (NaN/inf become None, numpy scalars become Python numbers)."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (TypeError, ValueError):
            return str(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def main(argv: list[str]) -> int:
    spec = json.loads(argv[1])
    module = importlib.import_module(f"benchmarks.{spec['module']}")
    function = getattr(module, spec["function"])
    try:
        returned = function(**spec["kwargs"])
    except Exception as err:  # the harness shows the error as a row and carries on
        traceback.print_exc()
        returned = [{"operation": spec["function"], "error": f"{type(err).__name__}: {err}"}]
    rows = returned if isinstance(returned, list) else [returned]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out = []
    for row in rows:
        row = dict(row or {})
        row.setdefault("process_rss_mb", own)
        if children:
            row.setdefault("children_rss_mb", children)
        out.append(_clean(row))
    sys.stdout.flush()
    print(MARKER + json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
