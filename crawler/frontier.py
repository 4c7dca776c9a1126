"""The names vigicam's distributed crawl gives its Redis keys, and the connection every part opens.

The frontier (scrapy-redis's request queue and duplicate filter) is shared by the workers; the results
stream is read by one writer (`vigicam ingest`); `schedule --redis` feeds the frontier. Everything in
these keys is JSON (crawler/redis_json.py): a reachable Redis cannot make a worker or the writer run code.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import redis

REQUESTS_KEY = "vigicam:requests"  # scrapy-redis priority queue: the frontier
DUPEFILTER_KEY = "vigicam:dupefilter"  # scrapy-redis fingerprints, per round (crawler/remote.py)
RESULTS_KEY = "vigicam:results"  # stream: one entry per fetch, read by the writer's consumer group
REJECTED_KEY = "vigicam:results:rejected"  # stream: entries the writer could not read, with the reason
WRITERS_GROUP = "writers"
REGISTERED_KEY = "vigicam:registered"  # set: every registered page (a found page is never one of them)
ROUNDS_KEY = "vigicam:rounds"  # hash: round (batch id) → its sources, handed to the frontier
FOUND_KEY = "vigicam:found:{round}"  # set: pages found by following, this round
FOUND_COUNT_KEY = "vigicam:found-count:{round}"  # hash: source id → pages found this round
INFLIGHT_KEY = "vigicam:inflight"  # sorted set: requests workers hold, by deadline (crawler/reliable_queue.py)
LEASE_KEY = "vigicam:lease:{host}"  # one request in flight per host, across workers
ROUND_TTL = 7 * 86_400  # seconds a round's bookkeeping is kept

T = TypeVar("T")


class RedisUnreachable(Exception):
    """Redis could not be reached, or refused us (a wrong password): one line for the user. `transient`:
    worth trying again (a server restarting), unlike a wrong password or URL."""

    def __init__(self, message: str, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


def connect(url: str) -> redis.Redis:
    """A client for `url` (redis://[:password@]host:port/db), checked with a PING."""
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=10, socket_timeout=30, health_check_interval=30)
        client.ping()
    except ValueError as exc:
        raise RedisUnreachable(f"not a Redis URL: {exc}") from exc
    except redis.AuthenticationError as exc:
        raise RedisUnreachable(f"Redis refused the password: {exc} (give it in the URL: redis://:PASSWORD@host)") \
            from exc
    except redis.ResponseError as exc:  # NOAUTH: the server wants a password the URL lacks
        raise RedisUnreachable(f"Redis refused us: {exc}") from exc
    except redis.RedisError as exc:
        raise RedisUnreachable(f"cannot reach Redis at {redacted(url)}: {exc}", transient=True) from exc
    return client


def redacted(url: str) -> str:
    """The URL without its password, for messages and logs."""
    head, sep, tail = url.rpartition("@")
    return f"{url.split('://')[0]}://…@{tail}" if sep else url


def with_retries(call: Callable[[], T], say: Callable[[str], None], attempts: int = 8, first_wait: float = 0.5) -> T:
    """`call`, retried with exponential backoff while Redis cannot be reached, saying so each time."""
    wait = first_wait
    for attempt in range(1, attempts + 1):
        try:
            return call()
        except (redis.ConnectionError, redis.TimeoutError, RedisUnreachable) as exc:
            if isinstance(exc, RedisUnreachable) and not exc.transient:
                raise
            if attempt == attempts:
                raise RedisUnreachable(f"Redis unreachable after {attempts} attempts: {exc}") from exc
            say(f"Redis unreachable ({exc}); trying again in {wait:.1f}s")
            time.sleep(wait)
            wait = min(wait * 2, 30.0)
    raise AssertionError("unreachable")
