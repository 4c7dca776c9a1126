"""Text as the rules compare it: lower case, one apostrophe, plain spaces."""

from __future__ import annotations


def norm(text: str) -> str:
    return text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ").lower()
