"""Domain errors raised by storage; the CLI turns them into one-line messages."""


class StorageError(Exception):
    """Base class of the errors a user can cause or fix."""


class SourceNotFound(StorageError):
    pass


class SourceExists(StorageError):
    pass


class DatabaseDamaged(StorageError):
    pass


def storage_problem(exc: Exception, path: object, otherwise: str | None = None) -> str:
    """One line saying what is wrong with the database's storage and what to do, from SQLite's error: a
    user sees it instead of a traceback, whatever command met it."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return ("the database is locked by another program (a crawl, the scheduler, an SQLite client): "
                "nothing was changed; try again")
    if "readonly" in text or "read-only" in text:
        return (f"the database {path} cannot be written: the file or its folder is read-only or immutable "
                f"(see ls -l and lsattr): nothing was changed ({text})")
    if "full" in text:
        return f"no space left for the database {path} (disk or quota full): nothing was changed ({text})"
    if "disk I/O" in text:
        return (f"the disk holding the database {path} failed to read or write (a full disk does this too): "
                f"nothing was changed ({text})")
    if "malformed" in text or "corrupt" in text:
        return (f"the database {path} is damaged ({text}): restore it from a backup, or save what is left "
                f"with `sqlite3 {path} .recover > recovered.sql`")
    if "not a database" in text:
        return f"{path} is not a vigicam database: {text}"
    return otherwise or f"database error: {text}"
