"""The observatory's tables, kept by the writer: `current_figures` and `latest`.

A page's *current* statements are the figures of the newest extraction of the newest text its source
fetched from it: `current_figures` holds them, one row per figure and page. `latest` holds, per place
(kind and code) and metric, the current statement with the newest date — the figure's own date ("en
2014"), else its page's publication date, else the day its text was fetched — with how many pages state
that place and metric now and whether they disagree (another page, the same date or both undated,
another value).

Triggers keep both up to date in the writer's own transaction, whatever writes (a crawl, `reextract`,
another writer), each step reading only a page's or a place's few rows, never the history:
- a fetch that brings a page's new text replaces the page's current statements by that text's (a text
  read before brings its figures back at once);
- a new extraction of a text removes what the previous extraction of it stated; its figures come in one
  by one, each if its text is the current one of a page;
- any change of `current_figures` recomputes the `latest` row of its place and metric.
A district's figure ("Aix-en-Provence / La Duranne") is not its commune's, and a figure with no place
code is on no map: neither is in these tables.

The SQL below is migration m017's: do not edit it, add a migration.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

COLUMNS = ("figure_id, source_id, page_url, document_id, place_code, place_kind, metric, place, value, qualifier, "
           "date, as_of, evidence, published, fetched_at")

# The figures of extraction `e` as current statements of the page of fetch `fe` (with `d` its document).
_AS_CURRENT = ("select f.id, f.source_id, fe.url, f.document_id, f.place_code, f.place_kind, f.metric, f.place, "
               "f.value, f.qualifier, f.date, coalesce(f.date, substr(d.published, 1, 10), substr(fe.started_at, "
               "1, 10)), f.evidence, d.published, fe.started_at")
_PLACED = "f.place_code is not null and f.place_kind is not null and f.place not like '% / %'"

# The fetches that are a page's newest with a text: whose text is the page's current one.
_PAGE_NEWEST = ("fe.id = (select max(g.id) from fetches g where g.source_id = fe.source_id and g.url = fe.url "
                "and g.document_id is not null)")

FILL_CURRENT_SQL = f"""
insert into current_figures ({COLUMNS})
{_AS_CURRENT}
from figures f
join fetches fe on fe.source_id = f.source_id and fe.document_id = f.document_id and {_PAGE_NEWEST}
join documents d on d.id = f.document_id
where {_PLACED} and f.extraction_id = (select max(e.id) from extractions e where e.document_id = f.document_id
                                       and e.source_id = f.source_id)
"""

# Same place, metric and date (both undated counts as the same), another page, another value.
_OTHERS = ("from current_figures o where o.place_code = w.place_code and o.place_kind = w.place_kind "
           "and o.metric = w.metric and o.date is w.date and o.value != w.value and o.page_url != w.page_url")
MAX_OTHERS = 10  # other values listed in `other_values`; `statements` counts them all
_BEST = f"""
insert into latest (place_code, place_kind, metric, place, value, qualifier, date, as_of, evidence, page_url,
                    published, fetched_at, source_id, document_id, figure_id, statements, disagrees, other_values)
select w.place_code, w.place_kind, w.metric, w.place, w.value, w.qualifier, w.date, w.as_of, w.evidence,
       w.page_url, w.published, w.fetched_at, w.source_id, w.document_id, w.figure_id,
       (select count(*) from current_figures o where o.place_code = w.place_code and o.place_kind = w.place_kind
        and o.metric = w.metric),
       exists (select 1 {_OTHERS}),
       (select group_concat(said, ' ; ') from (select distinct o.value || ' (' || o.page_url || ')' as said {_OTHERS}
                                               limit {MAX_OTHERS}))
from current_figures w
"""


def _recompute(row: str) -> str:
    """The `latest` row of the place and metric of `row` (new or old in a trigger), recomputed: the newest
    statement is found first (by index), then only its own counts are made."""
    key = f"place_code = {row}.place_code and place_kind = {row}.place_kind and metric = {row}.metric"
    return (f"delete from latest where {key};\n"
            f"{_BEST} where w.rowid = (select c.rowid from current_figures c where c.{key.replace(' and ', ' and c.')} "
            "order by c.as_of desc, c.figure_id desc limit 1);")


TRIGGERS_SQL = (
    f"""create trigger current_after_new_text after insert on fetches
    when new.document_id is not null and new.outcome = 'new_content' begin
        delete from current_figures where source_id = new.source_id and page_url = new.url;
        insert into current_figures ({COLUMNS})
        {_AS_CURRENT.replace('fe.', 'new.')}
        from figures f join documents d on d.id = f.document_id
        where {_PLACED} and f.extraction_id = (select max(e.id) from extractions e
                                               where e.document_id = new.document_id and e.source_id = new.source_id);
    end""",
    """create trigger current_after_extraction after insert on extractions begin
        delete from current_figures where document_id = new.document_id and source_id = new.source_id;
    end""",
    f"""create trigger current_after_figure after insert on figures
    when new.place_code is not null and new.place_kind is not null and new.place not like '% / %' begin
        insert into current_figures ({COLUMNS})
        {_AS_CURRENT.replace('f.', 'new.')}
        from fetches fe join documents d on d.id = new.document_id
        where fe.source_id = new.source_id and fe.document_id = new.document_id and {_PAGE_NEWEST}
          and new.extraction_id = (select max(e.id) from extractions e where e.document_id = new.document_id
                                   and e.source_id = new.source_id);
    end""",
    f"create trigger latest_after_current_in after insert on current_figures begin {_recompute('new')} end",
    f"create trigger latest_after_current_out after delete on current_figures begin {_recompute('old')} end",
)

# One row per place with a camera count or a stated density: the count, its page and date, the density
# computed from the places table's population (the gazetteer's, or `places load-populations`) beside the
# stated one, and whether sources disagree. Coordinates: a commune's town hall; an intercommunalité,
# département or région at the mean of its communes'.
_MEAN = ("case p.kind " + " ".join(
    f"when '{kind}' then (select avg(c.{{0}}) from places c where c.{column} = p.code and c.kind = 'commune')"
    for kind, column in (("departement", "departement"), ("region", "region"), ("intercommunalite", "epci")))
    + " end")
OBSERVATORY_SQL = f"""
create view observatory as
select p.kind, p.code, p.name, p.population, p.population_year,
       coalesce(p.latitude, {_MEAN.format('latitude')}) as latitude,
       coalesce(p.longitude, {_MEAN.format('longitude')}) as longitude,
       n.value as cameras, n.qualifier, n.date, n.as_of, n.page_url, n.published, n.fetched_at, n.evidence,
       case when p.population > 0 then round(n.value * 100000.0 / p.population, 1) end as computed_per_100k,
       s.value as stated_per_100k, s.page_url as stated_page_url,
       coalesce(n.statements, 0) as statements, coalesce(n.disagrees, 0) as disagrees, n.other_values,
       case when s.value > 0 and p.population > 0 and n.value is not null
            and abs(s.value - n.value * 100000.0 / p.population) > 0.10 * s.value then 1 else 0 end
           as density_disagrees
