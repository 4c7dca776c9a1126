"""Many clients on `vigicam serve` while a crawl writes; shared by tests/test_reliability.py (short)
and bench/bench_serve_load.py (50 clients, 30 s)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

# Each URL with a check of its answer: the demo database always holds Dreux's 71 cameras.
CHECKS = {
    "/latest_figures_for_place.json?place=Dreux&_shape=array":
        lambda rows: ("cameras", 71.0) in {(r["metric"], r["value"]) for r in rows},
    "/place_series.json?place=Dreux&metric=cameras&_shape=array": lambda rows: 71.0 in {r["value"] for r in rows},
    "/changes_since.json?since=2000-01-01&_shape=array":
        lambda rows: any((r["old_value"], r["new_value"]) == (64, 71) for r in rows),
    "/figures.json?_search=cam%C3%A9ras&_shape=array": lambda rows: len(rows) > 0,
    "/ranking_per_100k.json?_shape=array": lambda rows: any(r["name"] == "Dreux" for r in rows),
    "/fetches.json?_sort_desc=id&_size=5&_shape=array": lambda rows: len(rows) == 5,
}


@dataclass
class LoadResult:
    answers: int = 0
    wrong: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def locked(self) -> int:
        return sum("locked" in e for e in self.errors)


def hammer(base: str, clients: int, seconds: float) -> LoadResult:
    """`clients` threads asking every checked URL in turn for `seconds`; every answer is checked."""
    result = LoadResult()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        paths = list(CHECKS)
        i = offset
        while time.monotonic() < deadline:
            path = paths[i % len(paths)]
            i += 1
            try:
                with urllib.request.urlopen(base + path, timeout=30) as response:
                    ok = CHECKS[path](json.loads(response.read()))
                with lock:
                    result.answers += 1
                    result.wrong += not ok
            except (urllib.error.URLError, OSError, ValueError) as exc:
                body = exc.read().decode(errors="replace")[:200] if isinstance(exc, urllib.error.HTTPError) else ""
                with lock:
                    result.errors.append(f"{path}: {exc} {body}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return result


def start_serve(db_path: Path, port: int, *extra: str) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "vigicam", "--db", str(db_path), "serve", "--port", str(port),
                                *extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=2).close()
            return process
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("vigicam serve did not answer")


def crawl_in_loop(db_path: Path, stop: threading.Event) -> list[int]:
    """Crawls one after the other until `stop`; returns their exit codes."""
    codes = []
    while not stop.is_set():
        codes.append(subprocess.run([sys.executable, "-m", "vigicam", "--db", str(db_path), "crawl", "--delay", "0"],
                                    capture_output=True, timeout=300).returncode)
    return codes
