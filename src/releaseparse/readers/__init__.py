"""Readers: bytes of one file in, text plus the format and encoding found out.

Each format has its own module exposing `read(data) -> ReadResult` and `MAX_BYTES`; `read_bytes`
picks one by the file's suffix (table in `FORMATS`). A reader raises `ReadError` with a one-line
reason for input it cannot read, so a caller never sees a library's traceback.
"""

from __future__ import annotations

import importlib
import os
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


# suffix → reader module in this package
FORMATS = {
    "": "text", ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".rtf": "rtf",
    ".odt": "odt",
}


def supported(suffix: str) -> bool:
    return suffix.lower() in FORMATS


def reader_module(suffix: str):
    name = FORMATS.get(suffix.lower())
    if name is None:
        raise ReadError(f"unsupported file type '{suffix}'")
    return importlib.import_module(f"{__name__}.{name}")


def one_line(exc: BaseException) -> str:
    """A library's exception as one short line, for error messages that never become tracebacks."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]


def too_large(size: int, limit: int) -> str:
    return f"file of {size / 2**20:.1f} MB is larger than the {limit / 2**20:.0f} MB limit for one release"


def read_bytes(data: bytes, suffix: str = ".txt") -> ReadResult:
    module = reader_module(suffix)
    if len(data) > module.MAX_BYTES:
        raise ReadError(too_large(len(data), module.MAX_BYTES))
    if not data.strip():
        raise ReadError("empty file")
    try:
        return module.read(data)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError("document nested too deeply to read") from None
    except MemoryError:
        raise ReadError("document too large to read in memory") from None
    except Exception as exc:  # a library choking on a corrupt file: one line, not a traceback
        raise ReadError(f"cannot read {module.FORMAT}: {one_line(exc)}") from None


def read_file(path: str | Path) -> tuple[bytes, ReadResult]:
    path = Path(path)
    module = reader_module(path.suffix)
    try:
        size = os.stat(path).st_size
        if size > module.MAX_BYTES:  # refuse before reading 50 MB into memory
            raise ReadError(too_large(size, module.MAX_BYTES))
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc)) from None
    return data, read_bytes(data, path.suffix)
