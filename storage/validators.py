"""Which of a source's validators (Last-Modified, ETag) can be trusted, learnt from what they hid.

A server that keeps an old Last-Modified (or ETag) while its page changes answers 304 Not Modified to a
change, until the next full fetch shows it. When a full answer brings new text right after a run of
304s, the validator that did not move with the text is blamed: it is recorded in `validator_verdicts`
(when, why, after which fetch) and never sent again for that source. A source whose Last-Modified lied
but whose ETag moved with the text keeps being asked with its ETag only; one with no validator left is
fetched in full at every crawl. A validator that moved past the last 304 is not blamed: the page
changed after that answer, and the 304 told the truth.
"""

from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime
from typing import Any

from sqlite_utils import Database

from storage.db import insert_row, utcnow
from storage.history import SAME_PAGE_SQL
from storage.vocab import Outcome

VALIDATORS = ("etag", "last_modified")
HEADER_NAMES = {"etag": "ETag", "last_modified": "Last-Modified"}


def distrusted(db: Database, source_id: int) -> set[str]:
    """The validators ('etag', 'last_modified') a verdict on this source blamed: they are not sent again."""
    rows = db.execute("select min(etag_trusted), min(last_modified_trusted) from validator_verdicts "
                      "where source_id = ?", [source_id]).fetchone()
    return {name for name, trusted in zip(VALIDATORS, rows, strict=True) if trusted == 0}


def verdicts(db: Database) -> dict[int, dict[str, Any]]:
    """Per source with a verdict: what is blamed, since when, why and how it is fetched now (`vigicam
    status`); the blame of all its verdicts, the time and reason of the last."""
    found: dict[int, dict[str, Any]] = {}
    for row in db.query("select source_id, etag_trusted, last_modified_trusted, judged_at, reason, fetched "
                        "from validator_verdicts order by id"):
        known = found.setdefault(row["source_id"], {"etag": "trusted", "last_modified": "trusted"})
        for name in VALIDATORS:
            if row[f"{name}_trusted"] == 0:
                known[name] = "unreliable"
        known.update(since=row["judged_at"], reason=row["reason"], fetched=row["fetched"])
    return found


def _http_time(value: str | None) -> dt.datetime | None:
    try:
        when = parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when.replace(tzinfo=dt.UTC) if when is not None and when.tzinfo is None else when


def _iso(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def _page_fetches(db: Database, fetch: dict[str, Any]) -> list[dict[str, Any]]:
    """The page's answered fetches before this one, newest first, down to its last full answer."""
    rows = []
    for row in db.query(
            f"select id, outcome, http_status, etag, last_modified, started_at from fetches where source_id = ? "
            f"and {SAME_PAGE_SQL.format('url')} and id < ? and outcome not in (?, ?) order by id desc",
            [fetch["source_id"], fetch["url"], fetch["url"], fetch["id"], Outcome.FAILED, Outcome.SKIPPED]):
        rows.append(row)
        if row["outcome"] != Outcome.NOT_MODIFIED:
            break
    return rows


def blame(full: dict[str, Any], last_304: dict[str, Any], now: dict[str, Any], run: int) -> dict[str, str]:
    """validator → why it lied, for a full answer `now` whose text is new after `run` 304s (the last one
    `last_304`) that answered the validators of the full answer `full`."""
    blamed = {}
    after = f"after {run} answer{'s' if run > 1 else ''} 304 Not Modified (the last at {last_304['started_at']})"
    if full.get("etag") and now.get("etag") == full["etag"]:
        blamed["etag"] = f"ETag {full['etag']} stayed while the text changed, {after}"
    sent = full.get("last_modified")
    if sent and now.get("last_modified") == sent:
        blamed["last_modified"] = f"Last-Modified {sent!r} stayed while the text changed, {after}"
    elif sent and (moved := _http_time(now.get("last_modified"))) and moved <= _iso(last_304["started_at"]):
        blamed["last_modified"] = (f"Last-Modified moved to {now['last_modified']!r}, before the 304 of "
                                   f"{last_304['started_at']} that said the page had not changed since {sent!r}")
    return blamed


def judge_validators(db: Database, fetch_id: int) -> dict[str, str] | None:
    """After a fetch is stored: when its registered page brought new text right after a run of 304s,
    record which validators lied (see the module's docstring). Returns what was blamed, or None."""
    fetch = next(db.query(
        "select f.id, f.source_id, f.url, f.outcome, f.etag, f.last_modified, s.url as registered_url "
        "from fetches f join sources s on s.id = f.source_id where f.id = ?", [fetch_id]))
    if fetch["outcome"] != Outcome.NEW_CONTENT or fetch["url"] != fetch["registered_url"]:
        return None
    before = _page_fetches(db, fetch)
    run = len(before) - 1 if before and before[-1]["outcome"] != Outcome.NOT_MODIFIED else 0
    if run == 0:
        return None
    blamed = blame(before[-1], before[0], fetch, run)
    if not blamed:
        return None
    left = set(VALIDATORS) - blamed.keys() - distrusted(db, fetch["source_id"])
    header = next((v for v in ("etag", "last_modified") if v in left and fetch.get(v)), None)
    insert_row(db, "validator_verdicts", {
        "source_id": fetch["source_id"], "url": fetch["url"], "fetch_id": fetch_id, "judged_at": utcnow(),
        "etag_trusted": 0 if "etag" in blamed else 1, "last_modified_trusted": 0 if "last_modified" in blamed else 1,
        "reason": "; ".join(blamed.values()),
        "fetched": f"with its {HEADER_NAMES[header]} only" if header else "in full",
    })
    return blamed
