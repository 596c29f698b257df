"""The manifest: one line per input file with its hash, status, reason and output.

While a run goes on, each finished file is appended to a journal beside the manifest and
flushed, so a killed run loses at most the file in hand; at the end the manifest is rewritten
whole (atomically) and the journal removed. Reading tolerates a torn last journal line.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .atomic import atomic_write

MANIFEST = "manifest.jsonl"
JOURNAL = "manifest.journal.jsonl"
STATUSES = ("parsed", "failed", "skipped")


@dataclass
class Entry:
    path: str  # relative to IN_DIR, with forward slashes
    status: str  # parsed, failed or skipped
    sha256: str | None = None
    bytes: int | None = None
    error: str | None = None
    output: str | None = None  # relative to OUT_DIR
    format: str | None = None
    encoding: str | None = None
    parser_version: str | None = None
    parsed_at: str | None = None  # when this file was last parsed (ISO 8601, UTC)
    seconds: float | None = None

    @classmethod
    def from_dict(cls, data: dict) -> "Entry":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def read_lines(path: Path) -> list[Entry]:
    entries = []
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                try:
                    entries.append(Entry.from_dict(json.loads(line)))
                except (ValueError, TypeError):
                    continue  # a line torn by a kill
    except FileNotFoundError:
        pass
    return entries


def load(out_dir: Path) -> dict[str, Entry]:
    """The last known entry of every path: the manifest, then the journal of a killed run."""
    entries = {}
    for entry in read_lines(out_dir / MANIFEST) + read_lines(out_dir / JOURNAL):
        entries[entry.path] = entry
    return entries


class Journal:
    """Append-only log of finished files for the run in progress."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / JOURNAL
        self.file = open(self.path, "a", encoding="utf-8")

    def add(self, entry: Entry) -> None:
        self.file.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        self.file.flush()
        os.fsync(self.file.fileno())

    def close(self) -> None:
        self.file.close()


def write(out_dir: Path, entries: list[Entry]) -> None:
    """The whole manifest, sorted by path; then the journal it replaces goes."""
    with atomic_write(out_dir / MANIFEST) as tmp, open(tmp, "w", encoding="utf-8") as f:
        for entry in sorted(entries, key=lambda e: e.path):
            f.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
    (out_dir / JOURNAL).unlink(missing_ok=True)
