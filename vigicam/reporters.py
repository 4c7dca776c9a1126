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
from typing import TYPE_CHECKING

from storage.queries import CHARTED_KINDS, HEADLINE_SQL, QUALIFIER_WORDS, chart_point, number_sql
from vigicam import __version__
from vigicam.markup import evidence_html, html_attribute, html_text, svg_chart

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


# A notification's event line starts with the event's id ("#16 Dreux: cameras 64 → 71"): delivery is at
# least once (a send cut off after the service took it is sent again), and the id lets a receiver drop a repeat.
NUMBERED = {"numbered": f"'#' || c.id || ' ' || {HEADLINE_SQL}"}


def notification_text(data: ReportData) -> str:
    """The text report, each event numbered by its id in `changes`."""
    return listing(data.rows(("numbered", *LISTED[1:]), NUMBERED), "{headline}, {trailer}", "    {label}: {sentence}")


@reporter("markdown")
def markdown_report(data: ReportData) -> str:
    """Everything from a page is Markdown-escaped: its `<script>`, `[link](javascript:…)` or `![](tracker)`
    stays text, and a place holding a line break cannot start a list item of its own."""
    rows = (tuple(markdown_text(cell) if cell else cell for cell in row) for row in data.rows(LISTED))
    text = listing(rows, "- **{headline}** — {trailer}", "  - {label}: > {sentence}")
    return f"# vigicam: changes of published figures\n\n{text or 'No change.'}\n"


# Markdown's inline syntax (emphasis, code, links, images, raw HTML, strikethrough, tables), escaped by a
# backslash; line breaks become spaces, so a value cannot open a new block (a list item, a heading).
MARKDOWN_ESCAPES = str.maketrans({**{c: f"\\{c}" for c in "\\`*_[]<>~|!#"}, "\n": " ", "\r": " "})


def markdown_text(value: str) -> str:
    return value.translate(MARKDOWN_ESCAPES)


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
    writer.writerows(tuple(csv_cell(cell) for cell in row) for row in data.rows(JSON_KEYS))
    return buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`) gets a
    leading apostrophe, as OWASP advises; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# A value's digits as its sentence may hold them, for the highlight (none for a missing value).
WORDS = {f"{side}_digits": f"case when c.{side}_value is not null then {number_sql(f'c.{side}_value')} end"
         for side in ("old", "new")}
SHOWN = ("headline", "trailer", "old_evidence", "old_digits", "new_evidence", "new_digits")


MAX_CHART_POINTS = 120
HTML_COLUMNS = ("source_id", "place", "metric", "kind", "source_url", "old_value", "new_value", *SHOWN)


@dataclass
class Section:
    """One series (source, place, metric) of the HTML report: its page, its <li> items, and the values
    its events gave it when one of them is a change (which earns it a chart)."""

    url: str
    charted: bool = False
    items: list[str] = field(default_factory=list)
    values: list[float] = field(default_factory=list)


@reporter("html")
def html_report(data: ReportData) -> str:
    """One section per series (source, place, metric), with its chart once and each event below it."""
    series: dict[tuple, Section] = {}
    complete = data.unfiltered  # every event is here: the charts need no other read
    for (source_id, place, metric, kind, url, old_value, new_value,
         head, trail, old, old_digits, new, new_digits) in data.rows(HTML_COLUMNS, WORDS):
        key = (source_id, place, metric, kind.startswith("source_"))
        section = series.get(key) or series.setdefault(key, Section(url))
        if kind == "changed":
            section.charted = True
        section.items.append(f"<li><b>{html_text(head)}</b> <span class='meta'>{html_text(trail)}</span>"
                             f"{evidence_html(old, old_digits, new, new_digits, '<br>', '')}</li>")
        if complete and kind in CHARTED_KINDS:
            chart_point(section.values, old_value, new_value)
    parts = [HTML_HEAD]  # joined once at the end: a report of 100,000 events is tens of MB to copy
    for (source_id, place, metric, _), section in series.items():
        values = section.values if complete else data.values(source_id, place, metric)
        chart = svg_chart(values[-MAX_CHART_POINTS:], number) if section.charted else ""
        title = f"{place or '?'} — {metric or 'source health'} — {section.url}"
        parts += [f"<section><h2>{html_text(title)}</h2>{chart}<ul>", *section.items, "</ul></section>\n"]
    if not series:
        parts.append("<p>No change.</p>\n")
    parts.append("</body></html>\n")
    return "".join(parts)


HTML_HEAD = ("<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>vigicam report</title>"
             "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
             "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}mark{background:#fde68a}"
             ".meta{color:#555;font-size:.9em}section{border-bottom:1px solid #ddd;padding:.5em 0}</style></head>"
             "<body><h1>vigicam: changes of published figures</h1>\n")


ATOM_COLUMNS = ("id", "detected_at", "source_url", *SHOWN)


@reporter("atom")
def atom_report(data: ReportData) -> str:
    """A valid Atom feed, newest first. Each entry's content is escaped HTML in a CDATA section: escaped
    text holds no '>', so it cannot hold the ']]>' that would end the section."""
    entries = []
    add = entries.append
    updated = "1970-01-01T00:00:00Z"  # the feed's: after the loop, its newest event's
    for event_id, updated, url, head, trail, *said in data.rows(ATOM_COLUMNS, WORDS):
        add(f"<entry><id>tag:vigicam,2026:change/{event_id}</id><title>{html_text(head)}</title>"
            f"<updated>{html_text(updated)}</updated><link href=\"{html_attribute(url or '')}\"/>"
            f"<content type=\"html\"><![CDATA[<p>{html_text(trail)}</p>"
            f"{evidence_html(*said, '<p>', '</p>')}]]></content></entry>")
    return "".join([
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<id>tag:vigicam,2026:changes</id><title>vigicam: changes of published figures</title>"
        f"<updated>{html_text(updated)}</updated><author><name>vigicam</name></author>"
        f'<generator version="{__version__}">vigicam</generator>', *reversed(entries), "</feed>\n"])
