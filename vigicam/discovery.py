"""`vigicam sources discover`: the town hall websites the gazetteer knows, registered as followed sources.

Only communes carry a website in the gazetteer (21,466 of them); an intercommunalité, a département or a
région is discovered as the communes it holds. A site already followed (same URL, or another followed
source on the same host), one a user removed, or a gazetteer entry that is no web address (an e-mail
address) is reported and left alone, so a second run adds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlite_utils import Database

from extractors.gazetteer import Gazetteer, Place, load_gazetteer
from extractors.places import display_name
from storage.followed import Registered, insert_sources, registered_sources
from storage.sources import Source
from storage.urls import canonical_url
from vigicam.config import ConfigError, check_url
from vigicam.suggest import did_you_mean, suggestions

COMMUNE_CODE_RE = re.compile(r"^(?:\d{5}|2[AB]\d{3})$", re.IGNORECASE)
SIREN_RE = re.compile(r"^\d{9}$")
BARE_HOST_RE = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?$", re.IGNORECASE)
CODE_FORMS = {"departement": "départements are 01 to 95, 2A, 2B and 971 to 976",
              "region": "régions are 01 to 06 and 11 to 94, e.g. 24 for Centre-Val de Loire"}
DOMINANT = 10  # a commune ten times as populous as its homonyms together is the one a name means


@dataclass(frozen=True)
class Selection:
    """Which places: one of the selectors, and a population floor."""

    commune: str | None = None
    epci: str | None = None
    departement: str | None = None
    region: str | None = None
    every_place: bool = False
    min_population: int = 0


@dataclass
class Outcome:
    """What discovery did (or, in a dry run, would do) for one commune."""

    action: str  # added, followed, removed, no_site, not_a_url
    place: Place
    url: str = ""
    source: Registered | None = None


@dataclass
class Discovery:
    scope: str
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)


def communes_of(selection: Selection, gazetteer: Gazetteer | None = None) -> tuple[str, list[Place]]:
    """The communes a selection designates, most populous first, and how to name the selection.
    A user's mistake (unknown code, unknown or ambiguous name) is a ConfigError that says what to type."""
    gazetteer = gazetteer or load_gazetteer()
    # today's communes: a former one (délégué or associée) is part of the commune nouvelle and its site
    communes = [p for p in gazetteer.places if p.kind == "commune" and not p.parent]
    if selection.commune is not None:
        chosen = _commune(gazetteer, selection.commune)
        scope, places = f"{chosen.name} ({chosen.code})", [chosen]
    elif selection.epci is not None:
        epci = _parent(gazetteer, "intercommunalite", selection.epci.strip(), "SIREN")
        scope, places = f"{display_name(epci)} ({epci.code})", [p for p in communes if p.epci == epci.code]
    elif selection.departement is not None:
        dep = _parent(gazetteer, "departement", selection.departement.strip(), "département code")
        scope, places = f"{dep.name} ({dep.code})", [p for p in communes if p.departement == dep.code]
    elif selection.region is not None:
        region = _parent(gazetteer, "region", selection.region.strip(), "région code")
        scope, places = f"{region.name} ({region.code})", [p for p in communes if p.region == region.code]
    else:
        scope, places = "France", communes
    places = [p for p in places if p.population >= selection.min_population]
    return scope, sorted(places, key=lambda p: (-p.population, p.code))


def _padded(code: str) -> str:
    """'1' → '01', as INSEE writes départements and régions; '2a' → '2A'."""
    code = code.strip().upper()
    return code.zfill(2) if code.isdigit() else code


def _parent(gazetteer: Gazetteer, kind: str, code: str, what: str) -> Place:
    place = gazetteer.get(kind, _padded(code) if kind != "intercommunalite" else code)
    if place is not None:
        return place
    named = gazetteer.lookup(code, kind)
    if named:
        hint = f"; did you mean {named[0].code} ({display_name(named[0])})?"
    elif kind == "intercommunalite":
        hint = "" if SIREN_RE.match(code) else ": an intercommunalité's SIREN has 9 digits"
    else:
        hint = f" ({CODE_FORMS[kind]})"
    raise ConfigError(f"unknown {what} {code!r}{hint}")


