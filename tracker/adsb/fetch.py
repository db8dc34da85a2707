"""Download GPSJam's daily files into the layer store: only missing days, politely, resumably.

GPSJam (https://gpsjam.org, by John Wiseman) publishes ``<base>/manifest.csv`` and one
``<base>/YYYY-MM-DD-h3_4.csv`` per UTC day. :func:`fetch_gpsjam` reads the manifest, works out
which days of the requested range the store lacks, and downloads them one at a time:

* **Polite.** One request at a time, a pause between requests, a user agent that names the
  tool, and ``Retry-After`` honoured on 429 and 503 (a wait longer than ``max_retry_after``
  stops the run instead: come back later).
* **Verified, never half-imported.** A body is held in memory until it is complete: its length
  must equal ``Content-Length``, a gzip body must decompress, the CSV must pass the same checks
  as ``adsb import``, and the number of hexagons at 10 % or more must equal the manifest's
  ``num_bad_aircraft_hexes`` (GPSJam's own count, so a cut or altered file shows). Only then is
  the day written, atomically, as one Parquet file.
* **Resumable.** Each day is written as soon as it is verified, so an interrupted run keeps what
  it finished, and the next run fetches only what is still missing. A day that failed is tried
  again at the end of the run (transient errors) and on the next run, and is reported.
* **Aware of a changing manifest.** Every run reads the manifest afresh: new days are fetched,
  suspect flags are updated, and a day whose ``num_bad_aircraft_hexes`` changed since it was
  fetched (GPSJam re-ran it) is fetched again. Days computed from your own receiver are kept.

What was fetched, with each file's size and SHA-256, is recorded in ``<store>/gpsjam-fetch.json``.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import hashlib
import json
import logging
import os
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import filelock
import pandas as pd
import requests
import urllib3
from tqdm import tqdm

from tracker import safety
from tracker.adsb.gpsjam import parse_daily_bytes, parse_manifest_bytes
from tracker.adsb.levels import BAD, DATE, DEFAULT_THRESHOLDS, GOOD, classify, share
from tracker.adsb.store import (
    NUM_BAD_HEXES,
    SOURCE_COMPUTED,
    SOURCE_GPSJAM,
    LayerStore,
)
from tracker.errors import InputError, TrackerError

__all__ = [
    "DEFAULT_BASE_URL",
    "BASE_URL_ENV",
    "LEDGER_NAME",
    "FetchError",
    "OfflineError",
    "FetchResult",
    "fetch_gpsjam",
    "day_url",
]

logger = logging.getLogger(__name__)

#: Where GPSJam publishes its files; ``$GNSS_TRACKER_GPSJAM_URL`` or ``base_url`` replaces it.
DEFAULT_BASE_URL = "https://gpsjam.org/data/"
BASE_URL_ENV = "GNSS_TRACKER_GPSJAM_URL"
LEDGER_NAME = "gpsjam-fetch.json"
#: A real day is about 1.5 MB of CSV; refuse anything absurdly larger before holding it.
MAX_BODY_BYTES = 64 * 1024 * 1024
_CHUNK = 64 * 1024


class FetchError(TrackerError, RuntimeError):
    """The download could not start or had to stop (the store keeps every finished day)."""


class OfflineError(FetchError, ConnectionError):
    """The server cannot be reached at all."""


class _DayFailure(Exception):
    """One file could not be fetched; ``retry`` says whether trying again later may help."""

    def __init__(self, message: str, *, retry: bool):
        super().__init__(message)
        self.retry = retry


class _StopRun(Exception):
    """Carry on no further this run (offline, or asked to wait too long)."""


@dataclass
class FetchResult:
    """What :func:`fetch_gpsjam` did.

    :ivar imported: days downloaded and written this run (including ``updated`` ones).
    :ivar updated: days fetched again because their manifest row changed.
    :ivar present: days of the range already in the store and up to date.
    :ivar kept_computed: days the store holds from ``adsb compute``, left alone.
    :ivar unpublished: days of the requested range the manifest does not list.
    :ivar failed: day -> reason, for days that could not be fetched (tried again next run).
    :ivar manifest_rows: rows of the manifest merged into the store.
    :ivar stopped: why the run stopped early (offline, ``Retry-After`` too long), else None.
    :ivar interrupted: the run was interrupted (Ctrl-C); finished days are kept.
    :ivar requests: HTTP requests made, the manifest included.
    """

    imported: list[dt.date] = field(default_factory=list)
    updated: list[dt.date] = field(default_factory=list)
    present: list[dt.date] = field(default_factory=list)
    kept_computed: list[dt.date] = field(default_factory=list)
    unpublished: list[dt.date] = field(default_factory=list)
    failed: dict[dt.date, str] = field(default_factory=dict)
    manifest_rows: int = 0
    stopped: str | None = None
    interrupted: bool = False
    requests: int = 0
    store: Path | None = None

    @property
    def complete(self) -> bool:
        """Every wanted day is in the store."""
        return not self.failed and not self.stopped and not self.interrupted


def default_base_url() -> str:
    """``$GNSS_TRACKER_GPSJAM_URL`` if set, else GPSJam's own address."""
    return os.environ.get(BASE_URL_ENV, "").strip() or DEFAULT_BASE_URL


