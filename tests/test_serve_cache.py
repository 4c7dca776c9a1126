"""serve's page cache (issue 22 item 15): a page is rendered once per state of the database, however many
clients ask it, and a commit by anyone makes the next answer new. Datasette in process, with the plugin
`vigicam serve` loads, on a real SQLite file."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from datasette.app import Datasette

import vigicam.datasette
from storage import open_database
from tests.test_bad_storage import fill
from tests.test_report_words import event
from vigicam.serve_cache import ENTRY_SHARE, MAX_AGE_SECONDS, Answer, PageCache, cache_bytes

PLUGINS = str(Path(vigicam.datasette.__file__).parent)


def served(db_path: Path) -> Datasette:
    return Datasette([str(db_path)], plugins_dir=PLUGINS, settings={"suggest_facets": False})


def ask(datasette: Datasette, *pages: str, cookies: dict | None = None) -> list[tuple[str | None, str]]:
    """Each page asked at once: (the cache's word on it, the body)."""

    async def asking() -> list:
        return await asyncio.gather(*(datasette.client.get(page, cookies=cookies) for page in pages))

    return [(r.headers.get("x-vigicam-cache"), r.text) for r in asyncio.run(asking())]


@pytest.fixture
def events_db(db_path: Path) -> Path:
    fill(db_path, 30)
    return db_path


def test_a_page_is_kept_until_someone_writes(events_db: Path) -> None:
    datasette = served(events_db)
    page = "/test/changes.json?_shape=array&_sort_desc=id&_size=5"
    (first, body), = ask(datasette, page)
    (second, again), = ask(datasette, page)
    assert (first, second) == ("miss", "hit") and again == body
    db = open_database(events_db)
    db["changes"].insert(event("new", place="Chartres", metric="cameras", new_value=12.0))
    db.close()
    (third, fresh), = ask(datasette, page)
    assert third == "miss" and "Chartres" in fresh and "Chartres" not in body
    assert ask(datasette, page)[0][0] == "hit"


def test_many_clients_asking_one_page_render_it_once(events_db: Path) -> None:
    answers = ask(served(events_db), *["/test/changes?_facet=place"] * 30)
    assert sorted(word for word, _ in answers) == ["hit"] * 29 + ["miss"]
    assert len({body for _, body in answers}) == 1


@pytest.mark.parametrize("page", ["/test.json?sql=select+random()", "/test/changes.csv?_stream=on",
                                  "/-/versions.json", "/test/changes.json?_trace=1"])
def test_what_is_never_kept(events_db: Path, page: str) -> None:
    datasette = served(events_db)
    answers = ask(datasette, page) + ask(datasette, page)
    assert [word for word, _ in answers] == [None, None]


def test_errors_and_a_visitors_own_pages_are_not_kept(events_db: Path) -> None:
    datasette = served(events_db)
    assert [ask(datasette, "/test/no_such_table")[0][0] for _ in range(2)] == ["miss", "miss"]
    actor = {"ds_actor": datasette.sign({"a": {"id": "root"}}, "actor")}
    assert [ask(datasette, "/test/changes", cookies=actor)[0][0] for _ in range(2)] == [None, None]
    message = {"ds_messages": datasette.sign([["Saved", 1]], "messages")}
    assert [ask(datasette, "/test/changes", cookies=message)[0][0] for _ in range(2)] == [None, None]


def test_the_cache_holds_at_most_its_bytes() -> None:
    cache = PageCache(16_000, lambda: 1)
    for n in range(25):
        key = ("GET", f"/page{n}")
        assert cache.lookup(key) is None
        cache.keep(key, Answer([], b"x" * 900), 1)
    assert cache.size <= 16_000 and cache.lookup(("GET", "/page0")) is None and cache.lookup(("GET", "/page24"))
    cache.keep(("GET", "/big"), Answer([], b"x" * (16_000 // ENTRY_SHARE + 1)), 1)
    assert cache.lookup(("GET", "/big")) is None


def test_an_answer_is_kept_at_most_its_age() -> None:
    """A canned query may read the clock (stale sources): no answer outlives MAX_AGE_SECONDS."""
    now = [100.0]
    cache = PageCache(16_000, lambda: 1, clock=lambda: now[0])
    cache.lookup(("GET", "/failing_sources"))
    cache.keep(("GET", "/failing_sources"), Answer([], b"[]"), 1)
    now[0] += MAX_AGE_SECONDS - 1
    assert cache.lookup(("GET", "/failing_sources")) is not None
    now[0] += 2
    assert cache.lookup(("GET", "/failing_sources")) is None


def test_no_cache_when_its_size_is_zero(events_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cache_bytes({"VIGICAM_SERVE_CACHE_MB": "0"}) == 0
    assert cache_bytes({"VIGICAM_SERVE_CACHE_MB": "lots"}) == cache_bytes({}) > 0
    monkeypatch.setenv("VIGICAM_SERVE_CACHE_MB", "0")
    datasette = served(events_db)
    assert [ask(datasette, "/test/changes")[0][0] for _ in range(2)] == [None, None]
