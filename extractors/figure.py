"""The Figure record: the keys of the annotation guidelines, plus offsets, sentence and confidence."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

# Bump when extraction output may change: `vigicam reextract` then records the differences as revisions.
EXTRACTOR_VERSION = "0.20.0"


class Metric(StrEnum):
    CAMERAS = "cameras"
    CAMERAS_PLANNED = "cameras_planned"
    CAMERAS_ADDED = "cameras_added"
    CAMERAS_PER_100K = "cameras_per_100k"
    POPULATION = "population"
    MONEY_EUR = "money_eur"
    PERCENT = "percent"
    OFFENCES = "offences"
    OTHER = "other"


class Qualifier(StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


CAMERA_METRICS = (Metric.CAMERAS, Metric.CAMERAS_PLANNED, Metric.CAMERAS_ADDED, Metric.CAMERAS_PER_100K)


@dataclass
class Figure:
    metric: str
    value: float
    qualifier: str
    place: str | None
    place_kind: str | None
    date: str | None
    evidence: str
    start: int
    end: int
    sentence: str
    confidence: float = 0.8
    place_code: str | None = None
    why: dict[str, str] = field(default_factory=dict)  # attribute → the rule that decided it (--explain)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if isinstance(self.value, float) and self.value.is_integer():
            data["value"] = int(self.value)
        return data
