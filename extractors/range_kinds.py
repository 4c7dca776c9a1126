"""A range is one figure told with two numbers ("de 30 à 60 caméras", "150 à 200 caméras"): its bounds share a
kind. The rules read each bound's kind apart, and may disagree when only the upper bound stands next to the
words that tell the time ("avait évoqué le déploiement de 30 à 60 caméras en 2025"); the upper bound's kind,
read from the words around the noun and the verb they share, is the range's."""

from __future__ import annotations

from extractors.figure import Figure

RANGE_BOUND = "range_bound"  # the qualifier rule of a range's bounds (extractors.qualifiers)
CAMERA_KINDS = frozenset({"cameras", "cameras_planned", "cameras_added"})


def bounds_share_kind(figures: list[Figure]) -> list[Figure]:
    """The figures, each range's lower bound given its upper bound's camera kind."""
    for low, high in zip(figures, figures[1:], strict=False):
        if (low.why.get("qualifier") == RANGE_BOUND == high.why.get("qualifier") and low.evidence == high.evidence
                and low.value < high.value and low.metric != high.metric
                and {low.metric, high.metric} <= CAMERA_KINDS):
            low.metric = high.metric
            low.why["metric"] = f"range_upper_bound over {low.why.get('metric')}"
    return figures
