"""SQLite storage for vigicam: schema, migrations, history writes and read queries.

Knows nothing of HTML or Scrapy: it stores what the crawler and the extractors hand it.
"""

from storage.db import DatabaseLocked, open_database, utcnow
from storage.errors import StorageError

__all__ = ["DatabaseLocked", "StorageError", "open_database", "utcnow"]
