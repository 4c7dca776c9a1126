"""vigicam's spiders."""
