"""The migrations since the first schema, m005 on, in the order they shipped. Never edit one that has
shipped: add the next at the end of this file (or, when it grows past its bound, in a new module that
this one imports at its end)."""

from __future__ import annotations

from sqlite_utils import Database

from storage.migrations import make_append_only, migrations
from storage.vocab import HEALTH_KINDS_SQL


@migrations()
def m005_schedule_state(db: Database) -> None:
    """The scheduler's own state (mutable, unlike the history): when each source is next due."""
    db["schedule_state"].create(
        {"source_id": int, "next_due_at": str, "consecutive_failures": int, "stale_reported_at": str,
         "updated_at": str},
        pk="source_id",
        foreign_keys=[("source_id", "sources", "id")],
    )


@migrations()
def m006_notifications(db: Database) -> None:
    """Which events went out on which channel. No address is stored: URLs with tokens stay in the
    configuration file, never in the database that Datasette serves."""
    db["notifications"].create(
        {"id": int, "change_id": int, "channel": str, "sent_at": str},
        pk="id",
        foreign_keys=[("change_id", "changes", "id")],
    )
    db["notifications"].create_index(["channel", "change_id"], unique=True)


@migrations()
def m007_redirect_of_the_registered_page_only(db: Database) -> None:
    """`redirected_to` looked at the source's last fetch, which for a followed source may be a page
    found on the site; only the registered page's own redirect means the source should be updated."""
    sql = db.execute("select sql from sqlite_master where name = 'source_health'").fetchone()[0]
    db.execute("drop view source_health")
    db.execute(sql.replace("where source_id = s.id and final_url is not null",
                           "where source_id = s.id and url = s.url and final_url is not null"))


@migrations()
def m008_history_lookups_by_page(db: Database) -> None:
    """Each stored page looks up its own page's last fetch and its source's health: without these
    indexes both read every fetch or event the source ever had, and a crawl slows as months pass."""
    # (source_id) alone: the rowid follows in the index, so a page's "order by id desc limit 1" reads
    # the source's newest fetches first; (source_id, url) would add its URL's bytes to every fetch.
    db["fetches"].create_index(["source_id"])
    db.execute(f"create index idx_changes_health on changes (source_id, id) where kind in {HEALTH_KINDS_SQL}")


@migrations()
def m009_source_health_is_the_registered_pages(db: Database) -> None:
    """A source's health is its registered page's, as for its events: a dead link among the pages a
    followed source finds counted as a failure of the source, made it look failing after every crawl
    and backed its schedule off."""
    db.execute("drop view source_health")
    db.execute("""
        create view source_health as
        select s.id, s.url, s.place, s.enabled,
               (select max(started_at) from fetches where source_id = s.id and url = s.url and outcome != 'failed'
                and outcome != 'skipped') as last_success,
               (select max(started_at) from fetches where source_id = s.id and url = s.url
                and outcome = 'failed') as last_failure,
               (select count(*) from fetches f where f.source_id = s.id and f.url = s.url and f.outcome = 'failed'
                and f.id > coalesce((select max(id) from fetches where source_id = s.id and url = s.url
                                     and outcome not in ('failed', 'skipped')), 0)) as consecutive_failures,
               (select error from fetches where source_id = s.id and url = s.url order by id desc limit 1)
                   as last_error,
               (select nullif(final_url, s.url) from fetches where source_id = s.id and url = s.url
                and final_url is not null order by id desc limit 1) as redirected_to
        from sources s where s.removed_at is null
    """)


@migrations()
def m010_extraction_failures(db: Database) -> None:
    """A stored page that a new extractor version raised on while re-reading it (`vigicam reextract`, or
    the catch-up a crawl starts with): recorded once per document, source and version, and skipped, so
    that one page can no longer stop the re-reading of all the others, nor the crawl after it."""
    db["extraction_failures"].create(
        {"id": int, "document_id": int, "source_id": int, "extractor_version": str, "error": str, "failed_at": str},
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("source_id", "sources", "id")],
    )
    db["extraction_failures"].create_index(["document_id", "source_id", "extractor_version"], unique=True)


@migrations()
def m012_restatements(db: Database) -> None:
    """A figure of a page's new version matched to one of its old version with the same value, whose date,
    place's spelling, qualifier or words moved: recorded here, never reported as an event."""
    db["restatements"].create(
        {"id": int, "source_id": int, "run_id": int, "metric": str, "value": float, "moved": str,
         "old_place": str, "new_place": str, "old_date": str, "new_date": str, "old_qualifier": str,
         "new_qualifier": str, "old_figure_id": int, "new_figure_id": int, "old_fetch_id": int,
         "new_fetch_id": int, "detected_at": str},
        pk="id",
        not_null={"source_id", "metric", "value", "moved", "detected_at"},
        foreign_keys=[("source_id", "sources", "id"), ("old_figure_id", "figures", "id"),
                      ("new_figure_id", "figures", "id"), ("new_fetch_id", "fetches", "id")],
    )
    db["restatements"].create_index(["source_id", "id"])
    make_append_only(db, "restatements")


