"""The names vigicam's distributed crawl gives its Redis keys, and the connection every part opens.

The frontier (scrapy-redis's request queue and duplicate filter) is shared by the workers; the results
stream is read by one writer (`vigicam ingest`); `schedule --redis` feeds the frontier. Everything in
these keys is JSON (crawler/redis_json.py): a reachable Redis cannot make a worker or the writer run code.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

REQUESTS_KEY = "vigicam:requests"  # scrapy-redis priority queue: the frontier
DUPEFILTER_KEY = "vigicam:dupefilter"  # fingerprints (hash → token), per round (crawler/remote.py)
RESULTS_KEY = "vigicam:results"  # stream: one entry per fetch, read by the writer's consumer group
REJECTED_KEY = "vigicam:results:rejected"  # stream: entries the writer could not read, with the reason
WRITERS_GROUP = "writers"
REGISTERED_KEY = "vigicam:registered"  # set: every registered page (a found page is never one of them)
ROUNDS_KEY = "vigicam:rounds"  # hash: round (batch id) → its sources, handed to the frontier
FOUND_KEY = "vigicam:found:{round}"  # hash: pages found by following, this round → the claim's token
FOUND_COUNT_KEY = "vigicam:found-count:{round}"  # hash: source id → pages found this round
INFLIGHT_KEY = "vigicam:inflight"  # sorted set: requests workers hold, by deadline (crawler/reliable_queue.py)
LEASE_KEY = "vigicam:lease:{host}"  # one request in flight per host, across workers
ROUND_TTL = 7 * 86_400  # seconds a round's bookkeeping is kept
BACKOFF_CAP = 30.0  # the longest wait between two attempts to reach Redis

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
    """`call`, retried with exponential backoff while Redis cannot be reached, saying so once."""
    wait = first_wait
    for attempt in range(1, attempts + 1):
        try:
            result = call()
            OUTAGE.ended()
            return result
        except (redis.ConnectionError, redis.TimeoutError, RedisUnreachable) as exc:
            if isinstance(exc, RedisUnreachable) and not exc.transient:
                raise
            if attempt == attempts:
                raise RedisUnreachable(f"Redis unreachable after {attempts} attempts: {exc}") from exc
            OUTAGE.failed(f"Redis unreachable ({exc}): trying again with backoff, {attempts} times", say)
            time.sleep(wait)
            wait = min(wait * 2, BACKOFF_CAP)
    raise AssertionError("unreachable")


def registered_in(redis_url: str, say: Callable[[str], None]) -> list[str]:
    """The pages the feeder registered (a worker may reach them on private addresses), once Redis answers."""
    client = with_retries(lambda: connect(redis_url), say)
    try:
        return sorted(url.decode() for url in client.smembers(REGISTERED_KEY))
    finally:
        client.close()


def stderr_line(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Outage:
    """Redis lost while a worker or the writer runs, for the whole process (it has several clients): one
    line on stderr when an outage starts, however many calls wait for it to end."""

    def __init__(self) -> None:
        self.since: float | None = None
        self.count = 0
        self.retried = 0  # calls retried, an outage or a connection closed: a reply may have been lost
        self.handlers: dict[int, Any] = {}

    def failed(self, message: str, say: Callable[[str], None] = stderr_line) -> None:
        if self.since is None:
            self.since = time.monotonic()
            self.count += 1
            self.stop_on_signals()  # before the line: whoever reads it may stop us at once
            say(message)

    def stop_on_signals(self) -> None:
        """SIGTERM or Ctrl-C during an outage stops the process at once: the wait for Redis blocks the loop
        that would stop it gracefully, and there is nothing to finish (nothing can be sent). A worker's
        requests go back to the frontier after --inflight-timeout, as for a killed worker; the writer's
        last commit stands. Outside an outage the handlers there before are called."""
        if threading.current_thread() is not threading.main_thread():
            return
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous = signal.getsignal(signum)
            if previous is self.handlers.get(signum):  # ours still (Scrapy installs its own when it starts)
                continue

            def handler(number: int, frame: object, previous: Any = previous) -> None:
                if self.since is not None:
                    stderr_line(f"stopped by {signal.Signals(number).name} while Redis was unreachable")
                    sys.stdout.flush()
                    os._exit(0)
                if callable(previous):
                    previous(number, frame)
                elif previous == signal.SIG_DFL:  # as if we had not been there
                    signal.signal(number, signal.SIG_DFL)
                    os.kill(os.getpid(), number)

            signal.signal(signum, handler)
            self.handlers[signum] = handler

    def ended(self) -> None:
        self.since = None


OUTAGE = Outage()


class OutageRetry(Retry):
    """redis-py's retry, for ever, with backoff from 0.5 s to 30 s, saying so (OUTAGE). A first failure
    is a connection Redis closed when it restarted: retried at once, silently; a second is an outage.
    Every call it retries must be safe to run twice: Redis may have done it and died before answering
    (the scripts of crawler/remote.py and host_lease.py carry a token for that)."""

    def __init__(self, where: str) -> None:
        super().__init__(ExponentialBackoff(cap=BACKOFF_CAP, base=0.25), retries=-1)
        self.where = where

    def call_with_retry(self, do: Callable[[], T], fail: Callable[..., Any], *args: Any, **kwargs: Any) -> T:
        failures = 0

        def failed(error: Exception, *count: int) -> Any:
            nonlocal failures
            failures += 1
            OUTAGE.retried += 1
            if failures > 1:
                OUTAGE.failed(f"Redis unreachable at {self.where} ({error}): waiting for it, trying again with "
                              f"backoff (at most every {BACKOFF_CAP:.0f}s)")
            return fail(error, *count)

        result = super().call_with_retry(do, failed, *args, **kwargs)
        OUTAGE.ended()  # any call answered ends the outage, whichever call announced it
        return result


def lasting_client(url: str) -> redis.Redis:
    """A client for a long-running worker or writer: it waits out a Redis outage instead of failing."""
    return redis.Redis.from_url(url, **lasting_params(url))


def lasting_params(url: str) -> dict[str, Any]:
    """The client parameters of lasting_client, also given to scrapy-redis (REDIS_PARAMS)."""
    return {"socket_connect_timeout": 10, "socket_timeout": 30, "health_check_interval": 30,
            "retry": OutageRetry(redacted(url))}
