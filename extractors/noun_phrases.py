"""The noun phrase after a number, as the reading rules match it: its lead (article, adjectives, an opening
quote), a part of a total ("huit des 64 caméras"), and plural nouns as French writes them, inclusive writing too."""

from __future__ import annotations

import re

from extractors.lexicon_fr import NOUN_ADJECTIVES

ADJ = "|".join(NOUN_ADJECTIVES)
OPEN_QUOTE = r"[«\"“#]?\s*"  # "les 1 300 #caméras" of a post too
OF_TOTAL = r"(?:des|de ses|de leurs|sur les|sur ses)"  # "80 des 270 lycées", "35 de ses 80 collèges"
NOUN_LEAD = rf"^\s*(?:de\s+|d')?(?:(?:{ADJ})\s+){{0,3}}{OPEN_QUOTE}"
# Inclusive writing says a plural for both genders: "habitant·e·s", "habitant-e-s", "citoyen·ne·s", "résident(e)s"
INCLUSIVE_PLURAL = r"s|[-·.•‧]n?e[-·.•‧]?s|\(n?e\)s"  # not "habitantes": women, not a population


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of `words`, the longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def plural_nouns(words: tuple[str, ...]) -> str:
    """The alternation of `words`, a plural in -s read in inclusive writing too."""
    return "|".join(rf"{re.escape(w[:-1])}(?:{INCLUSIVE_PLURAL})" if w.endswith("s") and w[-2].isalpha()
                    else re.escape(w) for w in sorted(words, key=len, reverse=True))
