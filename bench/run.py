"""Benchmark: how fast releaseparse is against its floor, how it scales, and where it breaks.

One run measures reading and bare tokenizing (the floor), our pipeline, `releaseparse convert`
(when it exists), peak memory, time per KB as one text grows, and pathological inputs; it prints
a table and writes every figure to JSON so that two runs can be compared. Anything that might
hang runs in a child process with a timeout. Not part of the test suite; see bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SPLITS = ("train", "dev", "test", "unseen")
OUT_DIR = REPO / "bench" / "out"
KB = 1024
SCALING_SIZES = {"10KB": 10 * KB, "100KB": 100 * KB, "1MB": 1024 * KB}
PATHOLOGICAL = ("one_line_1MB", "short_lines_100k", "standings_rows_10k")
NO_MODEL_ENV = "RP_BENCH_NO_MODEL"  # set for a rules-only run, read by the child processes too
RUSAGE_ENV = "RP_BENCH_RUSAGE"  # where the convert wrapper leaves its rusage


def quiet_spacy() -> None:
    """A pipeline saved with an empty gazetteer warns (W036) on every Doc, which would swamp the table."""
    warnings.filterwarnings("ignore", message=r".*\[W036\]")


def max_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KB


def words(text: str) -> int:
    return len(text.split())


# --- inputs ------------------------------------------------------------------------------------
def corpus_files() -> list[Path]:
    return sorted(p for split in SPLITS for p in (CORPUS / split).glob("*.txt"))


def base_release() -> Path:
    """The release the scaling inputs repeat: the largest in train/ (tables, quotes and prose)."""
    return max((CORPUS / "train").glob("*.txt"), key=lambda p: (p.stat().st_size, p.name))


def replicate(files: list[Path], n: int, folder: Path) -> list[Path]:
    """`n` release files cycling through the corpus; copies differ in trailing white space only,
    so nothing that deduplicates by content hash can skip them."""
    out = []
    for i in range(n):
        src = files[i % len(files)]
        copy = i // len(files)
        path = folder / f"{i:06d}_{src.name}"
        path.write_bytes(src.read_bytes() + b"\n" + b" " * copy)
        out.append(path)
    return out


def repeat_to(text: str, size: int, joiner: str = "\n\n") -> str:
    """`text` repeated until it is `size` characters long, cut at a line break where there is one."""
    piece = text.strip() + joiner
    whole = piece * (size // len(piece) + 1)
    cut = whole.rfind("\n", 0, size)
    return whole[: cut if cut > size // 2 else size]


def standings_rows(n: int) -> str:
    """'12: Some Name (FRA), 61 p.' rows: tables of 999 rising positions, all names distinct."""
    first = ("Anna", "Bruno", "Clara", "Dario", "Elsa", "Felix", "Greta", "Hugo", "Ines", "Jonas")
    syll = ("ka", "lo", "ver", "mi", "son", "tel", "ra", "den", "qui", "bor")
    nats = ("FRA", "GBR", "DEU", "SWE", "ITA", "ESP", "FIN", "USA", "JPN", "BRA")
    lines = ["Drivers' championship standings after round 2 of 8:", ""]
    for i in range(n):
        pos = i % 999 + 1
        a, b, c, d = (i // 1000) % 10, (i // 100) % 10, (i // 10) % 10, i % 10
        surname = (syll[b] + syll[c] + syll[d]).capitalize() + syll[a]
        lines.append(f"{pos}: {first[(a + d) % 10]} {surname} ({nats[c]}), {2 * (1000 - pos)} p.")
    return "\n".join(lines) + "\n"


def make_input(kind: str, base: str) -> str:
    if kind in SCALING_SIZES:
        return repeat_to(base, SCALING_SIZES[kind])
    if kind == "one_line_1MB":
        return repeat_to(" ".join(base.split()), 1024 * KB, joiner=" ").replace("\n", " ")
    if kind == "short_lines_100k":
        ws = base.split()
        return "\n".join(" ".join(ws[(2 * i) % len(ws) : (2 * i) % len(ws) + 2]) for i in range(100_000))
    if kind == "standings_rows_10k":
        return standings_rows(10_000)
    raise ValueError(kind)


# --- in-process measurements -------------------------------------------------------------------
def summary(name: str, seconds: float, n: int, n_words: int, **extra) -> dict:
    return {"name": name, "seconds": seconds, "releases": n, "words": n_words,
            "releases_per_s": n / seconds if seconds else None,
            "words_per_s": n_words / seconds if seconds else None,
            "peak_rss_mb": max_rss_mb(), **extra}


def bench_read_raw(paths: list[Path]) -> dict:
    """Floor: bytes from disk, decoded as UTF-8 (replacing what is not)."""
    t = time.perf_counter()
    texts = [p.read_bytes().decode("utf-8", "replace") for p in paths]
    seconds = time.perf_counter() - t
    return summary("read files (floor)", seconds, len(texts), sum(map(words, texts)))


def bench_read_ours(paths: list[Path]) -> tuple[dict, list[str]]:
    """Our reader: encoding detection and mojibake repair; its texts feed the next rows."""
    from releaseparse.readers import read_file

    t = time.perf_counter()
    texts = [read_file(p)[1].text for p in paths]
    seconds = time.perf_counter() - t
    return summary("read+decode (releaseparse.readers)", seconds, len(texts), sum(map(words, texts))), texts


def bench_tokenizer(texts: list[str]) -> dict:
    """Floor: spaCy's blank English tokenizer, no pipes, nothing downloaded."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    tokenizer(texts[0])
    t = time.perf_counter()
    tokens = sum(len(tokenizer(text)) for text in texts)
    seconds = time.perf_counter() - t
    return summary("spacy.blank('en') tokenizer (floor)", seconds, len(texts), sum(map(words, texts)),
                   tokens=tokens)


