"""Each page `vigicam serve` renders, rendered once per state of the database (issue 22 item 15).

Under 50 clients the pages people open cost Python, not SQLite: Datasette builds the HTML table of 100
events × 25 columns in 75-100 ms of CPU (Jinja and its cells), its rows and count take 1-7 ms of SQL, a
facet over 100,000 events 15-25 ms. Rendered again for every visitor, one core gave 20 answers a second
and a p99 of 5-10 s. A page depends only on its URL and on the database, and SQLite says when the
database changed (`PRAGMA data_version` moves at every commit of another connection, checkpoints
included): so an answer is kept until the next commit, and a page asked by many clients at once is
rendered once while the others wait.

Not kept: arbitrary SQL (`?sql=`, which may call random() or read the clock), traces, streamed CSV, the
pages of a visitor logged in or holding a message, Datasette's own /-/ pages, anything but a 200 without
a cookie. An answer is kept at most MAX_AGE_SECONDS (a canned query may read the clock), and all of them
in at most the VIGICAM_SERVE_CACHE_MB a process is allowed (0: no cache).
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

DEFAULT_CACHE_MB = 64
MAX_AGE_SECONDS = 30.0  # a page that reads the clock (stale sources) is at most this late
ENTRY_SHARE = 16  # one answer may take at most this share of the cache (a page of 100 events: 0.3 MB)
SKIPPED_ARGS = {"sql", "_trace", "_stream"}
HEADER = b"x-vigicam-cache"
PRIVATE_COOKIES = (b"ds_actor", b"ds_messages")  # a visitor's own page: logged in, or a message shown once


@dataclass
class Answer:
    """A whole 200 answer: its start message's headers and its body."""

    headers: list[tuple[bytes, bytes]]
    body: bytes
    born: float = 0.0  # when it was kept, on the cache's clock


def cacheable(scope: dict) -> bool:
    """A GET or HEAD of a table, view, row or canned query, by a visitor neither logged in nor holding a
    message of Datasette's."""
    if scope.get("type") != "http" or scope.get("method") not in ("GET", "HEAD"):
        return False
    if scope.get("path", "/").startswith("/-/"):
        return False
    headers = dict(scope.get("headers") or [])
    cookie = headers.get(b"cookie", b"")
    if b"authorization" in headers or any(name in cookie for name in PRIVATE_COOKIES):
        return False
    query = scope.get("query_string", b"").decode("latin-1")
    return not any(name in SKIPPED_ARGS for name, _ in parse_qsl(query, keep_blank_values=True))


def cache_bytes(environ: dict[str, str]) -> int:
    """VIGICAM_SERVE_CACHE_MB in bytes (0 turns the cache off; unreadable: the default)."""
    try:
        megabytes = float(environ.get("VIGICAM_SERVE_CACHE_MB", DEFAULT_CACHE_MB))
    except ValueError:
        megabytes = DEFAULT_CACHE_MB
    return max(0, int(megabytes * 1024 * 1024))


def data_versions(paths: list[str]) -> Callable[[], Hashable]:
    """A function telling the state of the database files: it changes when anyone commits to one."""
    connections = [sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)  # as Datasette
                   for path in paths]
    return lambda: tuple(conn.execute("PRAGMA data_version").fetchone()[0] for conn in connections)


class PageCache:
    """The answers of one database state, least recently asked dropped first past `max_bytes`."""

    def __init__(self, max_bytes: int, version: Callable[[], Hashable],
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_bytes = max_bytes
        self.version = version
        self.clock = clock
        self.state: Hashable = None
        self.answers: OrderedDict[tuple, Answer] = OrderedDict()
        self.rendering: dict[tuple, asyncio.Future] = {}
        self.size = 0

    def lookup(self, key: tuple) -> Answer | None:
        """The kept answer for `key`, if the database has not changed since and it is young enough."""
        state = self.version()
        if state != self.state:
            self.answers.clear()
            self.size, self.state = 0, state
        answer = self.answers.get(key)
        if answer is None or self.clock() - answer.born > MAX_AGE_SECONDS:
            return None
        self.answers.move_to_end(key)
        return answer

    def keep(self, key: tuple, answer: Answer, state: Hashable) -> None:
        """Keep an answer rendered in `state`, unless the database moved on or it is too large."""
        if state != self.state or len(answer.body) > self.max_bytes // ENTRY_SHARE:
            return
        answer.born = self.clock()
        old = self.answers.pop(key, None)
        self.size += len(answer.body) - (len(old.body) if old else 0)
        self.answers[key] = answer
        while self.size > self.max_bytes:
            _, dropped = self.answers.popitem(last=False)
            self.size -= len(dropped.body)


def cache_pages(app: Any, cache: PageCache) -> Any:
    """An ASGI wrapper answering from `cache`; one rendering per page and database state."""

    async def cached(scope: dict, receive: Any, send: Any) -> None:
        if not cacheable(scope):
            await app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        key = (scope["method"], scope.get("scheme"), headers.get(b"host"), scope.get("path"),
               scope.get("query_string"))
        try:
            answer = cache.lookup(key)
        except sqlite3.Error:  # the database cannot tell its state (damaged, gone): nothing is kept
            await app(scope, receive, send)
            return
        flight = (key, cache.state)  # a rendering begun before the last commit is not waited for
        if answer is None and flight in cache.rendering:
            answer = await asyncio.shield(cache.rendering[flight])
            if answer is None:  # not a keepable answer (an error, too large): each asks for itself
                await app(scope, receive, send)
                return
        if answer is not None:
            await replay(answer, send)
            return
        await render(app, cache, key, (scope, receive, send))

    return cached


async def render(app: Any, cache: PageCache, key: tuple, call: tuple) -> None:
    """Run Datasette for this request, passing its answer on and keeping it; those asking the same page
    meanwhile wait for it (and render it themselves if it could not be kept)."""
    scope, receive, send = call
    state = cache.state
    waiting: asyncio.Future = asyncio.get_running_loop().create_future()
    cache.rendering[(key, state)] = waiting
    recorder = Recorder(send, cache.max_bytes // ENTRY_SHARE)
    try:
        await app(scope, receive, recorder.send)
    finally:
        del cache.rendering[(key, state)]
        answer = recorder.answer()
        if answer is not None:
            cache.keep(key, answer, state)
        waiting.set_result(answer)


class Recorder:
    """Passes an answer on to the client as it comes, and records it while it stays small."""

    def __init__(self, send: Any, max_bytes: int) -> None:
        self.forward = send
        self.max_bytes = max_bytes
        self.headers: list[tuple[bytes, bytes]] | None = None
        self.chunks: list[bytes] = []
        self.size = 0
        self.complete = False

    async def send(self, message: dict) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers") or [])
            if message.get("status") == 200 and not any(name.lower() == b"set-cookie" for name, _ in headers):
                self.headers = headers
            message = {**message, "headers": [*headers, (HEADER, b"miss")]}
        elif message["type"] == "http.response.body" and self.headers is not None:
            body = message.get("body", b"")
            self.size += len(body)
            if self.size > self.max_bytes:
                self.headers = None
                self.chunks = []
            else:
                self.chunks.append(body)
                self.complete = not message.get("more_body", False)
        await self.forward(message)

    def answer(self) -> Answer | None:
        if self.headers is None or not self.complete:
            return None
        return Answer(self.headers, b"".join(self.chunks))


async def replay(answer: Answer, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": [*answer.headers, (HEADER, b"hit")]})
    await send({"type": "http.response.body", "body": answer.body})
