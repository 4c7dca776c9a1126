"""What a spider hands the pipelines: one fetch attempt, successful or not."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FetchItem:
    source_id: int
    url: str
    started_at: str
    finished_at: str
    final_url: str | None = None
    http_status: int | None = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None  # set when nothing usable came back
    skipped: bool = False  # not fetched on purpose (robots.txt…)