def _base(base_url: str) -> str:
    if not base_url.startswith(("http://", "https://")):
        raise InputError(f"base URL {base_url!r} must start with http:// or https://")
    return base_url if base_url.endswith("/") else base_url + "/"


def day_url(day: dt.date, base_url: str = DEFAULT_BASE_URL) -> str:
    """The address of one day's file.

    >>> day_url(dt.date(2023, 9, 1))
    'https://gpsjam.org/data/2023-09-01-h3_4.csv'
    """
    return f"{_base(base_url)}{day.isoformat()}-h3_4.csv"


def _user_agent() -> str:
    """Names the tool to GPSJam's server; ``$GNSS_TRACKER_USER_AGENT`` replaces it."""
    from tracker import __version__

    return os.environ.get("GNSS_TRACKER_USER_AGENT") or (
        f"gnss-interference-tracker/{__version__} "
        "(+https://github.com/gnss-interference-tracker; daily GPSJam layer download)"
    )


def _retry_after(value: str | None, *, now: Callable[[], float] = time.time) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, when.timestamp() - now())


class _Client:
    """One HTTP session: a request at a time, a pause between requests, Retry-After obeyed."""

    def __init__(
        self,
        *,
        session: requests.Session,
        pause: float,
        timeout: float,
        max_retry_after: float,
        sleep: Callable[[float], None],
        clock: Callable[[], float],
    ):
        self.session = session
        self.pause = pause
        self.timeout = timeout
        self.max_retry_after = max_retry_after
        self.sleep = sleep
        self.clock = clock
        self.requests = 0
        self._last: float | None = None

    def _wait_turn(self) -> None:
        if self._last is not None and self.pause > 0:
            remaining = self.pause - (self.clock() - self._last)
            if remaining > 0:
                self.sleep(remaining)

    def get(self, url: str, *, attempts: int) -> bytes:
        """The complete, decoded body of ``url``.

        :param attempts: tries for a 429/503 answer carrying ``Retry-After``.
        :raises _DayFailure: the file could not be had (``retry`` tells whether to try later).
        :raises _StopRun: the server is unreachable or asks for too long a wait.
        """
        for attempt in range(attempts):
            self._wait_turn()
            self.requests += 1
            try:
                return self._get_once(url)
            except _RetryAfter as wait:
                if wait.seconds > self.max_retry_after:
                    raise _StopRun(
                        f"{url}: the server asked us to wait {wait.seconds:.0f} s "
                        f"(Retry-After, HTTP {wait.status}); stopping here, run again later"
                    ) from None
                if attempt + 1 == attempts:
                    raise _DayFailure(
                        f"HTTP {wait.status} with Retry-After {wait.seconds:.0f} s, "
                        f"{attempts} times",
                        retry=True,
                    ) from None
                logger.info(
                    "%s: HTTP %d, waiting %.0f s (Retry-After)", url, wait.status, wait.seconds
                )
                self.sleep(wait.seconds)
            finally:
                self._last = self.clock()
        raise AssertionError("unreachable")

    def _get_once(self, url: str) -> bytes:
        try:
            # The raw bytes are read as sent, so their count can be checked against
            # Content-Length; a gzip body is decompressed here, after that check.
            with self.session.get(
                url, stream=True, timeout=self.timeout, headers={"Accept-Encoding": "gzip"}
            ) as resp:
                status = resp.status_code
                if status in (429, 503):
                    seconds = _retry_after(resp.headers.get("Retry-After"))
                    if seconds is not None:
                        raise _RetryAfter(status, seconds)
                if status in (404, 410):
                    raise _DayFailure(f"HTTP {status}: not published (yet)", retry=False)
                if status != 200:
                    reason = (resp.reason or "").strip()
                    raise _DayFailure(
                        f"HTTP {status}{' ' + reason if reason else ''}",
                        retry=status >= 500 or status in (408, 429),
                    )
                expected = resp.headers.get("Content-Length")
                if expected is not None and expected.isdigit():
                    if int(expected) > MAX_BODY_BYTES:
                        raise _DayFailure(
                            f"{int(expected):,} bytes is too large for a GPSJam file", retry=False
                        )
                chunks, size = [], 0
                while True:
                    chunk = resp.raw.read(_CHUNK, decode_content=False)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > MAX_BODY_BYTES:
                        raise _DayFailure(
                            f"more than {MAX_BODY_BYTES:,} bytes: too large for a GPSJam file",
                            retry=False,
                        )
                    chunks.append(chunk)
                encoding = resp.headers.get("Content-Encoding", "").strip().lower()
        except requests.exceptions.ConnectionError as err:
            if isinstance(err, requests.exceptions.ConnectTimeout) or _is_reset(err):
                raise _DayFailure(f"connection failed ({_short(err)})", retry=True) from err
            raise _StopRun(f"cannot reach {url} ({_short(err)})") from err
        except (requests.exceptions.Timeout, urllib3.exceptions.ReadTimeoutError) as err:
            raise _DayFailure(f"timed out after {self.timeout:g} s", retry=True) from err
        except urllib3.exceptions.HTTPError as err:
            # Raised by the raw read itself: the body was cut off or the connection dropped.
            raise _DayFailure(f"connection dropped mid-file ({_short(err)})", retry=True) from err
        except requests.exceptions.RequestException as err:
            raise _DayFailure(f"download failed ({_short(err)})", retry=True) from err
        body = b"".join(chunks)
        if expected is not None and expected.isdigit() and size != int(expected):
            raise _DayFailure(
                f"truncated: received {size:,} of {int(expected):,} bytes", retry=True
            )
        if encoding in ("gzip", "x-gzip") or (encoding == "" and body[:2] == b"\x1f\x8b"):
            try:
                body = gzip.decompress(body)
            except (OSError, EOFError, zlib.error) as err:
                raise _DayFailure(f"damaged gzip body ({err})", retry=True) from err
        elif encoding not in ("", "identity"):
            raise _DayFailure(f"unsupported Content-Encoding {encoding!r}", retry=False)
        return body


