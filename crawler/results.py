"""A worker's result for one fetch, as JSON through Redis, and back into what storage records.

A result holds the fetch attempt (status, headers, body, error), the body's reading (its text, title,
dates and hash, its figures, or why it has none), the extractors' hints and a fetch id drawn by the
worker: the writer records a fetch id once, so a result delivered twice is written once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from typing import Any

from crawler.items import FetchItem
from crawler.redis_json import dumps, loads
from extractors.figure import Figure
from extractors.reading import Reading

VERSION = 1
HINT_KEYS = ("place_hint", "place_kind", "source_url")


@dataclass
class SentPage:
    """The parts of an extractors.page.Page that storage records."""

    text: str
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    encoding: str | None = None


class BadResult(ValueError):
    """A stream entry that is not a result this version can read."""


def encode_result(item: FetchItem, reading: Reading | None, hints: dict[str, Any], round_id: str | None) -> str:
    page = reading.page if reading is not None else None
    return dumps({
        "v": VERSION,
        "fetch_uid": uuid.uuid4().hex,
        "round": round_id,
        "item": {f.name: getattr(item, f.name) for f in fields(FetchItem)},
        "hints": {key: hints.get(key) for key in HINT_KEYS},
        "reading": None if reading is None else {
            "error": reading.error,
            "content_hash": reading.content_hash,
            "page": None if page is None else {f.name: getattr(page, f.name) for f in fields(SentPage)},
            "figures": None if reading.figures is None else [
                {f.name: getattr(figure, f.name) for f in fields(Figure)} for figure in reading.figures],
        },
    })


@dataclass
class Result:
    fetch_uid: str
    round: str | None
    item: FetchItem
    reading: Reading | None
    hints: dict[str, Any]


def decode_result(data: bytes | str) -> Result:
    """The result in a stream entry; BadResult (with the reason) for anything else."""
    try:
        raw = loads(data)
        if raw.get("v") != VERSION:
            raise BadResult(f"result version {raw.get('v')!r}, this writer reads {VERSION}")
        item = FetchItem(**raw["item"])
        if not (isinstance(item.source_id, int) and isinstance(item.url, str) and isinstance(item.body, bytes)):
            raise BadResult("unreadable result: source_id, url or body of the wrong type")
        sent = raw["reading"]
        reading = None if sent is None else Reading(
            page=SentPage(**sent["page"]) if sent["page"] is not None else None,  # type: ignore[arg-type]
            content_hash=sent["content_hash"], error=sent["error"],
            figures=None if sent["figures"] is None else [Figure(**f) for f in sent["figures"]])
        hints = {key: raw["hints"].get(key) for key in HINT_KEYS}
        return Result(str(raw["fetch_uid"]), raw.get("round"), item, reading, hints)
    except BadResult:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise BadResult(f"unreadable result: {type(exc).__name__}: {exc}") from exc