def bench_parse(parser, texts: list[str]) -> dict:
    for text in texts[:5]:  # warm lazy look-ups and caches
        parser.parse_text(text)
    latencies = []
    failures = 0
    t = time.perf_counter()
    for text in texts:
        s = time.perf_counter()
        try:
            parser.parse_text(text)
        except Exception:  # noqa: BLE001 - a failing release is counted, not fatal to the bench
            failures += 1
        latencies.append(time.perf_counter() - s)
    seconds = time.perf_counter() - t
    latencies.sort()
    return summary("parse (parser.parse_text, 1 process)", seconds, len(texts), sum(map(words, texts)),
                   p50_ms=1000 * statistics.median(latencies),
                   p99_ms=1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))],
                   max_ms=1000 * latencies[-1], failures=failures)


def component_times(parser, texts: list[str]) -> dict[str, float]:
    """Seconds spent in each pipeline component over `texts` (tokenizer as 'make_doc')."""
    totals = {"make_doc": 0.0, **{name: 0.0 for name, _ in parser.nlp.pipeline}}
    for text in texts:
        t = time.perf_counter()
        doc = parser.nlp.make_doc(text)
        totals["make_doc"] += time.perf_counter() - t
        for name, proc in parser.nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            totals[name] += time.perf_counter() - t
    return totals


# --- child processes ---------------------------------------------------------------------------
def child_input(kind: str) -> None:
    """In a child: parse one generated input, print its time; then, as a second line, per component."""
    quiet_spacy()
    from releaseparse import load

    parser = load(no_model=bool(os.environ.get(NO_MODEL_ENV)))
    base = base_release().read_text(encoding="utf-8")
    parser.parse_text(base)  # warm up: lazy look-ups, regex compilation, dateparser
    text = make_input(kind, base)
    print(json.dumps({"kind": kind, "chars": len(text), "lines": text.count("\n") + 1,
                      "words": words(text)}), flush=True)  # known even if the parse times out
    runs = 3 if len(text) <= 100 * KB else 1
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        parser.parse_text(text)
        times.append(time.perf_counter() - t)
    seconds = statistics.median(times)
    print(json.dumps({"seconds": seconds, "peak_rss_mb": max_rss_mb()}), flush=True)
    print(json.dumps({"components": component_times(parser, [text])}), flush=True)


