"""The quiet second layer of change detection: `text_changed` events (see storage/paragraphs.py).

A watched paragraph of a page's new version that changed, appeared or went away, and that no figure
event of the same fetch quotes, becomes one `text_changed` event with both paragraphs as its evidence.
It is stored with the other events (append-only) but left out of `vigicam report` unless `--all` asks,
and never notified unless `--notify-text` (or `text = true` in [notify]) asks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from os.path import commonprefix
from typing import Any

from sqlite_utils import Database

from storage.bounds import MAX_SENTENCE_CHARS, bounded_text
from storage.paragraphs import Change, changed_paragraphs, said_in
from storage.vocab import EventKind

FigureEvent = tuple[EventKind, dict | None, dict | None]
DETAILS = {(True, True): "changed", (False, True): "added", (True, False): "removed"}  # the event's `detail`


def document_texts(db: Database, *document_ids: int) -> dict[int, str]:
    marks = ", ".join("?" for _ in document_ids)
    return dict(db.execute(f"select id, text from documents where id in ({marks})", list(document_ids)).fetchall())


def told_by_figures(change: Change, figure_events: list[FigureEvent]) -> bool:
    """Whether a figure event of the fetch quotes this paragraph (its old sentence the old paragraph, or
    its new sentence the new one): the change is told already."""
    old, new = change
    return any(said_in((before or {}).get("sentence") or (before or {}).get("evidence"), old)
               or said_in((after or {}).get("sentence") or (after or {}).get("evidence"), new)
               for _kind, before, after in figure_events)


def shown(paragraph: str | None, other: str | None) -> str | None:
    """A paragraph as stored in an event: within the sentence bound, around where it differs from the other."""
    if paragraph is None or len(paragraph) <= MAX_SENTENCE_CHARS:
        return paragraph
    at = len(commonprefix([paragraph, other or ""]))
    return bounded_text(paragraph, MAX_SENTENCE_CHARS, paragraph[max(0, at - 100):at + 100])


def page_place(registered: bool, source_place: str, figures: list[dict[str, Any]]) -> str | None:
    """Whose paragraph it is: the source's for its registered page; for a page found by following, the
    place most of the page's figures are about (never the source's place: see issue 21 item 2)."""
    if registered:
        return source_place
    places = Counter(f.get("place") for f in figures if f.get("place"))
    return places.most_common(1)[0][0] if places else None


def text_change_rows(db: Database, old_document_id: int, new_document_id: int, figure_events: list[FigureEvent],
                     place: str | None, event: Callable[..., dict[str, Any]]) -> list[dict[str, Any]]:
    """The `text_changed` events between two versions of a page; `event(old, new, detail)` makes a row."""
    if old_document_id == new_document_id:
        return []
    texts = document_texts(db, old_document_id, new_document_id)
    changes, written = changed_paragraphs(texts.get(old_document_id) or "", texts.get(new_document_id) or "")
    rows = []
    for change in changes:
        if told_by_figures(change, figure_events):
            continue
        old, new = (written.get(side) if side else None for side in change)
        rows.append(event(
            {"place": place, "sentence": shown(old, new)} if old else None,
            {"place": place, "sentence": shown(new, old)} if new else None,
            DETAILS[(old is not None, new is not None)]))
    return rows
