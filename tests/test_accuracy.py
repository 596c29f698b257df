"""Accuracy floors, measured by `releaseparse evaluate` on gold files."""

import pytest

from conftest import CORPUS
from releaseparse import load
from releaseparse.evaluate import evaluate_folder


def test_seed_release_scores(parser, seed_dir):
    report = evaluate_folder(seed_dir, parser)
    assert report.macro_f1 >= 0.95, report.as_dict()
    for category, score in report.totals.items():
        if not score.empty:
            assert score.f1 >= 0.9, (category, report.as_dict())


@pytest.mark.parametrize("split, floor", [("test", 0.90), ("dev", 0.93)])
def test_corpus_split_scores(parser, split, floor):
    """Issue #2 asks 0.90 on test; measured test 0.915 and dev 0.939 (37 releases) on 2026-11-25."""
    report = evaluate_folder(CORPUS / split, parser)
    assert len(report.files) >= 10 and not report.errors
    assert report.macro_f1 >= floor, report.as_dict()


def test_unseen_names_split_scores(parser):
    """Names no list holds (issue #3): measured people 0.967 and teams 0.863 with the model, teams
    0.800 rules only, on 2026-11-25."""
    report = evaluate_folder(CORPUS / "unseen", parser)
    rules_only = evaluate_folder(CORPUS / "unseen", load(no_model=True))
    assert report.totals["people"].f1 >= 0.90, report.as_dict()
    assert report.totals["teams"].f1 >= 0.85, report.as_dict()
    assert report.totals["teams"].f1 >= rules_only.totals["teams"].f1 + 0.05, rules_only.as_dict()
    assert report.macro_f1 >= 0.85, report.as_dict()


@pytest.mark.parametrize("split", ["train", "dev", "test", "unseen"])
def test_corpus_split_is_annotated(split):
    texts = [p for p in (CORPUS / split).iterdir() if not p.name.endswith(".gold.json") and p.suffix == ".txt"]
    golds = list((CORPUS / split).glob("*.gold.json"))
    assert len(texts) == len(golds) >= 8
