"""tools/build_dataset_corpus.py: saved pages + the dataset's supporting rows -> a corpus."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location(
        "build_dataset_corpus", REPO / "tools" / "build_dataset_corpus.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write_csv(path: Path, rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_pages_become_articles_with_the_rows_they_support(tmp_path):
    tool = _tool()
    pages = tmp_path / "gatherer" / "articles"
    pages.mkdir(parents=True)
    (pages / "one.txt").write_text(
        "URL: https://example.org/one\nPublisher: Example\nPublished: 2025-03-05\n\n"
        "Our own words: a jet lost GPS near Rzeszow on Tuesday.",
        "utf-8",
    )
    (pages / "two.txt").write_text(
        "URL: https://example.org/two\n\nUnser Text: keine Meldung.", "utf-8"
    )
    (pages / "three.txt").write_text("URL: https://example.org/three\n\nDisputing.", "utf-8")
    data = tmp_path / "data"
    data.mkdir()
    incident = {
        "id": "2025-03-04-rzeszow", "date": "2025-03-04", "date_precision": "day",
        "country": "PL", "location": "Rzeszow", "interference": "jamming",
        "flight_phase": "approach",
    }  # fmt: skip
    _write_csv(data / "incidents.csv", [incident])
    _write_csv(
        data / "sources.csv",
        [
            {"incident_id": incident["id"], "url": "https://example.org/one",
             "publisher": "Example", "published": "2025-03-05", "stance": "supports"},
            {"incident_id": incident["id"], "url": "http://www.example.org/three/",
             "publisher": "Example", "published": "", "stance": "disputes"},
        ],
    )  # fmt: skip
    out, expected = tmp_path / "corpus", tmp_path / "expected.json"
    stats = tool.build(
        [pages], out, expected, data, {"https://example.org/two": "no incident"}, tmp_path
    )
    assert stats["articles"] == 2 and stats["not_supports"] == 1
    articles = {a["url"]: a for a in json.loads(expected.read_text("utf-8"))["articles"]}
    one = articles["https://example.org/one"]
    assert one["incidents"][0]["date"] == "2025-03-04"
    assert one["incidents"][0]["country"] == "PL" and one["published"] == "2025-03-05"
    assert one["split"] in {"dataset-tune", "dataset-check"} and one["language"] == "en"
    two = articles["https://example.org/two"]
    assert two["incidents"] == [] and two["why_negative"] == "no incident"
    assert (out / one["file"]).read_text("utf-8").startswith("URL: https://example.org/one")


def test_language_guess_reads_script_and_function_words():
    tool = _tool()
    assert tool.guess_language("The plane was over the sea and the crew lost GPS.") == "en"
    assert tool.guess_language("Das Flugzeug war über der See und die Crew hat GPS nicht.") == "de"
    assert tool.guess_language("Самолёт потерял сигнал GPS над морем.") == "ru"
