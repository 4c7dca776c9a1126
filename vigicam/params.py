"""click parameter types: what a user types is checked at parse time and refused in one line (exit 2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from vigicam.config import ConfigError, check_place, check_url, parse_date, parse_duration


class CheckedType(click.ParamType):
    """A parameter checked by one of `vigicam.config`'s functions; its ConfigError is the usage error."""

    def __init__(self, name: str, check: Callable[[str], Any]) -> None:
        self.name = name
        self.check = check

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return self.check(value)
        except ConfigError as exc:
            self.fail(str(exc), param, ctx)


DURATION = CheckedType("duration", parse_duration)  # 30s, 15m, 6h, 1d, 2w
URL = CheckedType("url", check_url)  # http(s), a host, no credentials, nothing that breaks out of quotes
DATE = CheckedType("date", parse_date)  # YYYY-MM-DD (or an ISO 8601 time), a real day: not 2026-02-30
PLACE = CheckedType("place", check_place)  # not empty, on one line
