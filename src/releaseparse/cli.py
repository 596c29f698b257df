"""Command line: arguments in, library calls, exit codes out (0 ok, 1 input failed, 2 usage)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .readers import ReadError


def fail(path: str, reason: str) -> None:
    """One line naming the file and the reason, then exit 1."""
    click.echo(f"releaseparse: {path}: {reason}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="releaseparse")
def main() -> None:
    """Turn motorsport press releases into structured, verifiable records."""


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--model", "model_dir", type=click.Path(file_okay=False), help="A models/ folder to load instead.")
@click.option("--no-model", is_flag=True, help="Rules only: leave the trained name model out.")
def parse(file: str, model_dir: str | None, no_model: bool) -> None:
    """Parse one release (FILE, or - for standard input) and print its record as JSON."""
    from .api import load

    parser = load(model_dir, no_model=no_model)
    try:
        if file == "-":
            data = sys.stdin.buffer.read()
            record = parser.parse_bytes(data, ".txt", path=None)
        else:
            record = parser.parse_file(file)
    except ReadError as exc:
        fail("<stdin>" if file == "-" else file, str(exc))
    click.echo(record.model_dump_json(indent=2))


@main.command()
def schema() -> None:
    """Print the JSON Schema of one release record."""
    from .records import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--model", "model_dir", type=click.Path(file_okay=False), help="A models/ folder to load instead.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--per-file", is_flag=True, help="Also print the macro F1 of each release.")
@click.option("--no-model", is_flag=True, help="Rules only: leave the trained name model out.")
def evaluate(folder: str, model_dir: str | None, as_json: bool, per_file: bool, no_model: bool) -> None:
    """Score the releases of FOLDER against their .gold.json files."""
    from .api import load
    from .evaluate import evaluate_folder, format_table

    report = evaluate_folder(Path(folder), load(model_dir, no_model=no_model))
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        click.echo(format_table(report, per_file=per_file))


@main.command("build-model")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Folder to write the pipeline into (default: the repository's models/).")
def build_model(out_dir: str | None) -> None:
    """Rebuild the rule pipeline in models/ from the resources data."""
    from . import pipeline

    target = Path(out_dir) if out_dir else Path(__file__).resolve().parents[2] / "models"
    path = pipeline.save(pipeline.build(), target)
    click.echo(f"wrote {path}")


@main.command()
@click.argument("in_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--jsonl", is_flag=True, help="Also write all records to OUT_DIR/releases.jsonl.")
@click.option("--csv", "as_csv", is_flag=True, help="Also write one CSV per record type to OUT_DIR/csv/.")
@click.option("--sqlite", is_flag=True, help="Also write the tables to OUT_DIR/releases.sqlite.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the machine's cores).")
@click.option("--force", is_flag=True, help="Parse every file again, even those already done.")
@click.option("--timeout", type=click.FloatRange(min=1), default=60.0, show_default=True,
              help="Seconds one file may take before it is given up.")
@click.option("--model", "model_dir", type=click.Path(file_okay=False, path_type=Path),
              help="A models/ folder to load instead.")
@click.option("--no-model", is_flag=True, help="Rules only: leave the trained name model out (fastest).")
def convert(in_dir: Path, out_dir: Path, jsonl: bool, as_csv: bool, sqlite: bool, workers: int | None,
            force: bool, timeout: float, model_dir: Path | None, no_model: bool) -> None:
    """Convert every release under IN_DIR into a JSON record under OUT_DIR (with a manifest)."""
    from .batch import Options, UsageError
    from .batch import convert as run

    options = Options(in_dir=in_dir, out_dir=out_dir, force=force, jsonl=jsonl, csv=as_csv,
                      sqlite=sqlite, timeout=timeout, model_dir=model_dir, no_model=no_model)
    if workers:
        options.workers = workers
    try:
        summary = run(options, terminal=sys.stderr.isatty(), echo=lambda m: click.echo(m, err=True))
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    except RuntimeError as exc:
        click.echo(f"releaseparse: {exc}", err=True)
        sys.exit(2)
    click.echo(f"releaseparse: {summary.line()}", err=True)
    sys.exit(summary.exit_code)


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="models/ folder to write ner/ and the rebuilt pipeline/ into (default: the repository's).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Training config (default: src/releaseparse/training/ner.cfg).")
@click.option("--train-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Gold releases to train on (default: corpus/train).")
@click.option("--dev-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Gold releases scored after each epoch (default: corpus/dev).")
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE",
              help="Override a config value, e.g. --set training.max_epochs=2 (JSON values).")
@click.option("--score/--no-score", default=True, show_default=True,
              help="Evaluate dev, test and unseen with and without the model and record it in meta.json.")
def train(out_dir: Path | None, config_path: Path | None, train_dir: Path | None, dev_dir: Path | None,
          settings: tuple[str, ...], score: bool) -> None:
    """Train the name model (tok2vec + ner) on corpus/train and add it to the pipeline in models/."""
    from . import pipeline
    from .training.train import CONFIG, REPO, evaluate_splits, record_scores, train_ner

    overrides = {}
    for item in settings:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"--set {item}: expected KEY=VALUE")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    target = out_dir or REPO / "models"
    command = " ".join(["releaseparse", *sys.argv[1:]])
    ner_dir = train_ner(target, config_path or CONFIG, train_dir, dev_dir, overrides, command=command,
                        log=lambda line: click.echo(line, err=True))
    path = pipeline.save(pipeline.build(ner_dir=ner_dir), target)
    click.echo(f"wrote {ner_dir} and {path}")
    if score:
        splits = [REPO / "corpus" / name for name in ("dev", "test", "unseen")]
        scores = evaluate_splits(target, [s for s in splits if s.is_dir()])
        record_scores(ner_dir, scores)
        click.echo(json.dumps(scores, indent=2))
