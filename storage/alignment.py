"""Matching the figures of two versions of a page one to one, as a diff aligns lines.

A figure is known by its value, metric and place, and by where it stands and what words say it. Its
date, its place's spelling and its qualifier's wording are not its identity: an undated past count
("à l'origine, 43 caméras avaient été posées") may take the page's date, which moves with every
"Mis à jour le" line, and must stay the same figure. The passes, each on what the previous left:
1. the same statement (metric, value, place, date, qualifier), in the order of the text (difflib);
2. the same value and metric said by the same words or for the same place: a restatement, whose date,
   place spelling or qualifier may have moved (never reported, see `moved`);
3. the same series (metric, place, date) with another value: a change, the closest words first.
What is left of the old version was withdrawn; what is left of the new one is new.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from rapidfuzz import fuzz

Figure = dict[str, Any]
Pair = tuple[Figure | None, Figure | None]

SAME_WORDS = 85  # similarity (0-100) of two sentences, numbers masked, that says the same thing
CLOSE_WORDS = 60  # enough, with the same place, for a figure whose date or qualifier moved
MAX_SCORED = 40_000  # pairs of figures scored in one bucket at most: past that, paired in text order
WINDOW = 20  # how far ahead text-order pairing looks for a figure to pair with


def _plain(text: str | None) -> str:
    """Lower-case, no accents, one kind of apostrophe and space: typography is not wording."""
    text = unicodedata.normalize("NFKD", text or "").replace("’", "'").replace("‘", "'")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", text).strip()


def words(figure: Figure) -> str:
    """A figure's sentence with its numbers masked: what says it, whatever value it says."""
    return re.sub(r"\d+(?:[ .,\u202f]\d+)*", "#", _plain(figure.get("sentence") or figure.get("evidence")))


def _place_key(place: str | None) -> str:
    """A place's name without case, accents, hyphens or spaces, 'Saint' as 'St': "Chartres Metropole" is
    "Chartres Métropole", "St-Denis" is "Saint Denis"; "Saint-Genis" stays another town (no fuzzy match)."""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"\bsaint(e?)\b", r"st\1", _plain(place)))


def same_place(a: str | None, b: str | None) -> bool:
    return a == b or (bool(a and b) and _place_key(a) == _place_key(b))


def _statement(figure: Figure) -> tuple[Any, ...]:
    return figure["metric"], figure["value"], figure.get("place"), figure.get("date"), figure.get("qualifier")


def _same_statements(old: list[Figure], new: list[Figure]) -> list[tuple[int, int]]:
    """Pass 1: identical statements, the longest common run in text order first, then any left."""
    old_keys, new_keys = [_statement(f) for f in old], [_statement(f) for f in new]
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    pairs = [(block.a + k, block.b + k) for block in matcher.get_matching_blocks() for k in range(block.size)]
    used_old, used_new = {i for i, _ in pairs}, {j for _, j in pairs}
    waiting: dict[tuple[Any, ...], list[int]] = defaultdict(list)  # a paragraph that moved: the same statement
    for j in sorted(set(range(len(new_keys))) - used_new, reverse=True):  # elsewhere, first come first paired
        waiting[new_keys[j]].append(j)
    for i in sorted(set(range(len(old_keys))) - used_old):
        if waiting.get(old_keys[i]):
            pairs.append((i, waiting[old_keys[i]].pop()))
    return pairs


# (old figure, new figure, similarity of their words, how far apart in their pages) → a score, or None
Scorer = Callable[[Figure, Figure, Callable[[], float], float], float | None]


def _greedy(old: list[Figure], new: list[Figure], left_old: set[int], left_new: set[int], score: Scorer,
            bucket: Callable[[Figure], Any]) -> list[tuple[int, int]]:
    """Pairs of what is left, best score first; `score` is None where two figures cannot pair, and only
    figures of the same `bucket` are scored. A bucket too big to score every pair of (a table of
    hundreds of changed counts) is paired in text order instead (see `_in_order`)."""
    old_words, new_words = {i: words(old[i]) for i in left_old}, {j: words(new[j]) for j in left_new}
    olds: dict[Any, list[int]] = defaultdict(list)
    news: dict[Any, list[int]] = defaultdict(list)
    for i in sorted(left_old):
        olds[bucket(old[i])].append(i)
    for j in sorted(left_new):
        news[bucket(new[j])].append(j)
    scores: dict[tuple[int, int], float] = {}
    for key, old_side in olds.items():
        new_side = news.get(key, [])
        if len(old_side) * len(new_side) > MAX_SCORED:
            scores |= _in_order(old, new, old_side, new_side, score, old_words, new_words)
            continue
        for i in old_side:
            for j in new_side:
                where = abs(i / max(len(old), 1) - j / max(len(new), 1))
                similarity = lambda i=i, j=j: fuzz.ratio(old_words[i], new_words[j])  # noqa: E731 - if needed
                if (value := score(old[i], new[j], similarity, where)) is not None:
                    scores[(i, j)] = value
    pairs = []
    for (i, j), _ in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        if i in left_old and j in left_new:
            pairs.append((i, j))
            left_old.discard(i)
            left_new.discard(j)
    return pairs


