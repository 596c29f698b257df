"""Word .docx: body paragraphs and tables in document order (python-docx).

Table rows become tab-separated lines, the layout the text extractors know from plain-text
releases; running headers and footers live in other parts of the package and are left out.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from . import ReadError, ReadResult

FORMAT = "docx"
MAX_BYTES = 32 * 2**20  # photos make real releases large; the text is a small part


def table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats across the columns it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(block_text(cell).split()))
        if any(cells):
            lines.append("\t".join(cells).rstrip("\t"))
    return lines


def block_text(container) -> str:
    """Text of a document or table cell: paragraphs one per line, nested tables as rows."""
    lines = []
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend(table_lines(block))
    return "\n".join(lines)


def read(data: bytes) -> ReadResult:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError("not a .docx file (truncated or corrupt: no zip directory)")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(f"corrupt .docx: {' '.join(str(exc).split())[:160]}") from None
    lines = [line.rstrip() for line in block_text(document).split("\n")]
    text = "\n\n".join(line for line in lines if line.strip()) + "\n"
    return ReadResult(text=text, format=FORMAT, encoding="utf-8")
