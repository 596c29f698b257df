"""Markdown: the text without its markup, one block per paragraph (markdown-it-py).

Ordered-list numbers are kept ("1. Name 61"): standings and results are often written as lists.
Table rows become tab-separated lines; a link keeps its address so `links` still finds it.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from . import ReadResult
from .text import decode_text

FORMAT = "md"
MAX_BYTES = 8 * 2**20


def inline_text(token) -> str:
    out, href = [], None
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            out.append(child.content)
        elif child.type == "link_open":
            href = child.attrGet("href")
            out.append("\0")  # where the link text starts
        elif child.type == "link_close":
            start = max(i for i, part in enumerate(out) if part == "\0")
            label = "".join(out[start + 1:])
            del out[start:]
            out.append(label if not href or href in label else f"{label} ({href})")
    return "".join(out)


def blocks(tokens) -> list[str]:
    lines: list[str] = []
    row: list[str] | None = None
    numbers: list[int | None] = []  # stack of list counters, None for bullet lists
    prefix = ""
    for token in tokens:
        if token.type == "ordered_list_open":
            numbers.append(int(token.attrGet("start") or 1))
        elif token.type == "bullet_list_open":
            numbers.append(None)
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            numbers.pop()
        elif token.type == "list_item_open":
            prefix = f"{token.info or numbers[-1]}. " if numbers and numbers[-1] is not None else "- "
            if numbers and numbers[-1] is not None:
                numbers[-1] += 1
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            lines.append("\t".join(row or []))
            row = None
        elif token.type == "inline":
            text = inline_text(token)
            if row is not None:
                row.append(" ".join(text.split()))
            else:
                lines.append(prefix + text)
                prefix = ""
        elif token.type in ("fence", "code_block"):
            lines.append(token.content.rstrip("\n"))
    return lines


def read(data: bytes) -> ReadResult:
    source, encoding = decode_text(data)
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    text = "\n\n".join(line for line in blocks(tokens) if line.strip())
    return ReadResult(text=text + "\n", format=FORMAT, encoding=encoding)
