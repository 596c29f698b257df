import json
from pathlib import Path

from releaseparse.records import json_schema

COMMITTED = Path(__file__).resolve().parents[1] / "schema" / "release.schema.json"


def test_committed_schema_is_current():
    """Regenerate with: releaseparse schema > schema/release.schema.json"""
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == json_schema()


def test_every_field_is_described():
    schema = json_schema()
    for name, model in [*schema["$defs"].items(), ("Release", schema)]:
        for field, spec in model["properties"].items():
            assert spec.get("description"), f"{name}.{field} has no description"


def test_unknown_fields_are_forbidden():
    assert json_schema()["additionalProperties"] is False
