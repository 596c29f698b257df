"""Readers: bytes of one file in, text plus the format and encoding found out.

Each format has its own module; `read_file` picks one by the file's suffix. A reader raises
`ReadError` with a one-line reason for input it cannot read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..records import ParseWarning


class ReadError(Exception):
    """An input that cannot be read as a release; the message is one line for the user."""


@dataclass
class ReadResult:
    text: str
    format: str
    encoding: str | None = None
    warnings: list[ParseWarning] = field(default_factory=list)


def read_bytes(data: bytes, suffix: str = ".txt") -> ReadResult:
    from . import text

    readers = {".txt": text.read, ".text": text.read, "": text.read}
    reader = readers.get(suffix.lower())
    if reader is None:
        raise ReadError(f"unsupported file type '{suffix}'")
    return reader(data)


def read_file(path: str | Path) -> tuple[bytes, ReadResult]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from None
    return data, read_bytes(data, path.suffix)
