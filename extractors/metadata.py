"""A page's own dates: when it was published and last updated.

Looked for, in order, in meta tags (article:published_time and friends), JSON-LD, <time>, then in
lines such as "Publié le 03/02/2022" or "Mis à jour le 4 mai 2023".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from lxml import etree

from extractors.dates import parse_date_text

PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
    "dcterms.created", "dcterms.issued", "pubdate", "publish-date", "sailthru.date", "parsely-pub-date",
)
UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
PUBLISHED_LINE = re.compile(
    r"\b(?:publi[ée]e?|mis en ligne|post[ée]|date de publication|article publi[ée])\s*(?:le|:)?\s*(.{6,40})",
    re.IGNORECASE,
)
UPDATED_LINE = re.compile(
    r"\b(?:mis à jour|mise à jour|actualis[ée]e?|modifi[ée]e?|derni[èe]re modification)\s*(?:le|:)?\s*(.{6,40})",
    re.IGNORECASE,
)


def _iso(value: str | None) -> str | None:
    return parse_date_text(value) if value else None


def _json_ld_dates(root: etree._Element) -> tuple[str | None, str | None]:
    for script in root.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                published, updated = node.get("datePublished"), node.get("dateModified")
                if isinstance(published, str) or isinstance(updated, str):
                    return _iso(published if isinstance(published, str) else None), _iso(
                        updated if isinstance(updated, str) else None
                    )
                stack.extend(v for v in node.values() if isinstance(v, dict | list))
    return None, None


def find_dates_in_tree(root: etree._Element) -> tuple[str | None, str | None]:
    published = updated = None
    for meta in root.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if not content:
            continue
        if key in PUBLISHED_META and not published:
            published = _iso(content)
        elif key in UPDATED_META and not updated:
            updated = _iso(content)
    if not published or not updated:
        ld_published, ld_updated = _json_ld_dates(root)
        published, updated = published or ld_published, updated or ld_updated
    if not published:
        for time_el in root.iterfind(".//time"):
            published = _iso(time_el.get("datetime") or "".join(time_el.itertext()))
            if published:
                break
    return published, updated


def find_dates_in_lines(lines: Iterable[str]) -> tuple[str | None, str | None]:
    published = updated = None
    for line in lines:
        if len(line) > 300:
            continue
        if not updated and (m := UPDATED_LINE.search(line)):
            updated = _iso(m.group(1))
        if not published and (m := PUBLISHED_LINE.search(line)):
            published = _iso(m.group(1))
        if published and updated:
            break
    return published, updated
