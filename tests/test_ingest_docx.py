"""Word documents (``.docx``): a safety office's report or a crew statement. The files are
real Office Open XML packages written by code below; the words are ours."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from helpers import ingest_refused

from tracker.errors import InputError
from tracker.ingest import expand_paths, ingest_text, read_reports, readers

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)

REPORT = [
    "Occurrence report: GNSS loss on approach to Riga",
    "Date of report: 12 March 2025",
    "On 11 March 2025 our ATR 72 lost GPS on the approach to Riga. The crew flew the ILS and "
    "landed normally; the controller said other crews reported jamming too.",
]


def _paragraph(text: str) -> str:
    # A run per sentence, a tab and a line break inside: as word processors split text.
    runs = []
    for part in text.split("\t"):
        runs.append(f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
    return "<w:p>" + "<w:r><w:tab/></w:r>".join(runs) + "</w:p>"


def write_docx(path: Path, paragraphs: list[str], *, title: str = "", table=None) -> Path:
    body = "".join(_paragraph(p) for p in paragraphs)
    if table:
        cells = "".join(
            "<w:tr>" + "".join(f"<w:tc>{_paragraph(c)}</w:tc>" for c in row) + "</w:tr>"
            for row in table
        )
        body += f"<w:tbl>{cells}</w:tbl>"
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
        if title:
            archive.writestr(
                "docProps/core.xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
                'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f"<dc:title>{escape(title)}</dc:title></cp:coreProperties>",
            )
    return path


def test_a_word_document_is_read_paragraph_by_paragraph(tmp_path):
    (report,) = read_reports(str(write_docx(tmp_path / "report.docx", REPORT)))
    assert report.kind == "docx"
    assert "lost GPS on the approach to Riga" in report.text
    # Paragraphs stay apart, as on the page.
    assert "12 March 2025\n\nOn 11 March" in report.text


def test_the_candidate_of_a_word_report(tmp_path):
    (report,) = read_reports(str(write_docx(tmp_path / "report.docx", REPORT)))
    (found,) = ingest_text(report.text)
    assert (found.values["date"].isoformat(), found.values["country"]) == ("2025-03-11", "LV")


def test_tabs_and_table_cells_keep_words_apart(tmp_path):
    path = write_docx(
        tmp_path / "form.docx",
        ["Field\tValue"],
        table=[["Location", "Riga"], ["Narrative", "GPS lost on final approach."]],
    )
    (report,) = read_reports(str(path))
    assert "Field\tValue" in report.text
    assert "Location\n\nRiga" in report.text


def test_header_lines_count_as_for_a_text_file(tmp_path):
    path = write_docx(tmp_path / "dated.docx", ["Published: 13 March 2025", *REPORT])
    (report,) = read_reports(str(path))
    assert report.published == dt.date(2025, 3, 13)


def test_the_title_property_is_the_headline_when_the_first_lines_show_it(tmp_path):
    shown = write_docx(tmp_path / "a.docx", REPORT, title=REPORT[0])
    assert read_reports(str(shown))[0].title == REPORT[0]
    hidden = write_docx(tmp_path / "b.docx", REPORT, title="Template for occurrence reports")
    assert read_reports(str(hidden))[0].title == ""


def test_a_word_document_without_text_is_a_clear_error(tmp_path, small_dataset):
    ingest_refused(
        write_docx(tmp_path / "blank.docx", ["", "  "]),
        small_dataset,
        "blank.docx: the Word document has no text",
    )


def test_a_broken_word_document_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(InputError, match=r"broken\.docx: not a readable Word document"):
        read_reports(str(broken))


def test_xml_entity_tricks_in_a_word_document_are_refused(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>',
        )
    with pytest.raises(InputError, match=r"bomb\.docx: not a readable Word document"):
        read_reports(str(bomb))


def test_a_document_too_large_unpacked_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_DOCX_XML_BYTES", 1000)
    path = write_docx(tmp_path / "long.docx", REPORT * 20)
    with pytest.raises(InputError, match=r"long\.docx: the document's text is over"):
        read_reports(str(path))


def test_a_folder_of_reports_includes_its_word_documents(tmp_path):
    write_docx(tmp_path / "report.docx", REPORT)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    assert [Path(p).name for p in expand_paths([str(tmp_path)])] == ["report.docx"]


def test_a_word_report_attached_to_a_message_is_read(tmp_path):
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = "Occurrence report attached"
    message.set_content("Please find our report attached.")
    data = write_docx(tmp_path / "r.docx", REPORT).read_bytes()
    message.add_attachment(
        data, maintype="application", subtype="octet-stream", filename="report.docx"
    )
    path = tmp_path / "fwd.eml"
    path.write_bytes(bytes(message))
    assert [r.kind for r in read_reports(str(path))] == ["email", "docx"]


def test_a_text_box_inside_a_paragraph_is_read_once(tmp_path):
    # A text box sits inside a run of its paragraph and holds paragraphs of its own.
    inner = "<w:p><w:r><w:t>GPS lost near Riga on 11 March 2025.</w:t></w:r></w:p>"
    document = (
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>Form A</w:t></w:r>'
        f"<w:r><w:txbxContent>{inner}</w:txbxContent></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / "box.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", document)
    (report,) = read_reports(str(path))
    assert report.text.count("GPS lost near Riga") == 1
    assert report.text.startswith("Form A")
