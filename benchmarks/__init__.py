"""Benchmarks: one command (``python -m benchmarks``) that measures every performance goal.

Run ``python -m benchmarks --help`` for options; results go to ``benchmarks/RESULTS.md`` and
``docs/performance.md`` explains how to read them.

Writing a benchmark module
--------------------------

The harness discovers ``benchmarks/bench_*.py``. In each module, every function named
``bench_*`` is one benchmark. It is called in its own subprocess (so one crash cannot stop the run
and its peak RSS is its own) with the keyword arguments it declares, among:

``data_dir``
    a folder holding a synthetic ``incidents.csv`` + ``sources.csv`` (see
    :mod:`benchmarks.synthetic`);
    declaring it (or ``size``) makes the function run once per size (10k, 100k, 1M).
``size``
    the number of incidents in ``data_dir``.
``repeat``
    how many timed runs to take the median of (5 by default, fewer at 1M).
``work_dir``
    a scratch folder private to this call.

It returns a dict, or a list of dicts, with these keys (only ``operation`` is required):

``operation`` (str)
    what was measured, e.g. ``"geocoder warm lookups"``.
``seconds`` (float) or ``runs`` (list of float)
    the median time of one operation (the harness takes the median of ``runs``).
``value`` and ``unit`` (float, str)
    a rate or amount instead of a time, e.g. ``25000, "lookups/s"`` or ``1.2e6, "bytes"``.
``floor_seconds`` (float) and ``floor`` (str)
    the same-run time of the irreducible baseline (e.g. a bare ``pandas.read_csv``); the table
    shows ``seconds / floor_seconds``.
``goal`` (str) and ``ok`` (bool)
    the goal as text (``"<= 3 s"``) and whether it is met.
``rss_mb`` (float)
    peak RSS of a process the benchmark started itself (e.g. a server); otherwise the harness
    reports the benchmark subprocess's own peak.
``size`` (int) and ``note`` (str)
    optional.

:mod:`benchmarks.timing` has helpers (:func:`~benchmarks.timing.median_time`,
:func:`~benchmarks.timing.result`) that fill these keys.
"""

__all__: list[str] = []
