"""Domain errors raised by storage; the CLI turns them into one-line messages."""


class StorageError(Exception):
    """Base class of the errors a user can cause or fix."""


class SourceNotFound(StorageError):
    pass


class SourceExists(StorageError):
    pass
