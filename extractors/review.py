"""The syntax review of a camera count's kind (stock, planned, added), after the word rules.

The word rules (`extractors.tense`) read a window of words around the number; the parse knows which verb
is the number's own. Each rule below is a name, what it needs of the parse, what it decides and French
examples that run as tests (`tests/test_review_rules.py`); the first that applies decides, so their order
is this table's. A rule names the metric it overrides, so the word rules keep every case it does not know.
`vigicam extract --explain` prints the rule that decided each figure's kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extractors.figure import Metric
from extractors.syntax import NumberSyntax, Time, verb_meanings


def _installs(s: NumberSyntax) -> bool:
    return s.verb in verb_meanings()["install"] or s.verb in verb_meanings()["have"]


def _uses(s: NumberSyntax) -> bool:
    return s.verb in verb_meanings()["use"]


@dataclass(frozen=True)
class ReviewRule:
    name: str
    why: str
    overrides: tuple[Metric, ...]  # the word rules' answers this rule may change
    applies: Callable[[NumberSyntax], bool]
    decides: Metric
    cue: re.Pattern[str]  # cheap words the sentence must hold before it is worth parsing for this rule
    examples: tuple[tuple[str, str, str], ...]  # (sentence, the number as written, the metric it must get)


REVIEW_RULES: tuple[ReviewRule, ...] = (
    ReviewRule(
        "intention_over_infinitive",
        "an infinitive of installing under a verb of intention tells what is still to come",
        (Metric.CAMERAS, Metric.CAMERAS_ADDED),
        lambda s: s.time is Time.PROSPECTIVE and _installs(s) and not s.compared,
        Metric.CAMERAS_PLANNED,
        re.compile(r"\b(?:va|vont|ira|iront|s'apprêt\w*|prév\w*|envisag\w*|projet\w*|compt\w*|veu\w*|voul\w*|"
                   r"souhait\w*|doi\w*|dev\w*|programm\w*|planifi\w*|engag\w*|propos\w*|esp[eè]r\w*|vis\w*|"
                   r"ambitionn\w*|décid\w*|prom\w*|annon\w*|prépar\w*|point de)\b"),
        (("La ville s'apprête à installer 25 caméras.", "25", "cameras_planned"),
         ("La commune est sur le point de déployer 30 caméras.", "30", "cameras_planned"),
         ("Le maire souhaite installer 12 caméras dans le centre.", "12", "cameras_planned"),
         ("En 2026, la ville devrait compter 25 caméras, contre 11 aujourd'hui.", "11", "cameras")),
    ),
    ReviewRule(
        "known_set_in_use",
        "a definite count that a verb of use governs ('surveilleront les 85 caméras') is of cameras there now",
        (Metric.CAMERAS_PLANNED,),
        lambda s: s.definite and _uses(s) and s.noun == "caméra",
        Metric.CAMERAS,
        re.compile(r"\b(?:les|ses|leurs|nos|ces)\s+\d"),
        (("Dès l'an prochain, trois agents surveilleront les 85 caméras de la ville.", "85", "cameras"),),
    ),
)


def review_metric(metric: Metric, sentence: str,
                  syntax: Callable[[], NumberSyntax | None]) -> tuple[Metric, str | None]:
    """The metric after the review, and the name of the rule that changed it (None when no rule applies
    and the word rules' answer stands). `sentence` is lower-cased; `syntax` parses it, and is called
    only when a rule's cue is in the sentence."""
    rules = [r for r in REVIEW_RULES if metric in r.overrides and r.cue.search(sentence)]
    parsed = syntax() if rules else None
    for rule in rules if parsed is not None else ():
        if rule.applies(parsed):
            return rule.decides, rule.name
    return metric, None
