"""Validators that lie (issue 21 item 5): which of a source's Last-Modified and ETag hid a change behind 304s,
judged on real SQLite files; the crawl that learns it is in tests/test_quiet_layer_crawl.py."""

from __future__ import annotations

import pytest
from scrapy.utils.test import get_crawler

from crawler.spiders.pages import PagesSpider
from storage import open_database
from storage.history import record_fetch
from storage.sources import Source, add_source
from storage.validators import distrusted, judge_validators, verdicts
from vigicam.config import ConfigError, crawl_settings_file
from vigicam.notify import load_config

URL = "http://127.0.0.1:9/videoprotection.html"
STALE = "Wed, 01 Feb 2023 10:00:00 GMT"


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "v.db")
    add_source(database, Source(url=URL, place="Dreux"))
    database.execute("insert into documents (content_hash, url, text, fetched_at) values ('a', ?, 'x', 'now'), "
                     "('b', ?, 'y', 'now')", [URL, URL])
    return database


def fetch(db, outcome: str, started_at: str, etag: str | None = None, modified: str | None = STALE,
          document: int = 1) -> int:
    status = 304 if outcome == "not_modified" else 200
    return record_fetch(db, source_id=1, url=URL, started_at=started_at, http_status=status, outcome=outcome,
                        etag=etag, last_modified=modified, document_id=document)


def test_a_last_modified_that_stayed_while_the_text_changed_is_never_sent_again(db):
    fetch(db, "new_content", "2026-12-01T08:00:00Z")
    fetch(db, "not_modified", "2026-12-02T08:00:00Z")
    fetch(db, "not_modified", "2026-12-03T08:00:00Z")
    full = fetch(db, "new_content", "2026-12-08T08:00:00Z", document=2)
    blamed = judge_validators(db, full)
    assert set(blamed) == {"last_modified"} and "after 2 answers 304" in blamed["last_modified"]
    assert distrusted(db, 1) == {"last_modified"}
    verdict = verdicts(db)[1]
    assert verdict["last_modified"] == "unreliable" and verdict["fetched"] == "in full"
    assert verdict["since"] and STALE in verdict["reason"]


def test_an_etag_that_moved_with_the_text_is_kept_alone(db):
    fetch(db, "new_content", "2026-12-01T08:00:00Z", etag='"v1"')
    fetch(db, "not_modified", "2026-12-02T08:00:00Z", etag='"v1"')
    full = fetch(db, "new_content", "2026-12-08T08:00:00Z", etag='"v2"', document=2)
    assert set(judge_validators(db, full)) == {"last_modified"}
    assert verdicts(db)[1] | {"since": None, "reason": None} == {
        "etag": "trusted", "last_modified": "unreliable", "since": None, "reason": None,
        "fetched": "with its ETag only"}


def test_an_etag_that_stayed_is_blamed_too(db):
    fetch(db, "new_content", "2026-12-01T08:00:00Z", etag='"v1"')
    fetch(db, "not_modified", "2026-12-02T08:00:00Z", etag='"v1"')
    full = fetch(db, "new_content", "2026-12-08T08:00:00Z", etag='"v1"', document=2)
    assert set(judge_validators(db, full)) == {"etag", "last_modified"}
    assert distrusted(db, 1) == {"etag", "last_modified"}


@pytest.mark.parametrize(("before", "modified"), [
    ("new_content", "Sun, 06 Dec 2026 10:00:00 GMT"),  # moved after the last 304: the 304 told the truth
    ("same_content", STALE),  # no 304 before: nothing was hidden
])
def test_no_verdict_when_nothing_was_hidden(db, before, modified):
    fetch(db, "new_content", "2026-12-01T08:00:00Z")
    fetch(db, before, "2026-12-02T08:00:00Z")
    full = fetch(db, "new_content", "2026-12-08T08:00:00Z", modified=modified, document=2)
    assert judge_validators(db, full) is None
    assert distrusted(db, 1) == set() and verdicts(db) == {}


def test_a_last_modified_moved_to_before_the_304_lied_too(db):
    fetch(db, "new_content", "2026-12-01T08:00:00Z")
    fetch(db, "not_modified", "2026-12-05T08:00:00Z")
    full = fetch(db, "new_content", "2026-12-08T08:00:00Z", modified="Thu, 03 Dec 2026 10:00:00 GMT", document=2)
    assert "before the 304 of 2026-12-05T08:00:00Z" in judge_validators(db, full)["last_modified"]


def test_verdicts_are_append_only(db):
    fetch(db, "new_content", "2026-12-01T08:00:00Z")
    fetch(db, "not_modified", "2026-12-02T08:00:00Z")
    judge_validators(db, fetch(db, "new_content", "2026-12-08T08:00:00Z", document=2))
    with pytest.raises(Exception, match="append-only"):
        db.execute("delete from validator_verdicts")


def spider(every: int = 7 * 86_400) -> PagesSpider:
    return PagesSpider.from_crawler(get_crawler(PagesSpider, {"VIGICAM_UNCONDITIONAL_EVERY": every}))


def test_the_spider_sends_no_distrusted_validator():
    from storage import utcnow

    last = {"etag": '"v2"', "last_modified": STALE, "started_at": utcnow()}
    assert spider().conditional_headers(last) == {"If-None-Match": '"v2"', "If-Modified-Since": STALE}
    assert spider().conditional_headers(last, {"last_modified"}) == {"If-None-Match": '"v2"'}
    assert spider().conditional_headers(last, {"last_modified", "etag"}) == {}
    assert spider().conditional_headers({**last, "started_at": "2026-01-01T00:00:00Z"}) == {}  # due in full


def test_the_full_fetch_interval_is_a_setting(tmp_path):
    path = tmp_path / "vigicam.toml"
    assert crawl_settings_file(path) == {"full_fetch_every": 7 * 86_400}
    path.write_text('[crawl]\nfull_fetch_every = "1d"\n[notify]\nurls = []\n', encoding="utf-8")
    assert crawl_settings_file(path) == {"full_fetch_every": 86_400}
    assert load_config(path).urls == []  # the notifications read the same file
    path.write_text('[crawl]\nfull_fetch_evry = "1d"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="full_fetch_evry"):
        crawl_settings_file(path)
    path.write_text('[crawl]\nfull_fetch_every = "soon"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid duration 'soon'"):
        crawl_settings_file(path)