def run_child_input(kind: str, timeout: float) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child-input", kind]
    t = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        stdout, status = proc.stdout, "ok" if proc.returncode == 0 else f"exit {proc.returncode}"
        stderr = proc.stderr
    except subprocess.TimeoutExpired as exc:
        stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        stderr, status = "", f"timeout > {timeout:.0f} s"
    wall = time.perf_counter() - t
    result: dict = {"kind": kind, "status": status, "wall_seconds": wall}
    lines = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    for line in lines:
        result.update(line)
    if "seconds" not in result:
        result["seconds"] = None
        if status.startswith("timeout"):
            result["seconds_at_least"] = timeout  # includes loading; a bound, not a measurement
        if status.startswith("exit"):
            result["error"] = (stderr.strip().splitlines() or [""])[-1][:200]
    elif "components" not in result and status.startswith("timeout"):
        result["status"] = f"ok (component pass timed out > {timeout:.0f} s)"
    return result


def child_convert(argv: list[str]) -> None:
    """In a child: run `releaseparse convert` in this process, then record this process's peak RSS
    and the largest of its workers'."""
    quiet_spacy()
    from releaseparse.cli import main

    code = 0
    try:
        main(args=argv, prog_name="releaseparse")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        Path(os.environ[RUSAGE_ENV]).write_text(json.dumps(
            {"main_rss_mb": max_rss_mb(), "worker_rss_mb": max_rss_mb(resource.RUSAGE_CHILDREN),
             "main_vmhwm_mb": vmhwm_mb()}))
    sys.exit(code)


def child_hop(argv: list[str]) -> None:
    """Start `argv` from this small process: Linux carries a parent's peak RSS across fork and
    exec into the child's ru_maxrss, so convert must not be forked from the big bench process."""
    sys.exit(subprocess.call([sys.executable, str(Path(__file__).resolve()), *argv]))


def vmhwm_mb() -> float | None:
    """Peak RSS of this process image alone (/proc), to cross-check ru_maxrss."""
    match = re.search(r"VmHWM:\s+(\d+) kB", Path("/proc/self/status").read_text())
    return int(match.group(1)) / 1024 if match else None


# --- convert -----------------------------------------------------------------------------------
def convert_help() -> str | None:
    """`releaseparse convert --help`, or None when there is no such command."""
    proc = subprocess.run([sys.executable, "-m", "releaseparse", "convert", "--help"],
                          capture_output=True, text=True, timeout=60)
    return proc.stdout if proc.returncode == 0 else None


def convert_argv(help_text: str, template: str | None, src: Path, dst: Path, workers: int) -> list[str]:
    """Arguments for convert, read off its --help (or from --convert-args when the guess is wrong)."""
    if template:
        return template.format(input=src, output=dst, workers=workers).split()
    argv = ["convert", str(src)]
    out = re.search(r"(--out(?:put)?(?:-dir)?|-o)\b", help_text)
    if out:
        argv += [out.group(1), str(dst)]
    else:
        argv.append(str(dst))
    jobs = re.search(r"(--workers|--jobs|--processes|-j|-w)\b", help_text)
    if jobs:
        argv += [jobs.group(1), str(workers)]
    elif workers != 1:
        raise ValueError("convert --help names no workers option")
    if os.environ.get(NO_MODEL_ENV):
        argv.append("--no-model")
    return argv


