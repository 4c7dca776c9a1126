"""Which events are still to be sent on a channel, and marking them sent (after success only)."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from storage.db import utcnow


def unsent(db: Database, channel: str, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    marks = ", ".join("?" for _ in kinds)
    return list(db.query(
        f"select * from changes c where c.kind in ({marks}) and not exists (select 1 from notifications n "
        "where n.channel = ? and n.change_id = c.id) order by c.id", [*kinds, channel]))


def mark_sent(db: Database, channel: str, change_ids: list[int]) -> None:
    now = utcnow()
    with db.atomic():
        db["notifications"].insert_all(({"change_id": i, "channel": channel, "sent_at": now} for i in change_ids),
                                       ignore=True)
