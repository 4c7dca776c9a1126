"""Canned Datasette queries on a database of 1,000,000 figures.

    python bench/bench_queries.py [--figures 1000000] [--db /tmp/vigicam-bench.db]

Builds the database once (sources, fetches, documents, extractions, figures, changes shaped like a
long-running vigicam), then runs each canned query of vigicam/datasette/metadata.yaml five times and
prints the best time.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from storage import open_database
from vigicam.serve import metadata_for

METRICS = ["cameras", "cameras_planned", "cameras_added", "money_eur", "percent", "other"]


def event(i: int, source_id: int, place: str) -> dict:
    """A `changed` event as a crawl writes it: both values and qualifiers, both evidence sentences."""
    old, new = 40 + i % 400, 41 + i % 400 + i % 7
    sentence = ("La ville de {place} dispose aujourd'hui de {qualifier}{value} caméras de vidéoprotection "
                "reliées au centre de supervision urbain, selon le rapport présenté en conseil municipal.")
    return {"source_id": source_id, "kind": "changed", "place": place, "metric": "cameras",
            "old_value": old, "new_value": new, "delta": new - old, "old_qualifier": "at_least",
            "new_qualifier": "exact", "old_evidence": sentence.format(place=place, qualifier="plus de ", value=old),
            "new_evidence": sentence.format(place=place, qualifier="", value=new),
            "source_url": f"https://ville{source_id - 1}.example/video", "published": "2024-05-30",
            "detected_at": f"2024-06-{1 + i % 28:02d}T06:00:00Z"}


def build(path: Path, figures: int) -> None:
    db = open_database(path)
    rng = random.Random(1)
    sources, per_doc = 2000, 10
    documents = figures // per_doc
    places = [f"Commune {i}" for i in range(sources)]
    with db.atomic():
        db["sources"].insert_all(({"id": i + 1, "url": f"https://ville{i}.example/video", "place": places[i],
                                   "kind": "commune", "every": 86400, "follow": 0, "enabled": 1,
                                   "added_at": "2024-01-01T00:00:00Z"} for i in range(sources)), batch_size=5000)
    for start in range(0, documents, 20_000):
        with db.atomic():
            docs, fetches, extractions, rows = [], [], [], []
            for d in range(start, min(documents, start + 20_000)):
                source = d % sources + 1
                day = f"2024-{1 + d // (sources * 28) % 12:02d}-{1 + (d // sources) % 28:02d}T06:00:00Z"
                docs.append({"id": d + 1, "content_hash": f"h{d}", "url": f"https://ville{source - 1}.example/video",
                             "text": "…", "fetched_at": day})
                fetches.append({"id": d + 1, "source_id": source, "url": docs[-1]["url"], "started_at": day,
                                "http_status": 200, "outcome": "new_content", "document_id": d + 1})
                extractions.append({"id": d + 1, "document_id": d + 1, "source_id": source, "fetch_id": d + 1,
                                    "extractor_version": "0.1.0", "figure_count": per_doc, "extracted_at": day})
                for k in range(per_doc):
                    metric = METRICS[k % len(METRICS)]
                    rows.append({"extraction_id": d + 1, "document_id": d + 1, "source_id": source, "metric": metric,
                                 "value": rng.randint(5, 900), "qualifier": "exact", "place": places[source - 1],
                                 "place_kind": "commune", "place_code": f"{source:05d}", "date": None,
                                 "evidence": f"{k} caméras", "sentence": f"La ville compte {k} caméras.",
                                 "start": 0, "end": 10, "confidence": 0.85, "extractor_version": "0.1.0"})
            db["documents"].insert_all(docs, batch_size=5000)
            db["fetches"].insert_all(fetches, batch_size=5000)
            db["extractions"].insert_all(extractions, batch_size=5000)
            db["figures"].insert_all(rows, batch_size=5000)
    with db.atomic():
        db["places"].insert_all(({"code": f"{i + 1:05d}", "kind": "commune", "name": places[i],
                                  "population": rng.randint(1000, 200000), "population_year": 2016}
                                 for i in range(sources)), batch_size=5000, replace=True)
        db["changes"].insert_all((event(i, i % sources + 1, places[i % sources]) for i in range(100_000)),
                                 batch_size=5000)
    db.execute("analyze")
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/vigicam-bench.db"))
    args = parser.parse_args()
    if not args.db.exists():
        started = time.perf_counter()
        build(args.db, args.figures)
        print(f"built {args.db} with {args.figures:,} figures in {time.perf_counter() - started:.0f}s")
    db = open_database(args.db)
    print(f"figures: {db['figures'].count:,}")
    params = {"place": "Commune 42", "metric": "cameras", "since": "2024-06-20", "stale_days": "30"}
    for name, query in metadata_for(args.db)["databases"][args.db.stem]["queries"].items():
        best = float("inf")
        for _ in range(5):
            started = time.perf_counter()
            rows = list(db.query(query["sql"] + (" limit 101" if "limit" not in query["sql"] else ""),
                                 {k: v for k, v in params.items() if f":{k}" in query["sql"]}))
            best = min(best, time.perf_counter() - started)
        print(f"{name:<28} {best * 1000:8.1f} ms  ({len(rows)} rows, first page of 101)")


if __name__ == "__main__":
    main()