from (select distinct place_code, place_kind from latest where metric in ('cameras', 'cameras_per_100k')) k
join places p on p.code = k.place_code and p.kind = k.place_kind
left join latest n on n.place_code = k.place_code and n.place_kind = k.place_kind and n.metric = 'cameras'
left join latest s on s.place_code = k.place_code and s.place_kind = k.place_kind and s.metric = 'cameras_per_100k'
"""


def create_latest(db: Database) -> None:
    """Migration m017: the tables, their indexes, the view and the triggers; both tables filled from the
    history already stored."""
    db.execute("""create table current_figures (
        figure_id integer not null, source_id integer not null, page_url text not null, document_id integer not null,
        place_code text not null, place_kind text not null, metric text not null, place text, value real,
        qualifier text, date text, as_of text, evidence text, published text, fetched_at text,
        primary key (figure_id, page_url))""")
    db.execute("create index current_figures_page on current_figures (source_id, page_url)")
    db.execute("create index current_figures_text on current_figures (document_id, source_id)")
    db.execute("create index current_figures_place on current_figures (place_code, place_kind, metric, as_of, "
               "figure_id)")
    db.execute("""create table latest (
        place_code text not null, place_kind text not null, metric text not null, place text, value real,
        qualifier text, date text, as_of text, evidence text, page_url text, published text, fetched_at text,
        source_id integer, document_id integer, figure_id integer, statements integer, disagrees integer,
        other_values text,
        primary key (place_code, place_kind, metric))""")
    db.execute("create index latest_metric_value on latest (metric, value)")
    db.execute("create index latest_disagreements on latest (place, metric) where disagrees = 1")
    # a page's newest fetch with a text, found without reading all its source's fetches
    db.execute("create index fetches_page_documents on fetches (source_id, url) where document_id is not null")
    for column in ("departement", "region", "epci"):  # the observatory places a group at its communes' mean
        db.execute(f"create index places_{column} on places ({column}, kind)")
    db.execute(OBSERVATORY_SQL)
    rebuild_latest(db)
    for sql in TRIGGERS_SQL:
        db.execute(sql)


def rebuild_latest(db: Database) -> int:
    """Both tables recomputed from the whole history (the migration's first fill); returns `latest`'s rows."""
    db.execute("delete from current_figures")
    db.execute("delete from latest")
    db.execute(FILL_CURRENT_SQL)
    db.execute(f"""{_BEST.replace('from current_figures w', 'from (select c.*, row_number() over (partition by '
                                  'c.place_code, c.place_kind, c.metric order by c.as_of desc, c.figure_id desc) '
                                  'as rank from current_figures c) w')} where w.rank = 1""")
    return db.execute("select count(*) from latest").fetchone()[0]


# -- reading (not the migration's) ------------------------------------------------------------------

OBSERVATORY_COLUMNS = ("name", "kind", "code", "cameras", "qualifier", "date", "as_of", "population",
                       "population_year", "computed_per_100k", "stated_per_100k", "density_disagrees", "statements",
                       "disagrees", "other_values", "page_url", "published", "evidence", "latitude", "longitude")


def observatory_rows(db: Database) -> list[dict[str, Any]]:
    """The observatory, most cameras first (a place with only a stated density last)."""
    return list(db.query(f"select {', '.join(OBSERVATORY_COLUMNS)} from observatory "
                         "order by cameras is null, cameras desc, name"))


def commune_cells(db: Database, step: float) -> list[tuple[float, float]]:
    """The (latitude, longitude) of each cell of a `step`-degree grid that holds a town hall: drawn, they
    are the country's outline, with no map file to fetch."""
    return [(row[0] * step, row[1] * step) for row in db.execute(
        "select distinct cast(round(latitude / :step) as integer), cast(round(longitude / :step) as integer) "
        "from places where kind = 'commune' and latitude is not null", {"step": step})]
