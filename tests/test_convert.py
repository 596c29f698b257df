"""`releaseparse convert`: a tree of every format and every kind of bad input, run as a user runs it."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from releaseparse.batch import Options, convert
from releaseparse.writers.atomic import TEMP_PREFIX
from test_readers import CORPUS, RENDER, render_docx, render_pdf, truncated

SMALL = sorted((CORPUS / "train").glob("*.txt"), key=lambda p: p.stat().st_size)[:3]


def run(*args, timeout=180):
    return subprocess.run([sys.executable, "-m", "releaseparse", "convert", *map(str, args)],
                          capture_output=True, timeout=timeout, text=True)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def manifest(out: Path) -> dict[str, dict]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return {entry["path"]: entry for entry in map(json.loads, lines)}


BAD = {
    "bad/zero.txt": lambda: b"",
    "bad/binary.txt": lambda: bytes(range(256)) * 64,
    "bad/truncated.docx": lambda: truncated(render_docx(SMALL[0].read_text(encoding="utf-8"))),
    "bad/encrypted.pdf": lambda: render_pdf(SMALL[0].read_text(encoding="utf-8"), encrypt="secret"),
    "bad/corrupt.pdf": lambda: b"%PDF-1.7\n" + os.urandom(4000),
    "bad/scanned.pdf": lambda: render_pdf("text\n", scanned=True),
    "bad/no_release.txt": lambda: b"Shopping list: milk, bread and eggs for the weekend.\n",
}
REASONS = {"bad/zero.txt": "empty", "bad/binary.txt": "binary", "bad/truncated.docx": "docx",
           "bad/encrypted.pdf": "encrypted", "bad/corrupt.pdf": "pdf", "bad/scanned.pdf": "OCR",
           "bad/no_release.txt": "no release", "bad/huge.txt": "larger than"}


def build_tree(root: Path) -> None:
    for source in SMALL:
        text = source.read_text(encoding="utf-8")
        for suffix, render in RENDER.items():
            path = root / suffix.lstrip(".") / (source.stem + suffix)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(render(text))
    for rel, make in BAD.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(make())
    with open(root / "bad" / "huge.txt", "wb") as f:
        f.truncate(50 * 2**20)  # 50 MB, sparse: costs no disk
    (root / "notes.png").write_bytes(b"\x89PNG\r\n\x1a\n")


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    root = tmp_path_factory.mktemp("convert")
    src, out = root / "in", root / "out"
    build_tree(src)
    before = snapshot(src)
    done = run(src, out, "--jsonl", "--csv", "--sqlite", "--workers", "2")
    return src, out, done, before


def test_exit_code_and_summary(converted):
    _, _, done, _ = converted
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"{len(SMALL) * len(RENDER)} parsed" in done.stderr.splitlines()[-1]
    assert f"{len(REASONS)} failed, 1 skipped" in done.stderr.splitlines()[-1]


def test_every_input_is_in_the_manifest(converted):
    src, out, _, _ = converted
    entries = manifest(out)
    assert set(entries) == set(snapshot(src))
    for rel, reason in REASONS.items():
        assert entries[rel]["status"] == "failed" and reason.lower() in entries[rel]["error"].lower(), rel
    assert entries["notes.png"]["status"] == "skipped"
    for rel, entry in entries.items():
        if entry["status"] == "parsed":
            assert entry["output"] == rel + ".json" and (out / entry["output"]).is_file()
            assert entry["sha256"] == hashlib.sha256((src / rel).read_bytes()).hexdigest()


def test_failures_are_one_line_each_naming_the_file(converted):
    src, _, done, _ = converted
    for rel, reason in REASONS.items():
        lines = [ln for ln in done.stderr.splitlines() if ln.startswith(f"releaseparse: {src / rel}: ")]
        assert len(lines) == 1, rel


def test_records_mirror_the_tree_and_say_their_format(converted):
    src, out, _, before = converted
    assert snapshot(src) == before  # nothing written into IN_DIR
    for source in SMALL:
        base = json.loads((out / "txt" / (source.stem + ".txt.json")).read_text(encoding="utf-8"))
        names = {p["name"] for p in base["people"]}
        for suffix in RENDER:
            record = json.loads((out / suffix.lstrip(".") / f"{source.stem}{suffix}.json").read_text())
            assert record["source"]["format"] == suffix.lstrip(".")
            assert record["source"]["path"].endswith(source.stem + suffix)
            found = {p["name"] for p in record["people"]}
            assert len(found & names) >= 0.8 * len(names), (suffix, names - found)
    rtf = json.loads((out / "rtf" / f"{SMALL[0].stem}.rtf.json").read_text())
    assert rtf["source"]["encoding"] == "cp1252"


def records(out: Path) -> dict[str, dict]:
    found = {}
    for entry in manifest(out).values():
        if entry["status"] == "parsed":
            record = json.loads((out / entry["output"]).read_text(encoding="utf-8"))
            found.setdefault(record["id"], record)
    return found


def test_jsonl_holds_every_release_once(converted):
    _, out, _, _ = converted
    lines = [json.loads(ln) for ln in (out / "releases.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["id"]: r for r in lines} == records(out)
    assert len(lines) == len(records(out))


def test_sqlite_tables_match_the_records(converted):
    _, out, _, _ = converted
    expected = records(out)
    db = sqlite3.connect(out / "releases.sqlite")
    db.row_factory = sqlite3.Row
    releases = {row["release_id"]: row for row in db.execute("SELECT * FROM releases")}
    assert set(releases) == set(expected)
    for rid, record in expected.items():
        assert releases[rid]["title"] == record["title"] and releases[rid]["text"] == record["text"]
        people = db.execute("SELECT * FROM people WHERE release_id=? ORDER BY person_index", (rid,)).fetchall()
        assert [(p["name"], p["nationality"], json.loads(p["mentions"])) for p in people] == \
            [(p["name"], p["nationality"], p["mentions"]) for p in record["people"]]
        results = db.execute("SELECT driver, session, position FROM results WHERE release_id=? "
                             "ORDER BY result_index", (rid,)).fetchall()
        assert [tuple(r) for r in results] == [(r["driver"], r["session"], r["position"]) for r in record["results"]]
        rows = db.execute("SELECT COUNT(*) FROM standings_rows WHERE release_id=?", (rid,)).fetchone()[0]
        assert rows == sum(len(s["rows"]) for s in record["standings"])
    indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "ix_people_name" in indexes and "ix_results_driver" in indexes
    with pytest.raises(sqlite3.IntegrityError):  # (release_id, index) is a key
        db.execute("INSERT INTO people (release_id, person_index, name) SELECT release_id, person_index, name "
                   "FROM people LIMIT 1")


def test_csv_tables_match_the_records(converted):
    _, out, _, _ = converted
    expected = records(out)
    tables = {}
    for name in ("releases", "people", "teams", "results", "quotes", "standings", "standings_rows", "events"):
        with open(out / "csv" / f"{name}.csv", encoding="utf-8", newline="") as f:
            tables[name] = list(csv.DictReader(f))
    assert {r["release_id"] for r in tables["releases"]} == set(expected)
    for rid, record in expected.items():
        text = next(r["text"] for r in tables["releases"] if r["release_id"] == rid)
        assert text == record["text"]
        for table, key in (("people", "people"), ("teams", "teams"), ("results", "results"),
                           ("quotes", "quotes"), ("standings", "standings"), ("events", "events")):
            assert sum(r["release_id"] == rid for r in tables[table]) == len(record[key]), table
        quotes = [r["text"] for r in tables["quotes"] if r["release_id"] == rid]
        assert quotes == [q["text"] for q in record["quotes"]]


def test_resume_skips_done_files_and_redoes_changed_ones(converted, tmp_path):
    src, out, _, _ = converted
    first = manifest(out)
    again = run(src, out, "--workers", "1")
    assert again.returncode == 1
    last = again.stderr.splitlines()[-1]
    assert f"0 parsed, {len(SMALL) * len(RENDER)} unchanged, {len(REASONS)} failed" in last
    assert all(manifest(out)[rel]["parsed_at"] == e["parsed_at"] for rel, e in first.items())
    assert (out / "releases.sqlite").exists()  # whole-run outputs kept from the first run


def test_force_redoes_everything_and_a_fixed_file_is_picked_up(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for source in SMALL[:2]:
        (src / source.name).write_bytes(source.read_bytes())
    (src / "later.txt").write_bytes(b"")
    assert run(src, out, "--workers", "1").returncode == 1
    (src / "later.txt").write_bytes(SMALL[2].read_bytes())
    done = run(src, out, "--workers", "1")
    assert done.returncode == 0 and "1 parsed, 2 unchanged, 0 failed" in done.stderr
    done = run(src, out, "--workers", "1", "--force")
    assert done.returncode == 0 and "3 parsed, 0 unchanged" in done.stderr


@pytest.mark.parametrize("inside", ["out", "."])
def test_output_inside_input_is_a_usage_error(tmp_path, inside):
    (tmp_path / "a.txt").write_bytes(SMALL[0].read_bytes())
    done = run(tmp_path, tmp_path / inside)
    assert done.returncode == 2 and "inside the input folder" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_missing_input_folder_is_a_usage_error(tmp_path):
    assert run(tmp_path / "nope", tmp_path / "out").returncode == 2


def test_killed_run_resumes_without_redoing_or_half_written_files(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    sources = sorted((CORPUS / "train").glob("*.txt"))
    for source in sources:
        (src / source.name).write_bytes(source.read_bytes())
    process = subprocess.Popen([sys.executable, "-m", "releaseparse", "convert", str(src), str(out),
                                "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = out / "manifest.journal.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if journal.exists() and len(journal.read_bytes().splitlines()) >= 5:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    # A temporary file is no record (the next run removes it), and a worker that was busy when its
    # parent died finishes that one file and renames it into place: list records, not temporaries.
    written = [p for p in out.glob("*.json") if not p.name.startswith(TEMP_PREFIX)]
    assert 5 <= len(written) < len(sources)
    for path in written:  # every record on disk is whole
        json.loads(path.read_text(encoding="utf-8"))
    before = {json.loads(ln)["path"]: json.loads(ln)["parsed_at"]
              for ln in journal.read_text(encoding="utf-8").splitlines() if ln.endswith("}")}
    done = run(src, out, "--workers", "2")
    assert done.returncode == 0, done.stderr
    entries = manifest(out)
    assert set(entries) == {s.name for s in sources}
    assert all(e["status"] == "parsed" for e in entries.values())
    assert all(entries[rel]["parsed_at"] == at for rel, at in before.items())  # none parsed twice
    assert f"{len(sources) - len(before)} parsed, {len(before)} unchanged" in done.stderr
    assert not journal.exists() and not list(out.rglob(".rp-tmp-*"))


def test_unreadable_file_is_a_failed_entry(tmp_path, monkeypatch):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "ok.txt").write_bytes(SMALL[0].read_bytes())
    (src / "locked.txt").write_bytes(SMALL[1].read_bytes())
    os.chmod(src / "locked.txt", 0)
    if os.geteuid() == 0:  # root reads anything: make the open fail as it would for a user
        import releaseparse.batch as batch

        real = batch.sha256_file

        def denied(path):
            if path.name == "locked.txt":
                raise PermissionError(13, "Permission denied")
            return real(path)

        monkeypatch.setattr(batch, "sha256_file", denied)
    summary = convert(Options(in_dir=src, out_dir=out, workers=1), echo=lambda m: None)
    assert (summary.parsed, summary.failed) == (1, 1) and summary.exit_code == 1
    assert manifest(out)["locked.txt"]["error"] == "Permission denied"


def test_a_file_past_the_timeout_is_given_up(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "slow.txt").write_bytes(SMALL[0].read_bytes() * 2500)  # 6 MB: seconds of work
    summary = convert(Options(in_dir=src, out_dir=out, workers=1, timeout=0.2), echo=lambda m: None)
    assert summary.failed == 1
    assert "timed out" in manifest(out)["slow.txt"]["error"]


def test_rules_only_conversion_is_a_different_parser_version(tmp_path):
    """Switching --no-model on redoes every file: its records differ from the model's."""
    from releaseparse.batch import parser_version

    assert parser_version() != parser_version(no_model=True)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Nina Berg (SWE) won Race 1 at Knutstorp.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "releaseparse", "convert", str(src), str(tmp_path / "out"),
                           "--no-model", "--workers", "1"], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "out" / "a.txt.json").read_text())["people"][0]["name"] == "Nina Berg"
