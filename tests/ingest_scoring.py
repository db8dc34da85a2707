"""Scoring ingestion against expected results: precision, recall, type and country accuracy.

Shared by the accuracy test and by anyone checking a new set of reports by hand:
``python tests/ingest_scoring.py tests/fixtures/reports``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Score", "score_folder", "match"]


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    matched: int = 0
    type_right: int = 0
    country_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def type_accuracy(self) -> float:
        return self.type_right / self.matched if self.matched else 0.0

    @property
    def country_accuracy(self) -> float:
        return self.country_right / self.matched if self.matched else 0.0


def _date(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def match(expected: dict, candidate: dict) -> bool:
    """Same incident: dates within a day (or the same month when either is month-precise)."""
    want, got = _date(expected.get("date")), _date(candidate.get("date"))
    if want is None or got is None:
        return False
    if abs((want - got).days) <= 1:
        return True
    monthly = (
        candidate.get("date_precision") == "month" or expected.get("date_precision") == "month"
    )
    return monthly and (want.year, want.month) == (got.year, got.month)


def score_folder(folder: Path, run) -> Score:
    """Run ``run(path) -> list[dict]`` on every report that has ``<name>.expected.json``."""
    score = Score()
    for expected_file in sorted(folder.glob("*.expected.json")):
        stem = expected_file.name.removesuffix(".expected.json")
        reports = [p for p in folder.iterdir() if p.stem == stem and p != expected_file]
        if len(reports) != 1:
            raise AssertionError(f"{expected_file}: expected one report named {stem}.*")
        expected = json.loads(expected_file.read_text("utf-8"))
        candidates = run(reports[0])
        score.expected += len(expected)
        score.found += len(candidates)
        unused = list(candidates)
        for want in expected:
            hit = next((c for c in unused if match(want, c)), None)
            if hit is None:
                score.misses.append(f"{stem}: missed {want}")
                continue
            unused.remove(hit)
            score.matched += 1
            score.type_right += hit["interference"] == want["interference"]
            score.country_right += hit["country"] == want["country"]
            if hit["interference"] != want["interference"] or hit["country"] != want["country"]:
                score.misses.append(
                    f"{stem}: got {hit['interference']}/{hit['country']} for {want}"
                )
        for extra in unused:
            score.misses.append(f"{stem}: extra {extra['date']} {extra['location']}")
    return score


def _run_library(path: Path) -> list[dict]:
    from tracker.ingest import ingest_paths

    return [c.as_dict() for c in ingest_paths([str(path)]).candidates]


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/reports")
    result = score_folder(folder, _run_library)
    for line in result.misses:
        print(line)
    print(
        f"expected {result.expected}, found {result.found}, matched {result.matched}: "
        f"precision {result.precision:.0%}, recall {result.recall:.0%}, "
        f"type {result.type_accuracy:.0%}, country {result.country_accuracy:.0%}"
    )
