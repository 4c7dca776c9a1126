"""A simulated France (issue 23 item 5): N communes' official sites from the gazetteer, registered as
`sources discover` registers them (followed, their real https://www.… addresses), served on 127.0.0.0/8
(one address per site, bench/sim_france.py) and reached by their real host names through the crawl's
resolve override (VIGICAM_RESOLVE, as curl's --resolve). Each site: robots.txt, sitemap.xml, a home page
linking to P-1 video-surveillance pages of ~20 kB, 20-80 ms a request; one site in 50 is down
(connection refused), one in 100 never answers, one in 20 answers 500 to 30 % of its page requests.

The same sites are crawled twice in one run, each time on a fresh database: with today's defaults before
issue 23 (8 requests at once, no host given up after its timeouts) and with the global limit scaled to the
hosts (VIGICAM_MAX_CONCURRENT_REQUESTS) and timing-out hosts given up. Both keep the default politeness:
one request at a time per host, a 1 s delay adapted by AutoThrottle, robots.txt. The servers' counters
say whether any host ever had two requests in flight, and the shortest time between two of its requests.

    python bench/bench_national.py [--sites 200] [--pages 10] [--timeout 5]   (needs root: ports 80 and 443)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

CRAWL = """
import json, resource, sys
from pathlib import Path
from vigicam.crawl import run_crawl
summary = run_crawl(Path(sys.argv[1]), timeout=float(sys.argv[3]), extra_settings=json.loads(sys.argv[2]))
own, readers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": summary.seconds, "pages": summary.pages, "outcomes": summary.outcomes,
                  "cpu": own.ru_utime + own.ru_stime + readers.ru_utime + readers.ru_stime,
                  "rss_mb": own.ru_maxrss / 1024}))
"""
MODES = {"today's defaults": {"VIGICAM_MAX_CONCURRENT_REQUESTS": 0, "VIGICAM_HOST_TIMEOUTS": 0},
         "scaled to the hosts": {}}


def discovered(db_path: Path, sites: int) -> list[str]:
    """The N most populous communes' sites, registered by discovery's own plan (what `sources discover
    --all` would add first), on a fresh database."""
    from extractors.places import display_name
    from storage import open_database
    from storage.followed import insert_sources
    from storage.sources import Source
    from vigicam.discovery import Selection, communes_of, plan

    db = open_database(db_path)
    scope, places = communes_of(Selection(every_place=True))
    added = [o for o in plan(db, places, scope).outcomes if o.action == "added"][:sites]
    with db.atomic():
        insert_sources(db, [Source(url=o.url, place=display_name(o.place), place_code=o.place.code,
                                   kind="commune", every=7 * 86_400, follow=True) for o in added])
    db.close()
    return [o.url for o in added]


def site_specs(urls: list[str], pages: int) -> list[dict]:
    """One address per site (127.1.x.y: the tests use 127.0.0.x), the ports its URL needs, its fate."""
    specs = []
    for i, url in enumerate(urls):
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        fate = "down" if i % 50 == 49 else "hang" if i % 100 == 73 else "flaky" if i % 20 == 7 else "ok"
        specs.append({"host": parts.hostname, "address": f"127.1.{i // 250}.{i % 250 + 1}", "ports": [port],
                      "base": f"{parts.scheme}://{parts.netloc}", "home": parts.path or "/", "pages": pages,
                      "fate": fate})
    return specs


def certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=simulated-france", "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def ask(server: subprocess.Popen, command: str) -> dict:
    server.stdin.write(command + "\n")
    server.stdin.flush()
    return json.loads(server.stdout.readline())


def politeness(stats: dict) -> str:
    asked = {host: row for host, row in stats.items() if row[0]}
    doubled = sorted(host for host, row in asked.items() if row[1] > 1)
    gaps = sorted(row[2] for row in asked.values() if row[2] is not None and row[3] != "hang")
    named = f": {', '.join(doubled[:5])}" if doubled else ""
    requests, most = sum(row[0] for row in asked.values()), max(row[1] for row in asked.values())
    return (f"{requests} requests to {len(asked)} hosts; most in flight to one host: {most} ({len(doubled)} hosts "
            f"with 2 or more{named}); shortest time between two requests to one host (after a connection's "
            f"first): {gaps[0]:.2f} s, median host's shortest {gaps[len(gaps) // 2]:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description="A simulated France: today's defaults against the scaled crawl.")
    for option, default in (("--sites", 200), ("--pages", 10)):
        parser.add_argument(option, type=int, default=default)
    parser.add_argument("--timeout", type=float, default=5.0, help="the crawls' --timeout (default 30 s)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vigicam-bench-national-"))
    urls = discovered(work / "template.db", args.sites)
    specs = site_specs(urls, args.pages)
    (work / "sites.json").write_text(json.dumps(specs))
    resolve = [f"{s['host']}:{port}:{s['address']}" for s in specs for port in s["ports"]]
    fates = {fate: sum(1 for s in specs if s["fate"] == fate) for fate in ("ok", "flaky", "down", "hang")}
    print(f"{len(specs)} sites ({', '.join(f'{n} {fate}' for fate, n in fates.items())}), {args.pages} pages each, "
          f"e.g. {urls[0]} on {specs[0]['address']}; timeout {args.timeout:g} s")
    server = subprocess.Popen([sys.executable, str(Path(__file__).parent / "sim_france.py"), str(work / "sites.json"),
                               *map(str, certificate(work))], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout.readline().strip() == "ready"
        rates = []
        for n, (mode, settings) in enumerate(MODES.items()):
            db_path = work / f"crawl-{n}.db"
            db_path.write_bytes((work / "template.db").read_bytes())
            ask(server, "reset")
            started = time.monotonic()
            done = subprocess.run([sys.executable, "-c", CRAWL, str(db_path),
                                   json.dumps({**settings, "VIGICAM_RESOLVE": resolve, "VIGICAM_PROGRESS": False}),
                                   str(args.timeout)], capture_output=True, text=True, check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            rates.append(result["pages"] / result["seconds"])
            print(f"{mode + ':':21}{rates[-1]:6.1f} pages/s ({result['pages']} fetches in {result['seconds']:.1f} s, "
                  f"{time.monotonic() - started:.1f} s with start-up; {result['cpu']:.0f} s of CPU with the page "
                  f"readers; peak RSS {result['rss_mb']:.0f} MB), "
                  f"outcomes {result['outcomes']}")
            print(f"{'':21}{politeness(ask(server, 'stats'))}")
        print(f"ratio: {rates[1] / rates[0]:.1f}x")
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
