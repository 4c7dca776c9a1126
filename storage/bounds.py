"""Bounds on what a page's text can make vigicam store again and again: a figure's sentence and evidence.

A page may hold a "sentence" of megabytes (a list without full stops, a table flattened to one line);
stored whole in each figure, then in each event that quotes it, it would grow the database by several
times its size at every change. What is kept is the evidence and the words around it, enough to read
the figure in context.
"""

from __future__ import annotations

from typing import Any

MAX_SENTENCE_CHARS = 2000  # a real sentence stating a figure is under 600 characters (the corpus' longest)
MAX_EVIDENCE_CHARS = 500
CUT = "…"


def bounded_text(text: str | None, limit: int, keep: str | None = None) -> str | None:
    """`text` if it is within `limit` characters; else the `limit` characters centred on `keep` (or its
    start), with '…' where it was cut."""
    if text is None or len(text) <= limit:
        return text
    at = text.find(keep[:200]) if keep else -1
    centre = at + min(len(keep or ""), limit) // 2 if at >= 0 else 0
    start = max(0, min(centre - limit // 2, len(text) - limit))
    end = start + limit
    return f"{CUT if start else ''}{text[start:end]}{CUT if end < len(text) else ''}"


def bounded_figure(row: dict[str, Any]) -> dict[str, Any]:
    """A figure's row with its sentence and evidence within their bounds (the sentence kept around its
    evidence)."""
    sentence, evidence = row.get("sentence"), row.get("evidence")
    if (sentence is None or len(sentence) <= MAX_SENTENCE_CHARS) and (
            evidence is None or len(evidence) <= MAX_EVIDENCE_CHARS):
        return row
    return {**row, "sentence": bounded_text(sentence, MAX_SENTENCE_CHARS, evidence),
            "evidence": bounded_text(evidence, MAX_EVIDENCE_CHARS)}
