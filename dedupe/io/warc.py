"""WARC web archives: the article in each HTML response, extracted by trafilatura."""

from __future__ import annotations

from typing import BinaryIO, Iterator

from dedupe.errors import InputError
from dedupe.io.fields import CANONICAL
from dedupe.io.files import ZSTD_MAGIC, InputFile, open_binary, sniff
from dedupe.io.html import trafilatura_extract
from dedupe.io.records import Located, ReadContext, to_article

_INSTALL = "reading WARC needs warcio and trafilatura: pip install 'news-dedupe[warc]'"


def require_warc() -> None:
    """Raise an InputError that says how to install warcio and trafilatura if either is missing."""
    try:
        import trafilatura  # noqa: F401
        import warcio  # noqa: F401
    except ImportError:
        raise InputError(_INSTALL) from None


def read_warc(file: InputFile, ctx: ReadContext) -> Iterator[Located]:
    """One article per successful HTML `response` record; its id is the target URL."""
    require_warc()
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with _open_warc(file) as stream:
        try:
            for number, record in enumerate(ArchiveIterator(stream), 1):
                if not _is_html_response(record):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{file.where}: record {number}"
                title, text = trafilatura_extract(record.content_stream().read(), url) or (None, "")
                if not text.strip():
                    ctx.problems.report(where, f"no article text in WARC record {number} ({url})")
                    continue
                fields = {
                    "id": url or record.rec_headers.get_header("WARC-Record-ID"),
                    "url": url,
                    "published": record.rec_headers.get_header("WARC-Date"),
                    "title": title,
                    "text": text,
                }
                article = to_article(fields, where, f"{file.label}:{number}", file, CANONICAL,
                                     ctx.problems, keep_meta=False)
                if article is not None:
                    yield where, article
        except ArchiveLoadFailed as error:
            ctx.problems.report(file.where, f"not a readable WARC file: {error}")


def _open_warc(file: InputFile) -> BinaryIO:
    # warcio reads gzip (record by record) itself; zstd it does not.
    if sniff(file.path, 4) == ZSTD_MAGIC:
        return open_binary(file.path)
    return open(file.path, "rb")


def _is_html_response(record) -> bool:  # type: ignore[no-untyped-def]
    """A response with a 2xx status and an HTML body; redirects and errors are not articles."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    status = record.http_headers.get_statuscode() or ""
    return "html" in content_type and status.startswith("2")
