"""`vigicam report`: the changes of published figures in text, markdown, html, json, atom or csv.

Each format is a small function registered under the name users type; `--format` lists the registry.
A format gets a `ReportData` and reads what it needs of it: the events, a series' points, or JSON.
Everything that came from a page is escaped in HTML and Atom (a page may hold `<script>`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storage.queries import QUALIFIER_WORDS
from vigicam import __version__

if TYPE_CHECKING:
    from vigicam.report_data import ReportData

REPORTERS: dict[str, Callable[[ReportData], str]] = {}
JSON_KEYS = ("id", "kind", "place", "metric", "old_value", "new_value", "delta", "old_qualifier", "new_qualifier",
             "old_date", "new_date", "source_url", "published", "detected_at", "old_evidence", "new_evidence",
             "detail", "source_id", "run_id")


def reporter(name: str) -> Callable:
    def register(func: Callable) -> Callable:
        REPORTERS[name] = func
        return func
    return register


def number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{int(value)}" if float(value).is_integer() else f"{value:g}"


def stated(value: float | None, qualifier: str | None) -> str:
    """450, at_least → 'plus de 450'."""
    return f"{QUALIFIER_WORDS.get(qualifier or 'exact', '')}{number(value)}"


def listing(rows: Iterable[tuple[str, str, str | None, str | None]], item: str, evidence: str) -> str:
    """One line per event (headline, trailer) and one per evidence sentence, in the given layouts
    (`item` with {headline} and {trailer}; `evidence` with {label} and {sentence})."""
    lines = []
    add = lines.append
    for head, trail, before, now in rows:
        add(item.format(headline=head, trailer=trail))
        if before:
            add(evidence.format(label="before", sentence=before))
        if now:
            add(evidence.format(label="now", sentence=now))
    return "\n".join(lines)


LISTED = ("headline", "trailer", "old_evidence", "new_evidence")


@reporter("text")
def text_report(data: ReportData) -> str:
    text = listing(data.rows(LISTED), "{headline}, {trailer}", "    {label}: {sentence}")
    return f"{text}\n" if text else "No change.\n"


@reporter("markdown")
def markdown_report(data: ReportData) -> str:
    text = listing(data.rows(LISTED), "- **{headline}** — {trailer}", "  - {label}: > {sentence}")
    return f"# vigicam: changes of published figures\n\n{text or 'No change.'}\n"


@reporter("json")
def json_report(data: ReportData) -> str:
    lines = data.json_lines(JSON_KEYS)
    if not lines:
        return "[]\n"
    return "[\n" + ",\n".join(lines) + "\n]\n"  # a JSON array, one event a line (greppable)


@reporter("csv")
def csv_report(data: ReportData) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(JSON_KEYS)
    writer.writerows(data.rows(JSON_KEYS))  # tuples from SQLite's cursor, written by the C writer
    return buffer.getvalue()


def html_text(value: str) -> str:
    """Escaped for an element's content (an attribute also needs its quote: see `html_attribute`)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_attribute(value: str) -> str:
    return html_text(value).replace('"', "&quot;")


def highlight(sentence: str | None, value: float | None) -> str:
    """The evidence sentence, escaped, with the figure's digits in <mark>."""
    if not sentence:
        return ""
    safe = html_text(sentence)
    if value is None:
        return safe
    digits = number(value)
    spaced = f"{digits[:-3]} {digits[-3:]}" if len(digits) > 3 else digits
    for form in (digits, spaced, spaced.replace(" ", "\u00a0")):
        if form in safe:
            return safe.replace(form, f"<mark>{form}</mark>", 1)
    return safe


def evidence_html(old: str | None, old_value: float | None, new: str | None, new_value: float | None,
                  before: str, after: str) -> str:
    """The old and new evidence sentences, highlighted, each between `before` and `after`."""
    said = f"{before}Before: {highlight(old, old_value)}{after}" if old else ""
    return f"{said}{before}Now: {highlight(new, new_value)}{after}" if new else said


