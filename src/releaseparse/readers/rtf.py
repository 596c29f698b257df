"""Rich Text Format: the text, decoded with the code page the document declares (striprtf)."""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from . import ReadError, ReadResult

FORMAT = "rtf"
MAX_BYTES = 32 * 2**20  # embedded pictures are hex in the file and make it large
CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
BLANK_LINES = re.compile(r"\n{3,}")


def codepage(data: bytes) -> str:
    found = CODEPAGE.search(data[:4096])
    name = f"cp{found.group(1).decode()}" if found else "cp1252"  # RTF's default is ANSI
    try:
        "".encode(name)
    except LookupError:
        return "cp1252"
    return name


def read(data: bytes) -> ReadResult:
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ReadError("not an RTF document (no {\\rtf header)")
    encoding = codepage(data)
    text = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    text = BLANK_LINES.sub("\n\n", text.replace("\r\n", "\n")).strip()
    return ReadResult(text=text + "\n", format=FORMAT, encoding=encoding)
