"""The report stage: self-contained, offline HTML pages for the clusters of one run."""

from dedupe.report.names import safe_name, web_url
from dedupe.report.render import write_report

__all__ = ["write_report", "safe_name", "web_url"]
