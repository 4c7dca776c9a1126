"""A simulated France for bench_national.py: one asyncio process serving N commune sites, each on its own
127.0.0.0/8 address and on the ports its URL names (80, 443 with a self-signed certificate), with a
robots.txt, a sitemap, a home page linking to its video-surveillance pages, some latency and failures.

    python bench/sim_france.py SPEC.json CERT.pem KEY.pem

SPEC.json: [{"host", "address", "home", "ports": [80, 443], "pages": P, "fate": "ok|down|hang|flaky"}, …].
It prints "ready" once every site listens, then answers commands on stdin, a JSON line each: "stats"
(per host: requests, the most in flight at once, the shortest time between two request starts, leaving
out the gaps that start with a connection's first request: its TLS handshake delays its arrival, not the
next one's, so the gap looks shorter at the server than the client made it) and
"reset". A request is in flight from its first line until its answer's headers are written: a client
cannot ask again before its body has come, so two requests at once to one host show as 2.
"""

from __future__ import annotations

import asyncio
import json
import random
import ssl
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_extract import make_page  # noqa: E402

# ~20 kB each, each URL adding its own sentence; the generated menu's links are left out (they lead nowhere
# here): a site is its home page, its sitemap and the pages these list
POOL = [make_page(random.Random(seed)).replace(b" href=", b" data-href=") for seed in range(50)]


class Host:
    def __init__(self, spec: dict) -> None:
        self.spec = spec
        self.rng = random.Random(spec["host"])
        self.in_flight = self.most = self.requests = 0
        self.last_start: float | None = None
        self.last_was_first = False
        self.shortest: float | None = None

    def begin(self, first_on_connection: bool) -> None:
        now = time.monotonic()
        if self.last_start is not None and not self.last_was_first:
            gap = now - self.last_start
            self.shortest = gap if self.shortest is None else min(self.shortest, gap)
        self.last_start, self.last_was_first = now, first_on_connection
        self.requests += 1
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)

    def page_paths(self) -> list[str]:
        return [f"/securite/videoprotection-{n}.html" for n in range(1, self.spec["pages"])]

    def answer(self, path: str) -> tuple[int, str, bytes]:
        spec = self.spec
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow: /prive/\n"
        if path == "/sitemap.xml":
            urls = "".join(f"<url><loc>{spec['base']}{p}</loc></url>" for p in self.page_paths())
            return 200, "application/xml", (f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/'
                                            f'schemas/sitemap/0.9">{urls}</urlset>').encode()
        if spec["fate"] == "flaky" and self.rng.random() < 0.3:
            return 500, "text/plain", b"erreur interne"
        if path != spec["home"] and path not in self.page_paths():
            return 404, "text/plain", b"introuvable"
        links = "".join(f'<a href="{p}">Vid\u00e9oprotection {n}</a>' for n, p in enumerate(self.page_paths(), 1))
        body = POOL[hash((spec["host"], path)) % len(POOL)].replace(
            b"</body>", f"<p>{spec['host']}{path} : {len(path) + 7} cam\u00e9ras.</p>"
                        f"{links if path == spec['home'] else ''}</body>".encode())
        return 200, "text/html; charset=utf-8", body


async def serve(host: Host, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """HTTP/1.1 with keep-alive; a 'hang' host reads the request and answers nothing until the client leaves."""
    try:
        first = True
        while line := await reader.readline():
            while await reader.readline() not in (b"\r\n", b"\n", b""):
                pass  # the headers: nothing in them changes the answer
            host.begin(first)
            first = False
            try:
                if host.spec["fate"] == "hang":
                    await reader.read()  # until the client gives up and closes
                    return
                await asyncio.sleep(host.rng.uniform(0.02, 0.08))
                status, kind, body = host.answer(line.split()[1].decode("latin-1"))
                writer.write(f"HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n"
                             "\r\n".encode())
            finally:
                host.in_flight -= 1
            writer.write(body)
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError, IndexError):
        pass
    finally:
        writer.close()


async def main(spec_file: str, cert: str, key: str) -> None:
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    hosts = [Host(spec) for spec in json.loads(Path(spec_file).read_text())]
    for host in hosts:
        if host.spec["fate"] == "down":
            continue  # nothing listens: connection refused
        for port in host.spec["ports"]:
            await asyncio.start_server(lambda r, w, h=host: serve(h, r, w), host.spec["address"], port,
                                       ssl=tls if port == 443 else None, backlog=64)
    print("ready", flush=True)
    commands = asyncio.StreamReader()
    loop = asyncio.get_running_loop()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(commands), sys.stdin)
    while command := (await commands.readline()).decode().strip():
        if command == "reset":
            for host in hosts:
                host.most = host.requests = 0
                host.last_start = host.shortest = None
        print(json.dumps({h.spec["host"]: [h.requests, h.most, h.shortest, h.spec["fate"]] for h in hosts}),
              flush=True)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
