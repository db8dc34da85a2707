"""Report ingestion: free-text reports, web pages, feeds and NOTAMs become candidate incidents.

>>> from tracker.ingest import ingest_paths                      # doctest: +SKIP
>>> result = ingest_paths(["report.txt"])                        # doctest: +SKIP
>>> [c.values["location"] for c in result.candidates]            # doctest: +SKIP
['Plovdiv, Bulgaria']

Modules: :mod:`.readers` (files, HTML, feeds), :mod:`.text` (cleaning, sentences), :mod:`.dates`,
:mod:`.places` (gazetteer place spotting), :mod:`.fields` (type, phase, aircraft, operator,
flight, effects, suspected source), :mod:`.notam`, :mod:`.candidates` (assembly) and
:mod:`.merge` (``--apply``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from tracker.errors import InputError
from tracker.ingest.candidates import Candidate, extract_candidates, extract_results
from tracker.ingest.merge import ApplyResult, apply_candidates, find_match
from tracker.ingest.readers import Report, expand_paths, read_reports, reports_from_bytes

__all__ = [
    "Candidate",
    "Report",
    "IngestResult",
    "ApplyResult",
    "ingest_paths",
    "ingest_text",
    "extract_candidates",
    "extract_results",
    "apply_candidates",
    "find_match",
    "read_reports",
    "reports_from_bytes",
]

logger = logging.getLogger(__name__)


@dataclass
class IngestResult:
    """Candidates from every readable input, and one error message per unreadable input."""

    candidates: list[Candidate] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reports: int = 0
    #: Candidates scoring below the threshold: listed, never applied.
    skipped: list[Candidate] = field(default_factory=list)
    #: Aggregate figures (``kind`` ``figure``): never applied as incidents.
    figures: list = field(default_factory=list)
    #: (report name, reason) for each report that a page-wide check found not to be about GNSS
    #: interference met by aircraft (:func:`tracker.ingest.candidates.out_of_scope`).
    out_of_scope: list[tuple[str, str]] = field(default_factory=list)


def ingest_text(
    text: str, *, name: str = "<text>", published: dt.date | None = None
) -> list[Candidate]:
    """Candidates from a string (as if read from a plain-text file called ``name``)."""
    candidates: list[Candidate] = []
    for report in reports_from_bytes(text.encode("utf-8"), name=name):
        candidates += extract_candidates(report, published=published)
    return candidates


def ingest_paths(
    paths: list[str],
    *,
    published: dt.date | None = None,
    url: str = "",
    publisher: str = "",
    stdin: BinaryIO | None = None,
    progress: Callable[[list[str]], object] | None = None,
    min_score: float | None = None,
    recorded=None,
    published_month: bool = False,
) -> IngestResult:
    """Read every path (files, folders, ``-``) and extract candidates.

    :param paths: files, folders (their report files) or ``-`` for standard input.
    :param published: publication date for reports that carry none.
    :param published_month: ``published`` is known only to its month (its first day is given).
    :param url: source URL for reports that carry none.
    :param publisher: publisher for reports that carry none.
    :param stdin: stream read for ``-``.
    :param progress: wraps the list of files for display (a progress bar), or ``None``.
    :param min_score: candidates scoring below go to ``skipped`` (default
        :data:`tracker.ingest.assess.APPLY_MIN_SCORE`).
    :param recorded: the dataset's recorded incidents
        (:func:`tracker.ingest.recorded.load_index`) to link candidates to, or ``None``.
    :returns: candidates and per-file errors; a bad file does not stop the others.
    :raises InputError: a path does not exist.
    """
    files = expand_paths(paths)
    result = IngestResult()
    iterable = progress(files) if progress else files
    for path in iterable:
        try:
            reports: list[Report] = read_reports(path, stdin=stdin)
        except InputError as err:
            result.errors.append(str(err))
            continue
        for report in reports:
            if url and not report.url:
                from tracker.ingest.readers import safe_url

                report = _with(report, url=safe_url(url))
            if publisher and not report.publisher:
                report = _with(report, publisher=publisher)
            result.reports += 1
            try:
                # --published is a date from outside the page, passed exactly as the evaluator
                # passes a reviewer's date: a page that states no date of its own is read as
                # undated, and the given day is only the source's publication date.
                found = extract_results(
                    report,
                    published=published,
                    min_score=min_score,
                    recorded=recorded,
                    published_month=published_month,
                )
                if published and not published_month:
                    for candidate in (*found.candidates, *found.skipped):
                        if candidate.source.get("published") is None:
                            candidate.source["published"] = published
                result.candidates.extend(found.candidates)
                result.skipped.extend(found.skipped)
                result.figures.extend(found.figures)
                if found.out_of_scope:
                    result.out_of_scope.append((report.name, found.out_of_scope))
            except Exception as err:  # noqa: BLE001 - one report must not sink the batch
                # A bug in a rule, not a problem of the input: keep the other reports, say
                # which report it was, and leave the traceback to the debug log.
                logger.debug("extraction failed for %s", report.name, exc_info=True)
                result.errors.append(
                    f"{report.name}: extraction failed ({type(err).__name__}: {err}); "
                    "please report this as a bug"
                )
    return result


def _with(report: Report, **changes) -> Report:
    from dataclasses import replace

    return replace(report, **changes)
