"""PDF with a text layer (pdfminer.six): pages joined, running headers, footers and page
numbers removed, lines wrapped inside a paragraph rejoined, words hyphenated across lines mended.

A PDF without a text layer (a scan) is an error that says it needs OCR, never an empty record.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from . import ReadError, ReadResult

FORMAT = "pdf"
MAX_BYTES = 32 * 2**20
MAX_PAGES = 200  # a release is a few pages; more is a book, and slow to lay out
EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be running heads
PAGE_NUMBER = re.compile(r"^\W*(?:page|seite|p\.)?\s*\d{1,4}(?:\s*(?:of|/|von)\s*\d{1,4})?\W*$", re.I)
DIGITS = re.compile(r"\d+")
HYPHENATED = re.compile(r"[^\W\d]-$")
COLUMN_GAP = re.compile(r" {3,}")  # a wide gap inside a line separates table columns


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    box: int  # index of the text box on its page: a new box starts a new paragraph


def page_lines(page) -> list[Line]:
    lines = []
    for box_index, element in enumerate(page):
        if not isinstance(element, LTTextContainer):
            continue
        for line in element:
            if isinstance(line, LTTextLine) and line.get_text().strip():
                lines.append(Line(COLUMN_GAP.sub("\t", line.get_text().strip()), line.x0, line.x1, page.height - line.y1, box_index))
    return lines


def running_heads(pages: list[list[Line]]) -> set[str]:
    """Edge lines that repeat (digits aside) on at least half of the pages."""
    if len(pages) < 2:
        return set()
    counts = Counter()
    for lines in pages:
        edges = {DIGITS.sub("#", ln.text) for ln in lines[:EDGE_LINES] + lines[-EDGE_LINES:]}
        counts.update(edges)
    return {text for text, n in counts.items() if n >= max(2, len(pages) / 2)}


def strip_edges(lines: list[Line], heads: set[str]) -> list[Line]:
    edge = set(range(min(EDGE_LINES, len(lines)))) | set(range(max(0, len(lines) - EDGE_LINES), len(lines)))
    return [ln for i, ln in enumerate(lines)
            if not (i in edge and (DIGITS.sub("#", ln.text) in heads or PAGE_NUMBER.match(ln.text)))]


def join_lines(lines: list[Line]) -> list[str]:
    """Paragraphs: a line reaching the right margin runs on into the next line of its box."""
    if not lines:
        return []
    right = max(ln.x1 for ln in lines)
    left = min(ln.x0 for ln in lines)
    slack = (right - left) * 0.12
    paragraphs, current = [], lines[0].text
    for prev, line in zip(lines, lines[1:]):
        wrapped = prev.x1 >= right - slack and prev.box == line.box and "\t" not in prev.text
        if not wrapped:
            paragraphs.append(current)
            current = line.text
        elif HYPHENATED.search(current) and line.text[:1].islower():
            current = current[:-1] + line.text  # "champion-" + "ship"
        elif current.endswith("-"):
            current += line.text  # "Jean-" + "Karl"
        else:
            current += " " + line.text
    paragraphs.append(current)
    return paragraphs


def read(data: bytes) -> ReadResult:
    if not data.lstrip().startswith(b"%PDF"):
        raise ReadError("not a PDF (no %PDF header)")
    try:
        pages = []
        for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()), 1):
            if number > MAX_PAGES:
                raise ReadError(f"PDF of more than {MAX_PAGES} pages is not one release")
            pages.append(page_lines(page))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ReadError("encrypted PDF: it needs a password to read") from None
    except PDFSyntaxError as exc:
        raise ReadError(f"corrupt PDF: {' '.join(str(exc).split())[:160]}") from None
    if not pages:
        raise ReadError("PDF has no pages (truncated or corrupt)")
    heads = running_heads(pages)
    paragraphs = [p for lines in pages for p in join_lines(strip_edges(lines, heads))]
    text = "\n\n".join(paragraphs)
    if not text.strip():
        raise ReadError(f"PDF of {len(pages)} page(s) has no text layer (a scan?): it needs OCR first")
    return ReadResult(text=text + "\n", format=FORMAT, encoding=None)
