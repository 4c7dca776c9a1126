"""Whether a pronoun can stand for the cameras last counted: "ils" cannot stand for "caméras", a feminine noun;
it can for "appareils" or "dispositifs". Asked by the bare rules and by the sentence reader's parse."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from extractors.bare_words import MASCULINE_CAMERA_NOUN_RE
from extractors.candidates import Candidate
from extractors.cues import PRONOUN_RE
from extractors.readings import CAMERAS

if TYPE_CHECKING:
    from extractors.pipeline import Extractor
    from extractors.segments import Sentence


def masculine_of_cameras(pronoun: str, noun: str) -> bool:
    """ "ils" cannot stand for "caméras", a feminine noun ("les effectifs de la police, ils sont sept"); it can for
    "appareils" or "dispositifs". `noun`: the words after the count it would stand for ("14 appareils …"; nothing
    after a bare count, which stands for "caméras")."""
    return pronoun.lower().startswith("ils") and not MASCULINE_CAMERA_NOUN_RE.match(noun.lower())


def masculine_pronoun_before(x: Extractor, sentence_index: int, left: str) -> bool:
    """Whether `left` (normalized) ends with "ils sont …" while the cameras were last counted as "caméras": "les
    effectifs de la police, ils sont actuellement sept" counts agents. Used by the bare rules and the parse."""
    pronoun = PRONOUN_RE.search(left)
    return bool(pronoun) and masculine_of_cameras(pronoun.group(0), named_by(x, x.last_candidate(sentence_index,
                                                                                                CAMERAS)))


def named_by(x: Extractor, c: Candidate | None) -> str:
    """The words a camera count was said with ("caméras", "appareils"); "caméras" when no count was read."""
    return x.text[c.mention.end : c.end] if c is not None else "caméras"


# "Désormais, elles sont presque une centaine": a pronoun that opens its sentence, after an adverb or a short
# complement at most, is the subject the sentence before named
OPENING_RE = re.compile(r"^[^\w]*(?:[\w'’-]+\s*){0,3},?\s*$")
# A subject pronoun stands for the last plural noun: cameras, unless another comes after ("ouvert aux caméras
# des communes … Elles sont 72", "2 000 communes utilisant la vidéoprotection ; en 2020, elles étaient 6 000")
PLURAL_CAMERAS_RE = re.compile(r"\b(?:cam[ée]ras|appareils|dispositifs|dômes)\b", re.IGNORECASE)
LATER_PLURAL_RE = re.compile(r"\b(?:les|des|ces|aux|leurs|ses|nos|vos|plusieurs|\d+)\s+(?:[\w'’-]+\s+)?[\w'’-]+s\b",
                             re.IGNORECASE)


# "les caméras de rue, à la fin des années 1970. Elles étaient alors une centaine": a decade is no antecedent
DECADE_RE = re.compile(r"\b(?:des|les|aux) années\s+(?:19|20)?\d0\b", re.IGNORECASE)


def _last_plural_cameras(text: str, start: int, end: int) -> re.Match[str] | None:
    last = None
    for match in PLURAL_CAMERAS_RE.finditer(text, start, end):
        last = match
    return last if last and not LATER_PLURAL_RE.search(DECADE_RE.sub(" ", text[last.end() : end])) else None


def cameras_named_before(x: Extractor, sentence: Sentence, pronoun_at: int) -> re.Match[str] | None:
    """The cameras a subject pronoun at `pronoun_at` stands for: named in its sentence, or in the sentence before
    when it opens its own."""
    opening = x.text[sentence.start : pronoun_at]
    if (named := _last_plural_cameras(x.text, sentence.start, pronoun_at)) or sentence.index == 0 or (
            not OPENING_RE.match(opening)):
        return named
    before = x.sentences[sentence.index - 1]
    return _last_plural_cameras(x.text, before.start, before.end) if before.block == sentence.block else None
