"""The schema, as named migrations applied in order on open.

Never edit a migration that has shipped: add a new one. sqlite-utils records each applied
step in `_sqlite_migrations`, so an older database upgrades in place and keeps its rows.

This module holds the registry and the first schema (m001 to m004); storage.migrations_later holds
m005 on, and is imported at the end of this one so that its steps are registered, and applied, after
these. Import `migrations` from here: it is then complete.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("vigicam")

APPEND_ONLY_TABLES = ("fetches", "documents", "figures", "changes")


def make_append_only(db: Database, table: str) -> None:
    """Triggers that refuse UPDATE and DELETE: history is only ever added to."""
    for action in ("UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )


@migrations()
def m001_initial(db: Database) -> None:
    """The history tables, made append-only where they are history, and what they refer to."""
    m001_places_and_sources(db)
    m001_documents_and_fetches(db)
    m001_extractions_and_figures(db)
    m001_changes(db)
    for table in APPEND_ONLY_TABLES:
        make_append_only(db, table)


def m001_places_and_sources(db: Database) -> None:
    """The places of the gazetteer and the registered pages. Part of m001: never edit."""
    db["places"].create(
        {
            "code": str,
            "kind": str,
            "name": str,
            "population": int,
            "population_year": int,
            "latitude": float,
            "longitude": float,
        },
        pk=("kind", "code"),  # a département and a région may share a code ("93")
    )
    db["sources"].create(
        {
            "id": int,
            "url": str,
            "place": str,
            "place_code": str,
            "kind": str,
            "every": int,
            "follow": int,
            "enabled": int,
            "added_at": str,
            "removed_at": str,
        },
        pk="id",
        not_null={"url", "place", "kind", "every", "follow", "enabled", "added_at"},
        defaults={"follow": 0, "enabled": 1},
    )
    db["sources"].create_index(["url"], unique=True)


def m001_documents_and_fetches(db: Database) -> None:
    """One row per distinct content, and every fetch attempt. Part of m001: never edit."""
    db["documents"].create(
        {
            "id": int,
            "content_hash": str,
            "url": str,
            "title": str,
            "text": str,
            "published": str,
            "updated": str,
            "content_type": str,
            "encoding": str,
            "body_gz": bytes,
            "fetched_at": str,
        },
        pk="id",
        not_null={"content_hash", "url", "text", "fetched_at"},
    )
    db["documents"].create_index(["content_hash"], unique=True)
    db["fetches"].create(
        {
            "id": int,
            "source_id": int,
            "url": str,
            "final_url": str,
            "started_at": str,
            "finished_at": str,
            "http_status": int,
            "outcome": str,
            "error": str,
            "bytes": int,
            "etag": str,
            "last_modified": str,
            "content_hash": str,
            "document_id": int,
        },
        pk="id",
        not_null={"source_id", "url", "started_at", "outcome"},
        foreign_keys=[("source_id", "sources", "id"), ("document_id", "documents", "id")],
    )
    db["fetches"].create_index(["source_id", "started_at"])


def m001_extractions_and_figures(db: Database) -> None:
    """Each run of an extractor version over a document, and the figures it found. Part of m001: never edit."""
    db["extractions"].create(
        {
            "id": int,
            "document_id": int,
            "source_id": int,
            "fetch_id": int,
            "extractor_version": str,
            "figure_count": int,
            "extracted_at": str,
        },
        pk="id",
        foreign_keys=[
            ("document_id", "documents", "id"),
            ("source_id", "sources", "id"),
            ("fetch_id", "fetches", "id"),
        ],
    )
    db["extractions"].create_index(["document_id", "source_id", "extractor_version"], unique=True)
    db["figures"].create(
        {
            "id": int,
            "extraction_id": int,
            "document_id": int,
            "source_id": int,
            "metric": str,
            "value": float,
            "qualifier": str,
            "place": str,
            "place_kind": str,
            "place_code": str,
            "date": str,
            "evidence": str,
            "sentence": str,
            "start": int,
            "end": int,
            "confidence": float,
            "extractor_version": str,
        },
        pk="id",
        not_null={"document_id", "source_id", "metric", "value", "qualifier", "evidence"},
        foreign_keys=[
            ("extraction_id", "extractions", "id"),
            ("document_id", "documents", "id"),
            ("source_id", "sources", "id"),
        ],
    )
    db["figures"].create_index(["document_id"])
    db["figures"].create_index(["source_id", "metric", "place"])


def m001_changes(db: Database) -> None:
    """The events of `vigicam report`. Part of m001: never edit."""
    db["changes"].create(
        {
            "id": int,
            "source_id": int,
            "kind": str,
            "place": str,
            "metric": str,
            "old_value": float,
            "new_value": float,
            "delta": float,
            "old_qualifier": str,
            "new_qualifier": str,
            "old_evidence": str,
            "new_evidence": str,
            "old_date": str,
            "new_date": str,
            "old_figure_id": int,
            "new_figure_id": int,
            "old_document_id": int,
            "new_document_id": int,
            "old_fetch_id": int,
            "new_fetch_id": int,
            "source_url": str,
            "published": str,
            "detail": str,
            "detected_at": str,
        },
        pk="id",
        not_null={"source_id", "kind", "detected_at"},
        foreign_keys=[
            ("source_id", "sources", "id"),
            ("old_figure_id", "figures", "id"),
            ("new_figure_id", "figures", "id"),
            ("old_document_id", "documents", "id"),
            ("new_document_id", "documents", "id"),
            ("old_fetch_id", "fetches", "id"),
            ("new_fetch_id", "fetches", "id"),
        ],
    )
    db["changes"].create_index(["detected_at"])
    db["changes"].create_index(["source_id", "id"])


@migrations()
def m002_runs_and_revisions(db: Database) -> None:
    """Crawl runs (for `report --last-run`) and extractor revisions (kept apart from a city's changes)."""
    db["runs"].create(
        {"id": int, "kind": str, "started_at": str, "finished_at": str, "pages": int, "events": int},
        pk="id",
    )
    db["changes"].add_column("run_id", int)
    db["changes"].create_index(["run_id"])
    db["revisions"].create(
        {
            "id": int,
            "document_id": int,
            "source_id": int,
            "place": str,
            "metric": str,
            "old_extractor_version": str,
            "new_extractor_version": str,
            "old_value": float,
            "new_value": float,
            "old_qualifier": str,
            "new_qualifier": str,
            "old_evidence": str,
            "new_evidence": str,
            "revised_at": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("source_id", "sources", "id")],
    )
    make_append_only(db, "revisions")


@migrations()
def m003_place_parents(db: Database) -> None:
    """Place parents (for "l'agglomération" of a commune) and where each place row comes from."""
    for column in ("departement", "region", "epci", "site", "source"):
        db["places"].add_column(column, str)


@migrations()
def m004_views_and_search(db: Database) -> None:
    """Views named for people, and full-text search over documents and evidence sentences."""
    # Indexes the views and canned queries need on a database of millions of figures.
    db["fetches"].create_index(["source_id", "document_id"])
    db["figures"].create_index(["extraction_id"])
    db["figures"].create_index(["place", "metric"])
    m004_latest_and_density_views(db)
    m004_counts_and_health_views(db)
    db["documents"].enable_fts(["title", "text"], create_triggers=True)
    db["figures"].enable_fts(["evidence", "sentence"], create_triggers=True)


def m004_latest_and_density_views(db: Database) -> None:
    """`latest_figures` and `density_check`. Part of m004: never edit."""
    db.execute("""
        create view latest_figures as
        select f.place, f.place_kind, f.place_code, f.metric, f.value, f.qualifier, f.date, f.evidence,
               s.url as source_url, s.kind as source_kind, d.published, d.title, f.id as figure_id,
               f.source_id, f.document_id
        from sources s
        join fetches fe on fe.id = (select max(id) from fetches where source_id = s.id and document_id is not null)
        join extractions e on e.id = (select max(id) from extractions where document_id = fe.document_id
                                      and source_id = s.id)
        join figures f on f.extraction_id = e.id
        join documents d on d.id = f.document_id
    """)
    db.execute("""
        create view density_check as
        with latest as (
            select f.*, row_number() over (partition by f.place_code, f.place_kind, f.metric
                                           order by f.figure_id desc) as rank
            from latest_figures f where f.place_code is not null
              and f.metric in ('cameras', 'cameras_per_100k') and f.date is null
        )
        select p.kind, p.code, p.name, p.population, p.population_year,
               stock.value as cameras, stock.qualifier as cameras_qualifier,
               round(stock.value * 100000.0 / p.population, 1) as computed_per_100k,
               stated.value as stated_per_100k,
               case when stated.value is not null and abs(stated.value - stock.value * 100000.0 / p.population)
                    > 0.10 * stated.value then 1 else 0 end as disagrees
        from places p
        join latest stock on stock.place_code = p.code and stock.place_kind = p.kind
             and stock.metric = 'cameras' and stock.rank = 1
        left join latest stated on stated.place_code = p.code and stated.place_kind = p.kind
             and stated.metric = 'cameras_per_100k' and stated.rank = 1
        where p.population > 0
    """)


def m004_counts_and_health_views(db: Database) -> None:
    """`camera_counts_over_time` and `source_health`. Part of m004: never edit."""
    db.execute("""
        create view camera_counts_over_time as
        select f.place, f.metric, f.value, f.qualifier, f.date, min(fe.started_at) as first_seen,
               max(fe.started_at) as last_seen, s.url as source_url, f.evidence
        from figures f
        join fetches fe on fe.document_id = f.document_id and fe.source_id = f.source_id
        join sources s on s.id = f.source_id
        where f.metric in ('cameras', 'cameras_planned', 'cameras_added', 'cameras_per_100k')
        group by f.source_id, f.place, f.metric, f.value, f.qualifier, f.date
    """)
    db.execute("""
        create view source_health as
        select s.id, s.url, s.place, s.enabled,
               (select max(started_at) from fetches where source_id = s.id and outcome != 'failed'
                and outcome != 'skipped') as last_success,
               (select max(started_at) from fetches where source_id = s.id and outcome = 'failed') as last_failure,
               (select count(*) from fetches f where f.source_id = s.id and f.outcome = 'failed' and f.id > coalesce(
                   (select max(id) from fetches where source_id = s.id and outcome not in ('failed', 'skipped')), 0)
               ) as consecutive_failures,
               (select error from fetches where source_id = s.id order by id desc limit 1) as last_error,
               (select nullif(final_url, s.url) from fetches where source_id = s.id and final_url is not null
                order by id desc limit 1) as redirected_to
        from sources s where s.removed_at is null
    """)


from storage import migrations_later  # noqa: E402, F401 - uses the registry above; registers m005 on
