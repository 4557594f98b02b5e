"""Publication dates in the many forms news corpora write them, as aware datetimes."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

# Reuters-21578: "26-FEB-1987 15:01:01.79", sometimes with desk codes after it ("...79RM").
_REUTERS_RE = re.compile(
    r"(\d{1,2})-([A-Za-z]{3})-(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?[A-Za-z ]*"
)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_EPOCH_RE = re.compile(r"-?\d+(?:\.\d+)?")
# Above this an epoch number is taken as milliseconds (1e11 seconds is the year 5138).
_MILLIS_FROM = 1e11
_FORMATS = (
    "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d",
    "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y",
    "%B %d, %Y %H:%M", "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%B %d %Y",
    "%d %B %Y", "%d %b %Y", "%d-%b-%Y %H:%M:%S", "%d-%b-%Y",
    "%Y-%m-%d %H:%M:%S %Z", "%Y%m%d",
)


def parse_date(value: object) -> datetime | None:
    """Parse a date or timestamp into a timezone-aware datetime (naive ones are UTC).

    None and blank strings give None; anything unrecognised raises ValueError.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, (int, float)):
        return _from_epoch(value)
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = " ".join(value.split())
    if not text:
        return None
    return _parse_text(text)


def _parse_text(text: str) -> datetime:
    if _EPOCH_RE.fullmatch(text) and not (len(text) == 8 and text.isdigit()):
        return _from_epoch(float(text) if "." in text else int(text))
    match = _REUTERS_RE.fullmatch(text)
    if match:
        return _from_reuters(match)
    try:
        return _aware(datetime.fromisoformat(text))
    except ValueError:
        pass
    for fmt in _FORMATS:
        try:
            return _aware(datetime.strptime(text, fmt))
        except ValueError:
            continue
    try:
        return _aware(parsedate_to_datetime(text))  # RFC 2822, as in e-mail and RSS
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"not a date: {text!r}") from None


def _from_reuters(match: re.Match[str]) -> datetime:
    day, month, year, hour, minute, second, fraction = match.groups()
    month_number = _MONTHS.get(month.lower())
    if month_number is None:
        raise ValueError(f"not a month: {month!r}")
    micros = int((fraction or "0").ljust(6, "0"))
    return datetime(int(year), month_number, int(day), int(hour), int(minute), int(second),
                    micros, tzinfo=timezone.utc)


def _from_epoch(number: float) -> datetime:
    seconds = number / 1000 if abs(number) >= _MILLIS_FROM else number
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"timestamp out of range: {number!r}") from None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)
