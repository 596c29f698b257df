"""Train the name model from a config file and write it, with its provenance, into models/.

`train_ner` trains `rp_ner` (tok2vec + ner) with spaCy's own training loop on corpus/train
(augmented, see `augment`), keeps the last epoch (corpus/dev is scored, not used to choose), and writes it to `OUT/ner`:
the spaCy model (config.cfg, meta.json, weights), the config it was trained from (train.cfg) and,
in meta.json under "releaseparse_training", the command, the corpus fingerprint, the versions and
the scores. `pipeline.build()` picks up `models/ner` and adds it to the pipeline before `rp_people`.
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil
import tempfile
import time
from importlib import metadata
from pathlib import Path

import spacy
from spacy.util import load_config

from . import data  # noqa: F401  (registers the corpus reader)
from . import prose_ner  # noqa: F401  (registers rp_ner)

CONFIG = Path(__file__).with_name("ner.cfg")
REPO = Path(__file__).resolve().parents[3]
NER_DIR = "ner"
# The last epoch, not the one that scored best on corpus/dev: dev grows as releases are written to tune
# the rules, and the model should not change with it. Dev is still scored each epoch and recorded.
KEPT = "model-last"


def corpus_fingerprint(*folders: Path) -> dict[str, str]:
    """sha256 over the names and bytes of each folder's files, in name order."""
    out = {}
    for folder in folders:
        digest = hashlib.sha256()
        for path in sorted(Path(folder).iterdir()):
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        out[Path(folder).name] = digest.hexdigest()
    return out


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for package in ("spacy", "thinc", "numpy", "faker", "releaseparse"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            pass
    return found


def train_ner(out_dir: Path, config_path: Path = CONFIG, train_dir: Path | None = None,
              dev_dir: Path | None = None, overrides: dict | None = None, command: str = "",
              log=print) -> Path:
    """Train and write `out_dir/ner`; returns that folder."""
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as spacy_train
    from thinc.api import fix_random_seed, set_dropout_rate

    train_dir = Path(train_dir or REPO / "corpus" / "train")
    dev_dir = Path(dev_dir or REPO / "corpus" / "dev")
    settings = {"paths.train": str(train_dir), "paths.dev": str(dev_dir), **(overrides or {})}
    config = load_config(config_path, overrides=settings, interpolate=False)
    fix_random_seed(config["system"]["seed"])
    started = time.perf_counter()
    nlp = init_nlp(config.interpolate())
    target = Path(out_dir) / NER_DIR
    with tempfile.TemporaryDirectory() as tmp:
        spacy_train(nlp, Path(tmp), stdout=_Writer(log))
        trained = spacy.load(Path(tmp) / KEPT)
        for _, component in trained.pipeline:
            set_dropout_rate(component.model, 0.0)  # saved mid-training with the training dropout in its attrs
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        trained.to_disk(target)
    shutil.copyfile(config_path, target / "train.cfg")
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["name"], meta["version"] = "releaseparse_ner", "0.1.0"
    meta["releaseparse_training"] = {
        "command": command or "releaseparse train",
        "config": "train.cfg",
        "overrides": {k: v for k, v in settings.items() if not k.startswith("paths.")},
        "train": train_dir.name, "dev": dev_dir.name,
        "corpus_sha256": corpus_fingerprint(train_dir, dev_dir),
        "seed": config["system"]["seed"],
        "versions": versions(),
        "seconds": round(time.perf_counter() - started, 1),
        "dev_ner": {k: v for k, v in (meta.get("performance") or {}).items() if k.startswith("ents")},
    }
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def record_scores(ner_dir: Path, scores: dict) -> None:
    """Add `releaseparse evaluate` figures to the model's meta.json."""
    meta_path = Path(ner_dir) / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["releaseparse_training"]["evaluate"] = scores
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def evaluate_splits(model_dir: Path, folders: list[Path]) -> dict:
    """Macro F1 and people / teams F1 of each folder, with the model and without it."""
    from ..api import Parser
    from ..evaluate import evaluate_folder
    from ..pipeline import load

    out: dict = {}
    for no_model in (False, True):
        parser = Parser(nlp=load(model_dir, no_model=no_model))
        for folder in folders:
            report = evaluate_folder(folder, parser).as_dict()
            out.setdefault(folder.name, {})["no_model" if no_model else "model"] = {
                "macro_f1": report["macro_f1"],
                **{c: report["categories"][c]["f1"] for c in ("people", "teams")},
            }
    return out


class _Writer:
    """A file-like object for spaCy's console logger that hands each line to `log`."""

    def __init__(self, log):
        self.log = log

    def write(self, text: str) -> None:
        if text.strip():
            self.log(text.rstrip("\n"))

    def flush(self) -> None:
        pass
