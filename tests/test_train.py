"""`releaseparse train` end to end on a tiny slice: 2 releases, one short epoch, into tmp_path."""

import os
import shutil
import subprocess
import sys

import pytest
import spacy

from conftest import CORPUS
from releaseparse import pipeline
from releaseparse.api import Parser
from releaseparse.training.data import gold_mentions, release_chunks, release_text
from releaseparse.training.train import train_ner

TINY = {"training.max_epochs": 1, "training.eval_frequency": 20, "corpora.train.augment": 0}


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    for split in ("train", "dev"):
        (root / split).mkdir()
        for gold in sorted((CORPUS / "train").glob("*.gold.json"))[:2]:
            stem = gold.name[: -len(".gold.json")]
            shutil.copy(gold, root / split)
            shutil.copy(gold.with_name(stem + ".txt"), root / split)
    return root


def test_gold_names_are_found_in_the_text():
    text = "Andreas Bäckman won. BACKMAN led from Target Competition's pole; Bäckman said so."
    gold = {"people": [{"name": "Andreas Bäckman"}], "teams": [{"name": "Target Competition"}]}
    found = [(text[m.start:m.end], m.label, m.part) for m in gold_mentions(text, gold)]
    assert found == [("Andreas Bäckman", "PERSON", "full"), ("BACKMAN", "PERSON", "surname"),
                     ("Target Competition", "TEAM", "full"), ("Bäckman", "PERSON", "surname")]


def test_training_chunks_are_prose_only():
    path = sorted((CORPUS / "train").glob("*.txt"))[0]
    chunks = release_chunks(release_text(path), {"people": [], "teams": []}, spacy.blank("en"))
    assert chunks and all(sum(w.islower() for w in c.text.split()) >= 3 for c in chunks)


def test_augmentation_swaps_names_consistently():
    pytest.importorskip("faker")
    from releaseparse.training.augment import augment_chunks
    from releaseparse.training.data import Chunk, Mention

    text = "Andreas Bäckman beat Jessica Holm. Bäckman was happy."
    chunk = Chunk(text, [Mention(0, 15, "PERSON", "A", "full"), Mention(21, 33, "PERSON", "J", "full"),
                         Mention(35, 42, "PERSON", "A", "surname")])
    out = augment_chunks([chunk], copies=3, seed=1)
    assert len(out) == 4 and augment_chunks([chunk], copies=3, seed=1)[1].text == out[1].text
    for copy in out[1:]:
        full, _, surname = (copy.text[m.start:m.end] for m in copy.mentions)
        assert full.split()[-1].casefold() == surname.casefold() or surname.casefold() in full.casefold()


def test_generated_names_do_not_depend_on_the_process_hash_seed():
    """Training data must be the same in every process, or two trainings from one seed differ."""
    pytest.importorskip("faker")
    script = ("from releaseparse.training.augment import NameMaker; m = NameMaker(0); "
              "print([m.place('Autodromo Vallelunga') for _ in range(40)], [m.team() for _ in range(20)])")
    outputs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1


def test_train_writes_a_model_that_loads_and_tags(tiny_corpus, tmp_path):
    ner_dir = train_ner(tmp_path / "new" / "models", train_dir=tiny_corpus / "train", dev_dir=tiny_corpus / "dev",
                        overrides=TINY, log=lambda _: None)  # --out may name a folder that does not exist yet
    meta = (ner_dir / "meta.json").read_text(encoding="utf-8")
    assert "corpus_sha256" in meta and (ner_dir / "train.cfg").exists()
    ner = spacy.load(ner_dir)
    assert set(ner.get_pipe("rp_ner").labels) >= {"PERSON", "TEAM"}
    doc = ner("Haldane Motorsport driver Ross Keegan won both races at round 5 of the championship.")
    assert doc.has_annotation("ENT_IOB")  # tagged (prose), whatever the tiny model says

    nlp = pipeline.build(ner_dir=ner_dir)
    assert nlp.pipe_names.index("rp_ner") < nlp.pipe_names.index("rp_people")
    pipeline.save(nlp, tmp_path)
    record = Parser(model_dir=tmp_path).parse_text("Ross Keegan won the race for Haldane Motorsport today.")
    assert record.text
    assert "rp_ner" not in pipeline.load(tmp_path, no_model=True).pipe_names


@pytest.mark.parametrize("name, team", [("Ostwind Rennsport", True), ("Kallisto Energy", True),
                                        ("Rallye Monte-Carlo", False), ("European Rally Championship", False),
                                        ("Category 1", False), ("Tour de Corse", False),
                                        ("Trofeu Atlântico Rotax", False), ("Copa Brasil", False)])
def test_model_teams_that_are_events_or_classes_are_dropped(name, team):
    from releaseparse.training.prose_ner import EVENT_OR_CLASS

    assert (EVENT_OR_CLASS.search(name) is None) is team


def test_a_full_name_after_a_lowercase_word_is_not_taken_for_a_surname():
    from releaseparse.training.prose_ner import surname_of_longer_name

    text = "The win went to the Acura of Matías Quiroga. Later Tomás Echeverría Luque won."
    assert not surname_of_longer_name("Matías Quiroga", text)
    assert surname_of_longer_name("Echeverría Luque", text)