def bench_convert(help_text: str, template: str | None, src: Path, n: int, n_words: int,
                  workers: int, timeout: float) -> dict:
    name = f"convert end to end, {workers} worker{'s' if workers > 1 else ''}"
    with tempfile.TemporaryDirectory(prefix="rp-bench-convert-") as tmp:
        dst, usage = Path(tmp) / "out", Path(tmp) / "rusage.json"
        try:
            argv = convert_argv(help_text, template, src, dst, workers)
        except ValueError as exc:
            return {"name": name, "status": f"not run: {exc}"}
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child-hop", "--child-convert", *argv]
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True, env={**os.environ, RUSAGE_ENV: str(usage)})
        try:
            stderr = proc.communicate(timeout=timeout)[1]
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the hop, convert and its workers
            proc.communicate()
            return {"name": name, "status": f"timeout > {timeout:.0f} s", "argv": argv}
        seconds = time.perf_counter() - t
        outputs = sum(1 for p in dst.rglob("*") if p.is_file()) if dst.exists() else 0
        result = {"name": name, "argv": argv, "seconds": seconds, "releases": n, "words": n_words,
                  "releases_per_s": n / seconds, "words_per_s": n_words / seconds, "output_files": outputs,
                  "status": "ok" if proc.returncode == 0 else f"exit {proc.returncode}: "
                  + (stderr.strip().splitlines() or [""])[-1][:200]}
        if usage.exists():
            result.update(json.loads(usage.read_text()))
            result["peak_rss_mb"] = result["main_rss_mb"]
        return result


# --- report ------------------------------------------------------------------------------------
def fmt(value, spec: str = ",.0f") -> str:
    return "—" if value is None else format(value, spec)


def seconds_text(row: dict) -> str:
    if row.get("seconds") is not None:
        return fmt(row["seconds"], ".3f")
    return f">{row['seconds_at_least']:.0f}" if row.get("seconds_at_least") else "—"


def print_report(report: dict) -> None:
    rows, tok = report["throughput"], report["throughput"][2]["seconds"]
    print(f"\nreleaseparse bench — {report['meta']['releases']:,} releases, "
          f"{report['meta']['words']:,} words, {report['meta']['cpus']} CPUs\n")
    head = f"{'row':<40} {'rel/s':>9} {'words/s':>11} {'p50 ms':>8} {'p99 ms':>8} {'×tok':>7} {'RSS MB':>15}"
    print(head)
    print("-" * len(head))
    for row in rows:
        if "seconds" not in row:
            print(f"{row['name']:<40} {row['status']}")
            continue
        ratio = row["seconds"] / tok if tok else None
        rss = fmt(row.get("peak_rss_mb"))
        if row.get("worker_rss_mb"):
            rss = f"{rss} (w {fmt(row['worker_rss_mb'])})"
        note = "" if row.get("status", "ok") == "ok" else f"  [{row['status']}]"
        print(f"{row['name']:<40} {fmt(row['releases_per_s'], ',.1f'):>9} {fmt(row['words_per_s']):>11} "
              f"{fmt(row.get('p50_ms'), '.1f'):>8} {fmt(row.get('p99_ms'), '.1f'):>8} "
              f"{fmt(ratio, '.1f'):>7} {rss:>15}{note}")
    comps = report["components_corpus"]
    total = sum(comps.values()) or 1
    print("\nper component over the distinct corpus releases: "
          + ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in sorted(comps.items(), key=lambda kv: -kv[1])))
    print(f"\nscaling: {report['meta']['base_release']} repeated")
    for row in report["scaling"]:
        per_kb = row.get("ms_per_kb")
        slow = max(row.get("components", {}).items(), key=lambda kv: kv[1], default=(None, 0))
        bound = ">" if row.get("seconds") is None and per_kb else " "
        print(f"  {row['kind']:>6}  {fmt(row.get('chars')):>10} chars  {seconds_text(row):>8} s  "
              f"{bound}{fmt(per_kb, '.2f'):>7} ms/KB  {row['status']}"
              + (f"  (slowest: {slow[0]} {slow[1]:.2f} s)" if slow[0] else ""))
    bound = "at least " if report["scaling_ratio_is_lower_bound"] and report["scaling_ratio"] else ""
    print(f"  per-KB time at 1 MB / at 10 KB: {bound}{fmt(report['scaling_ratio'], '.1f')} (flat = 1)")
    print("\npathological inputs (each in a child process, timeout "
          f"{report['meta']['timeout_s']:.0f} s)")
    for row in report["pathological"]:
        slow = max(row.get("components", {}).items(), key=lambda kv: kv[1], default=(None, 0))
        print(f"  {row['kind']:<20} {fmt(row.get('chars')):>10} chars  {seconds_text(row):>8} s  "
              f"RSS {fmt(row.get('peak_rss_mb'))} MB  {row['status']}"
              + (f"  (slowest: {slow[0]} {slow[1]:.2f} s)" if slow[0] else ""))


