"""PDF reports: bulletins, report forms and pages a browser saved as PDF. The files are real
PDFs, written by ``tests/pdf_writer.py`` or printed by headless Chromium; the words are ours."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from helpers import ingest_refused

from benchmarks.synthetic_pdf import FL_LIGATURE, write_pdf
from tracker.cli import main
from tracker.errors import InputError
from tracker.ingest import expand_paths, read_reports
from tracker.ingest.readers import MAX_PDF_PAGES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

LEDE = [
    "On 3 February 2025 an Airbus A320 bound for Vilnius lost GPS",
    "reception while descending towards the airport. The crew flew the",
    "approach on the instrument landing system and landed normally.",
    "Air traffic control logged the jamming report the same evening.",
]


def _one(path: Path):
    (report,) = read_reports(str(path))
    return report


def test_a_pdf_is_read_as_its_text_layer(tmp_path):
    report = _one(write_pdf(tmp_path / "report.pdf", [LEDE]))
    assert report.kind == "pdf"
    assert "lost GPS reception while descending" in " ".join(report.text.split())


def test_a_pdf_report_gives_a_candidate_like_the_same_text(tmp_path):
    pdf = write_pdf(tmp_path / "report.pdf", [LEDE])
    result = CliRunner().invoke(main, ["ingest", str(pdf), "--json"])
    assert result.exit_code == 0, result.output
    (candidate,) = json.loads(result.output)
    assert (candidate["date"], candidate["country"]) == ("2025-02-03", "LT")


def test_running_headers_and_page_numbers_are_not_the_report(tmp_path):
    notes = [f"Note {n}: an item of the bulletin." for n in range(1, 5)]
    pages = [
        ["GNSS Safety Bulletin 7/2025", *(LEDE if n == 1 else notes),
         f"Further notes on the {word} region.", f"Page {n} of 3"]
        for n, word in ((1, "Baltic"), (2, "Black Sea"), (3, "Levant"))
    ]  # fmt: skip
    text = _one(write_pdf(tmp_path / "bulletin.pdf", pages)).text
    assert "Safety Bulletin" not in text
    assert "Page" not in text
    assert "Further notes on the Levant region." in text


def test_a_bare_page_number_is_not_the_report(tmp_path):
    text = _one(write_pdf(tmp_path / "short.pdf", [[*LEDE, "1"]])).text
    assert not text.rstrip().endswith("1")


def test_a_heading_on_two_pages_only_is_kept(tmp_path):
    # Two pages are too few to tell a running header from a repeated heading.
    pages = [["Jamming near Vilnius", *LEDE], ["Jamming near Vilnius", "More on it."]]
    assert "Jamming near Vilnius" in _one(write_pdf(tmp_path / "two.pdf", pages)).text


def test_a_word_broken_at_a_line_end_is_joined(tmp_path):
    lines = ["The crew reported that satellite naviga-", "tion was lost near Kaunas."]
    text = _one(write_pdf(tmp_path / "broken.pdf", [lines])).text
    assert "navigation was lost" in " ".join(text.split())


def test_a_capital_after_a_hyphen_is_a_compound_not_a_broken_word(tmp_path):
    lines = ["The crew of the Riga-", "Vilnius flight reported GPS loss."]
    text = _one(write_pdf(tmp_path / "compound.pdf", [lines])).text
    assert "Riga-\nVilnius" in text


def test_ligature_glyphs_become_letters(tmp_path):
    lines = [f"The {FL_LIGATURE}ight crew reported GPS jamming."]
    text = _one(write_pdf(tmp_path / "ligature.pdf", [lines])).text
    assert "The flight crew" in text


def test_paragraphs_come_back_from_short_closing_lines(tmp_path):
    lines = [
        "An Embraer jet flying to Tartu lost its satellite position twice over",
        "central Estonia and the crew turned back to Helsinki.",
        "Finnair said the airport had no approach that works without GPS.",
    ]
    text = _one(write_pdf(tmp_path / "paras.pdf", [lines])).text
    assert "back to Helsinki.\n\nFinnair said" in text


def test_a_browser_print_footer_gives_the_address_and_its_stamp_is_dropped(tmp_path):
    lines = [
        "12/7/26, 1:02 AM Airliner loses GPS near Vilnius",
        *LEDE,
        "https://news.example.org/2025/02/vilnius-gps 1/1",
    ]
    report = _one(write_pdf(tmp_path / "saved.pdf", [lines]))
    assert report.url == "https://news.example.org/2025/02/vilnius-gps"
    assert "12/7/26" not in report.text
    assert "example.org" not in report.text


def test_a_footer_address_other_than_http_is_not_a_link(tmp_path):
    lines = [*LEDE, "javascript://alert(1) 1/1"]
    report = _one(write_pdf(tmp_path / "hostile.pdf", [lines]))
    assert report.url == ""


def test_the_documents_title_is_the_headline_when_its_first_lines_show_it(tmp_path):
    title = "Airliner loses GPS near Vilnius"
    shown = _one(write_pdf(tmp_path / "a.pdf", [[title, *LEDE]], title=title))
    assert shown.title == title
    # A title the page does not show (a word processor's "Document1") is no headline.
    hidden = _one(write_pdf(tmp_path / "b.pdf", [LEDE], title="Microsoft Word - draft3"))
    assert hidden.title == ""


def test_header_lines_of_a_pdf_count_as_for_a_text_file(tmp_path):
    lines = ["Published: 4 February 2025", *LEDE]
    assert _one(write_pdf(tmp_path / "dated.pdf", [lines])).published == dt.date(2025, 2, 4)


def test_only_the_first_pages_of_a_long_pdf_are_read(tmp_path):
    pages = [[f"Section {n} of the manual."] for n in range(1, MAX_PDF_PAGES + 3)]
    report = _one(write_pdf(tmp_path / "manual.pdf", pages))
    assert f"Section {MAX_PDF_PAGES} of" in report.text
    assert f"Section {MAX_PDF_PAGES + 1} of" not in report.text
    assert any(f"first {MAX_PDF_PAGES} of its {MAX_PDF_PAGES + 2} pages" in n for n in report.notes)


def test_a_pdf_without_a_text_layer_is_a_clear_error(tmp_path):
    scan = write_pdf(tmp_path / "scan.pdf", [[]])
    with pytest.raises(InputError, match=r"scan\.pdf: the PDF has no text layer"):
        read_reports(str(scan))


def _encrypted(tmp_path: Path, user_password: str) -> Path:
    writer = pypdf.PdfWriter(clone_from=str(write_pdf(tmp_path / "plain.pdf", [LEDE])))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    target = tmp_path / "locked.pdf"
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def test_a_password_protected_pdf_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match=r"locked\.pdf: the PDF is password-protected"):
        read_reports(str(_encrypted(tmp_path, "secret")))


def test_a_pdf_locked_only_against_editing_is_read(tmp_path):
    # An empty user password: anyone may open it, only its owner may change it.
    assert "Vilnius" in _one(_encrypted(tmp_path, "")).text


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n1 0 obj << /Type /Catalog", b"%PDF-1.4\n" + bytes(range(256)) * 8],
    ids=["truncated", "garbage"],
)
def test_a_broken_pdf_is_a_clear_error_and_the_dataset_is_untouched(tmp_path, small_dataset, data):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data)
    ingest_refused(broken, small_dataset, "broken.pdf: not a readable PDF")


def test_pdf_bytes_on_standard_input_are_read_as_pdf(tmp_path):
    data = write_pdf(tmp_path / "in.pdf", [LEDE]).read_bytes()
    (report,) = read_reports("-", stdin=io.BytesIO(data))
    assert report.kind == "pdf"


def test_a_folder_of_reports_includes_its_pdfs(tmp_path):
    write_pdf(tmp_path / "bulletin.pdf", [LEDE])
    (tmp_path / "scan.png").write_bytes(b"\x89PNG")
    assert [Path(p).name for p in expand_paths([str(tmp_path)])] == ["bulletin.pdf"]


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium")
def test_a_page_printed_to_pdf_by_a_browser_is_read_like_the_page(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Regional jet loses GPS near Rzeszow</title></head><body>"
        "<h1>Regional jet loses GPS near Rzeszow</h1><p>Published: 14 March 2025</p>"
        "<p>A regional jet flying from Warsaw to Rzeszow lost its GPS signal on Thursday "
        "evening while descending towards the airport, the airline said. The crew completed "
        "the approach using the instrument landing system and landed safely.</p>"
        "<p>Investigators think the signal was jammed from across the border.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    pdf = tmp_path / "story.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
         page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    report = _one(pdf)
    assert report.title == "Regional jet loses GPS near Rzeszow"
    assert report.published == dt.date(2025, 3, 14)  # the page's date, not the printing's
    result = CliRunner().invoke(main, ["ingest", str(pdf), "--json"])
    assert result.exit_code == 0, result.output
    (candidate,) = json.loads(result.output)
    # "On Thursday" before a page of Friday 14 March: Thursday 13 March.
    assert (candidate["date"], candidate["country"]) == ("2025-03-13", "PL")


def test_the_benchmarks_bulletins_read_as_reports_without_their_running_header():
    from benchmarks.bench_ingest import synthetic_pdfs
    from tracker.ingest import extract_candidates
    from tracker.ingest.readers import reports_from_bytes

    long_ones = 0
    for name, data in synthetic_pdfs(12):
        (report,) = reports_from_bytes(data, name=name)
        assert extract_candidates(report), name
        if len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 3:
            long_ones += 1
            assert "Safety Bulletin" not in report.text
    assert long_ones, "the benchmark should time bulletins of several pages"
