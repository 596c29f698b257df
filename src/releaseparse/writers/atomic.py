"""Atomic file writes: a temporary file in the target's folder, fsync, then `os.replace`."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

TEMP_PREFIX = ".rp-tmp-"  # left behind only by a killed run; the next run removes them


@contextlib.contextmanager
def atomic_write(path: Path):
    """Yield a temporary path to write; on success it replaces `path`, on error it is removed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix="-" + path.name, dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_write(path) as tmp:
        tmp.write_bytes(data)


def remove_stale_temps(root: Path) -> int:
    """Delete temporary files a killed run left under root; returns how many."""
    removed = 0
    for tmp in root.rglob(TEMP_PREFIX + "*"):
        if tmp.is_file():
            tmp.unlink(missing_ok=True)
            removed += 1
    return removed
