"""Text hygiene and sentence splitting for reports.

Reports are untrusted: before anything else we NFC-normalise them and drop bidi controls,
zero-width characters and other control characters (they can hide or reorder words), then
split them into paragraphs and sentences that later stages cite as evidence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tracker import safety

__all__ = ["Sentence", "clean_text", "split_sentences", "strip_markdown"]

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st no nos vs etc approx capt cpt lt col gen gov sen rep inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k e.g i.e fig ft nm vol est
    mt ft. a.m p.m""".split()
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a report.

    :param text: the sentence, whitespace collapsed.
    :param index: position of the sentence in the report (0-based).
    :param paragraph: index of the paragraph it belongs to.
    :param heading: ``True`` for a title or a short line without final punctuation.
    """

    text: str
    index: int
    paragraph: int
    heading: bool = False


def clean_text(text: str) -> str:
    """Normalise untrusted text: NFC, no invisible or control characters, LF line ends.

    >>> clean_text("GPS\\u202ejam\\r\\nmed")
    'GPSjam\\nmed'
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Bidi controls, zero-width characters, BOM and controls other than tab and newline carry no
    # meaning in a report and can mislead a reader (the rule is tracker.safety's).
    return safety.strip_invisible(text, keep="\t\n")


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_MD_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.M)
# A list item is a paragraph of its own: items of a list are usually separate events.
_MD_BULLET = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?P<item>.*)$", re.M)
_MD_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.M)


def strip_markdown(text: str) -> str:
    """Remove Markdown markup, keeping the words (link texts stay, their targets go)."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_BULLET.sub(lambda m: "\n" + m.group("item") + "\n", text)
    return _MD_EMPHASIS.sub("", text)


_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9\u00c0-\u024f])"
)


def _split_paragraph(paragraph: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        piece = paragraph[start : match.start()]
        # The word before the stop, after a hyphen too ("Oct. 25-Nov. 7": "Nov").
        last_word = re.split(r"[\s/\u2013\u2014-]", piece.rstrip(".!?\"')\u201d\u2019"))[-1].lower()
        # "Capt. Smith", "U.S. officials", "A. Jones": not a sentence end.
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        if re.search(r"\b[A-Z]\.[A-Z]\.$", piece):
            continue
        parts.append(piece.strip())
        start = match.end()
    parts.append(paragraph[start:].strip())
    return [p for p in parts if p]


_FIELD_LINE = re.compile(r"^[A-Z][A-Za-z /&().-]{1,40}\s?:\s")


#: Longer "sentences" (unpunctuated dumps, tables flattened to text) are cut into pieces of
#: about this many characters, so no later step works on an unbounded string.
MAX_SENTENCE_CHARS = 600


def _chunks(text: str) -> list[str]:
    if len(text) <= MAX_SENTENCE_CHARS:
        return [text]
    pieces = []
    while len(text) > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", MAX_SENTENCE_CHARS // 2, MAX_SENTENCE_CHARS)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    if text:
        pieces.append(text)
    return [p for p in pieces if p]


def _opens_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit()


#: A full stop inside a line ("... since 2022. Earlier", "... Mediterranean.” Estonian"):
#: after a word or a number, perhaps closing a quotation, before a capital.
_INNER_END = re.compile(
    r"[a-z\u00df-\u00ff0-9)\u201d\"'][.!?][\u201d\"'\u2019]?\s+[A-Z\u00c0-\u00de\u201c\"]"
)


def _title_case(line: str) -> bool:
    """Are most of the line's longer words capitalised, as in a subheading?"""
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", line) if len(w) >= 4]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# A line that is only a date and a clock time ("01.09.2025 - 15:30 Uhr", "12:35, 24 March
# 2025"): a page's time stamp, never the start of the sentence on the next line.
_STAMP_LINE = re.compile(
    r"^(?=.*\b\d{1,2}:\d{2}\b)(?=.*\d{4})[\d\s.:/,|\u2013-]*(?:[A-Z][^\W\d_]*\.?)?[\d\s.:/,|\u2013-]*"
    r"(?:Uhr|h|UTC|CET|CEST|GMT)?$"
)


