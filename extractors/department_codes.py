"""Département codes in brackets after a commune's name ("Seclin (59) et Méru (60)", "Languédias (22) :"):
the number is the commune's département, not a count of it. The gazetteer tells them apart from a count
written the same way ("Saint-Flour (19), Murat (10)": Saint-Flour is in the Cantal, 15)."""

from __future__ import annotations

import re

from extractors.gazetteer import Gazetteer
from extractors.numbers import Mention

# the name before the bracket: one to five capitalised words joined by spaces, hyphens or apostrophes
NAME_BEFORE_RE = re.compile(r"((?:[A-ZÉÈÎ][\w'’]*(?:[\s-]+(?:[a-zéèà']{1,3}[\s-]+)?)){1,5})\(\s*$")
CODE_AFTER_RE = re.compile(r"\s*\)")


def is_department_code(text: str, mention: Mention, gazetteer: Gazetteer | None) -> bool:
    """Whether the number of `mention` is, in brackets, the département code of the commune named before it."""
    if gazetteer is None or mention.spelled or not mention.raw.isdigit() or len(mention.raw) not in (2, 3):
        return False
    if not CODE_AFTER_RE.match(text, mention.end):
        return False
    name = NAME_BEFORE_RE.search(text[max(0, mention.start - 60) : mention.start])
    if name is None:
        return False
    code = mention.raw
    return any(place.departement == code for place in gazetteer.lookup(name.group(1).strip(), "commune"))


def without_department_codes(text: str, mentions: list[Mention], gazetteer: Gazetteer | None) -> list[Mention]:
    return [m for m in mentions if not is_department_code(text, m, gazetteer)]
