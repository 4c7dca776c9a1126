"""Notifications through Apprise (e-mail, Matrix, ntfy, Slack, webhooks…): one message per crawl.

The URLs live in a TOML configuration file (`--config`, `VIGICAM_CONFIG`, default `./vigicam.toml`):

    [notify]
    urls = ["mailto://user:pass@example.org", "ntfy://ntfy.sh/my-topic"]
    failure_urls = ["json://127.0.0.1:8080/hook"]   # optional: source failures go here instead

Events are marked sent only after Apprise reports success, so a process killed mid-send sends them
again next time rather than never: delivery is at least once, and each event's line starts with its id
in `changes` ("#16 Dreux: cameras 64 → 71 (+7), …") so that a receiver can drop a repeat.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from storage.notifications import mark_sent, unsent
from vigicam.config import ConfigError, read_settings_file
from vigicam.report_data import ReportData
from vigicam.reporters import notification_text

FIGURE_KINDS = ("new", "changed", "withdrawn")
HEALTH_KINDS = ("source_failing", "source_recovered")
TEXT_KINDS = ("text_changed",)  # the quiet layer: never sent unless the user asks


@dataclass
class NotifyConfig:
    urls: list[str] = field(default_factory=list)
    failure_urls: list[str] = field(default_factory=list)
    text: bool = False  # also send the quiet `text_changed` events (`text = true`, or `notify --notify-text`)


def load_config(path: Path | None) -> NotifyConfig:
    data = read_settings_file(path)  # [notify], and [crawl] for the crawls
    notify = data.get("notify", {})
    unknown = set(notify) - {"urls", "failure_urls", "text"}
    if unknown:
        raise ConfigError(f"unknown key {sorted(unknown)[0]!r} in {path}")
    if not isinstance(notify.get("text", False), bool):
        raise ConfigError(f"'text' in [notify] must be true or false, not {notify['text']!r} (in {path})")
    return NotifyConfig(list(notify.get("urls", [])), list(notify.get("failure_urls", [])), notify.get("text", False))


def send(urls: list[str], title: str, body: str) -> bool:
    """The body is declared plain text: Apprise then escapes it for each service that renders HTML (e-mail)
    or Markdown (Matrix, Slack…), so a page's `<details ontoggle=…>`, tracking image, form or
    `[link](javascript:…)` quoted in an event arrives as words, never live."""
    import apprise

    sender = apprise.Apprise()
    for url in urls:
        if not sender.add(url):
            raise ConfigError("an Apprise URL in the configuration is not valid (it is not shown: it may hold a token)")
    return bool(sender.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT))


@dataclass
class Delivery:
    """What one round of notifications did: events sent, events still waiting, and the channels that failed."""

    sent: int = 0
    pending: int = 0
    failed: list[str] = field(default_factory=list)


def notify_channel(db: Database, channel: str, urls: list[str], kinds: tuple[str, ...], delivery: Delivery) -> None:
    events = unsent(db, channel, kinds)
    if not events or not urls:
        return
    title = f"vigicam: {len(events)} change{'s' if len(events) > 1 else ''} of published figures"
    if send(urls, title, notification_text(ReportData.of(db, events))):
        mark_sent(db, channel, [e["id"] for e in events])
        delivery.sent += len(events)
    else:
        delivery.pending += len(events)
        delivery.failed.append(channel)


def deliver(db: Database, config: NotifyConfig) -> Delivery:
    """Send what has not been sent yet; what a service refused stays unsent, for the next try."""
    delivery = Delivery()
    figures = FIGURE_KINDS + (TEXT_KINDS if config.text else ())  # text changes only when asked
    if config.failure_urls:
        notify_channel(db, "events", config.urls, figures, delivery)
        notify_channel(db, "failures", config.failure_urls, HEALTH_KINDS, delivery)
    else:
        notify_channel(db, "events", config.urls, figures + HEALTH_KINDS, delivery)
    return delivery


def notify(db: Database, config: NotifyConfig) -> int:
    """Send what has not been sent yet; returns how many events went out (the scheduler's count)."""
    return deliver(db, config).sent
