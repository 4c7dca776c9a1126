"""vigicam: watch what French cities publish about their video-surveillance cameras."""

__version__ = "0.1.0"
