"""Place names a user may have meant: a mistyped 'Chartre' is Chartres, a bare 'Aix' may be
Aix-en-Provence. rapidfuzz compares the name with the gazetteer's and the database's names."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

from extractors.gazetteer import Place, load_gazetteer, normalise
from extractors.places import display_name

MIN_SCORE = 85  # rapidfuzz's ratio (0–100): 'chartre' ~ 'chartres' 93, 'dreux' ~ 'dieux' 80
CLOSE_SCORE = 90  # a likely typo: offered before the longer names that start with the name
MAX_SUGGESTIONS = 5


@lru_cache(maxsize=1)
def _gazetteer_names() -> dict[str, Place]:
    """Each lookup key of the gazetteer → its most populous place (the index lists them so)."""
    return {key: places[0] for key, places in load_gazetteer().index.items() if places}


def _longer_names(key: str) -> list[Place]:
    """Communes whose name goes on after this one ('aix' → Aix-en-Provence, Aix-les-Bains), the most
    populous first."""
    prefix = key + " "
    found = {p.code: p for name, p in _gazetteer_names().items()
             if name.startswith(prefix) and p.kind == "commune"}
    return sorted(found.values(), key=lambda p: -p.population)


def suggestions(name: str, stored: Iterable[str] = (), *, longer: bool = True, close: bool = True) -> list[str]:
    """Names close to `name`: the database's own place names, the gazetteer's likely typos, with
    `longer` the three most populous communes whose name starts with it, then the gazetteer's other
    close names (the most populous first among equally close ones); without `close`, only the longer
    names (a name that resolves needs no correction)."""
    key = normalise(name)
    if not key:
        return []
    stored_by_key = {normalise(s): s for s in stored if s}
    found: list[str] = [stored_by_key[k] for k, _score, _ in process.extract(
        key, list(stored_by_key), scorer=fuzz.ratio, score_cutoff=MIN_SCORE, limit=MAX_SUGGESTIONS) if k != key]
    names = _gazetteer_names()
    matches = process.extract(key, list(names), scorer=fuzz.ratio, score_cutoff=MIN_SCORE, limit=20) if close else []
    ranked = sorted((m for m in matches if m[0] != key), key=lambda m: (-round(m[1]), -names[m[0]].population))
    found += [display_name(names[k]) for k, score, _ in ranked if score >= CLOSE_SCORE]
    if longer:
        found += [display_name(p) for p in _longer_names(key)[:3]]
    found += [display_name(names[k]) for k, _score, _ in ranked]
    unique = list(dict.fromkeys(found))
    return unique[:MAX_SUGGESTIONS]


def did_you_mean(names: list[str], most: int = 3) -> str:
    """'; did you mean Chartres?' or '' when there is nothing to offer."""
    if not names:
        return ""
    names = names[:most]
    return "; did you mean " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]) + "?"
