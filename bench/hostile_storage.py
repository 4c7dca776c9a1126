"""Issue 22's storage and delivery cases (items 6, 7, 12, 13, 14), each run in a process of its own so that
its CPU time and peak memory are its own; bench_hostile.py prints them after its reader and crawl cases.

    python bench/hostile_storage.py            # all cases, one process each
    python bench/hostile_storage.py --case X   # one case, in this process (what the runner starts)
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT))
from storage import open_database  # noqa: E402
from storage.sources import Source, add_source  # noqa: E402
from tests.test_bad_storage import damage, fill  # noqa: E402
from tests.test_report_words import SOURCE, event  # noqa: E402

HTML = {"Content-Type": "text/html; charset=utf-8"}
CASES: dict[str, Callable[[Path], str]] = {}


def case(name: str) -> Callable:
    def register(func: Callable[[Path], str]) -> Callable[[Path], str]:
        CASES[name] = func
        return func
    return register


def vigicam(db: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vigicam", "--db", str(db), *args], text=True,
                          capture_output="stdout" not in kwargs, **kwargs)


@case("#22.6 write lock held 25 s in a 30-page crawl")
def locked_crawl(folder: Path) -> str:
    from tests.http_fixtures import RoutesServer

    db_path = folder / "locked.db"
    server = RoutesServer({f"/p{i}.html": (200, HTML, f"<p>La ville compte {10 + i} caméras.</p>".encode())
                           for i in range(30)})
    db = open_database(db_path)
    for i in range(30):
        add_source(db, Source(url=f"{server.url}/p{i}.html", place="Dreux"))
    db.close()

    def hold() -> None:
        while "/p3.html" not in server.hits:
            time.sleep(0.01)
        conn = sqlite3.connect(db_path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        time.sleep(25)
        conn.execute("COMMIT")

    threading.Thread(target=hold, daemon=True).start()
    result = vigicam(db_path, "crawl", "--delay", "0")
    server.close()
    rows = open_database(db_path).execute("select count(*) from fetches").fetchone()[0]
    return f"exit {result.returncode}, {rows} of 30 pages with a fetches row"


@case("#22.7 page markup in a notification")
def notification(folder: Path) -> str:
    from tests.test_notify import Hook
    from vigicam.notify import NotifyConfig, deliver

    db = open_database(folder / "notify.db")
    db["sources"].insert(SOURCE)
    db["changes"].insert(event("new", place="Dreux", metric="cameras", new_value=64.0, new_qualifier="exact",
                               new_evidence="64 caméras <details open ontoggle=alert(1)> [voir](javascript:x)"),
                         alter=False)
    seen = []
    for kind in ("html", "markdown"):
        hook = Hook()
        db["notifications"].delete_where()
        deliver(db, NotifyConfig(urls=[f"{hook.url}?format={kind}"]))
        message = hook.bodies[0]["message"]
        live = "<details" in message if kind == "html" else "[voir](javascript:" in message
        seen.append(f"{kind}: {'LIVE markup' if live else 'escaped'}")
    return ", ".join(seen)


@case("#22.12 --db symlink while the lock is held")
def symlink_lock(folder: Path) -> str:
    real, link = folder / "real.db", folder / "link.db"
    open_database(real).close()
    link.symlink_to(real)
    hold = ("import sys, time; from pathlib import Path; from vigicam.lock import CrawlLock; "
            "CrawlLock(Path(sys.argv[1])).acquire(); print('held', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", hold, str(real)], stdout=subprocess.PIPE, text=True)
    holder.stdout.readline()
    Path(f"{real}.lock").unlink()
    result = vigicam(link, "crawl", "--source", "http://127.0.0.1:9/")
    holder.kill()
    return f"exit {result.returncode} ({real.name}.lock deleted): {result.stderr.strip()}"


@case("#22.13 random bytes in the events' pages")
def damaged(folder: Path) -> str:
    db_path = folder / "damaged.db"
    fill(db_path, 3000)
    damage(db_path)
    results = [vigicam(db_path, *args) for args in (["report"], ["crawl", "--source", SOURCE["url"]])]
    lines = {len(r.stderr.strip().splitlines()) for r in results}
    return (f"report exit {results[0].returncode}, crawl exit {results[1].returncode}, {max(lines)} line each: "
            f"{results[0].stderr.strip().replace(str(db_path), 'DB')}")


@case("#22.13 report > /dev/full")
def full_output(folder: Path) -> str:
    db_path = folder / "full.db"
    fill(db_path, 300)
    with open("/dev/full", "w") as full:
        result = vigicam(db_path, "report", stdout=full, stderr=subprocess.PIPE)
    return f"exit {result.returncode}: {result.stderr.strip()}"


@case("#22.14 robots.txt of 9.5 MB")
def big_robots(folder: Path) -> str:
    from scrapy.utils.misc import load_object

    from crawler import settings

    body = b"User-agent: *\n" + b"".join(b"Disallow: /private/%d/\n" % i for i in range(365_000))
    parser = load_object(settings.ROBOTSTXT_PARSER).from_crawler(None, body)
    late = parser.allowed("https://ville.example/private/364999/", settings.USER_AGENT)
    return f"{len(body) / 1e6:.1f} MB, read up to 500 KiB; a rule past them {'ignored' if late else 'OBEYED'}"


@case("#22.14 report of 100,000 events, 4 KB sentences")
def big_report(folder: Path) -> str:
    db_path = folder / "report.db"
    fill(db_path, 100_000, "La ville compte 148 caméras de vidéoprotection, " * 80)
    timed = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "vigicam", "--db", str(db_path),
                            "report"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = int(timed.stderr.split()[-1]) // 1024
    return f"text report, a {db_path.stat().st_size / 1e6:.0f} MB database: exit {timed.returncode}, peak RSS {peak} MB"


@case("#22.14 a 1.5 MB sentence whose count changes")
def huge_sentence(folder: Path) -> str:
    from extractors.figure import Figure
    from storage.history import insert_document, insert_extraction

    db = open_database(folder / "sentence.db")
    db["sources"].insert(SOURCE)
    filler = "la ville, le quartier et la place " * 22_000
    before = (folder / "sentence.db").stat().st_size
    for count in range(5):
        sentence = f"{filler}La ville compte {148 + count} caméras{filler}"
        with db.atomic():
            document_id = insert_document(db, content_hash=str(count), url=SOURCE["url"], text="", body=b"")
            insert_extraction(db, document_id=document_id, source_id=1, fetch_id=None, extractor_version="b",
                              figures=[Figure("cameras", 148.0 + count, "exact", "Dreux", "commune", None,
                                              f"{148 + count} caméras", 0, 0, sentence)])
    db.execute("pragma wal_checkpoint(truncate)")
    stored = db.execute("select max(length(sentence)) from figures").fetchone()[0]
    grown = ((folder / "sentence.db").stat().st_size - before) / 1e6
    return f"5 versions of {len(sentence) / 1e6:.1f} MB: sentence stored in {stored} chars, database +{grown:.2f} MB"


def run_all() -> None:
    """Each case in a child process, timed by /usr/bin/time: its CPU seconds and its own peak memory."""
    print(f"\n{'storage and delivery case':46} {'CPU s':>6} {'peak RSS':>9}  outcome")
    for name in CASES:
        timed = subprocess.run(["/usr/bin/time", "-f", "TIME %U %S %M", sys.executable, __file__, "--case", name],
                               capture_output=True, text=True)
        stats = next((line.split()[1:] for line in timed.stderr.splitlines() if line.startswith("TIME ")), None)
        cpu, rss = (float(stats[0]) + float(stats[1]), int(stats[2]) / 1024) if stats else (0.0, 0.0)
        outcome = timed.stdout.strip() or timed.stderr.strip()[-160:]
        print(f"{name:46} {cpu:6.1f} {rss:6.0f} MB  {outcome}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=list(CASES))
    args = parser.parse_args()
    if not args.case:
        run_all()
        return
    with tempfile.TemporaryDirectory() as folder:
        print(CASES[args.case](Path(folder)))


if __name__ == "__main__":
    main()
