"""dedupe: find the same news story across many outlets and show how each changed it."""

__version__ = "0.1.0"
