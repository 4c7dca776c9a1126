"""Whether a pronoun can stand for the cameras last counted: "ils" cannot stand for "caméras", a feminine noun;
it can for "appareils" or "dispositifs". Asked by the bare rules and by the sentence reader's parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.bare_words import MASCULINE_CAMERA_NOUN_RE
from extractors.candidates import Candidate
from extractors.cues import PRONOUN_RE
from extractors.readings import CAMERAS

if TYPE_CHECKING:
    from extractors.pipeline import Extractor


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
