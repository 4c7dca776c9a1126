"""Training of the learned second opinion on a camera count's kind (`extractors.kind_model`).

Each annotated passage is read by the rules alone; each camera count they found that a gold count matches (the
same value, overlapping evidence) is one example: its cues, and the gold kind. A multinomial logistic regression
(scikit-learn, an optional dependency: `pip install vigicam[dev]`) is fitted on them, deterministically (lbfgs),
and its weights are written as JSON, rounded and without the features it gave no weight.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from extractors.evaluate import evidence_span, overlap, read_corpus, same_value
from extractors.figure import Figure
from extractors.kind_model import KINDS, kind_features
from extractors.pipeline import extract_text

REGULARISATION = 1.0  # scikit-learn's C: best of 0.1, 0.3, 1.0 and 3.0 (bench/kind_model_cv.py --regularisation)
DIGITS = 4
MIN_EXAMPLES = 2  # a cue seen once says nothing that generalises, and would swell the shipped file

Example = tuple[dict[str, float], str]


def rules_reading(record: dict[str, Any]) -> list[Figure]:
    """The figures the rules alone read in an annotated passage."""
    return extract_text(record["text"], title=record.get("title"), published=record.get("published"),
                        place_hint=record.get("place_hint"), source_url=record.get("source"), second_opinion=False)


def record_examples(record: dict[str, Any], figures: list[Figure]) -> Iterator[Example]:
    """(cues, gold kind) of each camera count the rules found that a gold camera count matches: the same value,
    any kind, and evidence that overlaps (unlike the evaluation's matching, a figure elsewhere in the passage is
    left for the gold it does overlap)."""
    text, published = record["text"], record.get("published")
    found = [f for f in figures if f.metric in KINDS]
    for gold in (g for g in record.get("figures", []) if g["metric"] in KINDS):
        span = evidence_span(text, gold["evidence"])
        same = [f for f in found if same_value(f.value, gold["value"])]
        best = max(same, key=lambda f: overlap(span, {"start": f.start, "end": f.end}), default=None)
        if best is None or overlap(span, {"start": best.start, "end": best.end}) <= 0:
            continue
        found.remove(best)
        yield kind_features(text, best.start, best.end, best.sentence, published, best.why.get("metric"),
                            best.metric), gold["metric"]


def examples(records: Iterable[dict[str, Any]]) -> Iterator[Example]:
    for record in records:
        yield from record_examples(record, rules_reading(record))


def fit(pairs: list[Example], regularisation: float = REGULARISATION) -> dict[str, Any]:
    """The model fitted on the examples, as the JSON `extractors.kind_model` reads."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len({kind for _, kind in pairs}) < 2:
        raise ValueError("the corpora hold fewer than two kinds of camera counts to learn from")
    seen = Counter(name for features, _ in pairs for name in features)
    pairs = [({n: v for n, v in features.items() if seen[n] >= MIN_EXAMPLES}, kind) for features, kind in pairs]
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform([features for features, _ in pairs])
    model = LogisticRegression(C=regularisation, max_iter=5000).fit(matrix, [kind for _, kind in pairs])
    # two kinds only: one row of weights, for the second class; the first's are nought (softmax = sigmoid)
    binary = len(model.classes_) == 2
    coefficients = [0 * model.coef_[0], model.coef_[0]] if binary else model.coef_
    intercept = [0.0, model.intercept_[0]] if binary else model.intercept_
    weights = {}
    for column, name in enumerate(vectorizer.get_feature_names_out()):
        row = [round(float(c[column]), DIGITS) for c in coefficients]
        if any(row):
            weights[str(name)] = row
    return {"classes": [str(c) for c in model.classes_], "intercept": [round(float(b), DIGITS) for b in intercept],
            "examples": len(pairs), "weights": weights}


def train(corpora: list[Path]) -> dict[str, Any]:
    """The model fitted on the corpora's examples, with the names of the corpora it learnt from."""
    model = fit([pair for path in corpora for pair in examples(read_corpus(path))])
    return {**model, "corpora": [path.name for path in corpora]}


def write_model(model: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                    encoding="utf-8")