class _RetryAfter(Exception):
    def __init__(self, status: int, seconds: float):
        super().__init__(status, seconds)
        self.status = status
        self.seconds = seconds


def _is_reset(err: Exception) -> bool:
    """A connection that was made and then dropped (not a refused or unresolvable one)."""
    text = repr(err)
    return any(
        s in text
        for s in ("RemoteDisconnected", "ConnectionResetError", "IncompleteRead", "ProtocolError")
    )


def _short(err: Exception) -> str:
    text = str(err)
    return text if len(text) <= 200 else text[:197] + "..."


# -- the ledger of fetched days ---------------------------------------------------------------


def _ledger_path(store: LayerStore) -> Path:
    return store.root / LEDGER_NAME


def _read_ledger(store: LayerStore) -> dict[str, dict]:
    path = _ledger_path(store)
    if not path.is_file():
        return {}
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        logger.warning("%s: unreadable (%s); treating every stored day as present", path, err)
        return {}
    days = obj.get("days") if isinstance(obj, dict) else None
    return {k: v for k, v in days.items() if isinstance(v, dict)} if isinstance(days, dict) else {}


def _write_ledger(store: LayerStore, days: dict[str, dict], base_url: str) -> None:
    text = json.dumps(
        {"source": base_url, "days": dict(sorted(days.items()))}, indent=1, sort_keys=False
    )
    safety.atomic_write(_ledger_path(store), text + "\n")


