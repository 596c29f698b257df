"""Convert a folder tree of releases: workers, manifest, resume, atomic outputs, a summary.

`convert(options)` is the library entry point; the CLI only builds `Options`. Each worker is a
process that loads the pipeline once and parses the files it is sent, writing each record
atomically; the parent hashes inputs, decides what is already done, keeps the manifest journal,
kills a worker stuck past the timeout, and writes the whole-run outputs at the end.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import resource
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing.connection import wait
from pathlib import Path

from . import __version__, writers
from .readers import ReadError, supported
from .records import SCHEMA_VERSION, Release
from .writers import manifest
from .writers.manifest import Entry
from .writers.tables import write_csv, write_jsonl, write_sqlite


class UsageError(ValueError):
    """Arguments that cannot work (exit 2), e.g. an output folder inside the input folder."""


@dataclass
class Options:
    in_dir: Path
    out_dir: Path
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    force: bool = False
    jsonl: bool = False
    csv: bool = False
    sqlite: bool = False
    timeout: float = 60.0  # seconds one file may take before its worker is killed
    model_dir: Path | None = None
    no_model: bool = False  # rules only: leave the trained name model out


@dataclass
class Summary:
    parsed: int = 0  # parsed in this run
    unchanged: int = 0  # parsed by an earlier run with the same content and parser: not redone
    failed: int = 0
    skipped: int = 0  # not a release format (or not a regular file)
    seconds: float = 0.0
    peak_rss_mb: dict[int, float] = field(default_factory=dict)  # per worker process

    @property
    def rate(self) -> float:
        return self.parsed / self.seconds if self.seconds else 0.0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def line(self) -> str:
        return (f"{self.parsed} parsed, {self.unchanged} unchanged, {self.failed} failed, "
                f"{self.skipped} skipped in {self.seconds:.1f} s ({self.rate:.1f} releases/s)")


def parser_version(model_dir: Path | None = None, no_model: bool = False) -> str:
    """Package, schema and a hash of the saved pipeline: a change to any redoes every file."""
    from .pipeline import PIPELINE_NAME, packaged_model_dir

    root = Path(model_dir or packaged_model_dir()) / PIPELINE_NAME
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    rules = "+rules-only" if no_model else ""
    return f"{__version__}+schema{SCHEMA_VERSION}+model{digest.hexdigest()[:12]}{rules}"


def check_dirs(in_dir: Path, out_dir: Path) -> None:
    src, dst = in_dir.resolve(), out_dir.resolve()
    if not src.is_dir():
        raise UsageError(f"{in_dir} is not a folder")
    if dst == src or src in dst.parents:
        raise UsageError(f"output folder {out_dir} is inside the input folder {in_dir}")
    if dst in src.parents:
        raise UsageError(f"input folder {in_dir} is inside the output folder {out_dir}")


def scan(in_dir: Path) -> list[str]:
    """Every file under in_dir, relative, sorted; folders are walked without following links."""
    found = []
    for root, dirs, files in os.walk(in_dir):
        dirs.sort()
        for name in files:
            found.append((Path(root) / name).relative_to(in_dir).as_posix())
    return sorted(found)


def sha256_file(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def output_for(rel: str) -> str:
    return rel + ".json"


def has_release(record: Release) -> bool:
    return bool(record.people or record.teams or record.events or record.results or record.standings)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


# --- worker process -------------------------------------------------------------------------

def parse_one(parser, in_dir: Path, out_dir: Path, rel: str) -> dict:
    """Parse one file and write its record; an outcome dict, never an exception."""
    started = time.perf_counter()
    outcome: dict = {"path": rel, "status": "failed"}
    try:
        from .readers import read_file

        data, read = read_file(in_dir / rel)
        outcome.update(sha256=hashlib.sha256(data).hexdigest(), bytes=len(data),
                       format=read.format, encoding=read.encoding)
        record = parser.parse_read(read, data, str(in_dir / rel))
        if not has_release(record):
            raise ReadError("no release found: no people, teams, events, results or standings")
        writers.write_bytes(out_dir / output_for(rel), record.model_dump_json(indent=2).encode("utf-8"))
        outcome.update(status="parsed", output=output_for(rel), parsed_at=now())
    except ReadError as exc:
        outcome["error"] = str(exc)
    except Exception as exc:  # a bug met on a user's file: one line in the manifest, run goes on
        outcome["error"] = f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
    outcome["seconds"] = round(time.perf_counter() - started, 4)
    outcome["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return outcome


def worker_main(conn, model_dir, in_dir: Path, out_dir: Path, no_model: bool = False) -> None:
    """Load the pipeline once, then parse whatever the parent sends until it sends None."""
    from .api import load

    try:
        parser = load(model_dir, no_model=no_model)
    except Exception as exc:
        conn.send(("broken", f"cannot load the pipeline: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            rel = conn.recv()
            if rel is None:
                return
            conn.send(("done", parse_one(parser, in_dir, out_dir, rel)))
        except (EOFError, BrokenPipeError, KeyboardInterrupt):
            return  # the parent is gone


@dataclass
class Worker:
    process: mp.Process
    conn: object
    ready: bool = False
    task: str | None = None
    started: float = 0.0


class Pool:
    """Worker processes with a per-file deadline; a stuck or crashed worker is replaced."""

    LOAD_TIMEOUT = 300.0

    def __init__(self, size: int, options: Options):
        self.options = options
        self.context = mp.get_context("spawn")  # no fork of a parent with threads
        self.workers = [self.start() for _ in range(max(1, size))]

    def start(self) -> Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=worker_main, daemon=True,
            args=(child, self.options.model_dir, self.options.in_dir, self.options.out_dir, self.options.no_model))
        process.start()
        child.close()
        return Worker(process, parent, started=time.monotonic())

    def replace(self, worker: Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        self.workers[self.workers.index(worker)] = self.start()

    def run(self, tasks: list[str]):
        """Yield one outcome dict per task, in completion order."""
        pending = deque(tasks)
        while pending or any(w.task for w in self.workers):
            for worker in self.workers:
                if worker.ready and worker.task is None and pending:
                    worker.task, worker.started = pending.popleft(), time.monotonic()
                    worker.conn.send(worker.task)
            for conn in wait([w.conn for w in self.workers], timeout=0.5):
                worker = next(w for w in self.workers if w.conn is conn)
                try:
                    kind, payload = conn.recv()
                except (EOFError, OSError):
                    if not worker.ready:
                        raise RuntimeError("a worker died while loading the pipeline") from None
                    if worker.task:
                        yield {"path": worker.task, "status": "failed",
                               "error": f"worker crashed (exit code {worker.process.exitcode}) on this file"}
                    self.replace(worker)
                    continue
                if kind == "broken":
                    raise RuntimeError(payload)
                if kind == "done":
                    payload["worker"] = worker.process.pid
                    yield payload
                worker.ready, worker.task = True, None
            yield from self.overdue()

    def overdue(self):
        """Kill workers past their deadline; a failure outcome for the file each one held."""
        for worker in list(self.workers):
            waited = time.monotonic() - worker.started
            if not worker.ready and waited > self.LOAD_TIMEOUT:
                raise RuntimeError(f"a worker took more than {self.LOAD_TIMEOUT:.0f} s to load the pipeline")
            if worker.task and waited > self.options.timeout:
                yield {"path": worker.task, "status": "failed",
                       "error": f"timed out after {self.options.timeout:.0f} s (worker stopped)"}
                self.replace(worker)

    def close(self) -> None:
        for worker in self.workers:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        for worker in self.workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()


# --- progress -------------------------------------------------------------------------------

class Progress:
    """A tqdm bar (count, rate, time left) on a terminal; plain log lines every few seconds otherwise."""

    EVERY = 5.0

    def __init__(self, total: int, terminal: bool, echo=print):
        self.total, self.done, self.echo = total, 0, echo
        self.started = self.last = time.monotonic()
        self.bar = None
        if terminal:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file", dynamic_ncols=True)

    def note(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message)
        else:
            self.echo(message)

    def step(self) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.update(1)
            return
        t = time.monotonic()
        if t - self.last >= self.EVERY or self.done == self.total:
            self.last = t
            rate = self.done / max(t - self.started, 1e-9)
            left = (self.total - self.done) / rate if rate else 0
            self.echo(f"releaseparse: {self.done}/{self.total} files, {rate:.1f}/s, {left:.0f} s left")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# --- the run --------------------------------------------------------------------------------

def plan(options: Options, previous: dict[str, Entry], version: str, summary: Summary,
         record, hashes: dict) -> tuple[list[str], dict[str, Entry]]:
    """Files to parse now; entries of the files that need no parse (unchanged, skipped, unreadable)."""
    tasks, kept = [], {}
    for rel in scan(options.in_dir):
        path = options.in_dir / rel
        if not path.is_file():
            record(Entry(rel, "skipped", error="not a regular file"))
            continue
        if not supported(path.suffix):
            record(Entry(rel, "skipped", error=f"unsupported file type '{path.suffix}'"))
            continue
        try:
            digest, size = sha256_file(path)
        except OSError as exc:
            record(Entry(rel, "failed", error=exc.strerror or str(exc)))
            continue
        hashes[rel] = (digest, size)
        old = previous.get(rel)
        if (not options.force and old and old.status == "parsed" and old.sha256 == digest
                and old.parser_version == version and old.output
                and (options.out_dir / old.output).is_file()):
            kept[rel] = old
            summary.unchanged += 1
        else:
            tasks.append(rel)
    return tasks, kept


def load_records(out_dir: Path, entries: list[Entry]):
    """The records of all parsed entries, once per release id (identical files are one release)."""
    seen = set()
    for entry in sorted(entries, key=lambda e: e.path):
        if entry.status == "parsed" and entry.sha256 not in seen:
            seen.add(entry.sha256)
            yield Release.model_validate_json((out_dir / entry.output).read_bytes())


def export(options: Options, entries: list[Entry]) -> None:
    if options.jsonl:
        write_jsonl(load_records(options.out_dir, entries), options.out_dir / "releases.jsonl")
    if options.csv:
        write_csv(load_records(options.out_dir, entries), options.out_dir / "csv")
    if options.sqlite:
        write_sqlite(load_records(options.out_dir, entries), options.out_dir / "releases.sqlite")


def convert(options: Options, terminal: bool = False, echo=print) -> Summary:
    """Convert IN_DIR into OUT_DIR; see the module docstring. Raises UsageError for bad folders."""
    check_dirs(options.in_dir, options.out_dir)
    started = time.monotonic()
    options.out_dir.mkdir(parents=True, exist_ok=True)
    writers.remove_stale_temps(options.out_dir)
    version = parser_version(options.model_dir, options.no_model)
    previous = manifest.load(options.out_dir)
    summary = Summary()
    journal = manifest.Journal(options.out_dir)
    final: dict[str, Entry] = {}

    def record(entry: Entry) -> None:
        final[entry.path] = entry
        journal.add(entry)
        if entry.status == "failed":
            summary.failed += 1
            progress.note(f"releaseparse: {options.in_dir / entry.path}: {entry.error}")
        elif entry.status == "skipped":
            summary.skipped += 1

    progress = Progress(0, False, echo)  # replaced once the number of tasks is known
    hashes: dict[str, tuple[str, int]] = {}
    tasks, kept = plan(options, previous, version, summary, record, hashes)
    final.update(kept)
    progress = Progress(len(tasks), terminal, echo)
    pool = Pool(min(options.workers, len(tasks)), options) if tasks else None
    try:
        for outcome in pool.run(tasks) if pool else ():
            worker, rss = outcome.pop("worker", None), outcome.pop("rss_mb", None)
            if worker and rss:
                summary.peak_rss_mb[worker] = max(rss, summary.peak_rss_mb.get(worker, 0.0))
            digest, size = hashes.get(outcome["path"], (None, None))
            entry = Entry.from_dict({"sha256": digest, "bytes": size, **outcome, "parser_version": version})
            if entry.status == "parsed":
                summary.parsed += 1
            else:
                stale = previous.get(entry.path)
                if stale and stale.output:
                    (options.out_dir / stale.output).unlink(missing_ok=True)
            record(entry)
            progress.step()
    finally:
        progress.close()
        if pool:
            pool.close()
        journal.close()
    entries = list(final.values())
    export(options, entries)
    manifest.write(options.out_dir, entries)
    summary.seconds = time.monotonic() - started
    return summary
