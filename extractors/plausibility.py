"""Bounds a value must keep to be a figure at all: finite, not negative, and within what its metric can be.

"1 000 000 … 000 caméras" or 400 digits read as a number overflow to `inf`, which SQLite stores as
`Inf`, JSON cannot carry, and which turned a good → hostile → good page into 148 → inf → 148 events. A
value out of these bounds is no figure: it is dropped where figures are stored or printed, with a log
line. The bounds are wide on purpose (they stop absurd numbers, not surprising ones); each says why.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable
from typing import Any, TypeVar

logger = logging.getLogger(__name__)
F = TypeVar("F")

# Cameras of one place, by the kind of place: Paris counts a few thousand public cameras, and with the
# private ones that the press adds a few hundred thousand at most; a country or an aggregate (China:
# hundreds of millions) gets the world's count.
CAMERAS_BY_PLACE_KIND: dict[str | None, float] = {
    "commune": 1e6, "district": 1e6, "intercommunalite": 1e6, "departement": 1e7, "region": 1e7,
}
WORLD_CAMERAS = 2e9
CAMERA_COUNTS = ("cameras", "cameras_planned", "cameras_added")
MAXIMA: dict[str, float] = {
    "cameras_per_100k": 1e5,  # one camera per inhabitant
    "population": 1e10,  # the world's
    "money_eur": 1e13,  # several times France's yearly GDP
    "offences": 1e9,  # France records a few million a year
    "percent": 1e4,  # a growth ('+300 %') may pass 100; a hundredfold is the edge
    "other": 1e10,
}
# A percent above 100 is a growth; without one of these words near it, it is a share, at most 100.
GROWTH_RE = re.compile(r"\+|hausse|augment|progress|croiss|multipli|bond|envol|explos", re.IGNORECASE)


def _get(figure: Any, key: str) -> Any:
    return figure.get(key) if isinstance(figure, dict) else getattr(figure, key, None)


def maximum(metric: str, place_kind: str | None, sentence: str) -> float:
    """The largest value `metric` can take for this kind of place, in this sentence."""
    if metric in CAMERA_COUNTS:
        return CAMERAS_BY_PLACE_KIND.get(place_kind, WORLD_CAMERAS)
    if metric == "percent" and not GROWTH_RE.search(sentence or ""):
        return 100.0
    return MAXIMA.get(metric, math.inf)


def implausible(figure: Any) -> str | None:
    """Why a figure's value cannot be one ('not a finite number', 'above 1e+06 for cameras of a
    commune'…), or None when it can."""
    value, metric = _get(figure, "value"), _get(figure, "metric") or ""
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        return f"{value!r} is not a finite number"
    if value < 0:
        return f"{value:g} is negative"
    place_kind = _get(figure, "place_kind")
    bound = maximum(metric, place_kind, _get(figure, "sentence") or "")
    if value > bound:
        return f"{value:g} is above {bound:g} for {metric}" + (f" of a {place_kind}" if place_kind else "")
    return None


def plausible(figures: Iterable[F]) -> list[F]:
    """The figures whose value can be one; the others are logged and dropped."""
    kept = []
    for figure in figures:
        if reason := implausible(figure):
            logger.info("figure dropped: %s (%r)", reason, (_get(figure, "evidence") or "")[:80])
        else:
            kept.append(figure)
    return kept