# -- the fetch --------------------------------------------------------------------------------


def _high_hexes(table) -> int:
    good = table[GOOD].to_numpy()
    bad = table[BAD].to_numpy()
    return int((classify(share(good, bad), thresholds=DEFAULT_THRESHOLDS) == 2).sum())


def _manifest_count(row) -> int | None:
    value = row[NUM_BAD_HEXES]
    return None if pd.isna(value) else int(value)


def fetch_gpsjam(
    *,
    store: LayerStore | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    base_url: str | None = None,
    pause: float = 1.0,
    timeout: float = 30.0,
    retries: int = 2,
    max_retry_after: float = 600.0,
    check_counts: bool = True,
    progress: bool = False,
    session: requests.Session | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> FetchResult:
    """Download the days of ``[start, end]`` that the store lacks from GPSJam, and import them.

    :param store: the target store; default :class:`LayerStore` at its default folder.
    :param start: first day (default: the manifest's first day).
    :param end: last day (default: the manifest's last day).
    :param base_url: folder URL holding ``manifest.csv`` and the daily files (default
        :func:`default_base_url`).
    :param pause: seconds between the start of one request and the next.
    :param timeout: seconds to wait for the server to connect or send more data.
    :param retries: how many more times a day that failed for a transient reason (5xx, timeout,
        truncated body, ``Retry-After``) is tried, after the other days.
    :param max_retry_after: a ``Retry-After`` longer than this (seconds) stops the run.
    :param check_counts: require the file's high hexagons to equal the manifest's
        ``num_bad_aircraft_hexes`` (GPSJam's own count for the day).
    :param progress: show a tqdm progress bar on stderr.
    :param sleep: called to wait (seconds); ``clock`` measures time (tests pass their own).
    :returns: what was imported, skipped and failed. Failed days are not an exception: they are
        reported and tried again on the next run. A Ctrl-C sets ``interrupted`` and returns.
    :raises OfflineError: the manifest cannot be reached.
    :raises FetchError: the manifest is missing, refused or malformed, or another fetch is
        running into the same store.
    :raises InputError: ``start`` is after ``end``, or the base URL is not http(s).
    """
    store = store if store is not None else LayerStore()
    base = _base(base_url if base_url is not None else default_base_url())
    if start is not None and end is not None and start > end:
        raise InputError(f"--from {start} is after --to {end}")
    if retries < 0:
        raise InputError("retries must be 0 or more")
    own_session = session is None
    if session is None:
        session = requests.Session()
        session.headers["User-Agent"] = _user_agent()
        session.trust_env = True
    client = _Client(
        session=session,
        pause=pause,
        timeout=timeout,
        max_retry_after=max_retry_after,
        sleep=sleep,
        clock=clock,
    )
    result = FetchResult(store=store.root)
    store.root.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(str(store.root / ".fetch.lock"), timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise FetchError(
            f"another `adsb fetch` is writing into {store.root}; wait for it to finish"
        ) from None
    try:
        _run(
            client,
            store=store,
            base=base,
            start=start,
            end=end,
            retries=retries,
            check_counts=check_counts,
            progress=progress,
            result=result,
        )
    finally:
        lock.release()
        result.requests = client.requests
        if own_session:
            session.close()
    return result


def _fetch_manifest(client: _Client, base: str, retries: int) -> pd.DataFrame:
    url = f"{base}manifest.csv"
    last = None
    for _ in range(retries + 1):
        try:
            raw = client.get(url, attempts=retries + 1)
            break
        except _StopRun as err:
            raise OfflineError(
                f"{err}. Are you offline? Days already in the store stay usable; run the "
                "same command again when connected (it fetches only what is missing)"
            ) from None
        except _DayFailure as err:
            last = err
            if not err.retry:
                raise FetchError(
                    f"{url}: {err}; is the base URL right (--base-url, ${BASE_URL_ENV})?"
                ) from None
    else:
        raise FetchError(f"{url}: {last}; try again later") from None
    try:
        return parse_manifest_bytes(raw, source=url)
    except InputError as err:
        raise FetchError(f"the manifest is not a GPSJam manifest: {err}") from None


def _plan(store, manifest, start, end, ledger, result) -> list[dt.date]:
    listed = {ts.date(): row for ts, row in zip(manifest[DATE], manifest.itertuples(), strict=True)}
    if not listed:
        return []
    first = start if start is not None else min(listed)
    last = end if end is not None else max(listed)
    stored = set(store.days())
    todo = []
    day = first
    while day <= last:
        row = listed.get(day)
        if row is None:
            result.unpublished.append(day)
        elif day not in stored:
            todo.append(day)
        elif store.source(day) == SOURCE_COMPUTED:
            result.kept_computed.append(day)
        else:
            entry = ledger.get(day.isoformat())
            count = None if pd.isna(row.num_bad_aircraft_hexes) else int(row.num_bad_aircraft_hexes)
            if entry is not None and entry.get(NUM_BAD_HEXES) != count:
                todo.append(day)  # GPSJam re-published the day
            else:
                result.present.append(day)
        day += dt.timedelta(days=1)
    return todo


def _run(client, *, store, base, start, end, retries, check_counts, progress, result) -> None:
    manifest = _fetch_manifest(client, base, retries)
    store.write_manifest(manifest)
    result.manifest_rows = len(manifest)
    counts = {ts.date(): c for ts, c in zip(manifest[DATE], manifest[NUM_BAD_HEXES], strict=True)}
    ledger = _read_ledger(store)
    todo = _plan(store, manifest, start, end, ledger, result)
    stored_before = {d.isoformat() for d in todo if d.isoformat() in ledger}
    pending = list(todo)
    bar = tqdm(total=len(todo), disable=not progress, unit="day", desc="GPSJam")
    try:
        for round_ in range(retries + 1):
            if not pending:
                break
            again = []
            for day in pending:
                url = day_url(day, base)
                try:
                    raw = client.get(url, attempts=retries + 1)
                    table = parse_daily_bytes(raw, source=url)
                    expected = None if pd.isna(counts[day]) else int(counts[day])
                    if check_counts and expected is not None:
                        high = _high_hexes(table)
                        if high != expected:
                            raise _DayFailure(
                                f"{high} hexagons at 10 % or more, but the manifest says "
                                f"{expected}: incomplete or changed file",
                                retry=False,
                            )
                except InputError as err:
                    result.failed[day] = f"not a valid GPSJam file: {err}"
                    continue
                except _DayFailure as err:
                    result.failed[day] = str(err)
                    if err.retry:
                        again.append(day)
                    logger.info("%s: %s", url, err)
                    continue
                store.write_days({day: table}, source=SOURCE_GPSJAM)
                ledger[day.isoformat()] = {
                    "bytes": len(raw),
                    "sha256": hashlib.sha256(raw).hexdigest(),
                    "hexes": table.num_rows,
                    NUM_BAD_HEXES: expected,
                    "fetched": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                }
                _write_ledger(store, ledger, base)
                result.failed.pop(day, None)
                result.imported.append(day)
                if day.isoformat() in stored_before:
                    result.updated.append(day)
                bar.update()
            pending = again
            if pending and round_ < retries:
                logger.info("trying %d failed days again", len(pending))
    except _StopRun as err:
        result.stopped = str(err)
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        bar.close()
    result.imported.sort()
    result.updated.sort()
