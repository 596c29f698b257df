"""The unseen-names split holds what it promises: its names appear nowhere the parser could have learnt them.

Issue #3 measures the model on `corpus/unseen`; the figure means something only if no person, team
or circuit of that split is in corpus/train, corpus/dev or the gazetteers in `resources/`.
"""

import json

import pytest

from releaseparse.training.data import find_all, fold_chars

from conftest import CORPUS, ROOT

RESOURCES = ROOT / "src" / "releaseparse" / "resources"


@pytest.fixture(scope="module")
def known_text() -> str:
    """Everything the rules and the model are built from, folded as the aligner folds it."""
    files = [p for split in ("train", "dev") for p in sorted((CORPUS / split).iterdir())]
    files += sorted(RESOURCES.glob("*.jsonl")) + [RESOURCES / "team_words.txt"]
    return fold_chars("\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files))


def unseen_names():
    for gold_path in sorted((CORPUS / "unseen").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        names = [p["name"] for p in gold["people"]] + [t["name"] for t in gold["teams"]]
        names += [e["circuit"] for e in gold["events"] if e.get("circuit")]
        yield from ((gold_path.name, name) for name in names)


def test_unseen_split_names_appear_nowhere_else(known_text):
    seen = [(release, name) for release, name in unseen_names() if next(iter(find_all(known_text, name)), None)]
    assert not seen, f"names of corpus/unseen found in train, dev or the gazetteers: {seen}"


def test_unseen_split_is_not_trivially_small():
    assert sum(1 for _ in unseen_names()) >= 100
