"""Plain text in any encoding: detect it, and repair mojibake such as 'BÃ¤ckman'."""

from __future__ import annotations

import charset_normalizer
import ftfy

from . import ReadError, ReadResult

FORMAT = "txt"
MAX_BYTES = 8 * 2**20  # 2M characters, the most one release can be, in 4-byte UTF-8 at worst
BINARY_SAMPLE = 8192
SINGLE_BYTE_LATIN = {"cp1250", "cp1252", "cp1257", "latin_1", "iso8859_2", "iso8859_15", "cp850", "cp437",
                     "mac_latin2", "mac_roman", "iso8859_9", "cp1254", "iso8859_13", "iso8859_4"}


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
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise ReadError("undecodable bytes: no text encoding fits")
    # Single-byte Western and Central European code pages often all decode a release; archives of
    # English-language releases are overwhelmingly Windows-1252, so it wins whenever it fits.
    if best.encoding in SINGLE_BYTE_LATIN and any("cp1252" in (m.encoding, *m.could_be_from_charset) for m in matches):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
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
