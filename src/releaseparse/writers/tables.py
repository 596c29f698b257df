"""Whole-run outputs: one JSONL file, one CSV per table, one SQLite database with keys and indexes."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from ..records import Release
from .atomic import atomic_write
from .rows import INDEXES, TABLES, key_columns, release_rows


def write_jsonl(releases: Iterable[Release], path: Path) -> int:
    count = 0
    with atomic_write(path) as tmp, open(tmp, "w", encoding="utf-8") as f:
        for release in releases:
            f.write(release.model_dump_json() + "\n")
            count += 1
    return count


def write_csv(releases: Iterable[Release], folder: Path) -> None:
    """folder/<table>.csv for every table, each written whole before it replaces the old one."""
    folder.mkdir(parents=True, exist_ok=True)
    with _open_all(folder) as writers:
        for release in releases:
            for table, rows in release_rows(release).items():
                writers[table].writerows(rows)


class _open_all:
    """Context manager: a csv.DictWriter per table, each on an atomic temporary file."""

    def __init__(self, folder: Path):
        self.folder = folder

    def __enter__(self):
        self.contexts, self.files, writers = [], [], {}
        for table, columns in TABLES.items():
            context = atomic_write(self.folder / f"{table}.csv")
            tmp = context.__enter__()
            self.contexts.append(context)
            f = open(tmp, "w", encoding="utf-8", newline="")
            self.files.append(f)
            writers[table] = csv.DictWriter(f, fieldnames=list(columns))
            writers[table].writeheader()
        return writers

    def __exit__(self, *exc_info):
        for f in self.files:
            f.close()
        for context in self.contexts:
            context.__exit__(*exc_info)
        return False


def create_sql(table: str) -> list[str]:
    columns = ", ".join(f'"{name}" {kind}' for name, kind in TABLES[table].items())
    keys = ", ".join(f'"{k}"' for k in key_columns(table))
    foreign = "" if table == "releases" else ', FOREIGN KEY ("release_id") REFERENCES releases("release_id")'
    statements = [f'CREATE TABLE "{table}" ({columns}, PRIMARY KEY ({keys}){foreign})']
    for column in INDEXES.get(table, []):
        statements.append(f'CREATE INDEX "ix_{table}_{column}" ON "{table}" ("{column}")')
    return statements


def write_sqlite(releases: Iterable[Release], path: Path) -> None:
    with atomic_write(path) as tmp:
        tmp.unlink()
        db = sqlite3.connect(tmp)
        try:
            for table in TABLES:
                for statement in create_sql(table):
                    db.execute(statement)
            for release in releases:
                for table, rows in release_rows(release).items():
                    if rows:
                        columns = list(TABLES[table])
                        marks = ", ".join("?" * len(columns))
                        names = ", ".join(f'"{c}"' for c in columns)
                        db.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                                       [[row.get(c) for c in columns] for row in rows])
            db.commit()
        finally:
            db.close()
