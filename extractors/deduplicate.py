"""One fact is one figure: a page that repeats a count (title, lead, body) yields it once.

The guidelines keep the most precise statement of a repeated fact, and keep both statements of a
page that contradicts itself ("Un peu plus de 500 caméras" in the lead, "un peu plus de 510" in the body).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import permutations

from extractors.cues import CAMERA_WORDS_RE
from extractors.dates import PRESENT_RE
from extractors.figure import Figure, Metric
from extractors.gazetteer import Gazetteer
from extractors.readings import norm
from extractors.segments import BULLET, Sentence
from extractors.state_words import DEFINITE_BEFORE_RE
from extractors.tense import NO_TENSE_RULE

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


LIST_GAP = 80  # characters between two items of one list; a restatement comes a clause or more later


def listed_apart(kept: Figure, figure: Figure, said_in: dict[int, int]) -> bool:
    """Two figures of one sentence, close on one line: two items of a list ("50 % pour la commune et 50 %
    pour le Département"), not one fact said twice (a heading glued to its paragraph's first line, or a
    clause that says the count again, comes further)."""
    if said_in[kept.start] != said_in[figure.start] or kept.start == figure.start:
        return False
    first, second = sorted((kept, figure), key=lambda f: f.start)
    sentence = first.sentence or ""
    at = sentence.find(first.evidence)
    gap = second.start - (first.start + len(first.evidence))
    return at >= 0 and 0 <= gap <= LIST_GAP and "\n" not in sentence[at : at + len(first.evidence) + gap]


NESTING_KINDS = ("intercommunalite", "departement", "region")


def nests(outer: str, inner: str, gazetteer: Gazetteer | None) -> bool:
    """Whether place `inner` lies within `outer`: a district within its commune ("Chaumont" and "Chaumont /
    centre-ville"), a commune within its intercommunalité, département or région ("Landes", "Soorts-Hossegor")."""
    if inner.startswith(outer + " / "):
        return True
    communes = gazetteer.lookup(_commune_of(inner) or "", "commune") if gazetteer else []
    outers = [p for p in gazetteer.lookup(outer) if p.kind in NESTING_KINDS] if gazetteer and communes else []
    return any(gazetteer.parent(communes[0], o.kind) == o for o in outers)


def one_date_in_other(a: str | None, b: str | None) -> bool:
    """ "D'ici l'année prochaine, 16 caméras" (2023) and "16 caméras … avant décembre" (2023-12): one date
    within the other tells the same time, less or more precisely."""
    return bool(a and b and (a.startswith(b) or b.startswith(a)))


Told = list[tuple[Figure, Sentence]]


def told_of_its_part(figures: Told, gazetteer: Gazetteer | None) -> Told:
    """A camera count told twice, in two sentences, once of a place and once of a place within it ("119
    caméras" in the lead, given to the page's département, "119 caméras … à Basse-Pointe" in the text), is one
    fact: the figure of the smaller place stays. Counts of different dates, or items of one list, stay apart."""
    same_count: dict[tuple, Told] = defaultdict(list)  # only figures of one metric and value are compared
    for figure, said in figures:
        if figure.metric in COUNTED_CAMERAS and figure.place:
            same_count[(figure.metric, figure.value)].append((figure, said))
    dropped = set()
    for told in same_count.values():
        places = {figure.place for figure, _ in told}
        for outer, inner in permutations(places, 2) if len(places) > 1 else ():
            if not nests(outer, inner, gazetteer):
                continue
            inner_told = [(b, said_b) for b, said_b in told if b.place == inner]
            # the larger place's figure goes when it names its cameras: a bare "trois seront placées …" is
            # an item of a list of parts ("Trois viendront s'ajouter … à Saint-Eutrope. … et trois seront placées")
            for a, said_a in told:
                if a.place == outer and CAMERA_WORDS_RE.search(a.evidence) and any(
                        said_b.start != said_a.start and not (a.date and b.date and a.date != b.date)
                        for b, said_b in inner_told):
                    dropped.add(id(a))
    return [(f, s) for f, s in figures if id(f) not in dropped]


def deduplicate(figures: list[tuple[Figure, Sentence]], gazetteer: Gazetteer | None = None) -> list[Figure]:
    """One fact is one figure even when the page repeats it: keep the dated, non-heading, first one.
    Two statements with different values, or different dates, are both kept."""
    figures = kindless_restatements_dropped(headings_told_again_dropped(told_of_its_part(figures, gazetteer)))
    best: dict[tuple, tuple[int, Figure]] = {}
    order: list[tuple] = []
    said_in = {figure.start: sentence.start for figure, sentence in figures}
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
            elif listed_apart(kept, figure, said_in):
                # "50 % pour la commune et 50 % pour le Département", "quatre caméras sur le chemin, quatre
                # sur le pont": one sentence does not repeat its count in other words, it tells of two
                key = (*key, figure.start)
                best[key] = (score, figure)
                order.append(key)
            elif kept.date != figure.date and not one_date_in_other(kept.date, figure.date) and (
                    kept.date and figure.date or said_now(kept) or said_now(figure)):
                # "40 caméras en 2019" and "on recense aujourd'hui 40 caméras": two statements
                key = (*key, figure.date)
                best[key] = (score, figure)
                order.append(key)
            elif score > kept_score:
                best[key] = (score, figure)
            continue
        best[key] = (score, figure)
        order.append(key)
    kept_figures = rounded_restatements_dropped([best[k][1] for k in order])
    return sorted(kept_figures, key=lambda f: (f.start, f.qualifier != "at_least"))


def headings_told_again_dropped(figures: Told) -> Told:
    """A heading says less than its text: "Une vingtaine de caméras en plus" over "une vingtaine de caméras
    supplémentaires seront installées" is the same count, whose kind the text tells. A district's count is its
    commune's too: "20 nouvelles caméras" over "… dans la cité médiévale"."""
    in_text = {(f.value, _commune_of(f.place)) for f, s in figures if not s.heading and f.metric in COUNTED_CAMERAS}
    headed = [f for f, s in figures
              if s.heading and f.metric in COUNTED_CAMERAS and (f.value, _commune_of(f.place)) in in_text]
    kept = [(f, s) for f, s in figures if not any(f is h for h in headed)]
    _heading_dates_carried(headed, [f for f, s in kept if not s.heading])
    return kept


def _heading_dates_carried(headings: list[Figure], told: list[Figure]) -> None:
    """ "Au total, 650 caméras en 2020" over "Le CSU disposera alors de 650 caméras": the text tells the count's
    kind, the heading its date; the figure kept takes the date its text left untold."""
    dated = {(h.value, _commune_of(h.place)): h.date for h in headings if h.date}
    for figure in told:
        if figure.date is None and figure.metric in COUNTED_CAMERAS and (
                date := dated.get((figure.value, _commune_of(figure.place)))):
            figure.date = date
            figure.why["date"] = "heading_date"


KINDLESS = f"tense.{NO_TENSE_RULE}"  # the kind given when no word told one, as --explain names it
RECURRING_BELOW = 10  # a small count recurs as other facts of a page ("Crèche : 5 caméras", "5 nouvelles caméras")
# "un réseau de 13 caméras": a set told as there by the noun of a network (by its article: `DEFINITE_BEFORE_RE`)
NETWORK_OF_BEFORE_RE = re.compile(r"\b(?:réseau|parc|dispositif) de\s*$")


def kindless_restatements_dropped(figures: Told) -> Told:
    """A camera count whose words told no time ("1,2 million pour 68 caméras") said again of a count the page
    reads with a kind of its own ("Avec 68 caméras supplémentaires, la ville comptera…"): one fact, whose kind the
    telling that has one gives; the kindless restatement goes. Not a set told as there, a small count, or a count
    dated apart: each may be a fact of its own."""
    def same_count(f: Figure) -> tuple:
        return f.value, _commune_of(f.place)

    kinded = {same_count(f) for f, _ in figures if f.metric in COUNTED_CAMERAS and f.metric != Metric.CAMERAS
              and f.why.get("metric") != KINDLESS}
    return [(f, s) for f, s in figures if not (
        f.metric == Metric.CAMERAS and f.why.get("metric") == KINDLESS and same_count(f) in kinded
        and f.value >= RECURRING_BELOW and f.date is None and not _known_set(f))]


def _known_set(figure: Figure) -> bool:
    sentence = norm(figure.sentence or "")
    at = sentence.find(norm(figure.evidence))
    before = sentence[max(0, at - 30) : at]
    return at >= 0 and bool(DEFINITE_BEFORE_RE.search(before) or NETWORK_OF_BEFORE_RE.search(before))


ROUNDED_WITHIN = 0.03  # "Près de 25 000 euros" and "24 439 €": one amount, said twice (not 50 and 48 caméras)
ROUNDED_METRICS = (*COUNTED_CAMERAS, Metric.MONEY_EUR)  # counts and amounts; not shares or sites


def rounded_restatements_dropped(figures: list[Figure]) -> list[Figure]:
    """An approximate figure that rounds an exact one of the same metric and place, stated on the page
    ("près de 150 caméras" and "143 caméras"; a heading's "Près de 25 000 euros" and the text's "24 439 €") is
    the same fact told less precisely: the guidelines keep the most precise."""
    exact: dict[tuple, list[float]] = defaultdict(list)  # sorted values, so that a page of many figures costs
    for f in figures:                                      # n log n, not n²
        if f.qualifier == "exact" and f.metric in ROUNDED_METRICS:
            exact[(f.metric, f.place)].append(f.value)
    for values in exact.values():
        values.sort()

    def rounds_one(f: Figure) -> bool:
        values = exact.get((f.metric, f.place), [])
        low = bisect_left(values, f.value - ROUNDED_WITHIN * f.value)
        high = bisect_right(values, f.value + ROUNDED_WITHIN * f.value)
        return low < high and (values[low] != f.value or values[high - 1] != f.value)  # sorted: the ends tell

    return [f for f in figures if not (f.qualifier == "approx" and f.metric in ROUNDED_METRICS and rounds_one(f))]
