"""Linking candidates to recorded incidents (tracker/ingest/recorded.py).

The recorded incidents are invented, written by code into a temporary folder; the reports are
in our own words. Each rule has a test that fails without it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import incident_row, snapshot, source_row, write_dataset

from tracker import dataset
from tracker.cli import main
from tracker.ingest import recorded as rec
from tracker.ingest.candidates import Candidate, extract_results
from tracker.ingest.readers import reports_from_bytes
from tracker.schema import INC, SRC

VARNA = "2025-05-10-varna"


def _incident(ident: str, day: str, place: str, lat: float, lon: float, country: str, **kw):
    region = {"BG": "Black Sea", "LT": "Baltic Sea region"}[country]
    return incident_row(
        **{
            INC.id: ident,
            INC.date: day,
            INC.location: place,
            INC.latitude: str(lat),
            INC.longitude: str(lon),
            INC.country: country,
            INC.region: region,
            **kw,
        }
    )


@pytest.fixture
def recorded_dir(tmp_path: Path) -> Path:
    """Three invented incidents: one at Varna, two on consecutive days at Kaunas told alike."""
    rows = [
        _incident(
            VARNA, "2025-05-10", "Varna Airport", 43.2321, 27.8251, "BG",
            **{
                INC.operator: "Zephyrair",
                INC.aircraft: "Falcon 7X (OO-ZZA)",
                INC.summary: "A business jet of the charter firm Zephyrair carrying the minister "
                "Olga Petrakova lost GPS on approach to Varna and circled before landing, the "
                "Harbour Police said. Nightly checks followed.",
            },
        ),
        _incident(
            "2025-03-01-kaunas", "2025-03-01", "Kaunas Airport", 54.9639, 24.0848, "LT",
            **{
                INC.operator: "Skyvale",
                INC.summary: "A Skyvale turboprop of the Jurgaitis survey lost GPS near the "
                "Kaunas harbour.",
            },
        ),
        _incident(
            "2025-03-02-kaunas", "2025-03-02", "Kaunas Airport", 54.9639, 24.0848, "LT",
            **{
                INC.operator: "Skyvale",
                INC.summary: "Another Skyvale turboprop of the Jurgaitis survey lost GPS near "
                "Kaunas.",
            },
        ),
    ]  # fmt: skip
    sources = [source_row(**{SRC.incident_id: row[INC.id]}) for row in rows]
    return write_dataset(tmp_path / "data", rows, sources)


def _results(text: str, recorded_dir: Path | None, published: dt.date | None = None):
    index = rec.load_index(recorded_dir) if recorded_dir is not None else None
    (report,) = reports_from_bytes(text.encode("utf-8"), name="report.txt")
    return extract_results(report, published=published, recorded=index)


# A page with no date of its own, dated from outside (its address, a reviewer): the outside-date
# gate leaves it undated and below the threshold.
UNDATED = (
    "URL: https://example.org/undated\n\n"
    "The jet of minister Petrakova, flown by Zephyrair, had its GPS jammed near Varna, the "
    "ministry says."
)
LAST_WEEK = (
    "URL: https://example.org/last-week\nPublished: 2025-05-16\n\n"
    "Last week a Zephyrair jet with minister Petrakova aboard lost its GPS signal near Varna "
    "and had to circle."
)
PUBLICATION_DAY = (
    "URL: https://example.org/news\nPublished: 2025-05-14\n\n"
    "A Zephyrair business jet carrying minister Petrakova circled over Varna after its GPS "
    "signal was jammed, and landed late."
)


def test_index_keeps_distinctive_folded_names_and_drops_ordinary_words(recorded_dir):
    index = rec.load_index(recorded_dir)
    varna = next(i for i in index.incidents if i.id == VARNA)
    assert {"zephyrair", "petrakova", "varna", "oozza"} <= varna.words
    # Ordinary words, sentence openers and the problem itself are no evidence of identity.
    assert not {"business", "charter", "gps", "minister", "a", "nightly"} & varna.words
    # "Harbour" is written in lower case in another incident: an ordinary word, not a name.
    assert "police" in varna.words and "harbour" not in varna.words
    assert rec.fold("Šiauliai Пловдив Widerøe") == "siauliai plovdiv wideroe"


def test_a_word_of_many_incidents_weighs_nothing(tmp_path):
    rows = [
        _incident(f"2025-03-0{n}-kaunas", f"2025-03-0{n}", "Kaunas Airport", 54.96, 24.08, "LT",
                  **{INC.operator: "Skyvale"})
        for n in range(1, 6)
    ]  # fmt: skip
    sources = [source_row(**{SRC.incident_id: row[INC.id]}) for row in rows]
    index = rec.load_index(write_dataset(tmp_path / "five", rows, sources))
    assert "skyvale" not in index.weights  # in five incidents
    four = rec.build_index(dataset.load(tmp_path / "five").incidents.iloc[:4])
    assert four.weights["skyvale"] == 0.25


def test_undated_report_is_linked_and_takes_the_recorded_date(recorded_dir):
    published = dt.date(2025, 5, 14)
    without = _results(UNDATED, None, published)
    assert without.candidates == []  # undated: held below the threshold
    assert without.skipped[0].values[INC.date] is None
    (candidate,) = _results(UNDATED, recorded_dir, published).candidates
    assert candidate.recorded == VARNA
    assert candidate.values[INC.date] == dt.date(2025, 5, 10)
    assert candidate.values[INC.date_precision] == "day"
    assert any("published 4 days after" in r for r in candidate.reasons)


def test_last_week_takes_the_recorded_day(recorded_dir):
    (plain,) = _results(LAST_WEEK, None).candidates
    assert plain.values[INC.date_precision] == "month"
    (candidate,) = _results(LAST_WEEK, recorded_dir).candidates
    assert candidate.recorded == VARNA
    assert (candidate.values[INC.date], candidate.values[INC.date_precision]) == (
        dt.date(2025, 5, 10),
        "day",
    )
    assert any("2025-05-01 (month)" in note for note in candidate.notes)


def test_publication_day_gives_way_to_the_recorded_day(recorded_dir):
    (candidate,) = _results(PUBLICATION_DAY, recorded_dir).candidates
    assert candidate.values[INC.date] == dt.date(2025, 5, 10)
    assert candidate.recorded == VARNA


def test_two_recorded_incidents_that_fit_alike_give_no_link(recorded_dir):
    text = (
        "URL: https://example.org/kaunas\nPublished: 2025-03-05\n\n"
        "A Skyvale turboprop of the Jurgaitis survey lost its GPS signal near Kaunas and turned "
        "back."
    )
    (candidate,) = _results(text, recorded_dir).candidates
    assert candidate.recorded == ""
    assert candidate.values[INC.date] == dt.date(2025, 3, 5)  # its own reading stays
    # A day of its own chooses between the two.
    dated = text.replace("lost its GPS", "on 2 March lost its GPS")
    (linked,) = _results(dated, recorded_dir).candidates
    assert linked.recorded == "2025-03-02-kaunas"


def test_a_date_inside_a_recorded_period_stays(tmp_path):
    period = _incident(
        "2025-01-01-varna", "2025-01-01", "Varna Airport", 43.2321, 27.8251, "BG",
        **{
            INC.date_precision: "month",
            INC.end_date: "2025-03-20",
            INC.end_date_precision: "open",
            INC.summary: "Since January, flights of Zephyrair with minister Petrakova near "
            "Varna have lost GPS.",
        },
    )  # fmt: skip
    folder = write_dataset(
        tmp_path / "period", [period], [source_row(**{SRC.incident_id: period[INC.id]})]
    )
    text = LAST_WEEK.replace("Last week", "In February").replace("2025-05-16", "2025-03-10")
    (candidate,) = _results(text, folder).candidates
    assert candidate.recorded == "2025-01-01-varna"
    assert (candidate.values[INC.date], candidate.values[INC.date_precision]) == (
        dt.date(2025, 2, 1),
        "month",
    )
    # No date of its own: the whole recorded period, with its end's precision, and a summary
    # that tells it.
    undated = text.replace("In February a", "A")
    (taken,) = _results(undated, folder).candidates
    values = taken.values
    assert (values[INC.date], values[INC.end_date], values[INC.end_date_precision]) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 3, 20),
        "open",
    )
    assert "January 2025" in values[INC.summary]


def test_a_day_inside_a_recorded_month_stays(tmp_path):
    month = _incident(
        "2025-04-01-varna", "2025-04-01", "Varna Airport", 43.2321, 27.8251, "BG",
        **{
            INC.date_precision: "month",
            INC.summary: "In April a jet of Zephyrair with minister Petrakova lost GPS at Varna.",
        },
    )  # fmt: skip
    sources = [source_row(**{SRC.incident_id: month[INC.id]})]
    folder = write_dataset(tmp_path / "month", [month], sources)
    text = LAST_WEEK.replace("Last week", "On 12 April").replace("2025-05-16", "2025-04-20")
    (candidate,) = _results(text, folder).candidates
    assert candidate.recorded == "2025-04-01-varna"
    assert (candidate.values[INC.date], candidate.values[INC.date_precision]) == (
        dt.date(2025, 4, 12),
        "day",
    )


def test_another_month_is_not_linked(recorded_dir):
    text = LAST_WEEK.replace("Last week", "In January")
    (candidate,) = _results(text, recorded_dir).candidates
    assert candidate.recorded == ""
    assert candidate.values[INC.date] == dt.date(2025, 1, 1)


def test_one_name_is_not_enough(recorded_dir):
    text = LAST_WEEK.replace("minister Petrakova aboard", "a minister aboard").replace(
        "Zephyrair ", ""
    )
    (candidate,) = _results(text, recorded_dir).candidates
    assert candidate.recorded == ""


def test_a_demonym_is_no_second_name(tmp_path):
    row = _incident(
        "2025-06-02-burgas", "2025-06-02", "Burgas Airport", 42.57, 27.52, "BG",
        **{INC.summary: "A Bulgarian crop sprayer lost GPS over Burgas, Bulgarian police said."},
    )  # fmt: skip
    folder = write_dataset(tmp_path / "bg", [row], [source_row(**{SRC.incident_id: row[INC.id]})])
    (incident,) = rec.load_index(folder).incidents
    assert "burgas" in incident.words and "bulgarian" not in incident.words
    text = (
        "URL: https://example.org/bg\nPublished: 2025-06-04\n\n"
        "A Bulgarian cargo jet lost its GPS signal near Burgas and circled."
    )
    (candidate,) = _results(text, folder).candidates
    assert candidate.recorded == ""  # the place and the country's adjective: one name only


def test_a_place_name_of_several_words_is_one_name(tmp_path):
    row = _incident(
        "2025-06-02-veliko-tarnovo", "2025-06-02", "Veliko Tarnovo", 43.08, 25.63, "BG",
        **{INC.operator: "Agrolet", INC.summary: "A sprayer lost GPS over Veliko Tarnovo."},
    )  # fmt: skip
    folder = write_dataset(tmp_path / "vt", [row], [source_row(**{SRC.incident_id: row[INC.id]})])
    text = (
        "URL: https://example.org/vt\nPublished: 2025-06-04\n\n"
        "A cargo jet lost its GPS signal over Veliko Tarnovo and circled."
    )
    (candidate,) = _results(text, folder).candidates
    assert candidate.values[INC.location].startswith("Veliko Tarnovo")
    assert candidate.recorded == ""  # the place alone: no second name
    (linked,) = _results(text.replace("A cargo jet", "An Agrolet cargo jet"), folder).candidates
    assert linked.recorded == "2025-06-02-veliko-tarnovo"  # the place and the operator


def test_a_background_mention_in_an_explainer_gives_no_candidate(recorded_dir):
    text = (
        "URL: https://example.org/explainer\nPublished: 2025-05-20\n\n"
        "What is GPS jamming?\n\n"
        "GPS jamming drowns the weak satellite signal in noise, so an aircraft loses its "
        "position. Pilots then fly by other means. Such jamming made headlines when the "
        "Zephyrair jet of minister Petrakova circled over Varna. Experts say any aircraft near "
        "a conflict zone can be affected."
    )
    assert _results(text, None).candidates == []
    linked = _results(text, recorded_dir)
    assert linked.candidates == []  # the date supplied does not lift it past the threshold


def _dropped(score: float, reasons: list[str]) -> Candidate:
    """An undated candidate at Varna, as extraction leaves it below the drop score."""
    values = {INC.date: None, INC.date_precision: "day", INC.country: "BG"}
    values.update({INC.latitude: 43.2, INC.longitude: 27.9, INC.location: "Varna, Bulgaria"})
    source = {"url": "https://example.org/x", "publisher": "", "published": None}
    return Candidate(values, source, score=score, reasons=reasons)


def test_a_dropped_candidate_comes_back_only_when_its_date_alone_held_it_back(recorded_dir):
    index = rec.load_index(recorded_dir)
    gate = "-0.15 no date on the page; the publication date given is used only for an event"
    explained = ["+0.15 names a specific aircraft or flight: 'the jet'", gate]
    explained.append("-0.30 the headline explains the problem: 'What is GPS jamming?'")
    words = rec.report_words("Zephyrair flew minister Petrakova near Varna")
    kwargs = dict(words=words, published=dt.date(2025, 5, 12), floor=0.25, apply_min=0.4)
    # Without the date gate it would still score 0.35, below the threshold: it stays dropped.
    assert rec.link_candidates([_dropped(0.2, explained)], index, **kwargs) == []
    # Held back only by the date gate (and the cap): it comes back, dated by the record.
    capped = [explained[0], gate, "-0.05 cannot be applied without a date; review it"]
    (kept,) = rec.link_candidates([_dropped(0.2, capped)], index, **kwargs)
    assert kept.recorded == VARNA and kept.values[INC.date] == dt.date(2025, 5, 10)
    assert kept.score == 0.4


def test_only_the_candidate_naming_the_recorded_day_is_linked(recorded_dir):
    text = (
        "URL: https://example.org/two-days\nPublished: 2025-05-12\n\n"
        "On 9 May and again on 10 May, Zephyrair jets carrying minister Petrakova lost their GPS "
        "signal near Varna and circled."
    )
    found = _results(text, recorded_dir).candidates
    days = {c.values[INC.date]: c.recorded for c in found}
    assert days == {dt.date(2025, 5, 9): "", dt.date(2025, 5, 10): VARNA}


def test_apply_attaches_the_source_to_the_recorded_incident(recorded_dir, tmp_path):
    report = tmp_path / "news.txt"
    report.write_text(PUBLICATION_DAY, "utf-8")
    before = len(dataset.load(recorded_dir).incidents)
    result = CliRunner().invoke(
        main, ["ingest", str(report), "--apply", "--data-dir", str(recorded_dir)]
    )
    assert result.exit_code == 0, result.output
    assert f"added source https://example.org/news to {VARNA}" in result.output
    loaded = dataset.load(recorded_dir)
    assert len(loaded.incidents) == before
    assert (loaded.sources[SRC.incident_id] == VARNA).sum() == 2


def test_dry_run_shows_the_link_and_writes_nothing(recorded_dir, tmp_path):
    report = tmp_path / "news.txt"
    report.write_text(PUBLICATION_DAY, "utf-8")
    before = snapshot(recorded_dir)
    result = CliRunner().invoke(main, ["ingest", str(report), "--data-dir", str(recorded_dir)])
    assert result.exit_code == 0, result.output
    assert f"recorded:  describes recorded incident {VARNA}: same country" in result.output
    assert snapshot(recorded_dir) == before


def test_json_carries_the_recorded_id_and_reasons(recorded_dir, tmp_path):
    report = tmp_path / "news.txt"
    report.write_text(LAST_WEEK, "utf-8")
    result = CliRunner().invoke(
        main, ["ingest", str(report), "--json", "--data-dir", str(recorded_dir)]
    )
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    assert row["recorded_incident"] == VARNA
    assert row["date"] == "2025-05-10"
    assert any(r.startswith(f"describes recorded incident {VARNA}") for r in row["reasons"])
    assert any(r.startswith("takes the recorded date 2025-05-10") for r in row["reasons"])


def test_json_of_a_linked_candidate_reads_back(recorded_dir, tmp_path):
    report = tmp_path / "news.txt"
    report.write_text(LAST_WEEK, "utf-8")
    runner = CliRunner()
    printed = runner.invoke(
        main, ["ingest", str(report), "--json", "--data-dir", str(recorded_dir)]
    )
    reviewed = tmp_path / "reviewed.json"
    reviewed.write_text(printed.stdout, "utf-8")
    again = runner.invoke(
        main, ["ingest", "--from-json", str(reviewed), "--data-dir", str(recorded_dir)]
    )
    assert again.exit_code == 0, again.output + again.stderr
    assert "2025-05-10" in again.output


def _printed_row(runner: CliRunner, recorded_dir: Path, tmp_path: Path) -> dict:
    """The one candidate ``ingest --json`` prints for LAST_WEEK, as a reviewer would edit it."""
    report = tmp_path / "news.txt"
    report.write_text(LAST_WEEK, "utf-8")
    printed = runner.invoke(
        main, ["ingest", str(report), "--json", "--data-dir", str(recorded_dir)]
    )
    (row,) = json.loads(printed.stdout)
    return row


def test_a_reviewed_link_attaches_the_source_even_when_the_place_was_edited(recorded_dir, tmp_path):
    runner = CliRunner()
    row = _printed_row(runner, recorded_dir, tmp_path)
    # The reviewer moved the place far from the record but kept the link: the link decides.
    row.update({"location": "Sofia, Bulgaria", "latitude": 42.70, "longitude": 23.32})
    reviewed = tmp_path / "reviewed.json"
    reviewed.write_text(json.dumps([row]), "utf-8")
    before = len(dataset.load(recorded_dir).incidents)
    applied = runner.invoke(
        main,
        ["ingest", "--from-json", str(reviewed), "--apply", "--data-dir", str(recorded_dir)],
    )
    assert applied.exit_code == 0, applied.output + applied.stderr
    assert f"to {VARNA}" in applied.output
    assert len(dataset.load(recorded_dir).incidents) == before


def test_a_reviewed_link_that_is_no_id_is_refused_and_writes_nothing(recorded_dir, tmp_path):
    runner = CliRunner()
    row = _printed_row(runner, recorded_dir, tmp_path)
    row["recorded_incident"] = "Varna, last week"
    reviewed = tmp_path / "reviewed.json"
    reviewed.write_text(json.dumps([row], indent=2), "utf-8")
    before = snapshot(recorded_dir)
    applied = runner.invoke(
        main,
        ["ingest", "--from-json", str(reviewed), "--apply", "--data-dir", str(recorded_dir)],
    )
    assert applied.exit_code != 0
    assert "reviewed.json:2:0: recorded_incident:" in applied.output + applied.stderr
    assert "Traceback" not in applied.output + applied.stderr
    assert snapshot(recorded_dir) == before


def test_evaluator_links_by_default_and_not_with_no_recorded(recorded_dir, tmp_path, capsys):
    from tracker.ingest.evaluate import main as evaluate

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(LAST_WEEK, "utf-8")
    expected = tmp_path / "expected.json"
    article = {"id": "x1", "file": "a.txt", "split": "tune", "published": "2025-05-16"}
    article["incidents"] = [{"date": "2025-05-10", "precision": "day", "country": "BG"}]
    expected.write_text(json.dumps({"articles": [article]}), "utf-8")
    args = [str(corpus), str(expected), "--data-dir", str(recorded_dir)]
    assert evaluate(args) == 0
    assert "recall 1/1" in capsys.readouterr().out
    assert evaluate([*args, "--no-recorded"]) == 0
    assert "recall 0/1" in capsys.readouterr().out


def test_a_recorded_period_does_not_lift_an_undated_report(tmp_path):
    # Jammers heard near an airport for months are recorded as one period; an undated page
    # about them names no particular flight, so the link dates it but it waits for review.
    period = _incident(
        "2025-04-01-varna", "2025-04-01", "Varna Airport", 43.2321, 27.8251, "BG",
        **{
            INC.date_precision: "month",
            INC.end_date: "2025-06-30",
            INC.end_date_precision: "day",
            INC.operator: "Zephyrair",
            INC.summary: "For three months jets of Zephyrair with minister Petrakova lost GPS "
            "near Varna.",
        },
    )  # fmt: skip
    folder = write_dataset(
        tmp_path / "period", [period], [source_row(**{SRC.incident_id: period[INC.id]})]
    )
    results = _results(UNDATED, folder, dt.date(2025, 5, 14))
    assert results.candidates == []
    assert [c.recorded for c in results.skipped] == ["2025-04-01-varna"]