def _in_order(old: list[Figure], new: list[Figure], old_side: list[int], new_side: list[int], score: Scorer,
              old_words: dict[int, str], new_words: dict[int, str]) -> dict[tuple[int, int], float]:
    """Each old figure with the first new one after the last paired that it can pair with, looking at
    most WINDOW ahead: linear where scoring every pair is quadratic."""
    pairs: dict[tuple[int, int], float] = {}
    start = 0
    for i in old_side:
        for k in range(start, min(start + WINDOW, len(new_side))):
            j = new_side[k]
            similarity = lambda i=i, j=j: fuzz.ratio(old_words[i], new_words[j])  # noqa: E731 - if needed
            if score(old[i], new[j], similarity, 0.0) is not None:
                pairs[(i, j)] = 0.0
                start = k + 1
                break
    return pairs


def _own_date(figure: Figure) -> bool:
    """Whether the figure's words state its date ("en 2014", a table's year): then another date is
    another series. A date they do not state came from the page (its "Mis à jour le" line) and may move."""
    date = figure.get("date")
    return bool(date) and str(date)[:4] in (figure.get("sentence") or figure.get("evidence") or "")


def _dates_may_differ(a: Figure, b: Figure) -> bool:
    return a.get("date") == b.get("date") or not (_own_date(a) or _own_date(b))


def _restated(a: Figure, b: Figure, words_alike: Callable[[], float], where: float) -> float | None:
    """Pass 2: same metric and value, no date of their own words apart; the same words, or close words
    for the same place."""
    if a["metric"] != b["metric"] or a["value"] != b["value"] or not _dates_may_differ(a, b):
        return None
    similarity = words_alike()
    placed = same_place(a.get("place"), b.get("place"))
    dated = a.get("date") == b.get("date")
    if similarity >= SAME_WORDS or (placed and (dated or similarity >= CLOSE_WORDS)):
        return similarity + 50 * placed + 25 * dated - 10 * where
    return None


def _changed(a: Figure, b: Figure, words_alike: Callable[[], float], where: float) -> float | None:
    """Pass 3: the same series (metric, place, date) with another value, the closest words first; a date
    the page gave that moved with it is the same series if the words are the same."""
    if a["metric"] != b["metric"] or not same_place(a.get("place"), b.get("place")):
        return None
    similarity = words_alike()
    if a.get("date") == b.get("date") or (_dates_may_differ(a, b) and similarity >= SAME_WORDS):
        return similarity - 10 * where
    return None


def align(old: list[Figure], new: list[Figure]) -> list[Pair]:
    """Every figure of both versions once: (old, new) matched, (old, None) withdrawn, (None, new) new;
    in the order of the old version, then the new figures in theirs."""
    pairs = _same_statements(old, new)
    left_old = set(range(len(old))) - {i for i, _ in pairs}
    left_new = set(range(len(new))) - {j for _, j in pairs}
    pairs += _greedy(old, new, left_old, left_new, _restated, lambda f: (f["metric"], f["value"]))
    pairs += _greedy(old, new, left_old, left_new, _changed, lambda f: f["metric"])
    in_old_order = sorted([*pairs, *((i, None) for i in left_old)], key=lambda pair: pair[0])
    matched: list[Pair] = [(old[i], new[j] if j is not None else None) for i, j in in_old_order]
    return matched + [(None, new[j]) for j in sorted(left_new)]


def moved(old: Figure, new: Figure) -> list[str]:
    """What differs between two matched figures of the same value: recorded, never reported."""
    said = [name for name in ("date", "place", "qualifier") if old.get(name) != new.get(name)]
    return said + (["wording"] if words(old) != words(new) else [])
