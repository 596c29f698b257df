"""Score releases against gold files: precision, recall and F1 per category, and their macro F1.

Matching rules (issue #2): names match accent- and case-insensitively; a result needs driver,
session, position and classification; a quote needs its speaker and its words (compared as words,
not punctuation, at 90 % similarity); an event needs start, end and circuit (circuit aliases of
the gazetteer count as the same circuit); a standings row needs position, name and points.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from .api import Parser
from .lexicon import Lexicon
from .readers import ReadError
from .records import Release
from .resources import Resources, fold

CATEGORIES = ("people", "nationality", "teams", "results", "quotes", "standings", "events", "links")
QUOTE_SIMILARITY = 0.9


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def empty(self) -> bool:
        return not (self.tp or self.fp or self.fn)


@dataclass
class Report:
    totals: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})
    files: dict[str, dict[str, Score]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def macro_f1(self) -> float:
        scored = [s.f1 for s in self.totals.values() if not s.empty]
        return sum(scored) / len(scored) if scored else 0.0

    def as_dict(self) -> dict:
        return {
            "macro_f1": round(self.macro_f1, 4),
            "categories": {c: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                               "f1": round(s.f1, 4), "tp": s.tp, "fp": s.fp, "fn": s.fn}
                           for c, s in self.totals.items()},
            "files": len(self.files),
            "errors": self.errors,
        }


def _count(gold: list, pred: list) -> Score:
    """Multiset matching of hashable keys."""
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return Score(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _quotes(gold: list[dict], pred: list[tuple[str, str]]) -> Score:
    unmatched = list(pred)
    tp = 0
    for g in gold:
        g_words = _words(g["text"])
        for i, (speaker, text) in enumerate(unmatched):
            if fold(speaker or "") == fold(g.get("speaker") or "") and \
                    SequenceMatcher(None, g_words, _words(text), autojunk=False).ratio() >= QUOTE_SIMILARITY:
                tp += 1
                del unmatched[i]
                break
    return Score(tp=tp, fp=len(unmatched), fn=len(gold) - tp)


class Scorer:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def circuit_key(self, name: str | None) -> str | None:
        if not name:
            return None
        entry = self.lexicon.circuits_by_alias.get(fold(name))
        return fold(entry["name"]) if entry else fold(name)

    def code(self, nationality: str) -> str:
        """'SUI' and 'CHE' are one nationality."""
        return self.lexicon.nationality_codes.get(nationality.upper(), nationality.upper())

    def score(self, gold: dict, rec: Release) -> dict[str, Score]:
        ck = self.circuit_key
        gold_people = gold.get("people", [])
        return {
            "people": _count([fold(p["name"]) for p in gold_people], [fold(p.name) for p in rec.people]),
            "nationality": _count([(fold(p["name"]), self.code(p["nationality"])) for p in gold_people if p.get("nationality")],
                                  [(fold(p.name), self.code(p.nationality)) for p in rec.people if p.nationality]),
            "teams": _count([fold(t["name"]) for t in gold.get("teams", [])], [fold(t.name) for t in rec.teams]),
            "results": _count(
                [(fold(r["driver"]), r["session"], r.get("position"), fold(r.get("classification") or ""))
                 for r in gold.get("results", [])],
                [(fold(r.driver), r.session, r.position, fold(r.classification or "")) for r in rec.results]),
            "quotes": _quotes(gold.get("quotes", []), [(q.speaker, q.text) for q in rec.quotes]),
            "standings": _count(
                [(row[0], fold(row[1]), float(row[3]) if row[3] is not None else None)
                 for table in gold.get("standings", []) for row in table["rows"]],
                [(row.position, fold(row.name), row.points) for t in rec.standings for row in t.rows]),
            "events": _count(
                [(e.get("start"), e.get("end"), ck(e.get("circuit"))) for e in gold.get("events", [])],
                [(e.start.isoformat() if e.start else None, e.end.isoformat() if e.end else None, ck(e.circuit))
                 for e in rec.events]),
            "links": _count([u.rstrip("/") for u in gold.get("links", [])], [u.rstrip("/") for u in rec.links]),
        }


def gold_pairs(folder: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for gold in sorted(folder.rglob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        text = next((p for p in gold.parent.glob(stem + ".*") if not p.name.endswith(".gold.json")), None)
        if text is not None:
            pairs.append((text, gold))
    return pairs


def evaluate_folder(folder: Path, parser: Parser, resources: Resources | None = None) -> Report:
    scorer = Scorer(Lexicon((resources or Resources.load()).as_dict()))
    report = Report()
    for text_path, gold_path in gold_pairs(folder):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        try:
            record = parser.parse_file(text_path)
        except ReadError as exc:
            report.errors[str(text_path)] = str(exc)
            continue
        scores = scorer.score(gold, record)
        report.files[str(text_path)] = scores
        for category, score in scores.items():
            report.totals[category].add(score)
    return report


def format_table(report: Report, per_file: bool = False) -> str:
    lines = [f"{'category':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for category, s in report.totals.items():
        lines.append(f"{category:<12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
    lines.append(f"{'macro F1':<12} {'':>6} {'':>6} {report.macro_f1:6.3f}   ({len(report.files)} releases)")
    if per_file:
        for name, scores in report.files.items():
            scored = [s.f1 for s in scores.values() if not s.empty]
            lines.append(f"  {sum(scored) / max(1, len(scored)):.3f}  {name}")
    for name, error in report.errors.items():
        lines.append(f"error: {name}: {error}")
    return "\n".join(lines)
