"""Only a robots.txt's first 500 KiB are read, as Google does (issue 22, item 14: a 9.5 MB robots.txt
took a crawl to 702 MB)."""

from __future__ import annotations

from scrapy.utils.misc import load_object

from crawler import settings as vigicam_settings
from crawler.robots import ROBOTSTXT_MAX_BYTES, robots_head


def robots(size: int) -> bytes:
    lines = [b"User-agent: *\n"]
    length, i = 14, 0
    while length < size:
        line = b"Disallow: /private/%d/\n" % i
        lines.append(line)
        length += len(line)
        i += 1
    return b"".join(lines) + b"Disallow: /late/\n"


def test_rules_past_500_kib_are_ignored_as_google_does():
    body = robots(2 * 1024 * 1024)
    parser = load_object(vigicam_settings.ROBOTSTXT_PARSER).from_crawler(None, body)  # the crawl's parser
    agent = vigicam_settings.USER_AGENT
    assert not parser.allowed("https://ville.example/private/1/", agent)
    assert not parser.allowed("https://ville.example/private/20000/", agent)  # within the first 500 KiB
    assert parser.allowed("https://ville.example/late/", agent)  # past them: not read


def test_the_cut_falls_on_a_line_break():
    head = robots_head(robots(ROBOTSTXT_MAX_BYTES * 2))
    assert len(head) <= ROBOTSTXT_MAX_BYTES and head.endswith(b"/\n")
    assert robots_head(b"User-agent: *\nDisallow: /x\n") == b"User-agent: *\nDisallow: /x\n"
