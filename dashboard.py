"""Run the GNSS Interference Tracker dashboard.

    python dashboard.py [--data-dir DIR] [--host 127.0.0.1] [--port 8050] [--debug]
    gunicorn dashboard:server            # production; data from $GNSS_TRACKER_DATA or data/

Thin entry point: the app is built by :func:`tracker.dashboard.create_app`.
"""

from __future__ import annotations

import argparse
import functools
import os

from tracker import dataset, safety
from tracker.dashboard import create_app


@functools.cache
def _default_app():
    return create_app(os.environ.get("GNSS_TRACKER_DATA") or dataset.DEFAULT_DATA_DIR)


def __getattr__(name: str):
    # ``app`` and ``server`` are built on first use (``gunicorn dashboard:server`` reads
    # ``server``), not on import: ``python dashboard.py --data-dir DIR`` builds only its own
    # app, so a cold start loads the data and registers the callbacks once.
    if name == "app":
        return _default_app()
    if name == "server":
        return _default_app().server
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options: debug off unless ``--debug``, localhost unless ``--host``."""
    parser = argparse.ArgumentParser(description="Serve the GNSS Interference Tracker dashboard.")
    parser.add_argument(
        "--data-dir", default=None, help="folder with incidents.csv and sources.csv"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    parser.add_argument(
        "--debug", action="store_true", help="Dash debug mode: never on a public address"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Parse options and serve. Refuses ``--debug`` on any address other than loopback."""
    args = parse_args(argv)
    if args.debug and not safety.is_loopback(args.host):
        raise SystemExit(
            f"refusing --debug on {args.host}: the debugger would run code for anyone who can "
            "reach it; use --host 127.0.0.1, or drop --debug and serve with gunicorn"
        )
    served = create_app(args.data_dir) if args.data_dir else _default_app()
    served.run(host=args.host, port=args.port, debug=args.debug)


if __name__ == "__main__":
    main()
