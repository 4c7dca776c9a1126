"""The towns the sentences before a figure named: what a paragraph tells of, and the town a demonstrative
("cette commune", "cette ville") points back to, on a page of a wider territory."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.gazetteer import Place

if TYPE_CHECKING:
    from extractors.pipeline import Extractor
    from extractors.segments import Sentence

MANY = Place(code="", kind="other", name="")  # a paragraph that names several towns tells of none


def town_told_before(x: Extractor, sentence: Sentence) -> Place | None:
    """The one commune or intercommunalité the sentences of the paragraph before this one name. Each
    sentence is looked at once a page: what a paragraph has named so far is carried from line to line."""
    told: dict[int, Place | None] = x.memo.setdefault("towns_told", {})
    index = sentence.index - 1
    if index < 0 or not _goes_on(x, index + 1):
        return None
    start = index
    while start > 0 and start - 1 not in told and _goes_on(x, start):
        start -= 1  # back to the paragraph's opening, or to what was already carried
    for i in range(start, index + 1):
        if i in told:
            continue
        so_far = told.get(i - 1) if i > 0 and _goes_on(x, i) else None
        s = x.sentences[i]
        for _, _, place in x.finder.names_in(x.text[s.start : s.end]):
            if place.kind in ("commune", "intercommunalite") and place.code != (so_far or MANY).code:
                so_far = place if so_far is None else MANY
        told[i] = so_far
    town = told[index]
    return None if town is None or town is MANY else town


def _goes_on(x: Extractor, index: int) -> bool:
    """Whether sentence `index` goes on the paragraph of the one before it: same block, no line between."""
    before, sentence = x.sentences[index - 1], x.sentences[index]
    return before.block == sentence.block and "\n" not in x.text[before.end : sentence.start]


# "En tout, six caméras vont être installées … de cette commune touristique": the town last named
# "Aujourd'hui, la ville compte 185 caméras", "Notre ville dispose …": on a wider territory's page, the town just named
THIS_TOWN_RE = re.compile(r"\b(?:cette|la même|la|notre) (?:commune|ville|localité|cité)\b|\bce (?:village|bourg)\b",
                          re.IGNORECASE)
LOOK_BACK = 6  # sentences; a demonstrative points to what was just named, not to a town pages ago


def town_pointed_back(x: Extractor, sentence: Sentence) -> Place | None:
    """The commune a demonstrative of the sentence ("cette commune") stands for: the last one the sentences
    just before it named, across paragraphs."""
    pointed: dict[int, Place | None] = x.memo.setdefault("towns_pointed_back", {})  # once a sentence, not a figure
    if sentence.index not in pointed:
        pointed[sentence.index] = _last_commune_before(x, sentence) if THIS_TOWN_RE.search(
            x.text, sentence.start, sentence.end) else None
    return pointed[sentence.index]


def _last_commune_before(x: Extractor, sentence: Sentence) -> Place | None:
    for i in range(sentence.index - 1, max(-1, sentence.index - 1 - LOOK_BACK), -1):
        s = x.sentences[i]
        named = [place for _, _, place in x.finder.names_in(x.text[s.start : s.end]) if place.kind == "commune"]
        if named:
            return named[-1]
    return None
