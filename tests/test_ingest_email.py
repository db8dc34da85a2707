"""Reports sent as e-mail (``.eml``): a crew report, an operator's safety notice, a bulletin
attached as PDF. The messages are real MIME files built by the standard library; the words
are ours."""

from __future__ import annotations

import datetime as dt
import json
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ingest_refused

from benchmarks.synthetic_pdf import write_pdf
from tracker.cli import main
from tracker.errors import InputError
from tracker.ingest import expand_paths, read_reports

REPORT = (
    "Yesterday our A320 lost GPS on the approach to Vilnius; the crew flew the ILS and "
    "landed normally. The controller said other crews reported jamming too."
)


def _message(path: Path, *, body: str | None = REPORT, html: str | None = None, **headers):
    message = EmailMessage()
    message["From"] = "Safety Office <safety@example.org>"
    message["To"] = "tracker@example.org"
    message["Subject"] = headers.pop("subject", "GPS loss on approach to Vilnius")
    message["Date"] = headers.pop("date", "Tue, 04 Feb 2025 09:12:00 +0000")
    if body is not None:
        message.set_content(body)
    if html is not None:
        if body is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    for filename, data in headers.pop("attachments", []):
        message.add_attachment(data, maintype="application", subtype="octet-stream",
                               filename=filename)  # fmt: skip
    path.write_bytes(bytes(message))
    return path


def test_the_body_is_a_report_headed_by_the_subject_and_dated_when_sent(tmp_path):
    (report,) = read_reports(str(_message(tmp_path / "crew.eml")))
    assert report.kind == "email"
    assert report.title == "GPS loss on approach to Vilnius"
    assert report.text.startswith("GPS loss on approach to Vilnius\n\nYesterday our A320")
    assert report.published == dt.date(2025, 2, 4)


def test_yesterday_in_a_message_is_the_day_before_it_was_sent(tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(_message(tmp_path / "crew.eml")), "--json"])
    assert result.exit_code == 0, result.output
    (candidate,) = json.loads(result.output)
    assert (candidate["date"], candidate["country"]) == ("2025-02-03", "LT")


def test_a_message_with_only_html_is_read_as_a_page(tmp_path):
    html = f"<p>{REPORT}</p><script>alert(1)</script>"
    (report,) = read_reports(str(_message(tmp_path / "html.eml", body=None, html=html)))
    assert "Yesterday our A320" in report.text
    assert "alert" not in report.text


def test_plain_text_wins_over_its_html_twin(tmp_path):
    path = _message(tmp_path / "both.eml", html="<p>Marketing footer only</p>")
    (report,) = read_reports(str(path))
    assert "Yesterday our A320" in report.text
    assert "Marketing" not in report.text


def test_an_attached_bulletin_is_a_report_of_its_own(tmp_path):
    pdf = write_pdf(tmp_path / "b.pdf", [["On 2 March 2025 a Dash 8 lost GPS near Rzeszow."]])
    path = _message(tmp_path / "fwd.eml", attachments=[("bulletin.pdf", pdf.read_bytes()),
                                                     ("logo.png", b"\x89PNG")])  # fmt: skip
    reports = read_reports(str(path))
    assert [r.name.rsplit("/", 1)[1] for r in reports] == ["fwd.eml", "fwd.eml#bulletin.pdf"]
    assert reports[1].kind == "pdf"


def test_an_attachment_name_cannot_reach_outside_the_message(tmp_path):
    path = _message(tmp_path / "odd.eml", attachments=[("../../etc/notes.txt", b"GPS lost.")])
    names = [r.name for r in read_reports(str(path))]
    assert names[-1].endswith("odd.eml#notes.txt")


def test_a_message_with_nothing_to_read_is_a_clear_error(tmp_path, small_dataset):
    path = _message(tmp_path / "empty.eml", body="   ")
    ingest_refused(path, small_dataset, "empty.eml: the message has no text and no report attached")


def test_a_broken_attachment_names_the_message_and_the_attachment(tmp_path):
    path = _message(tmp_path / "bad.eml", attachments=[("b.pdf", b"%PDF-1.7\n1 0 obj <<")])
    with pytest.raises(InputError, match=r"bad\.eml#b\.pdf: not a readable PDF"):
        read_reports(str(path))


def test_a_folder_of_reports_includes_its_messages(tmp_path):
    _message(tmp_path / "crew.eml")
    (tmp_path / "crew.msg").write_bytes(b"\xd0\xcf\x11\xe0")
    assert [Path(p).name for p in expand_paths([str(tmp_path)])] == ["crew.eml"]
