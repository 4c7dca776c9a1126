"""Crash safety, the long run: SIGKILL `vigicam crawl` and `vigicam schedule` at random moments while
pages keep changing and notifications go to a local webhook; after each kill, the database is checked
(integrity, nothing committed lost, no duplicated event). At the end, every event must have been
notified at least once, every event line the webhook received must start with the event's id, and the
events received more than once (a kill after the webhook took a message, before vigicam marked it sent)
are counted by that id. `--hook-seconds` makes the webhook answer that late, so that kills fall mid-send.

    python bench/bench_kill.py [--kills 20] [--seed 1] [--hook-seconds 0] [--schedule-max 8]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from tests.conftest import run_vigicam  # noqa: E402
from tests.crash_harness import check, kill_at_random, snapshot  # noqa: E402
from tests.http_fixtures import RoutesServer  # noqa: E402
from tests.test_notify_repeat import SlowHook, received_ids  # noqa: E402
from vigicam.cli import cli  # noqa: E402

HTML = {"Content-Type": "text/html; charset=utf-8", "X-Test-Sleep": "0.1"}
PAGES = 40


def page(value: int) -> bytes:
    return (f"<html><body><p>La ville compte {value} caméras de vidéoprotection.</p>"
            f"<p>{'Texte. ' * 300}</p></body></html>").encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hook-seconds", type=float, default=0.0, help="the webhook's delay before it answers")
    parser.add_argument("--schedule-max", type=float, default=8.0,
                        help="latest kill of `schedule`, in seconds (its first sends come after a whole crawl)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="vigicam-bench-kill-"))
    db_path = work / "killed.db"
    server = RoutesServer({f"/p{n}.html": (200, HTML, page(n + 10)) for n in range(PAGES)})
    hook = SlowHook(args.hook_seconds)
    config = work / "vigicam.toml"
    config.write_text(f'[notify]\nurls = ["{hook.url}"]\n', encoding="utf-8")
    from click.testing import CliRunner

    runner = CliRunner()
    for n in range(PAGES):
        runner.invoke(cli, ["--db", str(db_path), "sources", "add", f"{server.url}/p{n}.html", "--place",
                            f"Commune {n}", "--every", "1s"], catch_exceptions=False)
    stop = threading.Event()

    def keep_changing() -> None:  # a figure changes somewhere every 0.3 s, so events and sends never stop
        value = 1000
        while not stop.wait(0.3):
            value += 1
            server.routes[f"/p{rng.randrange(PAGES)}.html"] = (200, HTML, page(value))

    threading.Thread(target=keep_changing, daemon=True).start()
    started = time.monotonic()
    try:
        crawl_kills, crawl_problems = kill_at_random(
            ["--config", str(config), "crawl", "--delay", "0"], rng, 1.0, 5.0, lambda i: None, args.kills, db_path)
        schedule_kills, schedule_problems = kill_at_random(
            ["--config", str(config), "schedule", "--tick", "1s", "--delay", "0"], rng, 1.0, args.schedule_max,
            lambda i: None, args.kills, db_path)
    finally:
        stop.set()
    before = snapshot(db_path)
    final = run_vigicam(db_path, "--config", str(config), "notify")
    problems = crawl_problems + schedule_problems + check(db_path, before)
    import sqlite3

    conn = sqlite3.connect(db_path)
    events = conn.execute("select count(*) from changes").fetchone()[0]
    notified = conn.execute("select count(*) from notifications").fetchone()[0]
    unsent = events - notified
    received = sum(int(re.match(r"vigicam: (\d+)", body["title"]).group(1)) for body in hook.bodies)
    ids = received_ids(hook.bodies)
    events_received = Counter(i for i in ids if i is not None)
    server.close()
    print(f"kills: {crawl_kills} of `vigicam crawl`, {schedule_kills} of `vigicam schedule` "
          f"in {time.monotonic() - started:.0f} s ({final.stdout.strip()})")
    print(f"database: {sum(len(v) for v in before.values())} history rows, {events} events, "
          f"problems: {problems or 'none'}")
    print(f"notifications: {notified} events marked sent, {unsent} never sent, webhook received {received} "
          f"({received - notified} duplicates) in {len(hook.bodies)} messages")
    repeated = sum(1 for n in events_received.values() if n > 1)
    print(f"event ids: {len(ids)} event lines received, {ids.count(None)} without an id, {len(events_received)} "
          f"distinct events, {repeated} received more than once (same id each time)")


if __name__ == "__main__":
    main()
