"""Whether a bare number goes on with the count before it ("13 à Rezé et 7 à Vertou", "dont 280 dans…",
"24 caméras (10 à Bregille, 4 à Battant)"), and which count: `extractors.bare_rules`' rule "continuation"
reads it so."""

from __future__ import annotations

import re

from extractors.bare_question import BareQuestion
from extractors.bare_words import BRACKET_OPEN_RE, EARLIER_THEN_RE, OWN_NOUN_AFTER_RE
from extractors.candidates import Candidate, word_end, words_before
from extractors.cues import (
    ADDED_CONTINUATION_RE,
    BARE_AFTER_RE,
    CONTINUATION_RE,
    EVOLUTION_RE,
    MEASURE_AFTER_RE,
    NAMED_CONTINUATION_RE,
    RANGE_BETWEEN_RE,
    SEMICOLON_ITEM_RE,
)
from extractors.readings import CAMERAS, DENSITY, POPULATION, norm


def continued_head(q: BareQuestion) -> tuple[Candidate, bool] | None:
    """The count a bare number goes on with, and whether it is a share of it ("dont 280"); None when it goes on
    with none: no word of continuation, a noun of its own, or too far from it."""
    text, sentence, m, left, right = q.x.text, q.sentence, q.m, q.left, q.right
    named_next = NAMED_CONTINUATION_RE.search(text[max(sentence.start, m.start - 60) : m.start])
    item = SEMICOLON_ITEM_RE.search(text[max(sentence.start, m.start - 60) : m.start])  # a list parted by ";"
    named_next = named_next or item
    then = bool(re.search(r"\(\s*$", left)) and bool(EARLIER_THEN_RE.match(right))  # another time, in brackets
    if not (q.previous and (CONTINUATION_RE.search(left) or named_next or then or opens_a_bracketed_list(q)) and (
            BARE_AFTER_RE.match(right) or then)):
        return None
    share = bool(re.search(r"\bdont\s*$", left))
    head = q.previous[-1]
    if m.approx and head.reading.family == CAMERAS and OWN_NOUN_AFTER_RE.match(right):
        return None  # "une dizaine de caméras et une quinzaine de panneaux": a noun of its own, unread
    if share and m.value > head.mention.value:  # "64 caméras couvrent les 14 communes, dont 28 à Amboise"
        head = next((p for p in reversed(q.previous) if p.mention.value >= m.value), head)
    between = norm(text[head.end : m.start])
    # a list goes on further than a lone continuation: "quatre au stade, sept dans une ZAC, où …, et dix dans…"
    listed = share or ADDED_CONTINUATION_RE.search(left) or head.head is not None
    if len(between) >= (160 if listed else 80) or re.search(r"[.;]" if not item else r"\.", between):
        return None
    return head, share


BRACKETED_PART_AT_RE = re.compile(r"\s+(?:sur|dans|à|au|aux|autour|près|devant)\s+[^\d()]+$")


def opens_a_bracketed_list(q: BareQuestion) -> bool:
    """ "24 caméras (10 à Bregille, 4 à Battant, …)": the first of the parts listed in brackets after a count,
    when another number follows it inside them (one number alone in brackets may be anything)."""
    head = q.previous[-1]
    if not BRACKET_OPEN_RE.search(q.left) or q.m.value >= head.mention.value or head.reading.family in (
            DENSITY, POPULATION):  # "1 policier pour 1 095 habitants (1 pour 3 143)": a rate's terms, no parts
        return False
    close = q.x.text.find(")", q.m.end, q.sentence.end)
    if close < 0:
        return False
    # "24 caméras vont être installées (10 sur le centre-ville)": one part, where it stands
    return any(q.m.end < o.start < close for o in q.mentions) or (
        head.reading.family == CAMERAS and bool(BRACKETED_PART_AT_RE.match(q.x.text, q.m.end, close)))


def range_end(q: BareQuestion) -> bool:
    """ "La municipalité compte en installer encore 3 à 5 cette année", "il en faudrait trois ou quatre": the upper
    bound of a range of bare numbers whose lower bound a rule read, read alike (the two then make one range)."""
    if q.i == 0 or (low := q.found.get(q.i - 1)) is None or low.end > word_end(q.x.text, low.mention.end):
        return False  # no lower bound read, or one with a noun of its own ("3 caméras à 5 mètres")
    between = norm(q.x.text[low.mention.end : q.m.start])
    if not RANGE_BETWEEN_RE.match(between) or low.mention.value >= q.m.value or not BARE_AFTER_RE.match(q.right):
        return False
    if MEASURE_AFTER_RE.match(q.right) or EVOLUTION_RE.search(words_before(q.x.text, q.sentence, low.mention.start)):
        return False  # "3 à 180 degrés": a measure; "il passera de 34 à 124": a series, its own rules' (series_start)
    return q.read(Candidate(q.m, low.reading.continued(q.m.end), q.m.start, q.m.end))
