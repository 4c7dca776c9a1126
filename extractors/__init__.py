"""French prose → typed figures about video-surveillance. Imports neither Scrapy nor SQLite."""

from extractors.figure import EXTRACTOR_VERSION, Figure
from extractors.pipeline import extract_figures, extract_text

__all__ = ["EXTRACTOR_VERSION", "Figure", "extract_figures", "extract_text"]
