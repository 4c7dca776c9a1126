"""Scheduling at the lowest real level: real SQLite files, real fetch rows, real child processes (started and
killed before they crawl), the Scheduler's clocks injected where a test needs a wrong one."""

import datetime as dt
import json
import logging
import subprocess
import time

import pytest
from click.testing import CliRunner

from scheduler import Scheduler, SchedulerOptions, iso
from storage import open_database, utcnow
from storage.batches import batch_sources, open_due_batch, unsettled_batches
from storage.db import insert_rows
from vigicam.child import vigicam_command
from vigicam.cli import cli

DAY = 86_400


def add_sources(db_path, count: int, every: int = DAY, prefix: str = "http://127.0.0.1:9/page") -> list[int]:
    db = open_database(db_path)
    with db.atomic():
        insert_rows(db, "sources", [{"url": f"{prefix}{i}.html", "place": "Dreux", "kind": "commune",
                                     "every": every, "follow": 0, "enabled": 1, "added_at": utcnow()}
                                    for i in range(count)])
    ids = [row[0] for row in db.execute("select id from sources order by id")]
    db.close()
    return ids


def fetch(db_path, source_ids, outcome: str = "new_content", url_suffix: str = "") -> None:
    """What a crawl leaves of a page it reached: a fetches row of the source's registered URL."""
    db = open_database(db_path)
    with db.atomic():
        for source_id in source_ids:
            url = db.execute("select url from sources where id = ?", [source_id]).fetchone()[0] + url_suffix
            db.execute("insert into fetches (source_id, url, started_at, outcome) values (?, ?, ?, ?)",
                       [source_id, url, utcnow(), outcome])
    db.close()


def due(db_path) -> dict[int, str | None]:
    db = open_database(db_path)
    rows = dict(db.execute("select source_id, next_due_at from schedule_state").fetchall())
    db.close()
    return rows


def scheduler(db_path, **options) -> Scheduler:
    return Scheduler(SchedulerOptions(db_path, **options))


def test_a_crawl_cut_short_plans_only_what_it_fetched_and_the_rest_goes_first(db_path):
    ids = add_sources(db_path, 9)
    s = scheduler(db_path)
    batch = s.next_batch()
    assert batch.sources == 9
    fetch(db_path, ids[6:8])  # the crawl reached three pages, one of them failing, then was killed
    fetch(db_path, ids[8:], outcome="failed")
    fetch(db_path, ids[:1], url_suffix="#found-on-the-site")  # a page a followed source found is not its own
    assert s.settle(batch.id, "killed") == 3
    dues = due(db_path)
    assert all(dues[i] <= iso(s.now()) for i in ids[:6])  # never reached: still due
    assert all(dues[i] > iso(s.now()) for i in ids[6:])
    again = s.next_batch()
    db = open_database(db_path)
    assert [source.id for source in batch_sources(db, again.id)] == ids[:6]
    assert unsettled_batches(db) == [again.id]
    db.close()


def test_the_most_overdue_come_first_and_a_batch_is_bounded(db_path):
    ids = add_sources(db_path, 5)
    db = open_database(db_path)
    s = scheduler(db_path, batch_size=3)
    now = s.now()
    with db.atomic():
        for source_id, days in zip(ids, [1, 3, 4, 2, -1], strict=True):
            db.execute("insert into schedule_state (source_id, next_due_at) values (?, ?)",
                       [source_id, iso(now - dt.timedelta(days=days))])
    batch = open_due_batch(db, iso(now), 3)
    assert [source.id for source in batch_sources(db, batch.id)] == [ids[2], ids[1], ids[3]]
    db.close()


def test_a_scheduler_killed_mid_crawl_has_its_batch_planned_at_the_next_start(db_path):
    ids = add_sources(db_path, 4)
    batch = scheduler(db_path).next_batch()  # then SIGKILL: the batch stays open
    fetch(db_path, ids[:2])
    scheduler(db_path).settle_unsettled()
    dues, now = due(db_path), iso(dt.datetime.now(dt.UTC))
    assert dues[ids[0]] > now and dues[ids[1]] > now and dues[ids[2]] <= now and dues[ids[3]] <= now
    db = open_database(db_path)
    row = db.execute("select outcome, sources, fetched from crawl_batches where id = ?", [batch.id]).fetchone()
    assert row == ("killed", 4, 2) and unsettled_batches(db) == []
    db.close()


def test_tens_of_thousands_of_due_sources_reach_the_crawl_and_stay_due_when_it_is_killed(db_path, caplog):
    """The kernel refused a command line of every due URL beyond about 19,600 sources."""
    ids = add_sources(db_path, 25_000, prefix="http://127.0.0.1:9/" + "x" * 120)
    s = scheduler(db_path, crawl_timeout=1.0, batch_size=30_000)
    with caplog.at_level(logging.INFO, logger="vigicam.schedule"):
        s.job()
    assert "scheduled job failed" not in caplog.text
    assert s.runs == 1 and "25000 sources: crawl killed after 1s" in caplog.text
    db = open_database(db_path)
    assert db.execute("select sources, fetched, outcome from crawl_batches").fetchall() == [(25_000, 0, "killed")]
    db.close()
    dues = due(db_path)
    assert set(dues) == set(ids) and max(dues.values()) <= iso(s.now())  # all still due


