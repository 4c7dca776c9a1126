"""One fetched body → its page and figures, in one call that a worker process can run.

A crawl hands whole bodies to this function so that parsing and extraction, most of a page's cost,
run beside the downloader instead of in its way. Everything in and out is picklable.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from extractors.figure import Figure
from extractors.page import Page, UnreadablePage, read_page
from extractors.pipeline import extract_figures

logger = logging.getLogger(__name__)


@dataclass
class Reading:
    """What a body gave: its page (or why it has none) and its figures, unless its text was known."""

    page: Page | None
    content_hash: str | None = None
    figures: list[Figure] | None = None  # None: not extracted (the text was the known one)
    error: str | None = None


def read_and_extract(body: bytes, content_type: str | None, *, known_hash: str | None = None,
                     place_hint: str | None = None, place_kind: str | None = None,
                     source_url: str | None = None) -> Reading:
    """Read the body; extract its figures only when its text differs from `known_hash`, the text of
    the page's last version, so an unchanged page costs a parse and no extraction."""
    try:
        page = read_page(body, content_type)
    except UnreadablePage as exc:
        return Reading(page=None, error=str(exc))
    content_hash = page.content_hash
    if content_hash == known_hash:
        return Reading(page=page, content_hash=content_hash)
    try:
        figures = figures_of_page(page, place_hint=place_hint, place_kind=place_kind, source_url=source_url)
    except ExtractionFailed as exc:
        return Reading(page=None, error=str(exc))
    return Reading(page=page, content_hash=content_hash, figures=figures)


class ExtractionFailed(Exception):
    """An extractor raised on a page: the fetch is recorded as failed with the reason. Read as a page
    without figures, it would withdraw every figure the page had stated."""


def figures_of_page(page: Page, **hints: Any) -> list[Figure]:
    try:
        return extract_figures(page, **hints)
    except Exception as exc:  # noqa: BLE001 - any extractor bug: the page fails, the crawl goes on
        logger.exception("the extractors failed on %s", hints.get("source_url") or "a page")
        raise ExtractionFailed(f"extraction failed: {type(exc).__name__}: {exc}") from exc


def warm_up() -> None:
    """Load the gazetteer and the date parser's data before the first page, in each worker."""
    extract_figures(read_page(b"<p>La commune compte 12 cam\xc3\xa9ras depuis mars 2020.</p>", "text/html"))
