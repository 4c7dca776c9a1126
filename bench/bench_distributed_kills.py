"""Distributed crawl under SIGKILL (issue 24): a worker, the writer and Redis killed at random moments,
round after round; nothing lost, nothing stored twice, the database intact.

Each round: a fresh Redis (append-only file, `appendfsync always`, as deploy/redis-vigicam.conf), the
3-host site of tests/test_distributed.py (24 fetches: 18 pages, 3 404s, 3 pages robots.txt forbids; each
answer takes 0.3 s), two workers and the writer. The three kills come in a random order, each once the
workers have sent a random number of results (1 to 20) plus a random fraction of a second: a worker
SIGKILLed is replaced at once (as systemd would), the writer too, Redis is started again after 0 to 2 s.
Then the workers finish (idle 3 s), the writer is stopped and a last one ingests what is left. Checked:
each of the 24 pages has its first fetch with the expected outcome; a page fetched again (its worker
killed before its result was sent) is only `same_content`, `failed` or `skipped`; no extraction twice;
one `ingested_results` row a fetch; the frontier and the in-flight set empty; PRAGMA integrity_check ok.

    python bench/bench_distributed_kills.py [--rounds 5] [--seed 24]
"""

from __future__ import annotations

import argparse
import random
import signal
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.test_distributed import (  # noqa: E402
    HOSTS,
    HostSite,
    RedisServer,
    Watched,
    ingest_the_rest,
    register,
    results_sent,
)

WORKER = ("worker", "--delay", "0", "--timeout", "5", "--inflight-timeout", "3s", "--idle-exit", "3s")


def sent(client: redis.Redis) -> int:
    try:
        return results_sent(client)
    except redis.RedisError:  # Redis down, or the stream not there yet
        return -1


class Round:
    def __init__(self, folder: Path, rng: random.Random) -> None:
        self.rng = rng
        self.sites = [HostSite(address, n, seconds=0.3) for n, address in enumerate(HOSTS, start=1)]
        self.db = folder / "shared.db"
        self.redis = RedisServer(folder)
        self.client = redis.Redis.from_url(self.redis.url)
        register(self.db, self.sites)
        from storage import open_database
        from storage.batches import open_batch_of
        from vigicam.feeder import hand_out
        from vigicam.ingest import ensure_group

        db = open_database(self.db)
        batch = open_batch_of(db)
        db.close()
        hand_out(self.db, self.client, batch.id)
        ensure_group(self.client)
        self.workers = [self.worker() for _ in range(2)]
        self.writer = Watched(self.db, "ingest", "--redis", self.redis.url)
        self.lines: list[str] = []

    def worker(self) -> Watched:
        return Watched(None, *WORKER[:1], "--redis", self.redis.url, *WORKER[1:])

    def kill(self, what: str) -> str:
        if what == "worker":
            running = [w for w in self.workers if w.process.poll() is None]
            if not running:
                return "worker: none running"
            victim = self.rng.choice(running)
            victim.process.kill()
            victim.process.wait()
            self.keep(victim)
            self.workers[self.workers.index(victim)] = self.worker()
        elif what == "writer":
            self.writer.process.kill()
            self.writer.process.wait()
            self.keep(self.writer)
            self.writer = Watched(self.db, "ingest", "--redis", self.redis.url)
        else:
            self.redis.stop(kill=True)
            time.sleep(self.rng.uniform(0, 2))
            self.redis.start()
        return what

    def keep(self, watched: Watched) -> None:
        watched.reader.join(5)
        self.lines += watched.lines

    def run(self) -> dict[str, object]:
        started = time.monotonic()
        kills = ["worker", "writer", "redis"]
        self.rng.shuffle(kills)
        thresholds = sorted(self.rng.randint(1, 20) for _ in kills)
        done = []
        for what, threshold in zip(kills, thresholds, strict=True):
            deadline = time.monotonic() + 120
            while sent(self.client) < threshold and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(self.rng.uniform(0, 0.5))
            done.append(f"{self.kill(what)}@{max(sent(self.client), 0)}")
        for worker in self.workers:
            assert worker.finish(signal=None) == 0, worker.err()
            self.keep(worker)
        assert self.writer.finish(signal=signal.SIGTERM) == 0, self.writer.err()
        self.keep(self.writer)
        ingest_the_rest(self.db, self.redis.url)
        return {"kills": done, "seconds": time.monotonic() - started, **self.check()}

    def check(self) -> dict[str, object]:
        conn = sqlite3.connect(self.db)
        first = list(conn.execute("select outcome from fetches where id in "
                                  "(select min(id) from fetches group by source_id, url)"))
        again = [o for (o,) in conn.execute("select outcome from fetches where id not in "
                                            "(select min(id) from fetches group by source_id, url)")]
        problems = []
        if Counter(o for (o,) in first) != {"new_content": 18, "failed": 3, "skipped": 3}:
            problems.append(f"first fetches {Counter(o for (o,) in first)}")
        if set(again) - {"same_content", "failed", "skipped"}:
            problems.append(f"fetched again with {Counter(again)}")
        if conn.execute("select count(*) from (select 1 from extractions group by document_id, source_id "
                        "having count(*) > 1)").fetchone()[0]:
            problems.append("an extraction stored twice")
        fetches, ingested = (conn.execute(f"select count(*) from {t}").fetchone()[0]
                             for t in ("fetches", "ingested_results"))
        if fetches != ingested:
            problems.append(f"{fetches} fetches, {ingested} ingested results")
        integrity = conn.execute("pragma integrity_check").fetchone()[0]
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        if self.client.zcard("vigicam:requests") or self.client.zcard("vigicam:inflight"):
            problems.append("requests left in the frontier")
        if any("Traceback" in line for line in self.lines):
            problems.append("a traceback on stderr")
        conn.close()
        return {"fetches": fetches, "refetched": len(again), "problems": problems,
                "outage_lines": sum("Redis unreachable" in line for line in self.lines)}

    def close(self) -> None:
        for watched in [*self.workers, self.writer]:
            if watched.process.poll() is None:
                watched.process.kill()
                watched.process.wait()
        self.redis.stop()
        for site in self.sites:
            site.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=24)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    failed = 0
    for number in range(1, options.rounds + 1):
        with tempfile.TemporaryDirectory() as tmp:
            chaos = Round(Path(tmp), rng)
            try:
                r = chaos.run()
            finally:
                chaos.close()
        failed += bool(r["problems"])
        print(f"round {number}: killed {', '.join(r['kills'])} (at results sent); {r['seconds']:.1f}s; "
              f"{r['fetches']} fetches ({r['refetched']} fetched again), {r['outage_lines']} outage lines; "
              f"{'; '.join(r['problems']) or 'nothing lost, nothing twice, integrity ok'}", flush=True)
    print(f"{options.rounds} rounds, {options.rounds - failed} clean")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
