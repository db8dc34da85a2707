"""Measure ingestion on a corpus of real articles: recall, precision, clean negatives, accuracy.

``python -m tracker.ingest.evaluate CORPUS_DIR EXPECTED.json [--split tune|holdout|all]
[--relabel tests/corpus/first-convention.json]``

``EXPECTED.json`` (``tests/corpus/real-articles.json``) lists each article's file name, URL,
publication date, split, and the incidents a person read in it (date and its precision, country,
place, type, phase); an article with no incident lists none. ``CORPUS_DIR`` holds the article
texts, which are third-party text and never enter the repository; it defaults to
``$GNSS_TRACKER_CORPUS``. The publication date is passed as ``--published`` would be.

Scoring, per expected incident and per candidate:

* a candidate **matches** an expected incident when its country is one the reader accepted and
  its date agrees (day: within one day; week: within four days, or the same month at month
  precision; month: the same month; year: the same year);
* **recall** = matched expected incidents / expected incidents;
* **precision** = candidates that match some expected incident / all candidates (negatives
  included);
* **negatives clean** = articles without an incident that give no candidate;
* **date** and **country** accuracy = expected incidents whose best candidate has the right date
  (respectively country); **type** and **phase** accuracy are over matches (a candidate's
  ``both`` is right when the reader accepted jamming and spoofing alike).

Per-article lines are printed only for tuning splits (``tune``, ``tune3``, ``dataset-tune``,
any name starting with ``tune`` or ending in ``-tune``) unless ``--details`` is given: the other
splits (``holdout``, ``dataset-check``...) are for reporting, not for tuning. ``--language en``
keeps only articles whose ``language`` is ``en`` (articles without one count as English).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tracker.errors import InputError

__all__ = [
    "ArticleResult",
    "Summary",
    "evaluate",
    "date_matches",
    "type_matches",
    "is_tuning_split",
    "main",
    "CORPUS_ENV",
]

#: Environment variable naming the folder of article texts.
CORPUS_ENV = "GNSS_TRACKER_CORPUS"


def _as_set(value) -> set[str]:
    if value is None:
        return set()
    return set(value) if isinstance(value, list) else {value}


def type_matches(expected: dict, candidate: dict) -> bool:
    """Is the candidate's interference kind one the reader accepted? ``both`` (jamming and
    spoofing told together) is right when the reader accepted each of them."""
    accepted = _as_set(expected.get("type"))
    kind = candidate.get("interference")
    return kind in accepted or (kind == "both" and {"jamming", "spoofing"} <= accepted)


def date_matches(expected: dict, candidate: dict) -> bool:
    """Does the candidate's date agree with the expected one, at the expected precision?"""
    want = expected.get("date")
    got = candidate.get("date")
    if not want or not got:
        return False
    want_d, got_d = dt.date.fromisoformat(want), dt.date.fromisoformat(got)
    precision = expected.get("precision", "day")
    got_precision = candidate.get("date_precision") or "day"
    same_month = (want_d.year, want_d.month) == (got_d.year, got_d.month)
    if precision == "day":
        return got_precision == "day" and abs((want_d - got_d).days) <= 1
    if precision == "week":
        if got_precision == "day":
            return abs((want_d - got_d).days) <= 4
        return got_precision == "month" and same_month
    if precision == "month":
        return same_month and got_precision in {"day", "month"}
    return want_d.year == got_d.year


def _country_ok(expected: dict, candidate: dict) -> bool:
    accepted = _as_set(expected.get("country"))
    if not candidate.get("country"):
        return "" in accepted  # an incident at sea, in no country
    return candidate.get("country") in accepted


def _matches(expected: dict, candidate: dict) -> bool:
    return _country_ok(expected, candidate) and date_matches(expected, candidate)


