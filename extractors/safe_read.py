"""Reading that never escapes: whatever a parser raises on a hostile body becomes a reason, and a page
with no text is unreadable.

pypdf raises its own LimitReachedError on a Flate bomb and OverflowError or RecursionError on crafted
fonts and object trees; lxml and the decoders have their own. Escaping the reader, such a page left no
`fetches` row, no `source_failing`, and a traceback in `vigicam extract`. A scanned or empty PDF reads
as no text at all: stored as the page's new version, it withdrew every figure the source had stated.
"""

from __future__ import annotations

import logging
from typing import Any

from extractors.page import Page, UnreadablePage, read_page
from extractors.reading import Reading, read_and_extract

logger = logging.getLogger(__name__)
NO_TEXT = "no text on the page"
MAX_REASON = 300


def is_pdf(body: bytes, content_type: str | None) -> bool:
    return body.lstrip()[:5] == b"%PDF-" or "pdf" in (content_type or "").lower()


def unreadable(exc: BaseException, body: bytes, content_type: str | None) -> str:
    """'unreadable PDF: LimitReachedError: …', one line a user can read."""
    kind = "PDF" if is_pdf(body, content_type) else "page"
    message = " ".join(str(exc).split()) or "no message"
    return f"unreadable {kind}: {type(exc).__name__}: {message}"[:MAX_REASON]


def no_text(page: Page, body: bytes, content_type: str | None) -> str | None:
    """Why a page is unusable although it parsed: it holds no text (an image-only PDF, an empty page)."""
    if page.text.strip():
        return None
    return f"{NO_TEXT} (scanned or empty PDF)" if is_pdf(body, content_type) else NO_TEXT


def read_page_safely(body: bytes, content_type: str | None = None) -> Page:
    """`read_page`, whose every failure is UnreadablePage with its reason."""
    try:
        page = read_page(body, content_type)
    except UnreadablePage:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser's error on any body: the page is unreadable
        raise UnreadablePage(unreadable(exc, body, content_type)) from exc
    if reason := no_text(page, body, content_type):
        raise UnreadablePage(reason)
    return page


def read_and_extract_safely(body: bytes, content_type: str | None, **hints: Any) -> Reading:
    """`read_and_extract`, whose every failure is a Reading without a page, with its reason: what a
    crawl records as a failed fetch."""
    try:
        reading = read_and_extract(body, content_type, **hints)
    except Exception as exc:  # noqa: BLE001 - see read_page_safely
        logger.warning("unreadable %s: %s", hints.get("source_url") or "page", exc)
        return Reading(page=None, error=unreadable(exc, body, content_type))
    if reading.page is not None and (reason := no_text(reading.page, body, content_type)):
        return Reading(page=None, error=reason)
    return reading
