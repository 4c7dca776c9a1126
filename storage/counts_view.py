"""`camera_counts_over_time`, Datasette's view of camera figures, with a restated figure as one row.

`vigicam history` merges the rows that `restatements` links (storage/restated.py): a figure whose page
said it again with only its date, its place's spelling or its qualifier moved is one statement, shown
with its latest date and seen first when its first wording was. The view grouped figures by what they
say, so it still listed such a figure once per date the page gave it ("43, 2024" and "43, 2025", as if
two figures had been stated). Here it merges them the same way.

A statement is a page's figure as `history` groups them (source, page, place, metric, value, qualifier,
date). Which statements restatements join is kept in `restated_statements` (each with its group's
`root`, the least of its statements) by a trigger on `restatements`, in the writer's transaction: the
groups are a union-find, and finding them at read time in SQL walks every pair of a group's statements
(27 s for 2,000 figures restated 50 times each), where the trigger relabels one group per restatement.
The view reads that table; a row no restatement joins is the view's row as before (migration m004).

The SQL below is migration m020's: do not edit it, add a migration.
"""

from __future__ import annotations

from sqlite_utils import Database

CAMERA_METRICS_SQL = "('cameras', 'cameras_planned', 'cameras_added', 'cameras_per_100k')"

# A statement's key: its columns (f: a figure's, d.url: its document's) as one JSON text.
_KEY = "json_array({0}.source_id, {1}.url, {0}.place, {0}.metric, {0}.value, {0}.qualifier, {0}.date)"


def _figure_key(figure_id: str) -> str:
    return (f"(select {_KEY.format('f', 'd')} from figures f join documents d on d.id = f.document_id "
            f"where f.id = {figure_id})")


def _merge_steps(old: str, new: str) -> list[str]:
    """The statements that join the statements of figures `old` and `new` (SQL expressions) in one group:
    each recorded, then both groups relabelled with the least root of the two."""
    both = f"statement in ({_figure_key(old)}, {_figure_key(new)})"
    return [
        f"insert or ignore into restated_statements (statement, root) select {_figure_key(old)}, {_figure_key(old)} "
        f"where {old} is not null and {new} is not null",
        f"insert or ignore into restated_statements (statement, root) select {_figure_key(new)}, {_figure_key(new)} "
        f"where {old} is not null and {new} is not null",
        f"update restated_statements set root = (select min(root) from restated_statements where {both}) "
        f"where root in (select root from restated_statements where {both}) "
        f"and root != (select min(root) from restated_statements where {both})",  # the other group's rows only
    ]


_NEWEST = ", ".join(f"max(case when rank = 1 then {c} end) as {c}"
                    for c in ("source_id", "place", "metric", "value", "qualifier", "date", "evidence"))

COUNTS_OVER_TIME_SQL = f"""
create view camera_counts_over_time as
with maybe as (  -- the source, metric and value of each restated statement (one text: an indexed `in`)
    select distinct json_array(json_extract(statement, '$[0]'), json_extract(statement, '$[3]'),
                               json_extract(statement, '$[4]')) as said from restated_statements
),
seen as (  -- the other figures' statements, when each was first and last seen, its group if joined
    select s.*, coalesce(m.root, s.statement) as root
    from (select {_KEY.format('f', 'd')} as statement, f.source_id, f.place, f.metric, f.value, f.qualifier,
                 f.date, f.evidence, max(f.id) as newest,
                 min(fe.started_at) as first_seen, max(fe.started_at) as last_seen
          from figures f join documents d on d.id = f.document_id
          join fetches fe on fe.document_id = f.document_id and fe.source_id = f.source_id
          where f.metric in {CAMERA_METRICS_SQL}
            and f.source_id in (select json_extract(statement, '$[0]') from restated_statements)
            and json_array(f.source_id, f.metric, f.value) in (select said from maybe)
          group by f.source_id, d.url, f.place, f.metric, f.value, f.qualifier, f.date) s
    left join restated_statements m on m.statement = s.statement
),
ranked as (  -- a group's statements, its newest (last seen, then newest figure) first
    select *, row_number() over (partition by root order by last_seen desc, newest desc) as rank from seen
),
grouped as (  -- a group as its newest statement, seen first when its first was, and what it said before
    select {_NEWEST}, min(first_seen) as first_seen, max(last_seen) as last_seen,
           json_group_array(json_object('place', place, 'qualifier', qualifier, 'date', date))
               filter (where rank > 1) as restated
    from (select * from ranked order by root, last_seen, newest) group by root
),
merged as (  -- statements of one source that say the same once merged are one row, as below
    select source_id, place, metric, value, qualifier, date, max(evidence) as evidence,
           min(first_seen) as first_seen, max(last_seen) as last_seen, max(restated) as restated
    from grouped group by source_id, place, metric, value, qualifier, date
)
select f.place, f.metric, f.value, f.qualifier, f.date, min(fe.started_at) as first_seen,
       max(fe.started_at) as last_seen, s.url as source_url, f.evidence, json_array() as restated
from figures f  -- the figures no restatement can have joined: grouped as ever (migration m004)
join fetches fe on fe.document_id = f.document_id and fe.source_id = f.source_id
join sources s on s.id = f.source_id
where f.metric in {CAMERA_METRICS_SQL}
  and (f.source_id not in (select json_extract(statement, '$[0]') from restated_statements)
       or json_array(f.source_id, f.metric, f.value) not in (select said from maybe))
group by f.source_id, f.place, f.metric, f.value, f.qualifier, f.date
union all
select r.place, r.metric, r.value, r.qualifier, r.date, r.first_seen, r.last_seen, s.url, r.evidence, r.restated
from merged r join sources s on s.id = r.source_id
"""


def create_counts_over_time(db: Database) -> None:
    """`restated_statements`, its trigger and what the restatements already stored join, then the view
    that reads it in place of migration m004's."""
    db.execute("create table restated_statements (statement text primary key, root text not null)")
    db.execute("create index idx_restated_statements_root on restated_statements (root)")
    steps = "; ".join(_merge_steps("new.old_figure_id", "new.new_figure_id"))
    db.execute(f"create trigger restatements_join_statements after insert on restatements begin {steps}; end")
    pairs = db.execute("select old_figure_id, new_figure_id from restatements order by id").fetchall()
    for step in _merge_steps(":old", ":new"):
        db.conn.executemany(step, [{"old": old, "new": new} for old, new in pairs])
    db.execute("drop view if exists camera_counts_over_time")
    db.execute(COUNTS_OVER_TIME_SQL)