@dataclass
class ArticleResult:
    """One article: what was expected, what came out, and how they pair up."""

    article: dict
    candidates: list[dict]
    figures: list[dict] = field(default_factory=list)
    error: str = ""

    @property
    def expected(self) -> list[dict]:
        return list(self.article.get("incidents") or [])

    def best(self, expected: dict) -> dict | None:
        """The candidate that best answers an expected incident (match, then country, then date)."""
        for test in (_matches, _country_ok, date_matches):
            for candidate in self.candidates:
                if test(expected, candidate):
                    return candidate
        return None

    def matched(self) -> list[tuple[dict, dict]]:
        pairs = []
        used: set[int] = set()
        for want in self.expected:
            for number, candidate in enumerate(self.candidates):
                if number not in used and _matches(want, candidate):
                    pairs.append((want, candidate))
                    used.add(number)
                    break
        return pairs

    def correct_candidates(self) -> int:
        return sum(any(_matches(w, c) for w in self.expected) for c in self.candidates)

    def line(self) -> str:
        art = self.article
        got = "; ".join(
            f"{c.get('date') or '?'}{'~' if c.get('date_precision') == 'month' else ''} "
            f"{c.get('country') or '--'} {c.get('location') or '?'} {c.get('interference')}/"
            f"{c.get('flight_phase')} s={c.get('score', '')}"
            for c in self.candidates
        )
        want = "; ".join(
            f"{w['date']}({w.get('precision', 'day')[0]}) {'/'.join(sorted(_as_set(w['country'])))}"
            f" {'/'.join(sorted(_as_set(w.get('type'))))}/"
            f"{'/'.join(sorted(_as_set(w.get('phase'))))}"
            for w in self.expected
        )
        if self.error:
            verdict = "ERROR"
        elif not self.expected:
            verdict = "ok" if not self.candidates else "FALSE-POSITIVE"
        else:
            found = len(self.matched())
            verdict = (
                "ok"
                if found == len(self.expected) and not self.extra()
                else ("MISSED" if found < len(self.expected) else "EXTRA")
            )
        figures = f" figures={len(self.figures)}" if self.figures else ""
        return (
            f"{art['id']} [{art.get('split', '')}] {verdict:<14} want: {want or 'none'} | "
            f"got: {got or 'none'}{figures}{' | ' + self.error if self.error else ''}"
        )

    def extra(self) -> int:
        return len(self.candidates) - self.correct_candidates()


@dataclass
class Summary:
    """Totals over a set of articles."""

    articles: int = 0
    expected: int = 0
    matched: int = 0
    candidates: int = 0
    correct: int = 0
    negatives: int = 0
    negatives_clean: int = 0
    date_right: int = 0
    country_right: int = 0
    type_right: int = 0
    phase_right: int = 0
    figure_articles: int = 0
    figure_found: int = 0
    seconds: float = 0.0
    #: Articles of the split left out because their text is not in the corpus folder
    #: (``present_only``): the figures cover only the others, and the line says so.
    missing: int = 0

    @staticmethod
    def _pct(part: int, whole: int) -> str:
        return f"{part}/{whole} {100 * part / whole:.0f}%" if whole else "n/a"

    def line(self, label: str) -> str:
        speed = self.articles / self.seconds if self.seconds else 0.0
        return (
            f"{label}: {self.articles} articles | "
            f"recall {self._pct(self.matched, self.expected)} | "
            f"precision {self._pct(self.correct, self.candidates)} | negatives clean "
            f"{self._pct(self.negatives_clean, self.negatives)} | date "
            f"{self._pct(self.date_right, self.expected)} | country "
            f"{self._pct(self.country_right, self.expected)} | type "
            f"{self._pct(self.type_right, self.matched)} | phase "
            f"{self._pct(self.phase_right, self.matched)} | figures "
            f"{self._pct(self.figure_found, self.figure_articles)} | {speed:.1f} reports/s"
            + (f" | {self.missing} without a text, left out" if self.missing else "")
        )

    def add(self, result: ArticleResult) -> None:
        self.articles += 1
        self.expected += len(result.expected)
        pairs = result.matched()
        self.matched += len(pairs)
        self.candidates += len(result.candidates)
        self.correct += result.correct_candidates()
        if not result.expected:
            self.negatives += 1
            self.negatives_clean += not result.candidates
        for want in result.expected:
            best = result.best(want)
            if best is not None:
                self.date_right += date_matches(want, best)
                self.country_right += _country_ok(want, best)
        for want, got in pairs:
            self.type_right += type_matches(want, got)
            self.phase_right += got.get("flight_phase") in _as_set(want.get("phase"))
        if result.article.get("figures"):
            self.figure_articles += 1
            self.figure_found += bool(result.figures)