@migrations()
def m013_canonical_source_urls(db: Database) -> None:
    """Sources registered by URL spellings of one page (`…/x#top`, `HTTPS://Example.ORG/x`) were separate
    sources. Each URL becomes its canonical form (storage.urls); of several spellings of one page the
    active source already canonical, else the oldest active, stays, and the others are removed (their
    history is kept, as `sources remove` keeps it). Their past fetches keep the spelling they were
    asked by: history finds them by canonical_url()."""
    from storage.urls import canonical_url  # the form the code stores from now on

    now = db.execute("select strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").fetchone()[0]
    groups: dict[str, list[tuple[int, str, bool]]] = {}
    for source_id, url, removed_at in db.execute("select id, url, removed_at from sources order by id"):
        groups.setdefault(canonical_url(url), []).append((source_id, url, removed_at is None))
    for canonical, rows in groups.items():
        active = sorted((r for r in rows if r[2]), key=lambda r: (r[1] != canonical, r[0]))
        for source_id, _url, _active in active[1:]:
            db.execute("update sources set enabled = 0, removed_at = ? where id = ?", [now, source_id])
        keeper = active[0] if active else None
        if keeper and keeper[1] != canonical and not any(url == canonical for _id, url, _a in rows):
            db.execute("update sources set url = ? where id = ?", [canonical, keeper[0]])


@migrations()
def m014_crawl_batches(db: Database) -> None:
    """The due sources handed to one crawl, through the database rather than its command line (which the
    kernel refused beyond about 19,600 URLs), and the mark that tells what the crawl really fetched of them:
    only those are planned again, the others stay due. The index lets the scheduler read the due sources
    and the most overdue first without reading the whole schedule."""
    db["crawl_batches"].create(
        {"id": int, "created_at": str, "fetch_mark": int, "sources": int, "finished_at": str, "fetched": int,
         "outcome": str, "error": str},
        pk="id",
    )
    db["crawl_batch_sources"].create(
        {"batch_id": int, "position": int, "source_id": int},
        pk=("batch_id", "position"),
        foreign_keys=[("batch_id", "crawl_batches", "id"), ("source_id", "sources", "id")],
    )
    db["schedule_state"].create_index(["next_due_at", "source_id"])


@migrations()
def m015_validator_verdicts(db: Database) -> None:
    """Validators that lied (issue 21 item 5): a source whose Last-Modified or ETag stayed while its text
    changed behind a run of 304s gets a verdict (what is blamed, when, why, after which fetch, and how it is
    fetched from then on); that validator is never sent again for it. Append-only, like the history."""
    db["validator_verdicts"].create(
        {"id": int, "source_id": int, "url": str, "fetch_id": int, "judged_at": str, "etag_trusted": int,
         "last_modified_trusted": int, "reason": str, "fetched": str},
        pk="id",
        not_null={"source_id", "url", "judged_at", "etag_trusted", "last_modified_trusted", "reason"},
        foreign_keys=[("source_id", "sources", "id"), ("fetch_id", "fetches", "id")],
    )
    db["validator_verdicts"].create_index(["source_id"])
    make_append_only(db, "validator_verdicts")


@migrations()
def m016_ingested_results(db: Database) -> None:
    """The results of a distributed crawl the writer has stored (`vigicam ingest`), by the fetch id their
    worker drew: written in the fetch's own transaction, so a result delivered twice (a writer killed
    between its commit and its acknowledgement) is stored once."""
    db["ingested_results"].create(
        {"fetch_uid": str, "fetch_id": int, "round": str, "ingested_at": str},
        pk="fetch_uid",
        not_null={"fetch_id", "ingested_at"},
        foreign_keys=[("fetch_id", "fetches", "id")],
    )


@migrations()
def m017_latest_figures(db: Database) -> None:
    """The observatory (issue 23 item 4): `current_figures` (what each page states now) and `latest` (the newest
    figure per place and metric with its page, date and qualifier), kept by triggers in the writer's transaction;
    the `observatory` view; the indexes that let them answer without reading the whole history. See
    storage/latest.py."""
    from storage.latest import create_latest

    create_latest(db)


@migrations()
def m018_robots_txt_cache(db: Database) -> None:
    """robots.txt kept between crawls with its expiry (issue 23 item 3): one row per host. See
    storage/robots_cache.py."""
    from storage.robots_cache import create_robots_cache

    create_robots_cache(db)


@migrations()
def m019_changes_by_kind_place_metric(db: Database) -> None:
    """The columns visitors filter and facet `changes` by in Datasette (issue 22 item 15): a facet's counts
    and a filter's row count read a small index instead of every event with its sentences (over 100,000
    events, 86-106 ms a facet and 52 ms a filtered count, 10-22 ms with them)."""
    for column in ("kind", "place", "metric"):
        db["changes"].create_index([column])


@migrations()
def m020_counts_over_time_merge_restatements(db: Database) -> None:
    """`camera_counts_over_time` lists a figure restated with only its date, place's spelling or qualifier
    moved once, as `vigicam history` does (issue 21): its latest date, seen first when its first wording
    was, and what it said before in `restated`. The statements restatements join are kept, group by group,
    in `restated_statements` by a trigger (and filled here from the restatements already stored). See
    storage/counts_view.py."""
    from storage.counts_view import create_counts_over_time

    create_counts_over_time(db)
