"""French prose → typed figures about video-surveillance. Imports neither Scrapy nor SQLite."""

from extractors.figure import EXTRACTOR_VERSION, Figure

__all__ = ["EXTRACTOR_VERSION", "Figure"]