def _run_article(path: Path, article: dict, recorded=None) -> ArticleResult:
    from tracker.ingest import read_reports
    from tracker.ingest.candidates import extract_results
    from tracker.ingest.dates import parse_publication_arg

    # "published": "2024-03" is a page that shows only its month; "2024", only its year,
    # which dates nothing the page counts from ("on Sunday"): run as an undated page.
    year_only = bool(re.fullmatch(r"\d{4}", article.get("published") or ""))
    given = (
        parse_publication_arg(article["published"])
        if article.get("published") and not year_only
        else None
    )
    if article.get("published") and given is None and not year_only:
        return ArticleResult(
            article,
            [],
            error=f"published {article['published']!r} is not YYYY-MM-DD, YYYY-MM or YYYY",
        )
    published, published_month = given if given else (None, False)
    try:
        reports = read_reports(str(path))
    except InputError as err:
        return ArticleResult(article, [], error=str(err))
    candidates: list[dict] = []
    figures: list[dict] = []
    for report in reports:
        results = extract_results(
            report, published=published, recorded=recorded, published_month=published_month
        )
        candidates += [c.as_dict() for c in results.candidates]
        figures += [f.as_dict() for f in results.figures]
    return ArticleResult(article, candidates, figures)


#: The fields a relabelling file may give an article: what a reader decided it reports.
RELABELLED_FIELDS = ("positive", "incidents", "why_negative")


def _relabelled(articles: list[dict], relabel: Path | str) -> list[dict]:
    """The articles with the expected facts of a relabelling file in place of their own.

    The file is ``{"about": ..., "articles": {id: {"positive": ..., "incidents": [...],
    "why": ...}}}``: the later sealed sets were labelled by a convention that differs from the
    first corpus's on a few kinds of page, and the file says, for the articles concerned, what
    the first corpus's convention expects (see ``docs/ingest.md``). Articles it does not name
    keep their facts.

    :raises InputError: the file is unreadable, or an entry is not an object with a list of
        ``incidents`` and a true or false ``positive``.
    """
    try:
        entries = json.loads(Path(relabel).read_text("utf-8"))["articles"]
        if not isinstance(entries, dict):
            raise TypeError("'articles' is not an object keyed by article id")
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as err:
        raise InputError(f"{relabel}: cannot read the relabelled facts ({err})") from err
    out = []
    for article in articles:
        entry = entries.get(article.get("id"))
        if entry is None:
            out.append(article)
            continue
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("incidents"), list)
            or not isinstance(entry.get("positive"), bool)
        ):
            raise InputError(
                f"{relabel}: article {article.get('id')}: field 'incidents' must be a list and "
                "'positive' true or false"
            )
        kept = {k: v for k, v in article.items() if k not in RELABELLED_FIELDS}
        out.append({**kept, **{k: entry[k] for k in RELABELLED_FIELDS if k in entry}})
    return out


def is_tuning_split(split: str) -> bool:
    """May per-article lines of this split be shown by default (is it tuned on)?"""
    return split.startswith("tune") or split.endswith("-tune")


