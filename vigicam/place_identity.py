"""One place, one name: a source's --place in the gazetteer's spelling, and the stored names a place means.

The extractors name a commune that shares its name with another "Commune (département)" (guidelines'
pattern, extractors/gazetteer.py). A source registered as bare "Vernouillet" kept that name for its
source-level events (failing, recovered, a paragraph changed) while its figures, and those of pages found
by following, said "Vernouillet (Eure-et-Loir)": one commune under two names in reports, `history` and
Datasette (issue 21). So a source's place is stored as the gazetteer names it, a bare homonym resolved
by the page's host or refused with its candidates; and `report --place` / `history` take either spelling
of one place when the database holds only one place of that name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractors.gazetteer import Gazetteer, Place, load_gazetteer, normalise
from extractors.places import display_name
from storage.sources import Source
from vigicam.config import ConfigError

# A commune this many times as populous as all its namesakes together is the one its bare name means
# (Vernon, Eure: 23,872 against 936), as the gazetteer's `with_first_part` decides; Vernouillet (12,506
# and 10,048) and Saint-Louis are not.
DOMINANT_RATIO = 10
MAX_LISTED = 8  # candidates named in the error; Saint-Denis has more
PLACE_KINDS = ("commune", "intercommunalite", "departement", "region")
DEPARTEMENT_NUMBER_RE = re.compile(r"^(?P<name>.+?)\s*\((?P<code>\d[\dAB]?|97\d)\)$")  # "Vernouillet (28)"


class AmbiguousPlace(ConfigError):
    """A bare name several communes bear, and nothing that says which."""


def _homonyms(name: str, candidates: list[Place], where: str = "") -> AmbiguousPlace:
    names = [display_name(p) for p in candidates]
    listed = ", ".join(names[:MAX_LISTED]) + (f" and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED else "")
    return AmbiguousPlace(f"{name} is ambiguous{where}: {listed}; give one of them, e.g. --place '{names[0]}'")


def _dominant(candidates: list[Place]) -> bool:
    ranked = sorted(candidates, key=lambda p: -p.population)
    return ranked[0].population >= DOMINANT_RATIO * sum(p.population for p in ranked[1:])


def _on_territory(place: Place, site: Place) -> bool:
    """Whether the page's host (a town hall's or an intercommunalité's site) is this place's or its
    département's: vernouillet28.fr, or Dreux's site for the Vernouillet of Eure-et-Loir."""
    return (place.code == site.code or bool(place.epci and place.epci in (site.code, site.epci))
            or bool(site.departement and place.departement == site.departement))


def _candidates(gazetteer: Gazetteer, name: str) -> list[Place]:
    if found := gazetteer.lookup(name):
        return found
    if numbered := DEPARTEMENT_NUMBER_RE.match(name):  # "Vernouillet (28)": the département's number
        return [p for p in gazetteer.lookup(numbered["name"]) if p.departement == numbered["code"]]
    return []


def source_place(name: str, kind: str | None, url: str) -> Place | None:
    """The place a source's --place names, chosen as the extractors choose a page's (its kind, then the
    page's host); None for a name the gazetteer does not know (kept as the user wrote it). A bare
    homonym nothing resolves raises AmbiguousPlace."""
    gazetteer = load_gazetteer()
    candidates = _candidates(gazetteer, name)
    if kind in PLACE_KINDS:
        candidates = [c for c in candidates if c.kind == kind] or candidates
    if len(candidates) > 1 and (site := gazetteer.by_site(url)) is not None:
        candidates = [c for c in candidates if _on_territory(c, site)] or candidates
    if len(candidates) > 1 and all(c.kind == "commune" for c in candidates) and not _dominant(candidates):
        raise _homonyms(name, candidates)
    return candidates[0] if candidates else None


def canonical_source(source: Source) -> Source:
    """The source with its place as the gazetteer names it ("vernouillet" on vernouillet28.fr →
    "Vernouillet (Eure-et-Loir)") and that place's code; a name the gazetteer does not know is kept."""
    if (place := source_place(source.place, source.kind, source.url)) is not None:
        source.place, source.place_code = display_name(place), place.code
    return source


def _denoted(gazetteer: Gazetteer, name: str) -> frozenset[tuple[str, str]]:
    """The places (kind, code) a stored name may be: one, or a bare homonym's communes."""
    return frozenset((p.kind, p.code) for p in _candidates(gazetteer, name.split(" / ")[0]))


def stored_names_for(name: str, stored: Iterable[str]) -> list[str]:
    """The stored place names `name` designates: its own spelling whatever the accents, case or hyphens,
    its districts ("Aix-en-Provence / La Duranne"), and every other spelling of the same place. A bare
    homonym ("Vernouillet") means the one commune of that name the database holds, and is refused with
    them when it holds several."""
    gazetteer = load_gazetteer()
    key = normalise(name)
    names = list(dict.fromkeys(s for s in stored if s))
    spelled = [s for s in names if normalise(s) == key or (" / " in s and normalise(s).startswith(key + " "))]
    if " / " in name:
        return spelled
    denoted = {s: _denoted(gazetteer, s) for s in names}
    present = {place for places in denoted.values() if len(places) == 1 for place in places}
    wanted = _narrowed(gazetteer, name, _denoted(gazetteer, name), present, strict=True)
    same = [s for s in names if len(wanted) == 1 and _narrowed(gazetteer, s, denoted[s], present) == wanted]
    return list(dict.fromkeys(spelled + same))


def _narrowed(gazetteer: Gazetteer, name: str, places: frozenset[tuple[str, str]],
              present: set[tuple[str, str]], strict: bool = False) -> frozenset[tuple[str, str]]:
    """A bare homonym's communes narrowed to the one the database holds under a full name; with
    `strict` (the name the user asked for), several there are an error."""
    if len(places) < 2 or any(kind != "commune" for kind, _code in places):
        return places
    here = places & present
    if len(here) > 1 and strict:
        raise _homonyms(name, sorted((p for p in gazetteer.lookup(name) if (p.kind, p.code) in here),
                                     key=display_name), " in this database")
    return frozenset(here) if len(here) == 1 else places