# A bulleted line of a plain-text page ("- 25 April: two flights turned back", "• ...").
_BULLET_LINE = re.compile(r"^[ \t]*[-*\u2022\u00b7\u25aa\u25e6][ \t]+(?=\S)")


def _list_items_apart(text: str) -> str:
    """Each item of a bulleted list (two or more bulleted lines in a row), or of a list of
    headlines joined by " : ", is a paragraph of its own, as in Markdown: the items of a list
    (a timeline, a newsletter's contents) are usually separate events."""
    lines = text.split("\n")
    bulleted = [bool(_BULLET_LINE.match(line)) for line in lines]
    out: list[str] = []
    for i, line in enumerate(lines):
        in_list = bulleted[i] and (
            (i > 0 and bulleted[i - 1]) or (i + 1 < len(lines) and bulleted[i + 1])
        )
        if in_list:
            out += ["", _BULLET_LINE.sub("", line), ""]
        elif line.count(" : ") >= DIGEST_SEPARATORS:
            # A newsletter's contents on one line ("In This Issue : Incident: ... fire warning
            # : FAA Tells Pilots ... Spoofing Incidents Increase : ..."): each headline apart.
            # Cut into sentence-sized pieces anywhere else, a trend headline's "Spoofing" and
            # its "Incidents Increase" may fall in two pieces, beside other stories' days.
            for item in line.split(" : "):
                out += ["", item, ""]
        else:
            out.append(line)
    return "\n".join(out)


#: A line with this many " : " between its parts is a list of headlines, not a sentence.
DIGEST_SEPARATORS = 3


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned text into sentences, remembering paragraphs and heading-like lines.

    A blank line separates paragraphs; a single line without final punctuation (a title,
    a subheading, a field of a database record) is a sentence of its own.
    """
    sentences: list[Sentence] = []
    paragraphs = re.split(r"\n\s*\n", _list_items_apart(text))
    for p_index, block in enumerate(paragraphs):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        buffer: list[str] = []
        for pos, line in enumerate(lines):
            ends = line[-1] in ".!?:;,\"'\u201d\u2019)"
            following = lines[pos + 1] if pos + 1 < len(lines) else ""
            field_line = bool(_FIELD_LINE.match(line))
            # A long unpunctuated line holding full stops is a paragraph whose end a stored
            # excerpt cut off ("... this autumn. A plane carrying ... as it readied to land"),
            # not a title: its sentences are read one by one.
            cut_paragraph = len(line) > 150 and bool(_INNER_END.search(line))
            standalone = (
                not ends
                and not cut_paragraph
                and (
                    not following
                    or field_line
                    or bool(_STAMP_LINE.match(line))
                    # A short line before a capital or a number (a dateline "Baku, 15 July"
                    # before "13 July ...") is not the start of the next line's sentence.
                    or (len(line) < 60 and not buffer and _opens_sentence(following[:1]))
                    # A subheading in title case after a finished sentence ("... delays.",
                    # "What Is GPS Spoofing", "Several aircraft ..."): not the next line's start.
                    or (
                        len(line) < 60
                        and buffer[-1:] != []
                        and buffer[-1][-1] in ".!?\"'\u201d\u2019"
                        and _opens_sentence(following[:1])
                        and _title_case(line)
                    )
                    # The first line of a text, unpunctuated and followed by a capital, is its
                    # headline even when long ("... Threaten Flight Safety" + a credit line).
                    or (p_index == 0 and pos == 0 and len(line) <= 150 and following[:1].isupper())
                )
            )
            if field_line or standalone:
                # A title, a subheading or a field of a database record: a sentence of its own.
                _flush(buffer, sentences, p_index)
                for chunk in _chunks(line):
                    sentences.append(Sentence(chunk, len(sentences), p_index, heading=not ends))
                continue
            buffer.append(line)
        _flush(buffer, sentences, p_index)
    return sentences


def _flush(buffer: list[str], sentences: list[Sentence], paragraph: int) -> None:
    """Split the buffered lines of a paragraph into sentences and empty the buffer."""
    if buffer:
        for piece in _split_paragraph(" ".join(buffer)):
            for chunk in _chunks(piece):
                sentences.append(Sentence(chunk, len(sentences), paragraph))
        buffer.clear()