def _commune(gazetteer: Gazetteer, name_or_code: str) -> Place:
    text = name_or_code.strip()
    if COMMUNE_CODE_RE.match(text):
        place = gazetteer.get("commune", text.upper())
        if place is None:
            raise ConfigError(f"no commune has the INSEE code {text!r}")
        return place
    # a former commune ("Oullins") is discovered through the commune nouvelle it joined, whose site it is
    named = [gazetteer.get("commune", p.parent) or p if p.parent else p for p in gazetteer.lookup(text, "commune")]
    found = list({p.code: p for p in named}.values())
    if not found:
        raise ConfigError(f"no commune is called {text!r}{did_you_mean(suggestions(text))}")
    first, others = found[0], found[1:]
    if others and first.population < DOMINANT * sum(p.population for p in others):
        named = ", ".join(f"{p.code} ({_departement_name(gazetteer, p)})" for p in found[:4])
        more = f" and {len(found) - 4} more" if len(found) > 4 else ""
        raise ConfigError(f"{len(found)} communes are called {text!r}: give the INSEE code, e.g. {named}{more}")
    return first


def _departement_name(gazetteer: Gazetteer, place: Place) -> str:
    dep = gazetteer.get("departement", place.departement)
    return dep.name if dep else place.departement


def site_url(site: str) -> str | None:
    """The gazetteer's website as a canonical URL; a bare host gets http:// (the site redirects to https
    if it has it); an e-mail address or anything else no crawl could fetch is None."""
    site = site.strip()
    if BARE_HOST_RE.match(site) and "@" not in site:
        site = "http://" + site
    try:
        return canonical_url(check_url(site))
    except ConfigError:
        return None


def _site_key(url: str) -> tuple[str, str]:
    """A site's host without its www., and its path as a folder: http://www.x.fr and https://x.fr/ are one
    site; www.intramuros.org/roura and www.intramuros.org/puiseaux are two communes' sites on one host."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    return host[4:] if host.startswith("www.") else host, parts.path.rstrip("/") + "/"


class Followed:
    """The registry as discovery reads it: sources by URL, and the followed sites by host and folder."""

    def __init__(self, rows: list[Registered]) -> None:
        self.by_url = {r.url: r for r in rows}
        self.sites: dict[str, list[tuple[str, Registered]]] = {}
        for row in rows:
            if row.follow and row.removed_at is None:
                self.add(row)

    def add(self, row: Registered) -> None:
        self.by_url[row.url] = row
        host, folder = _site_key(row.url)
        self.sites.setdefault(host, []).append((folder, row))

    def covering(self, url: str) -> Registered | None:
        """The source registered by this URL, or a followed one of the same site spelt otherwise (http or
        https, with or without www., a trailing slash)."""
        if url in self.by_url:
            return self.by_url[url]
        host, folder = _site_key(url)
        return next((row for other, row in self.sites.get(host, ()) if other == folder), None)


def plan(db: Database, places: list[Place], scope: str) -> Discovery:
    """What to do for each commune, from the registry read once."""
    followed = Followed(registered_sources(db))
    discovery = Discovery(scope)
    for place in places:
        if not place.site:
            discovery.outcomes.append(Outcome("no_site", place))
            continue
        url = site_url(place.site)
        if url is None:
            discovery.outcomes.append(Outcome("not_a_url", place, place.site))
            continue
        known = followed.covering(url)
        if known is not None:
            discovery.outcomes.append(Outcome("removed" if known.removed_at else "followed", place, url, known))
            continue
        row = Registered(0, url, display_name(place), True, None)
        followed.add(row)  # two communes sharing one site: registered once
        discovery.outcomes.append(Outcome("added", place, url, row))
    return discovery


def discover(db: Database, selection: Selection, every: int, *, dry_run: bool = False) -> Discovery:
    """Register the selected communes' sites as followed sources (nothing is written in a dry run)."""
    scope, places = communes_of(selection)
    discovery = plan(db, places, scope)
    added = [o for o in discovery.outcomes if o.action == "added"]
    if not dry_run:
        with db.atomic():
            insert_sources(db, [Source(url=o.url, place=display_name(o.place), place_code=o.place.code,
                                       kind="commune", every=every, follow=True) for o in added])
    return discovery
