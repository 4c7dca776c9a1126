"""The observatory at national scale: migration m017's first fill, the writer's cost per page with its
triggers, and the canned queries over `latest`.

    python bench/bench_observatory.py [--sources 200000] [--figures 1000000] [--pages 300]

Builds a history without m017 (sources, fetches, documents, extractions and figures shaped like a long-running
vigicam: several versions per page, figures on real commune codes), applies m017 and times its fill, then
stores `--pages` new pages of ten figures through the storage functions a crawl uses, on that database and
on a copy without m017, and runs each canned query of the observatory five times (best time), reading the
rows Datasette reads of it (1,001 at most).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import tempfile
import time
from pathlib import Path

import sqlite_utils
import yaml

from storage import open_database
from storage.history import insert_document, insert_extraction, record_fetch
from storage.migrations import migrations
from storage.urls import canonical_url
from vigicam.places_cli import ensure_places

DATASETTE_ROWS = 1001  # a canned query's rows Datasette reads: max_returned_rows (1,000) and one to tell there are more
METRICS = ("cameras", "cameras", "cameras_per_100k", "cameras_planned", "money_eur")


def build(path: Path, sources: int, figures: int, codes: list[str]) -> None:
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before=["m017_latest_figures"])
    documents = figures // 4
    conn = db.conn
    with conn:
        conn.executemany("insert into sources (id, url, place, kind, every, follow, enabled, added_at) "
                         "values (?, ?, ?, 'commune', 604800, 1, 1, '2025-01-01T00:00:00Z')",
                         ((i + 1, f"https://ville{i}.example/", f"Commune {i}") for i in range(sources)))
        for d in range(documents):
            source = d % sources + 1
            day = f"2025-{1 + d // sources % 12:02d}-{1 + d % 28:02d}T06:00:00Z"
            url = f"https://ville{source - 1}.example/securite"
            conn.execute("insert into documents (id, content_hash, url, text, fetched_at) values (?, ?, ?, '…', ?)",
                         (d + 1, f"h{d}", url, day))
            conn.execute("insert into fetches (id, source_id, url, started_at, http_status, outcome, document_id) "
                         "values (?, ?, ?, ?, 200, 'new_content', ?)", (d + 1, source, url, day, d + 1))
            conn.execute("insert into extractions (id, document_id, source_id, fetch_id, extractor_version, "
                         "figure_count, extracted_at) values (?, ?, ?, ?, '1', 4, ?)",
                         (d + 1, d + 1, source, d + 1, day))
            code = codes[source % len(codes)]
            conn.executemany(
                "insert into figures (extraction_id, document_id, source_id, metric, value, qualifier, place, "
                "place_kind, place_code, evidence, sentence, start, end) values (?, ?, ?, ?, ?, 'exact', ?, "
                "'commune', ?, 'x caméras', 'La ville compte x caméras.', 0, 1)",
                [(d + 1, d + 1, source, METRICS[(d + k) % len(METRICS)], 10 + (d * 7 + k) % 900, f"Commune {code}",
                  code) for k in range(4)])
    db.execute("analyze")
    db.close()


def _as_opened(path: Path) -> sqlite_utils.Database:
    """The database without m017, with the pragmas `open_database` sets (a fair comparison)."""
    db = sqlite_utils.Database(path)
    db.conn.create_function("canonical_url", 1, canonical_url, deterministic=True)
    db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def store_pages(path: Path, pages: int, codes: list[str], migrated: bool, first: int = 0) -> float:
    """Seconds per page to store `pages` new pages of ten figures each, as a crawl stores them."""
    db = open_database(path) if migrated else _as_opened(path)
    started = time.perf_counter()
    for n in range(first, first + pages):
        text = f"page {n} of the benchmark"
        digest = hashlib.sha256(text.encode()).hexdigest()
        source = n % 1000 + 1
        url = f"https://ville{source - 1}.example/securite"
        with db.atomic():
            document_id = insert_document(db, content_hash=digest, url=url, text=text, body=text.encode())
            fetch_id = record_fetch(db, source_id=source, url=url, started_at="2026-06-01T06:00:00Z",
                                    outcome="new_content", content_hash=digest, document_id=document_id)
            insert_extraction(db, document_id=document_id, source_id=source, fetch_id=fetch_id, extractor_version="2",
                              figures=[{"metric": METRICS[k % len(METRICS)], "value": 20 + k, "qualifier": "exact",
                                        "place": "X", "place_kind": "commune", "place_code": codes[(source + k) % 50],
                                        "date": None, "evidence": "x caméras", "sentence": "x caméras."}
                                       for k in range(10)])
    return (time.perf_counter() - started) / pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=200_000)
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    from extractors.gazetteer import load_gazetteer

    codes = [p.code for p in load_gazetteer().places if p.kind == "commune"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.db"
        started = time.perf_counter()
        build(path, args.sources, args.figures, codes)
        print(f"history: {args.sources:,} sources, {args.figures:,} figures, "
              f"built in {time.perf_counter() - started:.0f} s")
        before = Path(folder) / "without-m017.db"
        shutil.copy(path, before)
        started = time.perf_counter()
        db = open_database(path)
        ensure_places(db)
        rows = db.execute("select count(*) from latest").fetchone()[0]
        current = db.execute("select count(*) from current_figures").fetchone()[0]
        print(f"m017 first fill: {time.perf_counter() - started:.1f} s ({current:,} current statements, "
              f"{rows:,} latest rows; places loaded too)")
        db.close()
        with_triggers, without = [], []
        for round_ in range(2):  # interleaved: the machine's load falls on both alike
            with_triggers.append(store_pages(path, args.pages, codes, True, round_ * args.pages))
            without.append(store_pages(before, args.pages, codes, False, round_ * args.pages))
        with_triggers, without = min(with_triggers), min(without)
        print(f"storing a new page of 10 figures: {with_triggers * 1000:.2f} ms with m017's triggers, "
              f"{without * 1000:.2f} ms without")
        queries = yaml.safe_load(Path("vigicam/datasette/metadata.yaml").read_text())["databases"]["vigicam"]["queries"]
        db = open_database(path)
        for name, query in queries.items():
            if not name.startswith("observatory"):
                continue
            best = min(_timed(db, query["sql"]) for _ in range(5))
            count = len(db.execute(query["sql"], {"code": "01001"}).fetchmany(DATASETTE_ROWS))
            print(f"{name:<28} {best * 1000:7.1f} ms  ({count:,} rows read)")


def _timed(db: sqlite_utils.Database, sql: str) -> float:
    started = time.perf_counter()
    db.execute(sql, {"code": "01001"}).fetchmany(DATASETTE_ROWS)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
