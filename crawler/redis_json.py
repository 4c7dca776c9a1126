"""JSON for what travels through Redis: scrapy-redis's SCHEDULER_SERIALIZER, and the workers' results.

scrapy-redis pickles requests by default: whoever can write to the Redis server could then make every
worker run code of their choosing. JSON carries only data; bytes (bodies, header names and values) are
tagged base64, dictionaries with bytes keys (Scrapy's headers) are tagged lists of pairs. Anything else
(a set, an object) is refused when sent, not silently turned into a string.
"""

from __future__ import annotations

import base64
import json
from typing import Any

BYTES, PAIRS = "$bytes", "$pairs"


def encode(value: Any) -> Any:
    """A JSON-ready copy of `value`: str, int, float, bool, None, lists and dicts of them, and bytes."""
    if isinstance(value, bytes):
        return {BYTES: base64.b64encode(value).decode("ascii")}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        if all(isinstance(k, str) and k not in (BYTES, PAIRS) for k in value):
            return {k: encode(v) for k, v in value.items()}
        return {PAIRS: [[encode(k), encode(v)] for k, v in value.items()]}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot send a {type(value).__name__} through Redis (JSON only)")


def decode(value: Any) -> Any:
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if BYTES in value and len(value) == 1:
            return base64.b64decode(value[BYTES])
        if PAIRS in value and len(value) == 1:
            return {_hashable(decode(k)): decode(v) for k, v in value[PAIRS]}
        return {k: decode(v) for k, v in value.items()}
    return value


def _hashable(key: Any) -> Any:
    return tuple(key) if isinstance(key, list) else key


def dumps(obj: Any) -> str:
    """scrapy-redis's serializer interface: a request's dict → JSON text."""
    return json.dumps(encode(obj), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def loads(data: str | bytes) -> Any:
    """scrapy-redis's serializer interface: JSON text → the request's dict (never code)."""
    return decode(json.loads(data))
