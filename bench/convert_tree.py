"""Benchmark and soak test of `releaseparse convert` on a tree of >= 1,000 mixed-format releases.

Builds the tree from corpus/*/*.txt rendered into every format (the renderers of
tests/test_readers.py; needs the `test` extra), converts it with 1 and 2 workers, checks that
every input is in the manifest as parsed or with a reason, then kills a run half-way and resumes
it, checking that it completes with no duplicates and no file parsed twice. Prints throughput
(releases/s) and peak RSS per worker.

    python bench/convert_tree.py [--releases 1000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_readers import RENDER  # noqa: E402

from releaseparse.batch import Options, convert  # noqa: E402


def build(tree: Path, wanted: int) -> int:
    sources = sorted(p for p in (ROOT / "corpus").glob("*/*.txt"))
    count, copy = 0, 0
    while count < wanted:
        for source in sources:
            text = source.read_text(encoding="utf-8", errors="replace")
            for suffix, render in RENDER.items():
                if count >= wanted:
                    return count
                body = text if copy == 0 else text.rstrip("\n") + f"\n\nReference: bench copy {copy}\n"
                path = tree / source.parent.name / f"copy{copy}" / suffix.lstrip(".") / (source.stem + suffix)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(render(body))
                count += 1
        copy += 1
    return count


def manifest(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def check_accounted(tree: Path, out: Path) -> dict[str, int]:
    entries = manifest(out)
    paths = [e["path"] for e in entries]
    inputs = {p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_file()}
    assert len(paths) == len(set(paths)), "duplicate manifest entries"
    assert set(paths) == inputs, "inputs missing from the manifest"
    for e in entries:
        assert e["status"] == "parsed" or e["error"], f"{e['path']}: {e['status']} without a reason"
    counts: dict[str, int] = {}
    for e in entries:
        counts[e["status"]] = counts.get(e["status"], 0) + 1
    return counts


def timed(tree: Path, out: Path, workers: int):
    summary = convert(Options(in_dir=tree, out_dir=out, workers=workers), echo=lambda m: None)
    return summary, check_accounted(tree, out)


def kill_and_resume(tree: Path, out: Path, total: int) -> dict:
    command = [sys.executable, "-m", "releaseparse", "convert", str(tree), str(out), "--workers", "2", "--jsonl"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = out / "manifest.journal.jsonl"
    while process.poll() is None:
        if journal.exists() and len(journal.read_bytes().splitlines()) >= total // 2:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    for record in out.rglob("*.json"):
        json.loads(record.read_text(encoding="utf-8"))  # raises on a half-written record
    first = {}
    for line in journal.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # a torn last line
        if entry["status"] == "parsed":
            first[entry["path"]] = entry["parsed_at"]
    done = subprocess.run(command, capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    counts = check_accounted(tree, out)
    entries = {e["path"]: e for e in manifest(out)}
    redone = [p for p, at in first.items() if entries[p]["parsed_at"] != at]
    assert not redone, f"{len(redone)} files parsed twice"
    ids = [json.loads(line)["id"] for line in (out / "releases.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(ids) == len(set(ids)), "duplicate records in releases.jsonl"
    return {"parsed before the kill": len(first), "summary after resume": done.stderr.strip().splitlines()[-1],
            "statuses": counts, "parsed twice": len(redone), "jsonl records": len(ids)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--releases", type=int, default=1000)
    ap.add_argument("--keep", type=Path, help="Build the tree and outputs here and keep them.")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="rp-bench-"))
    tree = work / "tree"
    try:
        started = time.monotonic()
        total = build(tree, args.releases)
        print(f"built {total} releases in {len(RENDER)} formats in {time.monotonic() - started:.1f} s")
        for workers in (1, 2):
            summary, counts = timed(tree, work / f"out{workers}", workers)
            rss = ", ".join(f"{mb:.0f} MB" for mb in summary.peak_rss_mb.values())
            print(f"{workers} worker(s): {summary.line()}; manifest {counts}; peak RSS per worker: {rss}")
        report = kill_and_resume(tree, work / "out-killed", total)
        print("kill half-way, then resume:", json.dumps(report))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
