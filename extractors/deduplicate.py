"""One fact is one figure: a page that repeats a count (title, lead, body) yields it once.

The guidelines keep the most precise statement of a repeated fact, and keep both statements of a
page that contradicts itself ("Un peu plus de 500 caméras" in the lead, "un peu plus de 510" in the body).
"""

from __future__ import annotations

import re

from extractors.dates import PRESENT_RE
from extractors.figure import Figure, Metric
from extractors.readings import norm
from extractors.segments import BULLET, Sentence

COUNTED_CAMERAS = (Metric.CAMERAS, Metric.CAMERAS_PLANNED, Metric.CAMERAS_ADDED)
LABEL_RE = re.compile(rf"\s*(?:{BULLET}\s*)?([^:\n]{{2,80}}?)\s*:\s*")


def said_now(figure: Figure) -> bool:
    """An undated figure its sentence says holds now."""
    return figure.date is None and bool(PRESENT_RE.search(norm(figure.sentence or "")))


def line_label(figure: Figure) -> str | None:
    """The label of a "Label : amount" line the figure is the amount of ("Autofinancement : 18 240 €")."""
    sentence = figure.sentence or ""
    at = sentence.find(figure.evidence)
    label = LABEL_RE.fullmatch(sentence[:at]) if at > 0 else None
    return norm(label[1]).strip() if label else None


def _commune_of(place: str | None) -> str | None:
    return place.split(" / ")[0] if place else place


def deduplicate(figures: list[tuple[Figure, Sentence]]) -> list[Figure]:
    """One fact is one figure even when the page repeats it: keep the dated, non-heading, first one.
    Two statements with different values, or different dates, are both kept."""
    best: dict[tuple, tuple[int, Figure]] = {}
    order: list[tuple] = []
    # A heading says less than its text: "Une vingtaine de caméras en plus" over "une vingtaine de
    # caméras supplémentaires seront installées" is the same count, whose kind the text tells.
    # A district's count is its commune's too: "20 nouvelles caméras" over "… dans la cité médiévale".
    in_text = {(f.value, _commune_of(f.place)) for f, s in figures if not s.heading and f.metric in COUNTED_CAMERAS}
    figures = [(f, s) for f, s in figures
               if not (s.heading and f.metric in COUNTED_CAMERAS and (f.value, _commune_of(f.place)) in in_text)]
    for figure, sentence in figures:
        key = (figure.metric, figure.value, figure.place)
        # dated first, then stated in the text rather than a heading, then the most precise ("quinze" over
        # "une quinzaine": the guidelines' "most precise one is used")
        score = (4 if figure.date else 0) + (0 if sentence.heading else 2) + (1 if figure.qualifier == "exact" else 0)
        if key in best:
            kept_score, kept = best[key]
            if (label := line_label(figure)) and (kept_label := line_label(kept)) and label != kept_label:
                key = (*key, label)  # "DETR : 18 240 €" and "Autofinancement : 18 240 €": two lines, two facts
                best[key] = (score, figure)
                order.append(key)
            elif kept.date != figure.date and (kept.date and figure.date or said_now(kept) or said_now(figure)):
                # "40 caméras en 2019" and "on recense aujourd'hui 40 caméras": two statements
                key = (*key, figure.date)
                best[key] = (score, figure)
                order.append(key)
            elif score > kept_score:
                best[key] = (score, figure)
            continue
        best[key] = (score, figure)
        order.append(key)
    kept_figures = [best[k][1] for k in order]
    return sorted(kept_figures, key=lambda f: (f.start, f.qualifier != "at_least"))
