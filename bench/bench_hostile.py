"""Hostile pages through the reader and the extractors: time and peak memory of each, in this process.

    python bench/bench_hostile.py

The crawl-level versions (each served by a local server, each recorded as a fetch) are in
tests/test_hostile_crawl.py; this prints the bounds at full size, including the 50 MB page that the
crawl's 10 MB download limit would refuse before it reached the reader.
"""

from __future__ import annotations

import gzip
import resource
import time

from extractors import extract_figures
from extractors.page import UnreadablePage, read_page

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
    }


def main() -> None:
    print(f"{'input':26} {'seconds':>8} {'peak RSS':>9}  result")
    for name, (body, content_type) in cases().items():
        started = time.perf_counter()
        try:
            page = read_page(body, content_type)
            figures = extract_figures(page, place_hint="Dreux", place_kind="commune")
            result = f"{len(page.blocks)} blocks, {len(figures)} figures"
        except UnreadablePage as exc:
            result = f"refused: {exc}"
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{name:26} {time.perf_counter() - started:8.2f} {rss:7.0f} MB  {result}", flush=True)


if __name__ == "__main__":
    main()