def svg_chart(points: list[dict[str, Any]], width: int = 320, height: int = 90) -> str:
    """A small line chart of a series' values over time, inline SVG (no script, no external file)."""
    values = [p["value"] for p in points if p["value"] is not None]
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1
    step = (width - 20) / (len(values) - 1)
    coords = [(10 + i * step, height - 15 - (v - low) / span * (height - 30)) for i, v in enumerate(values)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3"><title>{number(v)}</title></circle>'
                   for (x, y), v in zip(coords, values, strict=True))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
            f'aria-label="series over time"><polyline fill="none" stroke="#2563eb" stroke-width="2" points="{path}"/>'
            f'{dots}<text x="10" y="{height - 2}" font-size="10">{number(low)}</text>'
            f'<text x="10" y="10" font-size="10">{number(high)}</text></svg>')


MAX_CHART_POINTS = 120


SHOWN = ("headline", "trailer", "old_evidence", "old_value", "new_evidence", "new_value")
HTML_COLUMNS = ("source_id", "place", "metric", "kind", "source_url", *SHOWN)


@dataclass
class Section:
    """One series (source, place, metric) of the HTML report: its page, whether a value changed (which
    earns it a chart) and its events' shown columns."""

    url: str
    charted: bool = False
    events: list[list[Any]] = field(default_factory=list)


@reporter("html")
def html_report(data: ReportData) -> str:
    """One section per series (source, place, metric), with its chart once and each event below it."""
    series: dict[tuple, Section] = {}
    for source_id, place, metric, kind, url, *shown in data.rows(HTML_COLUMNS):
        key = (source_id, place, metric, kind.startswith("source_"))
        section = series.get(key) or series.setdefault(key, Section(url))
        section.charted = section.charted or kind == "changed"
        section.events.append(shown)
    sections = []
    for (source_id, place, metric, _), section in series.items():
        points = data.points(source_id, place, metric) if section.charted else []
        items = "".join(f"<li><b>{html_text(head)}</b> <span class='meta'>{html_text(trail)}</span>"
                        f"{evidence_html(*said, '<br>', '')}</li>" for head, trail, *said in section.events)
        title = f"{place or '?'} — {metric or 'source health'} — {section.url}"
        sections.append(f"<section><h2>{html_text(title)}</h2>{svg_chart(points[-MAX_CHART_POINTS:])}"
                        f"<ul>{items}</ul></section>")
    body = "\n".join(sections) or "<p>No change.</p>"
    return ("<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>vigicam report</title>"
            "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}mark{background:#fde68a}"
            ".meta{color:#555;font-size:.9em}section{border-bottom:1px solid #ddd;padding:.5em 0}</style></head>"
            f"<body><h1>vigicam: changes of published figures</h1>\n{body}\n</body></html>\n")


ATOM_COLUMNS = ("id", "detected_at", "source_url", *SHOWN)


@reporter("atom")
def atom_report(data: ReportData) -> str:
    """A valid Atom feed, newest first. Each entry's content is escaped HTML in a CDATA section: escaped
    text holds no '>', so it cannot hold the ']]>' that would end the section."""
    entries = []
    updated = "1970-01-01T00:00:00Z"  # the feed's: after the loop, its newest event's
    for event_id, updated, url, head, trail, *said in data.rows(ATOM_COLUMNS):
        content = f"<p>{html_text(trail)}</p>{evidence_html(*said, '<p>', '</p>')}"
        entries.append(
            f"<entry><id>tag:vigicam,2026:change/{event_id}</id><title>{html_text(head)}</title>"
            f"<updated>{html_text(updated)}</updated><link href=\"{html_attribute(url or '')}\"/>"
            f"<content type=\"html\"><![CDATA[{content}]]></content></entry>")
    entries.reverse()
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            "<id>tag:vigicam,2026:changes</id><title>vigicam: changes of published figures</title>"
            f"<updated>{html_text(updated)}</updated><author><name>vigicam</name></author>"
            f'<generator version="{__version__}">vigicam</generator>' + "".join(entries) + "</feed>\n")
