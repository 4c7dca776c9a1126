"""The words stored in the database, defined once and used unchanged in code, SQL and JSON."""

from enum import StrEnum


class Outcome(StrEnum):
    """What one fetch attempt ended as."""

    NEW_CONTENT = "new_content"  # a text never seen for this source: stored and extracted
    NOT_MODIFIED = "not_modified"  # the server answered 304
    SAME_CONTENT = "same_content"  # the normalised text hashes as the source's last document
    FAILED = "failed"  # no usable page: HTTP error, timeout, binary, empty…
    SKIPPED = "skipped"  # not fetched on purpose: robots.txt, refused redirect…


class EventKind(StrEnum):
    """Kinds of rows in `changes`."""

    NEW = "new"
    CHANGED = "changed"
    WITHDRAWN = "withdrawn"
    SOURCE_FAILING = "source_failing"
    SOURCE_RECOVERED = "source_recovered"
    # a watched paragraph (cameras, CSU, vidéoprotection…) changed and no figure event tells it: quiet, shown
    # by `report --all` and notified only with `notify --notify-text` (storage/text_changes.py)
    TEXT_CHANGED = "text_changed"


SOURCE_KINDS = ("commune", "intercommunalite", "departement", "region", "press")

# A source's health events, as SQL: the partial index on them is used only by a query whose WHERE
# holds this very term.
HEALTH_KINDS_SQL = f"('{EventKind.SOURCE_FAILING}', '{EventKind.SOURCE_RECOVERED}')"
