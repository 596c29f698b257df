"""A release flattened into table rows, one table per record type; CSV and SQLite share it.

Every row carries `release_id`; child rows carry their index within the release, so
(release_id, index) is a key. Lists inside a row (mentions, roles) are JSON text.
"""

from __future__ import annotations

import json

from ..records import Release

# table → columns with their SQLite types; the first columns form the primary key (KEYS)
TABLES: dict[str, dict[str, str]] = {
    "releases": {"release_id": "TEXT", "path": "TEXT", "format": "TEXT", "encoding": "TEXT",
                 "bytes": "INTEGER", "schema_version": "TEXT", "language": "TEXT", "title": "TEXT",
                 "published": "TEXT", "season": "INTEGER", "links": "TEXT", "credits": "TEXT",
                 "text": "TEXT"},
    "events": {"release_id": "TEXT", "event_index": "INTEGER", "role": "TEXT", "series": "TEXT",
               "name": "TEXT", "round": "INTEGER", "rounds_total": "INTEGER", "circuit": "TEXT",
               "location": "TEXT", "country": "TEXT", "start": "TEXT", "end": "TEXT",
               "span_start": "INTEGER", "span_end": "INTEGER"},
    "people": {"release_id": "TEXT", "person_index": "INTEGER", "name": "TEXT", "nationality": "TEXT",
               "roles": "TEXT", "team": "TEXT", "mentions": "TEXT"},
    "teams": {"release_id": "TEXT", "team_index": "INTEGER", "name": "TEXT", "mentions": "TEXT"},
    "results": {"release_id": "TEXT", "result_index": "INTEGER", "driver": "TEXT", "session": "TEXT",
                "session_label": "TEXT", "position": "INTEGER", "classification": "TEXT",
                "status": "TEXT", "event_index": "INTEGER", "span_start": "INTEGER", "span_end": "INTEGER"},
    "quotes": {"release_id": "TEXT", "quote_index": "INTEGER", "speaker": "TEXT", "text": "TEXT",
               "span_start": "INTEGER", "span_end": "INTEGER"},
    "standings": {"release_id": "TEXT", "standings_index": "INTEGER", "title": "TEXT",
                  "championship": "TEXT", "category": "TEXT", "season": "INTEGER",
                  "after_round": "INTEGER", "rounds_total": "INTEGER",
                  "span_start": "INTEGER", "span_end": "INTEGER"},
    "standings_rows": {"release_id": "TEXT", "standings_index": "INTEGER", "row_index": "INTEGER",
                       "position": "INTEGER", "name": "TEXT", "nationality": "TEXT", "points": "REAL",
                       "span_start": "INTEGER", "span_end": "INTEGER"},
    "warnings": {"release_id": "TEXT", "warning_index": "INTEGER", "code": "TEXT", "message": "TEXT",
                 "span_start": "INTEGER", "span_end": "INTEGER"},
}
KEYS = {"releases": 1, "standings_rows": 3}  # primary-key width; every other table: 2
INDEXES = {"people": ["name"], "teams": ["name"], "results": ["driver", "session"],
           "quotes": ["speaker"], "standings_rows": ["name"], "events": ["series"]}


def key_columns(table: str) -> list[str]:
    return list(TABLES[table])[: KEYS.get(table, 2)]


def span(value) -> dict:
    return {"span_start": value[0] if value else None, "span_end": value[1] if value else None}


def release_rows(release: Release) -> dict[str, list[dict]]:
    """All rows of one release, by table; dates as ISO text, nested lists as JSON text."""
    rid = release.id
    data = release.model_dump(mode="json")
    src = data["source"]
    out: dict[str, list[dict]] = {name: [] for name in TABLES}
    out["releases"].append({
        "release_id": rid, "path": src["path"], "format": src["format"], "encoding": src["encoding"],
        "bytes": src["bytes"], "schema_version": data["schema_version"], "language": data["language"],
        "title": data["title"], "published": data["published"], "season": data["season"],
        "links": json.dumps(data["links"], ensure_ascii=False),
        "credits": json.dumps(data["credits"], ensure_ascii=False), "text": data["text"]})
    for i, e in enumerate(data["events"]):
        out["events"].append({"release_id": rid, "event_index": i,
                              **{k: v for k, v in e.items() if k != "span"}, **span(e["span"])})
    for i, p in enumerate(data["people"]):
        out["people"].append({"release_id": rid, "person_index": i, "name": p["name"],
                              "nationality": p["nationality"], "roles": json.dumps(p["roles"]),
                              "team": p["team"], "mentions": json.dumps(p["mentions"])})
    for i, t in enumerate(data["teams"]):
        out["teams"].append({"release_id": rid, "team_index": i, "name": t["name"],
                             "mentions": json.dumps(t["mentions"])})
    for i, r in enumerate(data["results"]):
        out["results"].append({"release_id": rid, "result_index": i,
                               **{k: v for k, v in r.items() if k != "span"}, **span(r["span"])})
    for i, q in enumerate(data["quotes"]):
        out["quotes"].append({"release_id": rid, "quote_index": i, "speaker": q["speaker"],
                              "text": q["text"], **span(q["span"])})
    for i, s in enumerate(data["standings"]):
        out["standings"].append({"release_id": rid, "standings_index": i,
                                 **{k: v for k, v in s.items() if k not in ("span", "rows")},
                                 **span(s["span"])})
        for j, row in enumerate(s["rows"]):
            out["standings_rows"].append({"release_id": rid, "standings_index": i, "row_index": j,
                                          **{k: v for k, v in row.items() if k != "span"},
                                          **span(row["span"])})
    for i, w in enumerate(data["warnings"]):
        out["warnings"].append({"release_id": rid, "warning_index": i, "code": w["code"],
                                "message": w["message"], **span(w["span"])})
    return out