def test_a_clock_that_ran_ahead_does_not_stall_the_schedule(db_path):
    ids = add_sources(db_path, 3)
    right = time.time()
    s = scheduler(db_path, jitter=0)
    s.clock = lambda: right + 365 * DAY
    batch = s.next_batch()
    fetch(db_path, ids)
    s.settle(batch.id, "ok")
    assert min(due(db_path).values()) > iso(dt.datetime.fromtimestamp(right + 300 * DAY, dt.UTC))

    s.clock = lambda: right  # set right while the scheduler runs
    assert s.next_batch() is None  # clamped to one interval from now, not due yet
    assert max(due(db_path).values()) <= iso(dt.datetime.fromtimestamp(right + DAY, dt.UTC))
    s.clock = lambda: right + DAY + 1
    assert s.next_batch().sources == 3


def test_a_backed_off_source_keeps_its_back_off(db_path):
    failing, healthy = add_sources(db_path, 2)
    s = scheduler(db_path)  # jitter 10 %
    later = iso(s.now() + dt.timedelta(days=7.5))
    db = open_database(db_path)
    db.execute("insert into schedule_state (source_id, next_due_at, consecutive_failures) values (?, ?, 4), "
               "(?, ?, 0)", [failing, later, healthy, later])
    db.conn.commit()
    db.close()
    s.next_batch()
    dues = due(db_path)
    assert dues[failing] == later  # four failures of a daily page: a week, and its jitter
    assert dues[healthy] <= iso(s.now() + dt.timedelta(days=1))


def test_for_is_measured_on_the_monotonic_clock(db_path):
    open_database(db_path).close()
    wall = [time.time()]

    def jump(seconds: float) -> None:
        wall[0] += 365 * DAY  # the wall clock jumps a year ahead at the first sleep
        time.sleep(seconds)

    s = Scheduler(SchedulerOptions(db_path, run_for=1.0, tick=0.2), clock=lambda: wall[0], sleep=jump)
    started = time.monotonic()
    s.run()
    assert time.monotonic() - started >= 1.0


@pytest.fixture
def shadow(tmp_path):
    """A `vigicam/` folder that is not vigicam, as a user may have in the folder they run it from."""
    folder = tmp_path / "shadow"
    (folder / "vigicam").mkdir(parents=True)
    (folder / "vigicam" / "__init__.py").write_text("raise ImportError('not the vigicam package')\n")
    return folder


def test_children_do_not_import_from_the_working_directory(db_path, shadow):
    result = subprocess.run(vigicam_command(db_path, "status", "--json"), cwd=shadow, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1 and "no database" in result.stderr  # vigicam itself answered


def test_a_failing_child_is_visible_in_status(db_path, shadow, monkeypatch):
    add_sources(db_path, 2)
    monkeypatch.setenv("PYTHONPATH", str(shadow))  # the child imports a broken vigicam
    scheduler(db_path).job()
    result = CliRunner().invoke(cli, ["--db", str(db_path), "status"], obj={})
    assert result.exit_code == 0
    line = result.output.splitlines()[0]
    assert line.startswith("last crawl: failed at ") and "ImportError: not the vigicam package" in line
    assert line.endswith("(2 of 2 sources not reached: still due)")
    rows = json.loads(CliRunner().invoke(cli, ["--db", str(db_path), "status", "--json"], obj={}).output)
    assert all("ImportError" in row["last_crawl_problem"] for row in rows)


def test_a_failing_source_is_said_stale_once(db_path, caplog):
    ids = add_sources(db_path, 1)
    s = scheduler(db_path)
    with caplog.at_level(logging.WARNING, logger="vigicam.schedule"):
        for _ in range(2):
            batch = s.next_batch()
            fetch(db_path, ids, outcome="failed")
            s.settle(batch.id, "ok")
            db = open_database(db_path)  # due again, for the second crawl
            db.execute("update schedule_state set next_due_at = ?", [iso(s.now())])
            db.conn.commit()
            db.close()
    assert caplog.text.count("is stale: no successful fetch since ever") == 1
    db = open_database(db_path)
    assert db.execute("select stale_reported_at, consecutive_failures from schedule_state").fetchone()[1] == 2
    db.close()
    batch = s.next_batch()
    fetch(db_path, ids)  # it recovers
    s.settle(batch.id, "ok")
    db = open_database(db_path)
    assert db.execute("select stale_reported_at, consecutive_failures from schedule_state").fetchone() == (None, 0)
    db.close()


def test_a_crawl_by_hand_plans_what_a_killed_one_fetched(db_path):
    from vigicam.crawl import batch_of

    ids = add_sources(db_path, 3)
    killed = batch_of(db_path, [])  # then SIGKILL, after one page
    fetch(db_path, ids[:1])
    batch_of(db_path, [])
    db = open_database(db_path)
    assert db.execute("select outcome, fetched from crawl_batches where id = ?", [killed]).fetchone() == ("killed", 1)
    db.close()
    assert due(db_path)[ids[0]] > iso(dt.datetime.now(dt.UTC))
