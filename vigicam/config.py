"""Parsing what users type: durations, source URLs and sources files (TOML)."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from storage.sources import Source
from storage.urls import canonical_url
from storage.vocab import SOURCE_KINDS

DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800}
DURATION_RE = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$")
# What no URL written by a person holds, and what would break out of the TOML, HTML or Markdown it is
# written into: spaces and line breaks (any control character), quotes, angle brackets, backslashes.
URL_FORBIDDEN_RE = re.compile(r'[\x00-\x20\x7f"<>\\`]')

# Defaults of every source; a sources file's [defaults] table merges over them.
SOURCE_DEFAULTS: dict[str, Any] = {"kind": "commune", "every": "1d", "follow": False, "enabled": True}
SOURCE_KEYS = {"url", "place", *SOURCE_DEFAULTS}


class ConfigError(ValueError):
    """A value the user wrote that vigicam cannot accept; the message names it."""


# The settings file (`--config`, `VIGICAM_CONFIG`, default ./vigicam.toml): its tables, and the defaults of
# its [crawl] table, which the crawl's own options override.
SETTINGS_TABLES = ("notify", "crawl")
CRAWL_DEFAULTS: dict[str, Any] = {
    "full_fetch_every": "7d",  # a page asked with its validators is fetched in full at least this often
    "max_read_seconds": 20,  # CPU seconds one page's reading may take (crawler/read_budget.py); 0: no bound
    "max_wait_per_host": "10m",  # the most one host's Retry-After answers may make a crawl wait
}


def parse_duration(text: str) -> int:
    """'30s', '15m', '6h', '1d', '2w' → seconds."""
    match = DURATION_RE.match(str(text))
    if not match or int(match[1]) == 0:
        raise ConfigError(f"invalid duration {text!r}: use a number and s, m, h, d or w, e.g. 6h or 1d")
    return int(match[1]) * DURATION_UNITS[match[2]]


def parse_date(text: str) -> str:
    """'2024-05-02' or an ISO 8601 time ('2024-05-02T10:00:00+02:00') → the same instant as the database
    writes it (a date as it is; a time in UTC, '…Z'), so that comparing the text compares the times.
    '2026-02-30' and '2026-13-45' are refused, not compared as text."""
    text = str(text).strip()
    try:
        if DATE_ONLY_RE.fullmatch(text):
            return dt.date.fromisoformat(text).isoformat()
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(f"invalid date {text!r}: use YYYY-MM-DD, e.g. 2024-05-02") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


DATE_ONLY_RE = re.compile(r"\d{4}-\d\d-\d\d")


def format_duration(seconds: int) -> str:
    for unit, size in sorted(DURATION_UNITS.items(), key=lambda kv: -kv[1]):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def check_url(url: str) -> str:
    """Accept only absolute http(s) URLs with a host: a sources file must never make vigicam read
    local files (file:, data:) or odd schemes."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        raise ConfigError(f"not an http(s) URL: {url!r}")
    if not parts.hostname or URL_FORBIDDEN_RE.search(url.strip()):
        raise ConfigError(f"malformed URL: {url!r}")
    if parts.username is not None or parts.password is not None:
        raise ConfigError(f"a URL with a user name or password is refused (it would be stored and served): "
                          f"{parts.scheme}://…@{parts.hostname}")
    try:
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as exc:
        raise ConfigError(f"malformed URL: {url!r}") from exc
    return canonical_url(url)  # HTTPS://Example.ORG/Y#top is https://example.org/Y


def check_kind(kind: str) -> str:
    if kind not in SOURCE_KINDS:
        raise ConfigError(f"unknown kind {kind!r}: choose one of {', '.join(SOURCE_KINDS)}")
    return kind


def check_place(place: str) -> str:
    """A place name as the user wrote it, trimmed; empty or holding a line break (which would break
    `sources export` and every report that lists it) is refused."""
    if not place.strip():
        raise ConfigError("the place is empty: give the commune, intercommunalité, département or région, "
                          "e.g. --place Chartres")
    if CONTROL_RE.search(place):
        raise ConfigError(f"the place {place!r} holds a line break or a control character")
    return place.strip()


CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def check_flag(entry: dict[str, Any], key: str) -> bool:
    """TOML's true or false, nothing else: `enabled = "no"` is a non-empty string, true to Python."""
    value = entry[key]
    if not isinstance(value, bool):
        raise ConfigError(f"{key!r} must be true or false, not {value!r} (source {entry.get('url', '?')!r})")
    return value


