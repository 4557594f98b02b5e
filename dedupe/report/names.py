"""Safe file names for cluster pages and safe links to articles."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

MAX_NAME = 100
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_EDGES = "".join(map(chr, range(0x21)))
_TAB_NEWLINE = re.compile(r"[\t\n\r]")


def safe_name(cluster_id: str) -> str:
    """A file stem made of [A-Za-z0-9._-], without a leading dot, at most 100 characters.

    When the id had to change, a short hash of the original id is appended so that two ids
    which sanitise alike ("a/b", "a_b") still get different files.
    """
    name = _UNSAFE.sub("_", cluster_id).lstrip(".")
    if name == cluster_id and 0 < len(name) <= MAX_NAME:
        return name
    suffix = hashlib.sha256(cluster_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    stem = name[: MAX_NAME - len(suffix) - 1] or "cluster"
    return f"{stem}-{suffix}"


def web_url(url: object) -> str | None:
    """The url if it is an absolute http(s) link, else None (no javascript:, data:, relative paths)."""
    if not isinstance(url, str):
        return None
    # Browsers drop leading/trailing spaces and control characters and ignore tabs and
    # newlines anywhere ("java\tscript:"), so judge the url the way the browser reads it.
    cleaned = _TAB_NEWLINE.sub("", url.strip(_EDGES))
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return cleaned