def evaluate(
    corpus_dir: Path | str,
    expected_file: Path | str,
    *,
    split: str = "tune",
    languages: set[str] | None = None,
    present_only: bool = False,
    recorded=None,
    relabel: Path | str | None = None,
) -> tuple[list[ArticleResult], Summary]:
    """Run ingestion on every article of ``split`` (``tune``, ``holdout``... or ``all``).

    :param corpus_dir: folder with the article texts named as in the expected file.
    :param expected_file: the JSON file of expected facts.
    :param split: which part of the corpus to run.
    :param languages: keep only articles in these languages (``None``: all; no
        ``language`` field counts as ``en``).
    :param present_only: leave out the articles whose text is missing (counted in
        :attr:`Summary.missing`) instead of refusing: the stored copies a corpus is rebuilt from
        do not keep every page.
    :param recorded: recorded incidents to link candidates to (see
        :mod:`tracker.ingest.recorded`), or ``None`` for none.
    :returns: per-article results and their summary.
    :raises InputError: the expected file is unreadable, or an article file is missing (unless
        ``present_only``).
    :param recorded: recorded incidents to link candidates to (a
        :class:`tracker.ingest.recorded.RecordedIndex`), or ``None``.
    :param relabel: a file of labels read again by another convention
        (``tests/corpus/first-convention.json``): its articles replace the expected facts of
        the articles with their ids (:func:`_relabelled`).
    """
    corpus_dir = Path(corpus_dir)
    try:
        doc = json.loads(Path(expected_file).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise InputError(f"{expected_file}: cannot read the expected facts ({err})") from err
    if relabel is not None:
        doc = {**doc, "articles": _relabelled(doc["articles"], relabel)}
    articles = [a for a in doc["articles"] if split == "all" or a.get("split") == split]
    if languages:
        articles = [a for a in articles if a.get("language", "en") in languages]
    missing = [a["file"] for a in articles if not (corpus_dir / a["file"]).is_file()]
    if missing and not present_only:
        raise InputError(
            f"{corpus_dir}: {len(missing)} article file(s) missing (first: {missing[0]}); "
            "rebuild the corpus as docs/ingest.md explains, or give --present-only"
        )
    if missing:
        articles = [a for a in articles if a["file"] not in set(missing)]
    summary = Summary(missing=len(missing))
    results = []
    start = time.perf_counter()
    for article in articles:
        result = _run_article(corpus_dir / article["file"], article, recorded)
        results.append(result)
        summary.add(result)
    summary.seconds = time.perf_counter() - start
    return results, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tracker.ingest.evaluate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "corpus_dir", nargs="?", default=os.environ.get(CORPUS_ENV), help=f"default ${CORPUS_ENV}"
    )
    parser.add_argument("expected", nargs="?", default="tests/corpus/real-articles.json")
    parser.add_argument(
        "--split",
        default="tune",
        help="tune (default), holdout, dataset-tune, dataset-check... or all (every split)",
    )
    parser.add_argument(
        "--details", action="store_true", help="per-article lines for report-only splits too"
    )
    parser.add_argument(
        "--present-only",
        action="store_true",
        help="leave out articles whose text is missing (the summary says how many)",
    )
    parser.add_argument(
        "--language", action="append", help="only articles in this language (repeatable: en, de...)"
    )
    parser.add_argument(
        "--data-dir",
        default=None,
        help="dataset whose recorded incidents candidates are linked to (default: the "
        "repository's data/)",
    )
    parser.add_argument(
        "--relabel",
        default=None,
        help="a file of labels read again by another convention "
        "(tests/corpus/first-convention.json: the first corpus's); it replaces the expected "
        "facts of the articles it names",
    )
    parser.add_argument(
        "--no-recorded",
        action="store_true",
        help="do not link candidates to recorded incidents (extraction alone)",
    )
    args = parser.parse_args(argv)
    if not args.corpus_dir:
        parser.error(f"give CORPUS_DIR or set ${CORPUS_ENV}")
    splits: tuple[str, ...] = (args.split,)
    if args.split == "all":
        try:
            doc = json.loads(Path(args.expected).read_text("utf-8"))
            splits = tuple(sorted({a.get("split", "") for a in doc["articles"]}, reverse=True))
        except (OSError, ValueError, KeyError) as err:
            print(
                f"Error: {args.expected}: cannot read the expected facts ({err})", file=sys.stderr
            )
            return 1
    recorded = None
    if not args.no_recorded:
        from tracker import dataset
        from tracker.errors import TrackerError
        from tracker.ingest.recorded import load_index

        data_dir = args.data_dir or dataset.DEFAULT_DATA_DIR
        try:
            recorded = load_index(data_dir)
        except (OSError, TrackerError) as err:
            print(f"Error: {data_dir}: cannot read the recorded incidents ({err})", file=sys.stderr)
            return 1
    try:
        for split in splits:
            results, summary = evaluate(
                args.corpus_dir,
                args.expected,
                split=split,
                languages=set(args.language) if args.language else None,
                present_only=args.present_only,
                recorded=recorded,
                relabel=args.relabel,
            )
            if is_tuning_split(split) or args.details:  # report-only lines only on request
                for result in results:
                    print(result.line())
            print(summary.line(split))
    except InputError as err:
        print(f"Error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
