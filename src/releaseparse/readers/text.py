"""Plain text in any encoding: detect it, and repair mojibake such as 'BÃ¤ckman'."""

from __future__ import annotations

import charset_normalizer
import ftfy

from . import ReadError, ReadResult

FORMAT = "txt"
MAX_BYTES = 8 * 2**20  # 2M characters, the most one release can be, in 4-byte UTF-8 at worst
BINARY_SAMPLE = 8192


def looks_binary(data: bytes) -> bool:
    sample = data[:BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > len(sample) * 0.05


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-8 first, else the detected one."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ReadError("undecodable bytes: no text encoding fits")
    return str(best), best.encoding


def decode_text(data: bytes) -> tuple[str, str]:
    """Checked, decoded and mojibake-repaired text; shared by the text-like formats (md)."""
    if not data.strip():
        raise ReadError("empty file")
    if looks_binary(data):
        raise ReadError("binary data, not text")
    text, encoding = decode(data)
    return ftfy.fix_encoding(text), encoding


def read(data: bytes) -> ReadResult:
    text, encoding = decode_text(data)
    return ReadResult(text=text, format=FORMAT, encoding=encoding)
