"""OpenDocument .odt: headings, paragraphs, lists and tables in document order (odfpy)."""

from __future__ import annotations

import io
import zipfile

from odf import opendocument, teletype
from odf.namespaces import TABLENS, TEXTNS

from . import ReadError, ReadResult

FORMAT = "odt"
MAX_BYTES = 32 * 2**20

TEXT_BLOCKS = {(TEXTNS, "p"), (TEXTNS, "h")}
TABLE = (TABLENS, "table")
ROW = (TABLENS, "table-row")
CELL = (TABLENS, "table-cell")


def table_lines(table) -> list[str]:
    lines = []
    for row in walk(table, ROW):
        cells = [" ".join(teletype.extractText(cell).split())
                 for cell in row.childNodes if getattr(cell, "qname", None) == CELL]
        if any(cells):
            lines.append("\t".join(cells).rstrip("\t"))
    return lines


def walk(node, wanted):
    """Elements named `wanted` under node, in order, not descending into matches."""
    for child in getattr(node, "childNodes", []):
        if getattr(child, "qname", None) == wanted:
            yield child
        else:
            yield from walk(child, wanted)


def body_lines(node) -> list[str]:
    lines = []
    for child in getattr(node, "childNodes", []):
        qname = getattr(child, "qname", None)
        if qname in TEXT_BLOCKS:
            lines.append(teletype.extractText(child))
        elif qname == TABLE:
            lines.extend(table_lines(child))
        else:  # lists, sections, frames: their paragraphs in order
            lines.extend(body_lines(child))
    return lines


def read(data: bytes) -> ReadResult:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError("not an .odt file (truncated or corrupt: no zip directory)")
    document = opendocument.load(io.BytesIO(data))
    lines = [line.rstrip() for line in body_lines(document.text)]
    text = "\n\n".join(line for line in lines if line.strip()) + "\n"
    return ReadResult(text=text, format=FORMAT, encoding="utf-8")
