"""Accuracy floors, measured by `releaseparse evaluate` on gold files."""

import shutil

import pytest

from conftest import CORPUS
from releaseparse.api import Parser
from releaseparse.evaluate import evaluate_folder
from releaseparse.pipeline import build
from releaseparse.resources import Resources


def test_seed_release_scores(parser, seed_dir):
    report = evaluate_folder(seed_dir, parser)
    assert report.macro_f1 >= 0.95, report.as_dict()
    for category, score in report.totals.items():
        if not score.empty:
            assert score.f1 >= 0.9, (category, report.as_dict())


@pytest.mark.parametrize("split, floor", [("test", 0.90), ("dev", 0.92)])
def test_corpus_split_scores(parser, split, floor):
    """Issue #2 asks 0.90 on test; measured test 0.921 and dev 0.930 on 2026-11-25. Dev holds 52
    releases: the 37 tuned on before this session, and the 15 invented-name releases 313–333 that
    scored 0.75 on first contact."""
    report = evaluate_folder(CORPUS / split, parser)
    assert len(report.files) >= 10 and not report.errors
    assert report.macro_f1 >= floor, report.as_dict()


def test_unseen_names_split_scores(parser):
    """Names no list holds (issue #3): measured people 0.966, teams 0.923, macro 0.888 with the
    model on 2026-11-25 (18 releases)."""
    report = evaluate_folder(CORPUS / "unseen", parser)
    assert report.totals["people"].f1 >= 0.90, report.as_dict()
    assert report.totals["teams"].f1 >= 0.85, report.as_dict()
    assert report.macro_f1 >= 0.85, report.as_dict()


def test_model_finds_the_people_the_first_name_list_does_not(tmp_path):
    """The model's own worth: with the 20k first-name list emptied, the rules alone lose the people
    whose first name they would have recognised, and the model finds them again. Measured on unseen
    on 2026-11-25: people 0.910 rules only, 0.971 with the model."""
    resources = tmp_path / "resources"
    shutil.copytree(Resources.load().root, resources)
    (resources / "first_names.txt").write_text("", encoding="utf-8")
    people = {}
    for no_model in (True, False):
        parser = Parser(nlp=build(resources, no_model=no_model))
        people[no_model] = evaluate_folder(CORPUS / "unseen", parser).totals["people"]
    assert people[False].f1 >= people[True].f1 + 0.05, people
    assert people[False].recall >= people[True].recall + 0.08, people


@pytest.mark.parametrize("split", ["train", "dev", "test", "unseen"])
def test_corpus_split_is_annotated(split):
    texts = [p for p in (CORPUS / split).iterdir() if not p.name.endswith(".gold.json") and p.suffix == ".txt"]
    golds = list((CORPUS / split).glob("*.gold.json"))
    assert len(texts) == len(golds) >= 8
