"""HTML: the main text of the page, not its menus, headers and footers (trafilatura).

The encoding is the page's declared one when it decodes, else the detected one. Where
trafilatura finds no main content (a bare fragment), the whole visible text is taken instead.
"""

from __future__ import annotations

import re

import charset_normalizer
import ftfy
import trafilatura

from . import ReadError, ReadResult
from .text import looks_binary

FORMAT = "html"
MAX_BYTES = 16 * 2**20
DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = DECLARED.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ReadError("undecodable bytes: no text encoding fits")
    return str(best), best.encoding


def flat(element) -> str:
    return " ".join("".join(element.itertext()).split())


def body_lines(body) -> list[str]:
    """trafilatura's XML body (p, head, list/item, table/row/cell) as lines, tables tab-separated."""
    lines = []
    for element in body:
        if element.tag == "table":
            for row in element.iter("row"):
                lines.append("\t".join(flat(cell) for cell in row.iter("cell")).rstrip("\t"))
        elif element.tag == "list":
            lines.extend(flat(item) for item in element.iter("item"))
        else:
            lines.append(flat(element))
    return lines


def read(data: bytes) -> ReadResult:
    if looks_binary(data):
        raise ReadError("binary data, not HTML")
    page, encoding = decode(data)
    found = trafilatura.bare_extraction(page, include_tables=True, include_comments=False,
                                        favor_recall=True, deduplicate=False, with_metadata=False)
    lines = body_lines(found.body) if found is not None and found.body is not None else []
    text = "\n\n".join(line for line in lines if line.strip())
    if not text.strip():
        text = trafilatura.html2txt(page) or ""
    return ReadResult(text=ftfy.fix_encoding(text).strip() + "\n", format=FORMAT, encoding=encoding)
