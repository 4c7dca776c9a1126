"""A learned second opinion on a camera count's kind (stock, planned or added), after the rules.

The rules decide a count's kind from its own words; they fall back on a stock when none speaks (about a quarter
of the counts), and they cannot weigh the many weak cues of a page: a year after the page's own, "projet" two
sentences back, "bilan" in the paragraph. A logistic regression trained on the annotated real passages
(`vigicam train-kind`, see `extractors.kind_training`) reads those cues and the rules' own answer; its weights ship
as `data/kind_model.json`, read here with no library. It overrides the rules only when it is sure enough
(`MIN_PROBABILITY`), and `--explain` names it ("kind_model over tense.no_tense_rule").
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extractors.figure import Figure

MODEL_PATH = Path(__file__).parent / "data" / "kind_model.json"
KINDS = ("cameras", "cameras_added", "cameras_planned")
MIN_PROBABILITY = 0.7  # 0.5 gained a little more in cross-validation but broke clear readings (see README)
# the rules' answers the model may override: their default, a stock when no rule speaks of the count's time.
# Where a rule reads the count's own words, its reading stands (measured: overriding every rule gained little
# more on held-out batches and broke clear readings such as "a posé 12 caméras en 2020 et compte aujourd'hui 45").
OVERRIDABLE = frozenset({"tense.no_tense_rule"})
WINDOW = 100  # characters on each side of the count whose words are read
WORDS_NEAR = 8  # of which the nearest words, and their pairs
EARLIER = 400  # characters before the count whose words stand for the sentences before it
WORD_RE = re.compile(r"[a-zàâçéèêëîïôûùüÿœæ']+")
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
FIRST_DIGIT_RE = re.compile(r"\d")
UP_TO_LAST_DIGIT_RE = re.compile(r".*\d", re.DOTALL)


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower().replace("’", "'"))


def kind_features(text: str, start: int, end: int, sentence: str, published: str | None, rule: str | None,
                  kind: str) -> dict[str, float]:
    """The cues of one count: the rules' answer and rule, the words near it and their pairs, the words of its
    sentence and of the text before, and whether its sentence names a year after or before the page's."""
    features: dict[str, float] = {f"rule={rule}": 1.0, f"got={kind}": 1.0}
    # the count's own words: not past the next number ("35 caméras, 10 de plus d'ici 2023": the "d'ici" is the 10's)
    left_text, right_text = text[max(0, start - WINDOW) : start], text[end : end + WINDOW]
    right_text = right_text[: m.start()] if (m := FIRST_DIGIT_RE.search(right_text)) else right_text
    left_text = left_text[m.end() :] if (m := UP_TO_LAST_DIGIT_RE.match(left_text)) else left_text
    left, right = _words(left_text)[-WORDS_NEAR:], _words(right_text)[:WORDS_NEAR]
    for side, words in (("L", left), ("R", right)):
        features.update({f"{side}:{w}": 1.0 for w in words})
        features.update({f"{side}2:{a}_{b}": 1.0 for a, b in zip(words, words[1:], strict=False)})
    features.update({f"S:{w}": 1.0 for w in set(_words(sentence))})
    features.update({f"P:{w}": 0.5 for w in set(_words(text[max(0, start - EARLIER) : max(0, start - WINDOW)]))})
    years = [int(y) for y in YEAR_RE.findall(sentence)]
    if not published:
        features["no_pub"] = 1.0
    elif years:
        page_year = int(published[:4])
        if max(years) > page_year:
            features["year_after_pub"] = 1.0
        if min(years) < page_year:
            features["year_before_pub"] = 1.0
    return features


@dataclass(frozen=True)
class KindModel:
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]  # feature → one weight per class

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        """The multinomial logistic regression's probability of each kind (a softmax of the linear scores)."""
        scores = list(self.intercept)
        for name, value in features.items():
            for k, w in enumerate(self.weights.get(name, ())):
                scores[k] += w * value
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        return {kind: e / sum(exps) for kind, e in zip(self.classes, exps, strict=True)}

    @classmethod
    def from_json(cls, data: dict) -> KindModel:
        return cls(tuple(data["classes"]), tuple(data["intercept"]),
                   {name: tuple(w) for name, w in data["weights"].items()})


@cache
def shipped_model() -> KindModel | None:
    """The model shipped with vigicam, or None when the file is absent (the rules alone then decide)."""
    if not MODEL_PATH.exists():
        return None
    return KindModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def second_opinion(figures: list[Figure], text: str, published: str | None,
                   model: KindModel | None = None) -> list[Figure]:
    """Each camera count's kind, overridden where the model gives another kind at least `MIN_PROBABILITY`."""
    model = model or shipped_model()
    if model is None:
        return figures
    for figure in figures:
        rule = figure.why.get("metric")
        if figure.metric not in KINDS or rule not in OVERRIDABLE:
            continue
        features = kind_features(text, figure.start, figure.end, figure.sentence, published, rule, figure.metric)
        kind, probability = max(model.probabilities(features).items(), key=lambda item: item[1])
        if kind != figure.metric and probability >= MIN_PROBABILITY:
            figure.metric = kind
            figure.why["metric"] = f"kind_model over {rule}"
    return figures
