"""The frontier's queue, with each request a worker took held in flight until its result is sent.

scrapy-redis's PriorityQueue removes a request when a worker pops it: a worker killed with the request
in hand (SIGKILL, a machine lost) loses it. Here the pop also files the request, as it was queued,
under a deadline in a second sorted set; the worker pushes the request's result and removes it from
there in one transaction (crawler/remote.py), and keeps pushing the deadlines of those it holds ahead
while it lives. A request whose deadline passes goes back to the queue, taken by whichever worker
looks first (each worker looks when idle and at each refresh): at least once, never lost.
"""

from __future__ import annotations

import time
from typing import Any

from scrapy_redis.queue import PriorityQueue

from crawler import redis_json
from crawler.frontier import INFLIGHT_KEY

INFLIGHT_META = "vigicam_inflight"
# set on a request taken back from a stopped worker: the links it finds are asked again (a page's links may
# have been counted as found and never queued when its worker died); the duplicate filter keeps each once
RETAKEN_META = "vigicam_retaken"
# Pop the best request and hold it until ARGV[1] (a deadline): KEYS queue, in-flight set.
POP_SCRIPT = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0)
if #found == 0 then return false end
redis.call('ZREM', KEYS[1], found[1])
redis.call('ZADD', KEYS[2], ARGV[1], found[1])
return found[1]
"""
# Put a request whose holder stopped back in the queue, in one step (a Redis killed between the two would
# lose it): KEYS in-flight set, queue; ARGV: the held token, the request to queue, its score.
TAKE_BACK_SCRIPT = """
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
return 1
"""


class ReliableQueue(PriorityQueue):
    """scrapy-redis's priority queue (same key, same order), plus the in-flight set (see module doc)."""

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        settings = getattr(spider, "settings", None)
        self.timeout = settings.getfloat("VIGICAM_INFLIGHT_TIMEOUT", 120.0) if settings is not None else 120.0
        self.held: set[bytes] = set()
        self.pop_script = server.register_script(POP_SCRIPT)
        self.take_back_script = server.register_script(TAKE_BACK_SCRIPT)
        spider.frontier_queue = self  # the spider refreshes and reaps through it

    def push(self, request: Any) -> None:
        """Queue a request; a retry or a redirect of a held one replaces it, in one transaction."""
        token = request.meta.pop(INFLIGHT_META, None)
        data = self._encode_request(request)
        with self.server.pipeline() as pipe:
            pipe.zadd(self.key, {data: -request.priority})
            if token is not None:
                pipe.zrem(INFLIGHT_KEY, token)
            pipe.execute()
        self.held.discard(token)

    def pop(self, timeout: float = 0) -> Any:
        data = self.pop_script(keys=[self.key, INFLIGHT_KEY], args=[time.time() + self.timeout])
        if not data:
            return None
        request = self._decode_request(data)
        request.meta[INFLIGHT_META] = data
        self.held.add(data)
        return request

    def release(self, token: bytes | None) -> None:
        """This worker is done with the request (its result sent, or nothing to send): never hold it again. A
        Redis restarted from its append-only file may bring the token back to the in-flight set (the last
        second of writes is lost): refreshing it there would keep it, and this worker, busy forever; let go,
        its deadline passes and it is taken back like any other."""
        self.held.discard(token)

    def refresh(self) -> None:
        """Push the deadlines of the requests this worker holds ahead; forget those it has finished."""
        held = list(self.held)
        if not held:
            return
        scores = self.server.zmscore(INFLIGHT_KEY, held)
        deadline = time.time() + self.timeout
        with self.server.pipeline() as pipe:
            for token, score in zip(held, scores, strict=True):
                if score is None:
                    self.held.discard(token)
                else:
                    pipe.zadd(INFLIGHT_KEY, {token: deadline}, xx=True)
            pipe.execute()

    def reap(self) -> int:
        """Requests whose holder stopped refreshing them go back to the queue; returns how many."""
        returned = 0
        for token in self.server.zrangebyscore(INFLIGHT_KEY, "-inf", time.time()):
            request = redis_json.loads(token)
            request.setdefault("meta", {})[RETAKEN_META] = True
            # the one that removes it puts it back
            returned += self.take_back_script(keys=[INFLIGHT_KEY, self.key],
                                              args=[token, redis_json.dumps(request), -request.get("priority", 0)])
        return returned

    def in_flight(self) -> int:
        return self.server.zcard(INFLIGHT_KEY)