def source_from_mapping(entry: Any, defaults: dict[str, Any]) -> Source:
    if not isinstance(entry, dict):
        raise ConfigError(f"each [[sources]] entry must be a table with url and place, not {entry!r}")
    unknown = set(entry) - SOURCE_KEYS
    if unknown:
        raise ConfigError(f"unknown key {sorted(unknown)[0]!r} in source {entry.get('url', '?')!r}")
    merged = {**defaults, **entry}
    for key in ("url", "place", "kind", "every"):
        if not isinstance(merged.get(key), str) or not merged[key].strip():
            raise ConfigError(f"a source needs a {key!r} (text): {entry}")
    return Source(
        url=check_url(merged["url"]),
        place=check_place(merged["place"]),
        kind=check_kind(merged["kind"]),
        every=parse_duration(merged["every"]),
        follow=check_flag(merged, "follow"),
        enabled=check_flag(merged, "enabled"),
    )


def parse_sources_toml(text: str) -> list[Source]:
    """A sources file: an optional [defaults] table and [[sources]] entries."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}") from exc
    unknown = set(data) - {"defaults", "sources"}
    if unknown:
        raise ConfigError(f"unknown key {sorted(unknown)[0]!r} at the top of the sources file")
    defaults, entries = data.get("defaults", {}), data.get("sources", [])
    if not isinstance(defaults, dict):
        raise ConfigError(f"'defaults' must be a table ([defaults]), not {defaults!r}")
    if not isinstance(entries, list):
        raise ConfigError(f"'sources' must be a list of [[sources]] tables, not {entries!r}")
    bad = set(defaults) - set(SOURCE_DEFAULTS)
    if bad:
        raise ConfigError(f"unknown key {sorted(bad)[0]!r} in [defaults]")
    merged_defaults = {**SOURCE_DEFAULTS, **defaults}
    return [source_from_mapping(entry, merged_defaults) for entry in entries]


def load_sources_file(path: Path) -> list[Source]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    return parse_sources_toml(text)


def default_sources() -> list[Source]:
    """The real pages this project started from, shipped inside the package."""
    text = resources.files("vigicam").joinpath("default_sources.toml").read_text(encoding="utf-8")
    return parse_sources_toml(text)


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def sources_to_toml(sources: list[Source]) -> str:
    """The inverse of parse_sources_toml, so `export` output can be imported again."""
    lines = ["# vigicam sources", ""]
    for source in sources:
        lines += [
            "[[sources]]",
            f"url = {_toml_string(source.url)}",
            f"place = {_toml_string(source.place)}",
            f"kind = {_toml_string(source.kind)}",
            f"every = {_toml_string(format_duration(source.every))}",
            f"follow = {'true' if source.follow else 'false'}",
            f"enabled = {'true' if source.enabled else 'false'}",
            "",
        ]
    return "\n".join(lines)


def read_settings_file(path: Path | None) -> dict[str, Any]:
    """The settings file's tables ({} when there is none); a table vigicam does not know is an error."""
    if path is None or not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    if unknown := set(data) - set(SETTINGS_TABLES):
        raise ConfigError(f"unknown key {sorted(unknown)[0]!r} in {path}")
    return data


def crawl_settings_file(path: Path | None) -> dict[str, int]:
    """The [crawl] table merged over CRAWL_DEFAULTS, durations in seconds: {'full_fetch_every': 604800}."""
    table = read_settings_file(path).get("crawl", {})
    if not isinstance(table, dict):
        raise ConfigError(f"'crawl' must be a table ([crawl]) in {path}")
    if unknown := set(table) - set(CRAWL_DEFAULTS):
        raise ConfigError(f"unknown key {sorted(unknown)[0]!r} in [crawl] of {path}")
    merged = {**CRAWL_DEFAULTS, **table}
    if not isinstance(merged["full_fetch_every"], str):
        raise ConfigError(f"full_fetch_every must be a duration in quotes, e.g. \"7d\" (in {path})")
    return {"full_fetch_every": parse_duration(merged["full_fetch_every"])}


def crawl_limits(path: Path | None) -> dict[str, float]:
    """The [crawl] table's bounds as the crawl's settings: max_read_seconds (CPU seconds one page's reading
    may take, 0: no bound) and max_wait_per_host (the most one host's Retry-After answers may make a crawl
    wait, a duration)."""
    table = read_settings_file(path).get("crawl", {})
    table = {**CRAWL_DEFAULTS, **(table if isinstance(table, dict) else {})}
    seconds = table["max_read_seconds"]
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not 0 <= seconds < 1e9:
        raise ConfigError(f"max_read_seconds must be a number of seconds, e.g. 20 (0: no bound), not {seconds!r} "
                          f"(in [crawl] of {path})")
    if not isinstance(table["max_wait_per_host"], str):
        raise ConfigError(f"max_wait_per_host must be a duration in quotes, e.g. \"10m\" (in {path})")
    return {"VIGICAM_MAX_READ_SECONDS": float(seconds),
            "VIGICAM_MAX_WAIT_PER_HOST": float(parse_duration(table["max_wait_per_host"]))}
