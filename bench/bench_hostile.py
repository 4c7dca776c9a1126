"""Hostile pages through the reader and the extractors: time and peak memory of each, in this process;
then hostile answers crawled for real from 127.0.0.1, each with the outcome recorded, and the CPU time
and peak memory of the crawl that recorded them.

    python bench/bench_hostile.py [--skip-crawl] [--skip-read] [--skip-storage]

The crawl-level versions are tests too (tests/test_hostile_crawl.py, tests/test_hostile_round2.py);
this prints the bounds at full size, including the 50 MB page that the crawl's 10 MB download limit
would refuse before it reached the reader.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from extractors import extract_figures  # noqa: E402
from extractors.page import UnreadablePage  # noqa: E402
from extractors.plausibility import plausible  # noqa: E402
from extractors.safe_read import read_page_safely  # noqa: E402
from tests.pdf_fixtures import flate_bomb_pdf, scanned_pdf  # noqa: E402

MB = 1024 * 1024


def cases() -> dict[str, tuple[bytes, str]]:
    html = "text/html"
    return {
        "100,000 numbers": (("<p>" + " ".join(f"{i} caméras" for i in range(100_000)) + "</p>").encode(), html),
        "10 MB single line": (b"<p>" + b"la ville a 12 cam\xc3\xa9ras " * (10 * MB // 23) + b"</p>", html),
        "50 MB page": (b"<p>La ville compte 12 cam\xc3\xa9ras.</p>" * (50 * MB // 36), html),
        "10,000-deep nesting": (b"<div>" * 10_000 + "<p>148 caméras.</p>".encode() + b"</div>" * 10_000, html),
        "50,000-deep inline": (b"<p>" + b"<b>" * 50_000 + b"12 cam\xc3\xa9ras" + b"</b>" * 50_000 + b"</p>", html),
        "200,000 paragraphs": (b"<p>12 cam\xc3\xa9ras.</p>" * 200_000, html),
        "NUL bytes in text": (b"<p>La ville\x00 compte 148\x00 cam\xc3\xa9ras.</p>" + b" " * 4000, html),
        "mixed UTF-8 / cp1252": ("<p>148 caméras.</p>".encode() + "<p>Vingt caméras prévues.</p>".encode("cp1252"),
                                 html),
        "invalid UTF-8": (b"<p>La ville compte 12 cam\xc3ras \xff\xfe.</p>", "text/html; charset=utf-8"),
        "binary as text/html": (bytes(range(256)) * 4096, html),
        "gzip bytes as text/html": (gzip.compress(b"\0" * 10 * MB), html),
        "script in title": (b"<title><script>alert(1)</script>12 cam\xc3\xa9ras</title><p>Il y a 12 cam\xc3\xa9ras "
                            b"<a href='javascript:alert(1)'>x</a>.</p>", html),
        "5 MB word": (b"<p>" + b"a" * 5 * MB + b" 12 cam\xc3\xa9ras</p>", html),
        "Flate-bomb PDF (#22.3)": (flate_bomb_pdf(), "application/pdf"),
        "scanned PDF (#22.4)": (scanned_pdf(), "application/pdf"),
        "400-digit count (#22.5)": (f"<p>La ville compte {'1' * 400} caméras.</p>".encode(), html),
        "decillion count (#22.5)": (("<p>La ville compte 1" + " 000" * 11 + " caméras.</p>").encode(), html),
    }


def read_cases() -> None:
    print(f"{'input':26} {'seconds':>8} {'peak RSS':>9}  result")
    for name, (body, content_type) in cases().items():
        started = time.perf_counter()
        try:
            page = read_page_safely(body, content_type)
            extracted = extract_figures(page, place_hint="Dreux", place_kind="commune")
            figures = plausible(extracted)
            dropped = len(extracted) - len(figures)
            dropped = f" ({dropped} dropped as implausible)" if dropped else ""
            result = f"{len(page.blocks)} blocks, {len(figures)} figures{dropped}"
        except UnreadablePage as exc:
            result = f"refused: {exc}"
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{name:26} {time.perf_counter() - started:8.2f} {rss:7.0f} MB  {result}", flush=True)


def read_budget_case(seconds: float = 1.0) -> None:
    """Issue 22 item 1: a page's reading stopped at its CPU bound ([crawl] max_read_seconds, 20 by default,
    scaled down here to `seconds`, since reading is now linear and no page of the cases above takes 20 s)."""
    from crawler.read_budget import read_within
    from extractors.safe_read import read_and_extract_safely

    body = b"<p>12 cam\xc3\xa9ras.</p>" * 200_000
    started = time.process_time()
    reading = read_within(read_and_extract_safely, seconds, body, "text/html")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    name = f"200,000 paras, {seconds:g} s CPU"
    print(f"{name:26} {time.process_time() - started:8.2f} {rss:7.0f} MB  refused: {reading.error}", flush=True)


def crawl_routes(internal_port: int) -> dict[str, tuple[int, dict[str, str], bytes]]:
    """Issue 22's answers a hostile site can give, each a registered page of its own."""
    html = {"Content-Type": "text/html; charset=utf-8"}
    pdf = {"Content-Type": "application/pdf"}
    return {
        "/metadata.html": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),  # 22.2
        "/decimal.html": (302, {"Location": "http://2852039166/latest/meta-data/"}, b""),
        "/mapped.html": (302, {"Location": "http://[::ffff:169.254.169.254]/"}, b""),
        "/private.html": (302, {"Location": "http://10.0.0.1/admin"}, b""),
        "/other-port.html": (302, {"Location": f"http://127.0.0.1:{internal_port}/secret.html"}, b""),
        "/bomb.pdf": (200, pdf, flate_bomb_pdf()),  # 22.3
        "/scan.pdf": (200, pdf, scanned_pdf()),  # 22.4
        "/absurd.html": (200, html, f"<p>La ville compte {'1' * 400} caméras.</p>".encode()),  # 22.5
        "/retry-superscript.html": (429, {**html, "Retry-After": "²"}, b"slow down"),  # 22.16
    }


