"""Writers: records out to disk as JSON files, JSONL, CSV tables and SQLite, plus the manifest.

Every file is written to a temporary name beside its target and then moved over it with
`os.replace`, so a run killed at any moment leaves either the old file or the new one whole.
"""

from .atomic import atomic_write, remove_stale_temps, write_bytes
from .rows import TABLES, release_rows

__all__ = ["TABLES", "atomic_write", "release_rows", "remove_stale_temps", "write_bytes"]
