"""Opening input files: transparent gzip/zstd, and lines decoded as UTF-8 with a fallback."""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from dedupe.errors import ProblemLog

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
COMPRESSED_SUFFIXES = (".gz", ".zst", ".zstd")
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class InputFile:
    """One file to read, with what its records fall back on when they lack an id or source."""

    path: Path
    label: str
    """Base of generated ids: the file name, or the path relative to an input directory."""
    default_source: str
    """Source of records that name none and have no URL."""

    @property
    def where(self) -> str:
        return str(self.path)


def plain_name(path: Path) -> str:
    """The file name, lower-cased, without a compression suffix ("a.jsonl.gz" → "a.jsonl")."""
    name = path.name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def stem(path: Path) -> str:
    """The file name without compression and format suffixes ("wire.jsonl.gz" → "wire")."""
    name = path.name
    for suffix in COMPRESSED_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return Path(name).stem or name


def sniff(path: Path, size: int = 8) -> bytes:
    """The first bytes of the file as stored (before any decompression)."""
    with open(path, "rb") as handle:
        return handle.read(size)


def open_binary(path: Path) -> BinaryIO:
    """Open for reading bytes, decompressing gzip or zstd when the magic bytes say so."""
    magic = sniff(path, 4)
    if magic.startswith(GZIP_MAGIC):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if magic == ZSTD_MAGIC:
        import zstandard

        raw = open(path, "rb")
        reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True,
                                                            closefd=True)
        return io.BufferedReader(reader)  # type: ignore[arg-type]
    return open(path, "rb")


def decode_line(raw: bytes, where: str, problems: ProblemLog) -> str:
    """UTF-8, or — reported — Windows-1252/Latin-1 so that the line is not lost."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        problems.report(where, "not valid UTF-8; read as Latin-1")
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def iter_lines(file: InputFile, problems: ProblemLog,
               keep_ends: bool = False) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) one physical line at a time, without a BOM or NUL bytes.

    Line ends ("\\n" or "\\r\\n") are stripped unless `keep_ends` (as the csv module wants).
    """
    with open_binary(file.path) as handle:
        for number, raw in enumerate(handle, 1):
            if number == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM):]
            if not keep_ends:
                raw = raw.rstrip(b"\r\n")
            text = decode_line(raw, f"{file.where}:{number}", problems)
            yield number, text.replace("\x00", "") if "\x00" in text else text


def read_text(file: InputFile, problems: ProblemLog) -> str:
    """The whole (small) file as text, decoded line by line like `iter_lines`."""
    return "".join(text for _, text in iter_lines(file, problems, keep_ends=True))