def crawl_cases(db_path: Path, busy_pages: int = 30, max_wait: float = 10.0) -> None:
    """One crawl of all the cases (and `busy_pages` pages answering Retry-After: 999999999 on another
    host name, with the per-host bound scaled down to `max_wait` s); the outcome of each, and what the
    crawl cost."""
    from storage import open_database
    from storage.sources import Source, add_source
    from tests.http_fixtures import RoutesServer
    from tests.test_hostile_round2 import crawl_with

    internal = RoutesServer({"/secret.html": (200, {}, b"<p>999 cam\xc3\xa9ras</p>")})
    site = RoutesServer(crawl_routes(int(internal.url.rsplit(":", 1)[1])))
    busy = {f"/busy{i}.html": (429, {"Retry-After": "999999999"}, b"slow down") for i in range(busy_pages)}
    site.routes.update(busy)
    db = open_database(db_path)
    for path in site.routes:
        url = site.url + path if not path.startswith("/busy") else site.url.replace("127.0.0.1", "localhost") + path
        add_source(db, Source(url=url, place="Dreux"))
    db.close()
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    result = crawl_with(db_path, VIGICAM_MAX_CRAWL_DELAY=1, VIGICAM_MAX_WAIT_PER_HOST=max_wait)
    after, seconds = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter() - started
    site.close()
    internal.close()
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(f"\ncrawl of {len(site.routes)} hostile pages: {seconds:.1f} s, {cpu:.1f} CPU s, peak RSS "
          f"{after.ru_maxrss / 1024:.0f} MB; {result.stdout.strip() or result.stderr.strip()[-300:]}")
    print(f"connections to the other local service: {len(internal.hits)}; busy pages asked "
          f"{sum(hit.startswith('/busy') for hit in site.hits)} times (3 × {busy_pages} without the bound)")
    db = open_database(db_path)
    rows = db.query("select url, outcome, http_status, error from fetches where url not like '%/busy%' "
                    "or id in (select min(id) from fetches where error like 'ignored%') order by id")
    for row in rows:
        print(f"  {row['url'].rsplit('/', 1)[-1]:24} {row['outcome']:12} {row['error'] or ''}"[:190])
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-crawl", action="store_true", help="Not the crawl's cases.")
    parser.add_argument("--skip-read", action="store_true", help="Not the reader's cases.")
    parser.add_argument("--skip-storage", action="store_true",
                        help="Not the storage and delivery cases (bench/hostile_storage.py).")
    args = parser.parse_args()
    if not args.skip_read:
        read_cases()
        read_budget_case()
    if not args.skip_crawl:
        with tempfile.TemporaryDirectory() as folder:
            crawl_cases(Path(folder) / "hostile.db")
    if not args.skip_storage:
        from bench.hostile_storage import run_all

        run_all()


if __name__ == "__main__":
    main()
