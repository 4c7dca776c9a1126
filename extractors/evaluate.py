"""Scoring extracted figures against annotated ones (the corpus format of GUIDELINES.md).

A predicted figure matches a gold one when metric and value agree (values within 0.5 %); among
several, the one whose evidence overlaps the gold evidence wins. Qualifier, place and date are
then scored on the matched pairs.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.figure import CAMERA_METRICS
from extractors.gazetteer import normalise
from extractors.pipeline import extract_text
from extractors.plausibility import plausible


def _same(key: str, gold: Any, got: Any) -> bool:
    """Places are the same whatever their case, accents or hyphens ("Métropole européenne de Lille"); the
    other attributes must be equal."""
    return normalise(str(gold)) == normalise(str(got)) if key == "place" else gold == got


def read_corpus(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON: {exc}") from exc
            if not isinstance(record, dict) or "text" not in record:
                raise ValueError(f"{path}:{number}: a record needs at least 'id' and 'text'")
            yield record


def extract_record(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The figures users get from the record: those `vigicam extract` prints and storage keeps (plausible ones)."""
    figures = extract_text(record["text"], title=record.get("title"), published=record.get("published"),
                           place_hint=record.get("place_hint"), source_url=record.get("source"))
    return [f.to_dict() for f in plausible(figures)]


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.01, abs(b) * 0.005)


def evidence_span(text: str, evidence: str) -> tuple[int, int]:
    start = text.find(evidence)
    return (start, start + len(evidence)) if start >= 0 else (-1, -1)


def overlap(span: tuple[int, int], predicted: dict) -> int:
    return max(0, min(span[1], predicted.get("end", -1)) - max(span[0], predicted.get("start", -1)))


def match(text: str, gold: list[dict], predicted: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Pairs (gold, predicted); None on one side for a miss or a false alarm."""
    pairs: list[tuple[dict | None, dict | None]] = []
    free = list(predicted)
    for g in gold:
        candidates = [p for p in free if p["metric"] == g["metric"] and same_value(p["value"], g["value"])]
        if not candidates:
            pairs.append((g, None))
            continue
        gold_span = evidence_span(text, g["evidence"])
        best = max(candidates, key=lambda p, span=gold_span: overlap(span, p))
        free.remove(best)
        pairs.append((g, best))
    pairs.extend((None, p) for p in free)
    return pairs


def _rule(predicted: dict, attribute: str) -> str:
    """ " [rule: NAME]": the rule that decided the predicted attribute, when the extractor named one."""
    name = (predicted.get("why") or {}).get(attribute)
    return f" [rule: {name}]" if name else ""


@dataclass
class Scores:
    true_positive: Counter = field(default_factory=Counter)
    false_positive: Counter = field(default_factory=Counter)
    false_negative: Counter = field(default_factory=Counter)
    attribute_right: Counter = field(default_factory=Counter)
    matched: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, record_id: str, pairs: Iterable[tuple[dict | None, dict | None]]) -> None:
        for g, p in pairs:
            if g and p:
                self.true_positive[g["metric"]] += 1
                self.matched += 1
                for key in ("qualifier", "date", "place_kind"):
                    self.attribute_right[key] += g.get(key) == p.get(key)
                self.attribute_right["place"] += _same("place", g.get("place"), p.get("place"))
                for key in ("qualifier", "place", "date"):
                    if not _same(key, g.get(key), p.get(key)):
                        self.errors.append(f"{record_id} {key}: {g['evidence']!r} gold {g.get(key)!r} got "
                                           f"{p.get(key)!r}{_rule(p, key)}")
            elif g:
                self.false_negative[g["metric"]] += 1
                self.errors.append(f"{record_id} missed: {g['metric']} {g['value']} {g['evidence']!r}")
            elif p:
                self.false_positive[p["metric"]] += 1
                self.errors.append(
                    f"{record_id} extra: {p['metric']} {p['value']} {p['evidence']!r}{_rule(p, 'metric')}")

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def table(self) -> dict[str, Any]:
        metrics = sorted(set(self.true_positive) | set(self.false_positive) | set(self.false_negative))
        rows = {}
        for metric in metrics:
            tp, fp, fn = self.true_positive[metric], self.false_positive[metric], self.false_negative[metric]
            rows[metric] = {"tp": tp, "fp": fp, "fn": fn, **dict(zip(("precision", "recall", "f1"),
                                                                     self.prf(tp, fp, fn), strict=True))}

        def total(selected: Iterable[str]) -> dict[str, float]:
            selected = list(selected)
            tp = sum(self.true_positive[m] for m in selected)
            fp = sum(self.false_positive[m] for m in selected)
            fn = sum(self.false_negative[m] for m in selected)
            return {"tp": tp, "fp": fp, "fn": fn, **dict(zip(("precision", "recall", "f1"), self.prf(tp, fp, fn),
                                                             strict=True))}

        accuracy = {k: (self.attribute_right[k] / self.matched if self.matched else 1.0)
                    for k in ("qualifier", "place", "place_kind", "date")}
        return {"metrics": rows, "camera_metrics": total(m.value for m in CAMERA_METRICS),
                "overall": total(metrics), "accuracy": accuracy, "matched": self.matched}


def evaluate(path: Path) -> tuple[dict[str, Any], list[str]]:
    scores = Scores()
    for record in read_corpus(path):
        predicted = extract_record(record)
        scores.add(str(record.get("id")), match(record["text"], record.get("figures", []), predicted))
    return scores.table(), scores.errors


def format_table(table: dict[str, Any]) -> str:
    lines = [f"{'metric':<18} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7} {'f1':>6}"]

    def row(name: str, r: dict[str, float]) -> str:
        return (f"{name:<18} {r['tp']:>4} {r['fp']:>4} {r['fn']:>4} {r['precision']:>9.3f} {r['recall']:>7.3f}"
                f" {r['f1']:>6.3f}")

    lines += [row(name, r) for name, r in table["metrics"].items()]
    lines += [row("camera metrics", table["camera_metrics"]), row("overall", table["overall"])]
    acc = table["accuracy"]
    lines.append(f"on {table['matched']} matched figures: qualifier {acc['qualifier']:.3f}, place {acc['place']:.3f}"
                 f", place_kind {acc['place_kind']:.3f}, date {acc['date']:.3f}")
    return "\n".join(lines)
