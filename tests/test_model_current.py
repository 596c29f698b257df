"""The pipeline in models/ is what `releaseparse build-model` makes from resources/ now."""

from releaseparse import pipeline
from releaseparse.components.base import LexiconPipe


def test_saved_pipeline_matches_resources(parser):
    fresh = pipeline.build()
    saved = parser.nlp
    assert saved.pipe_names == fresh.pipe_names
    for name, component in fresh.pipeline:
        if isinstance(component, LexiconPipe):
            assert saved.get_pipe(name).data == component.data, f"{name}: run `releaseparse build-model`"
    fresh_patterns = {(p["label"], str(p["pattern"])) for p in fresh.get_pipe("rp_gazetteer").patterns}
    saved_patterns = {(p["label"], str(p["pattern"])) for p in saved.get_pipe("rp_gazetteer").patterns}
    assert saved_patterns == fresh_patterns, "run `releaseparse build-model`"


def test_saved_name_model_is_the_trained_one(parser):
    """models/pipeline/rp_ner holds the weights of models/ner (rerun `releaseparse train`)."""
    fresh = pipeline.build()
    if pipeline.NER_NAME not in fresh.pipe_names:
        return  # no trained model: rules only
    saved = parser.nlp.get_pipe(pipeline.NER_NAME).model.to_bytes()
    assert saved == fresh.get_pipe(pipeline.NER_NAME).model.to_bytes(), "run `releaseparse train`"
