"""`vigicam report`: the changes of published figures in text, markdown, html, json, atom or csv.

Each format is a small function registered under the name users type; `--format` lists the registry.
A format gets a `ReportData` and reads what it needs of it: the events, a series' points, or JSON. It
yields the report in pieces of about 64 KiB as it reads the events, and `vigicam report` writes each
piece as it comes: a report of 100,000 events never sits whole in memory (html groups its events by
series and atom lists the newest first, so those two hold their entries until the end).
Everything that came from a page is escaped in HTML and Atom (a page may hold `<script>`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import wraps
from typing import TYPE_CHECKING

from storage.queries import CHARTED_KINDS, HEADLINE_SQL, QUALIFIER_WORDS, chart_point, number_sql
from vigicam import __version__
from vigicam.markup import evidence_html, html_attribute, html_text, svg_chart

if TYPE_CHECKING:
    from vigicam.report_data import ReportData

STREAMS: dict[str, Callable[[ReportData], Iterator[str]]] = {}  # a report, piece by piece
REPORTERS: dict[str, Callable[[ReportData], str]] = {}  # the same, whole (tests, notifications)
PIECE_CHARS = 64 * 1024
JSON_KEYS = ("id", "kind", "place", "metric", "old_value", "new_value", "delta", "old_qualifier", "new_qualifier",
             "old_date", "new_date", "source_url", "published", "detected_at", "old_evidence", "new_evidence",
             "detail", "source_id", "run_id")


def reporter(name: str) -> Callable:
    """Registers a format's generator of pieces in STREAMS; the name it is defined under, and REPORTERS,
    give the whole report as one string."""
    def register(func: Callable[[ReportData], Iterator[str]]) -> Callable[[ReportData], str]:
        @wraps(func)
        def whole(data: ReportData) -> str:
            return "".join(func(data))

        STREAMS[name] = func
        REPORTERS[name] = whole
        return whole
    return register


def write_report(fmt: str, data: ReportData, write: Callable[[str], object]) -> None:
    """Write a report piece by piece, as its events are read."""
    for piece in STREAMS[fmt](data):
        write(piece)


def pieces(parts: Iterable[str], size: int = PIECE_CHARS) -> Iterator[str]:
    """Parts joined into pieces of about `size` characters: few writes, and never the whole report."""
    batch: list[str] = []
    length = 0
    for part in parts:
        batch.append(part)
        length += len(part)
        if length >= size:
            yield "".join(batch)
            batch, length = [], 0
    if batch:
        yield "".join(batch)


def number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{int(value)}" if float(value).is_integer() else f"{value:g}"


def stated(value: float | None, qualifier: str | None) -> str:
    """450, at_least → 'plus de 450'."""
    return f"{QUALIFIER_WORDS.get(qualifier or 'exact', '')}{number(value)}"


def listing_lines(rows: Iterable[tuple[str, str, str | None, str | None]], item: str, evidence: str
                  ) -> Iterator[str]:
    """One line per event (headline, trailer) and one per evidence sentence, in the given layouts
    (`item` with {headline} and {trailer}; `evidence` with {label} and {sentence}), each ending in a newline."""
    for head, trail, before, now in rows:
        yield item.format(headline=head, trailer=trail) + "\n"
        if before:
            yield evidence.format(label="before", sentence=before) + "\n"
        if now:
            yield evidence.format(label="now", sentence=now) + "\n"


def listing(rows: Iterable[tuple[str, str, str | None, str | None]], item: str, evidence: str) -> str:
    return "".join(listing_lines(rows, item, evidence)).removesuffix("\n")


def listed(lines: Iterator[str], empty: str) -> Iterator[str]:
    """The lines in pieces, or `empty` when there is none."""
    any_line = False
    for piece in pieces(lines):
        any_line = True
        yield piece
    if not any_line:
        yield empty


LISTED = ("headline", "trailer", "old_evidence", "new_evidence")


@reporter("text")
def text_report(data: ReportData) -> Iterator[str]:
    yield from listed(listing_lines(data.rows(LISTED), "{headline}, {trailer}", "    {label}: {sentence}"),
                      "No change.\n")


# A notification's event line starts with the event's id ("#16 Dreux: cameras 64 → 71"): delivery is at
# least once (a send cut off after the service took it is sent again), and the id lets a receiver drop a repeat.
NUMBERED = {"numbered": f"'#' || c.id || ' ' || {HEADLINE_SQL}"}


def notification_text(data: ReportData) -> str:
    """The text report, each event numbered by its id in `changes`."""
    return listing(data.rows(("numbered", *LISTED[1:]), NUMBERED), "{headline}, {trailer}", "    {label}: {sentence}")


@reporter("markdown")
def markdown_report(data: ReportData) -> Iterator[str]:
    """Everything from a page is Markdown-escaped: its `<script>`, `[link](javascript:…)` or `![](tracker)`
    stays text, and a place holding a line break cannot start a list item of its own."""
    rows = (tuple(markdown_text(cell) if cell else cell for cell in row) for row in data.rows(LISTED))
    yield "# vigicam: changes of published figures\n\n"
    yield from listed(listing_lines(rows, "- **{headline}** — {trailer}", "  - {label}: > {sentence}"),
                      "No change.\n")


# Markdown's inline syntax (emphasis, code, links, images, raw HTML, strikethrough, tables), escaped by a
# backslash; line breaks become spaces, so a value cannot open a new block (a list item, a heading).
MARKDOWN_ESCAPES = str.maketrans({**{c: f"\\{c}" for c in "\\`*_[]<>~|!#"}, "\n": " ", "\r": " "})


def markdown_text(value: str) -> str:
    return value.translate(MARKDOWN_ESCAPES)


@reporter("json")
def json_report(data: ReportData) -> Iterator[str]:
    """A JSON array, one event a line (greppable)."""
    lines = iter(data.json_lines(JSON_KEYS))
    first = next(lines, None)
    if first is None:
        yield "[]\n"
        return
    yield f"[\n{first}"
    yield from pieces(f",\n{line}" for line in lines)
    yield "\n]\n"


@reporter("csv")
def csv_report(data: ReportData) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(JSON_KEYS)
    for row in data.rows(JSON_KEYS):
        writer.writerow(tuple(csv_cell(cell) for cell in row))
        if buffer.tell() >= PIECE_CHARS:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


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
def html_report(data: ReportData) -> Iterator[str]:
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
    yield HTML_HEAD
    for (source_id, place, metric, _), section in series.items():
        values = section.values if complete else data.values(source_id, place, metric)
        chart = svg_chart(values[-MAX_CHART_POINTS:], number) if section.charted else ""
        title = f"{place or '?'} — {metric or 'source health'} — {section.url}"
        yield from pieces([f"<section><h2>{html_text(title)}</h2>{chart}<ul>", *section.items, "</ul></section>\n"])
        section.items.clear()  # written: its memory goes back as the report is written
    if not series:
        yield "<p>No change.</p>\n"
    yield "</body></html>\n"


HTML_HEAD = ("<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>vigicam report</title>"
             "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">"
             "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}mark{background:#fde68a}"
             ".meta{color:#555;font-size:.9em}section{border-bottom:1px solid #ddd;padding:.5em 0}</style></head>"
             "<body><h1>vigicam: changes of published figures</h1>\n")


ATOM_COLUMNS = ("id", "detected_at", "source_url", *SHOWN)


@reporter("atom")
def atom_report(data: ReportData) -> Iterator[str]:
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
    yield ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
           "<id>tag:vigicam,2026:changes</id><title>vigicam: changes of published figures</title>"
           f"<updated>{html_text(updated)}</updated><author><name>vigicam</name></author>"
           f'<generator version="{__version__}">vigicam</generator>')
    yield from pieces(reversed(entries))
    yield "</feed>\n"
