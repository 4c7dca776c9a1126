"""`vigicam report`: the changes of published figures in text, markdown, html, json, atom or csv.

Each format is a small function registered under the name users type; `--format` lists the registry.
A format gets a `ReportData` and reads what it needs of it: the events, a series' points, or JSON.
Everything that came from a page is escaped in HTML and Atom (a page may hold `<script>`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape

from vigicam import __version__

if TYPE_CHECKING:
    from vigicam.report_data import ReportData

REPORTERS: dict[str, Callable[[ReportData], str]] = {}
QUALIFIER_WORDS = {"approx": "près de ", "at_least": "plus de ", "at_most": "jusqu'à ", "exact": ""}
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


def headline(e: dict[str, Any]) -> str:
    kind, place, metric = e["kind"], e["place"] or "?", e["metric"]
    if kind == "changed":
        delta = f" ({'+' if e['delta'] > 0 else ''}{number(e['delta'])})" if e["delta"] else ""
        return (f"{place}: {metric} {stated(e['old_value'], e['old_qualifier'])} → "
                f"{stated(e['new_value'], e['new_qualifier'])}{delta}")
    if kind == "new":
        return f"{place}: {metric} {stated(e['new_value'], e['new_qualifier'])} (new)"
    if kind == "withdrawn":
        return f"{place}: {metric} {stated(e['old_value'], e['old_qualifier'])} no longer stated"
    if kind == "source_failing":
        return f"{place}: source failing ({e.get('detail') or 'error'})"
    return f"{place}: source recovered"


def trailer(e: dict[str, Any]) -> str:
    parts = [f"page {e['source_url']}"]
    if e.get("published"):
        parts.append(f"published {e['published']}")
    parts.append(f"detected {e['detected_at']}")
    return ", ".join(parts)


def listing(events: list[dict[str, Any]], item: str, evidence: str) -> list[str]:
    """One line per event and one per evidence sentence, in the given layouts."""
    lines = []
    for e in events:
        lines.append(item.format(headline=headline(e), trailer=trailer(e)))
        for label, key in (("before", "old_evidence"), ("now", "new_evidence")):
            if e.get(key):
                lines.append(evidence.format(label=label, sentence=e[key]))
    return lines


@reporter("text")
def text_report(data: ReportData) -> str:
    events = data.events
    if not events:
        return "No change.\n"
    return "\n".join(listing(events, "{headline}, {trailer}", "    {label}: {sentence}")) + "\n"


@reporter("markdown")
def markdown_report(data: ReportData) -> str:
    events = data.events
    lines = ["# vigicam: changes of published figures", ""]
    if not events:
        return "\n".join(lines + ["No change.", ""])
    return "\n".join(lines + listing(events, "- **{headline}** — {trailer}", "  - {label}: > {sentence}")) + "\n"


@reporter("json")
def json_report(data: ReportData) -> str:
    lines = data.json_lines(JSON_KEYS)
    if not lines:
        return "[]\n"
    return "[\n" + ",\n".join(lines) + "\n]\n"  # a JSON array, one event a line (greppable)


@reporter("csv")
def csv_report(data: ReportData) -> str:
    events = data.events
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, JSON_KEYS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(events)
    return buffer.getvalue()


def highlight(sentence: str | None, value: float | None) -> str:
    """The evidence sentence, escaped, with the figure's digits in <mark>."""
    if not sentence:
        return ""
    safe = escape(sentence)
    if value is None:
        return safe
    digits = number(value)
    spaced = f"{digits[:-3]} {digits[-3:]}" if len(digits) > 3 else digits
    for form in (digits, spaced, spaced.replace(" ", "\u00a0")):
        if form in safe:
            return safe.replace(form, f"<mark>{form}</mark>", 1)
    return safe


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


@reporter("html")
def html_report(data: ReportData) -> str:
    """One section per series (source, place, metric), with its chart once and each event below it."""
    events = data.events
    series: dict[tuple, list[dict[str, Any]]] = {}
    for e in events:
        series.setdefault((e["source_id"], e["place"], e["metric"], e["kind"].startswith("source_")), []).append(e)
    sections = []
    for group in series.values():
        chart = ""
        if any(e["kind"] == "changed" for e in group):
            chart = svg_chart(data.points(group[-1])[-MAX_CHART_POINTS:])
        items = "".join(
            f"<li><b>{escape(headline(e))}</b> <span class='meta'>{escape(trailer(e))}</span>"
            + (f"<br>Before: {highlight(e.get('old_evidence'), e.get('old_value'))}" if e.get("old_evidence") else "")
            + (f"<br>Now: {highlight(e.get('new_evidence'), e.get('new_value'))}" if e.get("new_evidence") else "")
            + "</li>" for e in group)
        first = group[0]
        title = f"{first['place'] or '?'} — {first['metric'] or 'source health'} — {first['source_url']}"
        sections.append(f"<section><h2>{escape(title)}</h2>{chart}<ul>{items}</ul></section>")
    body = "\n".join(sections) or "<p>No change.</p>"
    return ("<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>vigicam report</title>"
            "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}mark{background:#fde68a}"
            ".meta{color:#555;font-size:.9em}section{border-bottom:1px solid #ddd;padding:.5em 0}</style></head>"
            f"<body><h1>vigicam: changes of published figures</h1>\n{body}\n</body></html>\n")


@reporter("atom")
def atom_report(data: ReportData) -> str:
    events = data.events
    updated = events[-1]["detected_at"] if events else "1970-01-01T00:00:00Z"
    entries = []
    for e in reversed(events):
        content = (
            f"<p>{escape(trailer(e))}</p>"
            + (f"<p>Before: {highlight(e.get('old_evidence'), e.get('old_value'))}</p>"
               if e.get("old_evidence") else "")
            + (f"<p>Now: {highlight(e.get('new_evidence'), e.get('new_value'))}</p>" if e.get("new_evidence") else ""))
        entries.append(
            "<entry>"
            f"<id>tag:vigicam,2026:change/{e['id']}</id>"
            f"<title>{xml_escape(headline(e))}</title>"
            f"<updated>{xml_escape(e['detected_at'])}</updated>"
            f"<link href=\"{xml_escape(e['source_url'] or '', {chr(34): '&quot;'})}\"/>"
            f"<content type=\"html\">{xml_escape(content)}</content>"
            "</entry>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            "<id>tag:vigicam,2026:changes</id><title>vigicam: changes of published figures</title>"
            f"<updated>{xml_escape(updated)}</updated><author><name>vigicam</name></author>"
            f'<generator version="{__version__}">vigicam</generator>' + "".join(entries) + "</feed>\n")
