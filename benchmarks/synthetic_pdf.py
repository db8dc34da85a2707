"""A small PDF writer for tests and benchmarks: real PDF files with a text layer, written
byte by byte.

The reader (:mod:`pypdf` behind :func:`tracker.ingest.readers.read_reports`) then parses a
file laid out the way PDF producers lay them out: one content stream per page, lines placed
with text operators, and a cross-reference table with true byte offsets.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["FL_LIGATURE", "pdf_bytes", "write_pdf"]

#: Byte code that a font's /Differences maps to the "fl" ligature glyph, as typesetting
#: programs do: the text layer then holds U+FB02, not "fl".
FL_LIGATURE = "\x80"


def _escape(line: str) -> bytes:
    raw = line.encode("latin-1")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(lines: list[str]) -> bytes:
    ops = [b"BT", b"/F1 11 Tf", b"14 TL", b"56 790 Td"]
    for line in lines:
        ops.append(b"(" + _escape(line) + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def write_pdf(path: Path, pages: list[list[str]], *, title: str = "") -> Path:
    """Write ``pages`` (each a list of text lines, Latin-1) as a PDF at ``path``.

    A line holding :data:`FL_LIGATURE` shows the "fl" ligature glyph there. A page with no
    lines has no text at all, like a scanned image.
    """
    path.write_bytes(pdf_bytes(pages, title=title))
    return path


def pdf_bytes(pages: list[list[str]], *, title: str = "") -> bytes:
    """The bytes of :func:`write_pdf`'s file."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree's number is known
    font = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
        b"/BaseEncoding /WinAnsiEncoding /Differences [128 /fl] >> >>"
    )
    page_tree = len(objects) + 1 + 2 * len(pages)
    kids = []
    for lines in pages:
        stream = _content(lines) if lines else b""
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (page_tree, content, font)
            )
        )
    kid_refs = b" ".join(b"%d 0 R" % k for k in kids)
    tree = add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids)))
    assert tree == page_tree, "page objects are numbered before their tree"
    info = add(b"<< /Title (" + _escape(title) + b") >>") if title else None
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % page_tree

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if info:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
