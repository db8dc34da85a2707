"""The corpus evaluator: split names, hidden report-only lines, languages, incidents at sea."""

from __future__ import annotations

import json

from tracker.ingest.evaluate import _country_ok, evaluate, is_tuning_split, main, type_matches


def test_tuning_splits_are_recognised_by_name():
    assert all(is_tuning_split(s) for s in ("tune", "tune3", "dataset-tune"))
    assert not any(is_tuning_split(s) for s in ("holdout", "holdout2", "dataset-check"))


def test_an_expected_empty_country_means_at_sea():
    assert _country_ok({"country": ""}, {"country": ""})
    assert not _country_ok({"country": ""}, {"country": "SE"})
    assert not _country_ok({"country": "SE"}, {"country": ""})


def test_both_is_right_when_jamming_and_spoofing_are_each_accepted():
    assert type_matches({"type": ["jamming", "spoofing"]}, {"interference": "both"})
    assert type_matches({"type": "both"}, {"interference": "both"})
    assert not type_matches({"type": ["jamming", "unknown"]}, {"interference": "both"})
    assert not type_matches({"type": ["jamming", "spoofing"]}, {"interference": "unknown"})


def _corpus(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Published: 2025-03-05\n\nOn Tuesday a Wizz Air A321 approaching Rzeszow lost GPS to "
        "jamming and went around.",
        "utf-8",
    )
    (tmp_path / "b.txt").write_text("Published: 2025-03-05\n\nNichts passiert.", "utf-8")
    incident = {"date": "2025-03-04", "precision": "day", "country": "PL", "type": "jamming"}
    doc = {
        "articles": [
            {"id": "x1", "file": "a.txt", "split": "dataset-check", "language": "en",
             "published": "2025-03-05", "incidents": [incident]},
            {"id": "x2", "file": "b.txt", "split": "dataset-check", "language": "de",
             "published": "2025-03-05", "incidents": []},
        ]
    }  # fmt: skip
    expected = tmp_path / "expected.json"
    expected.write_text(json.dumps(doc), "utf-8")
    return expected


def test_a_language_filter_keeps_only_those_articles(tmp_path):
    expected = _corpus(tmp_path)
    results, summary = evaluate(tmp_path, expected, split="dataset-check", languages={"en"})
    assert [r.article["id"] for r in results] == ["x1"]
    assert summary.matched == 1


def test_report_only_splits_hide_per_article_lines_unless_asked(tmp_path, capsys):
    expected = _corpus(tmp_path)
    assert main([str(tmp_path), str(expected), "--split", "dataset-check"]) == 0
    hidden = capsys.readouterr().out
    assert "x1 [" not in hidden and "dataset-check: 2 articles" in hidden
    assert main([str(tmp_path), str(expected), "--split", "dataset-check", "--details"]) == 0
    assert "x1 [dataset-check]" in capsys.readouterr().out


def test_a_missing_text_is_refused_unless_present_only(tmp_path, capsys):
    """Stored copies do not keep every page: a partial corpus is measured only when asked, and
    the summary says how many articles it left out."""
    expected = _corpus(tmp_path)
    (tmp_path / "b.txt").unlink()
    assert main([str(tmp_path), str(expected), "--split", "dataset-check"]) == 1
    assert "1 article file(s) missing (first: b.txt)" in capsys.readouterr().err
    args = [str(tmp_path), str(expected), "--split", "dataset-check", "--present-only"]
    assert main(args) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith("dataset-check: 1 articles | recall 1/1")
    assert line.endswith("| 1 without a text, left out")


def test_a_page_known_only_to_its_year_is_run_as_undated(tmp_path):
    expected = _corpus(tmp_path)
    doc = json.loads(expected.read_text("utf-8"))
    doc["articles"][0]["published"] = "2025"
    (tmp_path / "a.txt").write_text(
        "On 4 March 2025 a Wizz Air A321 approaching Rzeszow lost GPS to jamming.", "utf-8"
    )
    expected.write_text(json.dumps(doc), "utf-8")
    results, summary = evaluate(tmp_path, expected, split="dataset-check")
    # Before: "2025" was refused as a publication date, and the article counted as an error.
    assert not results[0].error
    assert summary.matched == 1
    doc["articles"][0]["published"] = "March 2025"
    expected.write_text(json.dumps(doc), "utf-8")
    results, _ = evaluate(tmp_path, expected, split="dataset-check")
    assert "is not YYYY-MM-DD, YYYY-MM or YYYY" in results[0].error


def test_a_relabelling_file_replaces_the_facts_of_the_articles_it_names(tmp_path, capsys):
    """The later sets read again by the first corpus's convention: the Rzeszow page becomes a
    negative (say, a recalled hook) and the other article is left as it was."""
    expected = _corpus(tmp_path)
    relabel = tmp_path / "relabel.json"
    relabel.write_text(
        json.dumps({"articles": {"x1": {"positive": False, "incidents": [], "why": "a hook"}}}),
        "utf-8",
    )
    _, before = evaluate(tmp_path, expected, split="dataset-check")
    _, after = evaluate(tmp_path, expected, split="dataset-check", relabel=relabel)
    assert (before.expected, before.negatives) == (1, 1)
    assert (after.expected, after.negatives, after.negatives_clean) == (0, 2, 1)
    # A broken entry is named, with no traceback.
    relabel.write_text(json.dumps({"articles": {"x2": {"incidents": "none"}}}), "utf-8")
    args = [str(tmp_path), str(expected), "--split", "dataset-check", "--relabel", str(relabel)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "relabel.json: article x2: field 'incidents' must be a list" in err
    relabel.write_text("{not json", "utf-8")
    assert main(args) == 1
    assert "relabel.json: cannot read the relabelled facts" in capsys.readouterr().err


def test_the_committed_relabelling_names_known_articles_with_well_formed_facts():
    import datetime as dt
    from pathlib import Path

    corpus = Path(__file__).parent / "corpus"
    ids = {
        article["id"]
        for path in corpus.glob("real-articles*.json")
        for article in json.loads(path.read_text("utf-8"))["articles"]
    }
    entries = json.loads((corpus / "first-convention.json").read_text("utf-8"))["articles"]
    assert entries and set(entries) <= ids
    for entry in entries.values():
        assert entry["positive"] == bool(entry["incidents"]) and entry["why"]
        for incident in entry["incidents"]:
            dt.date.fromisoformat(incident["date"])
            assert incident["precision"] in {"day", "week", "month", "year"}
