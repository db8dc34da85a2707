"""Session 13: where a report's publication date comes from when the page does not print one.

- ``--published YYYY-MM`` (and ``"published": "YYYY-MM"`` in a corpus file): a page that shows
  only its month. A weekday counted from the month's first day would land in the month before.
- The page's address: news sites write the day into the URL ("/2025/03/05/...").

Fixtures are our own words.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.ingest import extract_results, reports_from_bytes
from tracker.ingest.dates import parse_publication_arg
from tracker.ingest.evaluate import evaluate
from tracker.ingest.urls import published_from_url

WEEKDAY_REPORT = (
    "On Wednesday an Airbaltic jet approaching Riga lost GPS to jamming and went around."
)


def _report(text: str):
    (report,) = reports_from_bytes(text.encode(), name="r.txt")
    return report


# --- a publication date known only to its month -------------------------------------------


def test_a_weekday_counted_from_a_month_only_date_keeps_that_month():
    report = _report(WEEKDAY_REPORT)
    as_day = extract_results(report, published=dt.date(2024, 3, 1))
    as_month = extract_results(report, published=dt.date(2024, 3, 1), published_month=True)
    # Counted from 1 March (a Friday), "Wednesday" is 28 February: the wrong month.
    assert [(c.values["date"], c.values["date_precision"]) for c in as_day.candidates] == [
        (dt.date(2024, 2, 28), "day")
    ]
    (candidate,) = as_month.candidates
    assert (candidate.values["date"], candidate.values["date_precision"]) == (
        dt.date(2024, 3, 1),
        "month",
    )
    assert any("known only to its month" in note for note in candidate.notes)


def test_a_headline_incident_is_not_given_the_first_of_the_month_as_its_day():
    report = _report("An Airbaltic jet approaching Riga lost GPS to jamming and went around.")
    as_day = extract_results(report, published=dt.date(2024, 3, 1))
    as_month = extract_results(report, published=dt.date(2024, 3, 1), published_month=True)
    assert [c.values["date_precision"] for c in as_day.candidates + as_day.skipped] == ["day"]
    assert [c.values["date_precision"] for c in as_month.candidates + as_month.skipped] == ["month"]


def test_a_date_the_page_gives_in_full_is_kept_whatever_the_publication_precision():
    report = _report("On 12 March 2024 an Airbaltic jet approaching Riga lost GPS to jamming.")
    found = extract_results(report, published=dt.date(2024, 3, 1), published_month=True)
    assert [(c.values["date"], c.values["date_precision"]) for c in found.candidates] == [
        (dt.date(2024, 3, 12), "day")
    ]


@pytest.mark.parametrize(
    ("given", "parsed"),
    [
        ("2024-03", (dt.date(2024, 3, 1), True)),
        ("2024-03-05", (dt.date(2024, 3, 5), False)),
        ("2024-3", None),
        ("2024-13", None),
        ("2024-02-30", None),
        ("March 2024", None),
    ],
)
def test_a_hand_given_publication_date_is_a_day_or_a_month(given, parsed):
    assert parse_publication_arg(given) == parsed


def test_the_cli_takes_a_month_and_leaves_the_source_day_empty(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(WEEKDAY_REPORT, "utf-8")
    result = CliRunner().invoke(
        main, ["ingest", str(report), "--json", "--published", "2024-03", "--min-score", "0"]
    )
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)
    assert (item["date"], item["date_precision"]) == ("2024-03-01", "month")
    # The page's day is not known: the source does not claim the 1st.
    assert item["source"]["published"] is None


def test_the_cli_refuses_a_malformed_publication_date_with_a_message(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(WEEKDAY_REPORT, "utf-8")
    result = CliRunner().invoke(main, ["ingest", str(report), "--published", "2024-3"])
    assert result.exit_code == 2
    assert "--published" in result.output and "YYYY-MM" in result.output
    assert "Traceback" not in result.output


def _month_corpus(tmp_path, published: str):
    (tmp_path / "a.txt").write_text(WEEKDAY_REPORT, "utf-8")
    want = {"date": "2024-03-01", "precision": "month", "country": "LV", "type": "jamming"}
    doc = {"articles": [{"id": "m1", "file": "a.txt", "split": "tune", "language": "en",
                         "published": published, "incidents": [want]}]}  # fmt: skip
    expected = tmp_path / "expected.json"
    expected.write_text(json.dumps(doc), "utf-8")
    return expected


def test_the_evaluator_reads_a_month_only_publication_date(tmp_path):
    _, as_month = evaluate(tmp_path, _month_corpus(tmp_path, "2024-03"), split="tune")
    _, as_day = evaluate(tmp_path, _month_corpus(tmp_path, "2024-03-01"), split="tune")
    assert (as_month.matched, as_day.matched) == (1, 0)


def test_the_evaluator_names_a_malformed_publication_date_instead_of_failing(tmp_path):
    results, _ = evaluate(tmp_path, _month_corpus(tmp_path, "March 2024"), split="tune")
    assert "not YYYY-MM-DD, YYYY-MM or YYYY" in results[0].error


# --- the day in a news address --------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://news.example.org/world/2025/03/05/jet-lost-gps", dt.date(2025, 3, 5)),
        ("https://news.example.org/2025-03-05/jet-lost-gps", dt.date(2025, 3, 5)),
        ("https://news.example.org/jet-lost-gps-2025-03-05.html", dt.date(2025, 3, 5)),
        ("https://news.example.org/20250305/jet-lost-gps", dt.date(2025, 3, 5)),
        # Article numbers and impossible days are not dates.
        ("https://news.example.org/1609325829/jet-lost-gps", None),
        ("https://news.example.org/a/x20250305y/jet", None),
        ("https://news.example.org/2025/13/05/jet", None),
        ("https://news.example.org/2025/03/jet-lost-gps", None),
        ("", None),
    ],
)
def test_a_news_address_gives_its_day(url, day):
    assert published_from_url(url) == day


def test_an_undated_page_is_dated_by_its_address_as_from_outside():
    dated = _report(
        "URL: https://news.example.org/2025/03/05/jet-lost-gps\n\n"
        "On Tuesday a LOT jet approaching Rzeszow lost GPS to jamming and went around."
    )
    undated = _report(
        "URL: https://news.example.org/world/jet-lost-gps\n\n"
        "On Tuesday a LOT jet approaching Rzeszow lost GPS to jamming and went around."
    )
    (candidate,) = extract_results(dated).candidates
    assert candidate.values["date"] == dt.date(2025, 3, 4)
    assert candidate.source["published"] == dt.date(2025, 3, 5)
    assert any("the page's address" in note for note in candidate.notes)
    assert extract_results(undated).candidates == []


def test_a_date_the_page_prints_wins_over_its_address():
    report = _report(
        "URL: https://news.example.org/2025/03/05/jet-lost-gps\nPublished: 2025-03-12\n\n"
        "On Tuesday a LOT jet approaching Rzeszow lost GPS to jamming and went around."
    )
    (candidate,) = extract_results(report).candidates
    assert candidate.values["date"] == dt.date(2025, 3, 11)