# --- main --------------------------------------------------------------------------------------
def run(args: argparse.Namespace) -> dict:
    quiet_spacy()
    import spacy

    import releaseparse

    files = corpus_files()
    base = base_release()
    meta = {"started": datetime.now().isoformat(timespec="seconds"), "releases": args.releases,
            "corpus_files": len(files), "base_release": str(base.relative_to(REPO)),
            "python": platform.python_version(), "spacy": spacy.__version__,
            "releaseparse": releaseparse.__version__, "platform": platform.platform(),
            "cpus": os.cpu_count(), "timeout_s": args.timeout}
    report: dict = {"meta": meta}
    with tempfile.TemporaryDirectory(prefix="rp-bench-corpus-") as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        paths = replicate(files, args.releases, src)
        print(f"corpus: {len(files)} releases replicated to {len(paths):,} files", file=sys.stderr)
        raw = bench_read_raw(paths)
        ours, texts = bench_read_ours(paths)
        meta["words"] = raw["words"]
        rows = [raw, ours, bench_tokenizer(texts)]
        parser = releaseparse.load(no_model=args.no_model)
        meta["no_model"] = args.no_model
        meta["rss_after_load_mb"] = max_rss_mb()
        print("parsing…", file=sys.stderr)
        rows.append(bench_parse(parser, texts))
        report["components_corpus"] = component_times(parser, texts[: len(files)])
        help_text = convert_help()
        for workers in (1, 2):
            if help_text is None:
                rows.append({"name": f"convert, {workers} worker{'s' if workers > 1 else ''}",
                             "status": "convert: not available"})
                continue
            print(f"convert, {workers} worker(s)…", file=sys.stderr)
            rows.append(bench_convert(help_text, args.convert_args, src, len(paths), raw["words"],
                                      workers, args.convert_timeout))
        report["throughput"] = rows
    print("scaling and pathological inputs…", file=sys.stderr)
    report["scaling"] = [run_child_input(kind, args.timeout) for kind in SCALING_SIZES]
    for row in report["scaling"]:
        seconds = row.get("seconds") or row.get("seconds_at_least")
        row["ms_per_kb"] = 1000 * seconds / (row["chars"] / KB) if seconds and row.get("chars") else None
    first, last = report["scaling"][0], report["scaling"][-1]
    ratio = last["ms_per_kb"] / first["ms_per_kb"] if first.get("seconds") and last["ms_per_kb"] else None
    report["scaling_ratio"] = ratio
    report["scaling_ratio_is_lower_bound"] = last.get("seconds") is None
    report["pathological"] = [run_child_input(kind, args.timeout) for kind in PATHOLOGICAL]
    return report


def main() -> None:
    if sys.argv[1:2] == ["--child-input"]:  # internal: see run_child_input / bench_convert
        return child_input(sys.argv[2])
    if sys.argv[1:2] == ["--child-hop"]:
        return child_hop(sys.argv[2:])
    if sys.argv[1:2] == ["--child-convert"]:
        return child_convert(sys.argv[2:])
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--releases", type=int, default=5000, help="releases to replicate the corpus to (default 5000)")
    ap.add_argument("--out", type=Path, default=None,
                    help="JSON file to write (default bench/out/results-<date>-<time>.json)")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per scaling / pathological input")
    ap.add_argument("--convert-timeout", type=float, default=1800, help="seconds per convert run")
    ap.add_argument("--convert-args", default=None,
                    help="convert arguments if the guess from its --help is wrong, e.g. "
                         "'convert {input} --out {output} --workers {workers}'")
    ap.add_argument("--no-model", action="store_true", help="rules only: leave the trained name model out")
    args = ap.parse_args()
    if args.no_model:
        os.environ[NO_MODEL_ENV] = "1"
    report = run(args)
    out = args.out or OUT_DIR / f"results-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, default=str))
    print_report(report)
    print(f"\nJSON: {out}")


if __name__ == "__main__":
    main()
