"""One bare number asked of the rules of `extractors.bare_rules`: the words around it, each computed once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from extractors.candidates import Candidate, words_after, words_before
from extractors.cues import ANAPHORA_AFTER_RE, CAMERA_WORDS_RE
from extractors.numbers import Mention
from extractors.qualifiers import qualifier_before
from extractors.readings import norm
from extractors.segments import Sentence

if TYPE_CHECKING:
    from extractors.pipeline import Extractor


# a plural noun after "autres": it ends in s or x, and is no verb ("prendront", which the small model tags as a
# noun) nor a participle ("disséminées", "prévues", "réparties")
OTHERS_WORD_RE = re.compile(r"\s*(?:d['’])?autres\s+([a-zà-ÿ]{3,}[sx])\b")
PARTICIPLE_ENDINGS = ("ées", "és", "ues", "ies", "is")


@dataclass
class BareQuestion:
    """One bare number asked of the rules, with the words around it, each part computed once, when asked."""

    x: Extractor
    sentence: Sentence
    mentions: list[Mention]
    found: dict[int, Candidate]
    consumed: set[int]
    i: int

    @property
    def m(self) -> Mention:
        return self.mentions[self.i]

    @cached_property
    def hedged_left(self) -> str:
        """The words before the number, a hedge included ("a franchi le cap des 50": it may tell a count)."""
        return words_before(self.x.text, self.sentence, self.m.start)

    @cached_property
    def left(self) -> str:
        """The words before the number, less a hedge ("près d'une centaine": "d'" is the number's)."""
        m, left = self.m, self.hedged_left
        elided = m.approx and m.raw.lower().startswith(("d'", "d’"))
        _, hedge = qualifier_before(left + "d'" if elided else left)
        return left[: len(left) - hedge + (2 if elided else 0)] if hedge else left

    @cached_property
    def right(self) -> str:
        return words_after(self.x.text, self.sentence, self.m.end)

    @cached_property
    def following(self) -> Sentence | None:
        """The next sentence, when nothing but a stop follows the number in its own ("458 — C'est le nombre de …",
        "311. C'est le nombre de caméras qui …")."""
        x, index = self.x, self.sentence.index
        alone = not self.right.strip(" \t\n.!…—–:-")
        return x.sentences[index + 1] if alone and index + 1 < len(x.sentences) else None

    @cached_property
    def right_on(self) -> str:
        """What follows the number, on into the next sentence when its own ends there."""
        if self.following is None:
            return self.right
        return self.right + "\n" + norm(self.x.text[self.following.start : self.following.start + 80])

    @cached_property
    def after(self) -> re.Match[str] | None:
        match = ANAPHORA_AFTER_RE.match(self.right_on)
        return None if match and self._others_of_a_noun() else match

    def _others_of_a_noun(self) -> bool:
        """ "Deux autres phases, en 2024 et 2025, sont programmées": "autres" goes with a noun of its own (the
        parse tells a noun from "Neuf autres seront installées"), not with the cameras counted before."""
        word = OTHERS_WORD_RE.match(self.x.text, self.m.end, self.sentence.end)
        if word is None or word[1].endswith(PARTICIPLE_ENDINGS) or CAMERA_WORDS_RE.match(word[1]) or (
                doc := self.x.parsed(self.sentence)) is None:
            return False
        at = word.start(1) - self.sentence.start
        return any(t.idx == at and t.pos_ == "NOUN" for t in doc)

    @cached_property
    def previous(self) -> list[Candidate]:
        return [self.found[k] for k in sorted(self.found) if k < self.i]

    def read(self, c: Candidate) -> bool:
        self.found[self.i] = c
        return True

    def last_counted(self) -> Candidate | None:
        return self.x.last_counted(self.sentence, self.previous)
